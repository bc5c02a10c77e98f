import { requireUser } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import * as reviewView from '$lib/server/reviews/review-view.service';
import type { PageServerLoad } from './$types';

// Outside the app shell (+page@.svelte), so this load is the only guard: check the user here.
export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const review = await loadOr404(
		reviewView.getReview(locals.db, user, Number(params.accountId), Number(params.reviewId))
	);
	return { ...review, preparedBy: user.name, today: new Date() };
}) satisfies PageServerLoad;
