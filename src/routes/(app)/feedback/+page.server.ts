import { parseFeedbackTrendsQuery } from '$lib/domain/feedback-trends-query';
import { requireUser } from '$lib/server/auth/guard';
import * as feedbackTrends from '$lib/server/feedback/feedback-trends.service';
import { loadOr404 } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseFeedbackTrendsQuery(url.searchParams);
	return { query, ...(await loadOr404(feedbackTrends.trends(locals.db, user, query))) };
}) satisfies PageServerLoad;
