import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as health from '$lib/server/health/health.service';
import { clearOverrideFields, overrideFields } from '$lib/server/health/health.schema';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(health.getForAccount(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;

// A judgement is the CSM's (or a manager's) call; the service checks the account team.
export const actions = {
	judge: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('judge', await request.formData(), overrideFields, async (input) => {
			await health.setOverride(locals.db, user, Number(params.accountId), input);
			return { form: 'judge', saved: true };
		});
	},
	clearJudgement: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm(
			'clearJudgement',
			await request.formData(),
			clearOverrideFields,
			async (input) => {
				await health.clearOverride(locals.db, user, Number(params.accountId), input.version);
				return { form: 'clearJudgement', saved: true };
			}
		);
	}
} satisfies Actions;
