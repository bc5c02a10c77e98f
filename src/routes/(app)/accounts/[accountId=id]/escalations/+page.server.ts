import { redirect } from '@sveltejs/kit';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as escalations from '$lib/server/escalations/escalation.service';
import { escalationFields } from '$lib/server/escalations/escalation.schema';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(escalations.getForAccount(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;

export const actions = {
	// A reseller's partner CSM opens escalations too (their customers call them first).
	open: async ({ locals, request, params }) => {
		const user = requireRole(locals, ['csm', 'manager', 'partner']);
		const opened = await handleForm('open', await request.formData(), escalationFields, (input) =>
			escalations.openEscalation(locals.db, user, Number(params.accountId), input)
		);
		if (typeof opened !== 'number') return opened;
		redirect(303, `/escalations/${opened}`);
	}
} satisfies Actions;
