import { METRIC_KEYS } from '$lib/domain/adoption';
import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { isOneOf } from '$lib/domain/vocabulary';
import * as adoption from '$lib/server/adoption/adoption.service';
import { usageFields } from '$lib/server/adoption/adoption.schema';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

/** `?metric=…&month=YYYY-MM` opens that reading in the correction form. */
function focusFrom(url: URL): adoption.UsageFocus | null {
	const metric = url.searchParams.get('metric');
	const month = url.searchParams.get('month') ?? '';
	if (!isOneOf(METRIC_KEYS, metric) || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
	return { metric, month: `${month}-01` };
}

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(
		adoption.getForAccount(locals.db, user, Number(params.accountId), focusFrom(url))
	);
}) satisfies PageServerLoad;

export const actions = {
	record: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('record', await request.formData(), usageFields, async (input) => {
			await adoption.recordUsage(locals.db, user, Number(params.accountId), input);
			return { form: 'record', saved: true };
		});
	}
} satisfies Actions;
