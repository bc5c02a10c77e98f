import { parseRiskListQuery } from '$lib/domain/risk-list-query';
import { id } from '$lib/domain/validation';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as churn from '$lib/server/churn/churn.service';
import { riskList } from '$lib/server/churn/risk-list.service';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseRiskListQuery(url.searchParams);
	return { query, ...(await loadOr404(riskList(locals.db, user, query))) };
}) satisfies PageServerLoad;

export const actions = {
	acknowledge: async ({ locals, request }) => {
		const user = requireRole(locals, ['sales', 'manager']);
		const fields = { id: id(), account_id: id() };
		return handleForm('acknowledge', await request.formData(), fields, async (input) => {
			await churn.acknowledge(locals.db, user, input.account_id, input.id);
			return { form: 'acknowledge', id: input.id, saved: true };
		});
	}
} satisfies Actions;
