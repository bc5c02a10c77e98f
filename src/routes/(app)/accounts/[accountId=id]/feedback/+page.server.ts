import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { parseFeedbackListQuery } from '$lib/domain/feedback-list-query';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as feedback from '$lib/server/feedback/feedback.service';
import * as feedbackTab from '$lib/server/feedback/feedback-tab.service';
import { feedbackFields, routeFields } from '$lib/server/feedback/feedback.schema';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(
		feedbackTab.getForAccount(
			locals.db,
			user,
			Number(params.accountId),
			parseFeedbackListQuery(url.searchParams)
		)
	);
}) satisfies PageServerLoad;

export const actions = {
	capture: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		const form = await request.formData();
		return handleForm('capture', form, feedbackFields(form), async (input) => {
			const { followUp } = await feedback.capture(locals.db, user, Number(params.accountId), input);
			return { form: 'capture', saved: true, followUp };
		});
	},
	status: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('status', await request.formData(), routeFields, async (input) => {
			const { id, version, ...rest } = input;
			await feedback.route(locals.db, user, Number(params.accountId), id, version, rest);
			return { form: 'status', id, saved: true };
		});
	}
} satisfies Actions;
