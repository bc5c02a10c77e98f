import { parseHealthReviewQuery } from '$lib/domain/health-review-query';
import { requireUser } from '$lib/server/auth/guard';
import * as healthReview from '$lib/server/health/health-review.service';
import { loadOr404 } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseHealthReviewQuery(url.searchParams);
	return { query, ...(await loadOr404(healthReview.review(locals.db, user, query))) };
}) satisfies PageServerLoad;
