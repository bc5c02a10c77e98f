import { parseReviewListQuery } from '$lib/domain/review-list-query';
import { requireUser } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import { reviewList } from '$lib/server/reviews/review-list.service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseReviewListQuery(url.searchParams);
	return { query, ...(await loadOr404(reviewList(locals.db, user, query))) };
}) satisfies PageServerLoad;
