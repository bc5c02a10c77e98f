import { redirect } from '@sveltejs/kit';
import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as feedback from '$lib/server/feedback/feedback.service';
import * as feedbackTab from '$lib/server/feedback/feedback-tab.service';
import { deleteFields, editFeedbackFields } from '$lib/server/feedback/feedback.schema';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(
		feedbackTab.getFeedback(locals.db, user, Number(params.accountId), Number(params.feedbackId))
	);
}) satisfies PageServerLoad;

export const actions = {
	edit: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		const form = await request.formData();
		const accountId = Number(params.accountId);
		const saved = await handleForm('edit', form, editFeedbackFields(form), async (input) => {
			const { version, ...rest } = input;
			await feedback.edit(locals.db, user, accountId, Number(params.feedbackId), version, rest);
			return 'saved' as const;
		});
		if (saved !== 'saved') return saved;
		redirect(303, `/accounts/${accountId}/feedback`);
	},
	delete: async ({ locals, request, params }) => {
		const user = requireRole(locals, ['manager']);
		const accountId = Number(params.accountId);
		const deleted = await handleForm('delete', await request.formData(), deleteFields, (input) =>
			feedback
				.remove(locals.db, user, accountId, Number(params.feedbackId), input.version)
				.then(() => 'deleted' as const)
		);
		if (deleted !== 'deleted') return deleted;
		redirect(303, `/accounts/${accountId}/feedback`);
	}
} satisfies Actions;
