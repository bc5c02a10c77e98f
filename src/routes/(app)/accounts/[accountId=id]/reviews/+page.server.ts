import { redirect } from '@sveltejs/kit';
import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { positiveInt } from '$lib/domain/query-params';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import { attendeesOf, scheduleFields } from '$lib/server/reviews/review.schema';
import * as reviews from '$lib/server/reviews/review.service';
import * as reviewView from '$lib/server/reviews/review-view.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const page = positiveInt(url.searchParams.get('page'), 100_000) ?? 1;
	return loadOr404(reviewView.getForAccount(locals.db, user, Number(params.accountId), page));
}) satisfies PageServerLoad;

export const actions = {
	schedule: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		const form = await request.formData();
		const scheduled = await handleForm('schedule', form, scheduleFields, (input) =>
			reviews.scheduleReview(locals.db, user, Number(params.accountId), {
				...input,
				attendees: attendeesOf(form)
			})
		);
		if (typeof scheduled !== 'number') return scheduled;
		redirect(303, `/accounts/${params.accountId}/reviews/${scheduled}`);
	}
} satisfies Actions;
