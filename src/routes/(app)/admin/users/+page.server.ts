import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { newUserFields, userRoleFields, userStatusFields } from '$lib/server/users/user.schema';
import * as users from '$lib/server/users/user.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, ['admin'], url);
	return users.listUsers(locals.db, user);
}) satisfies PageServerLoad;

// Each action checks the actor again (layout loads do not run for actions); the service checks too.
export const actions = {
	create: async ({ locals, request }) => {
		const actor = requireRole(locals, ['admin']);
		return handleForm('create', await request.formData(), newUserFields, async (input) => {
			await users.createUser(locals.db, actor, input);
			return { form: 'create', saved: true };
		});
	},
	changeRole: async ({ locals, request }) => {
		const actor = requireRole(locals, ['admin']);
		return handleForm('changeRole', await request.formData(), userRoleFields, async (input) => {
			await users.changeRole(locals.db, actor, input.id, input.version, input);
			return { form: 'changeRole', saved: true };
		});
	},
	disable: async ({ locals, request }) => {
		const actor = requireRole(locals, ['admin']);
		return handleForm('status', await request.formData(), userStatusFields, async (input) => {
			await users.setDisabled(locals.db, actor, input.id, input.version, true);
			return { form: 'status', saved: true };
		});
	},
	enable: async ({ locals, request }) => {
		const actor = requireRole(locals, ['admin']);
		return handleForm('status', await request.formData(), userStatusFields, async (input) => {
			await users.setDisabled(locals.db, actor, input.id, input.version, false);
			return { form: 'status', saved: true };
		});
	}
} satisfies Actions;
