import { itemRefFields } from '$lib/server/onboarding/onboarding.schema';
import { requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import * as work from '$lib/server/tasks/my-work.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return work.myWork(locals.db, user);
}) satisfies PageServerLoad;

export const actions = {
	complete: async ({ locals, request }) => {
		const user = requireUser(locals);
		return handleForm('complete', await request.formData(), itemRefFields, async (input) => {
			await work.completeTask(locals.db, user, input.id, input.version);
			return { form: 'complete', saved: true };
		});
	}
} satisfies Actions;
