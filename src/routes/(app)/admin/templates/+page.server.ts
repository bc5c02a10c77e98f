import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import * as templates from '$lib/server/onboarding/template-admin.service';
import { id, text, version } from '$lib/domain/validation';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, ['admin'], url);
	return { templates: await templates.listForAdmin(locals.db, user) };
}) satisfies PageServerLoad;

const refFields = { id: id(), version: version() };

export const actions = {
	create: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm(
			'create',
			await request.formData(),
			{ name: text({ required: true, max: 200 }) },
			async (input) => {
				const created = await templates.createBlank(locals.db, user, input.name);
				redirect(303, `/admin/templates/${created}`);
			}
		);
	},
	duplicate: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('duplicate', await request.formData(), { id: id() }, async (input) => {
			const created = await templates.duplicate(locals.db, user, input.id);
			redirect(303, `/admin/templates/${created}`);
		});
	},
	archive: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('archive', await request.formData(), refFields, async (input) => {
			await templates.setArchived(locals.db, user, input.id, input.version, true);
			return { form: 'archive', saved: true };
		});
	},
	restore: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('archive', await request.formData(), refFields, async (input) => {
			await templates.setArchived(locals.db, user, input.id, input.version, false);
			return { form: 'archive', saved: true };
		});
	}
} satisfies Actions;
