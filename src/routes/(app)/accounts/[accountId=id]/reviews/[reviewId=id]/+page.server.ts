import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import {
	actionFields,
	actionStateFields,
	attendeesOf,
	cancelFields,
	editFields,
	holdFields
} from '$lib/server/reviews/review.schema';
import * as reviews from '$lib/server/reviews/review.service';
import * as reviewView from '$lib/server/reviews/review-view.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(
		reviewView.getReview(locals.db, user, Number(params.accountId), Number(params.reviewId))
	);
}) satisfies PageServerLoad;

const saved = (form: string) => ({ form, saved: true });

// Running the review is for those who may edit the account; working its follow-ups also for
// the reseller's partner CSM. The services check the account-level rules.
export const actions = {
	edit: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		const form = await request.formData();
		return handleForm('edit', form, editFields, async (input) => {
			await reviews.editReview(locals.db, user, Number(params.accountId), Number(params.reviewId), {
				...input,
				attendees: attendeesOf(form)
			});
			return saved('edit');
		});
	},
	hold: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('hold', await request.formData(), holdFields, async (input) => {
			await reviews.recordHeld(
				locals.db,
				user,
				Number(params.accountId),
				Number(params.reviewId),
				input
			);
			return saved('hold');
		});
	},
	cancel: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('cancel', await request.formData(), cancelFields, async (input) => {
			await reviews.cancelReview(
				locals.db,
				user,
				Number(params.accountId),
				Number(params.reviewId),
				input
			);
			return saved('cancel');
		});
	},
	action: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('action', await request.formData(), actionFields, async (input) => {
			await reviews.addAction(
				locals.db,
				user,
				Number(params.accountId),
				Number(params.reviewId),
				input
			);
			return saved('action');
		});
	},
	actionState: async ({ locals, request }) => {
		const user = requireRole(locals, [...ACCOUNT_WRITERS, 'partner']);
		return handleForm('actionState', await request.formData(), actionStateFields, async (input) => {
			await reviews.changeAction(locals.db, user, input.id, input.version, input.done);
			return saved('actionState');
		});
	}
} satisfies Actions;
