import { error } from '@sveltejs/kit';
import { isOneOf } from '$lib/domain/vocabulary';
import { parseFeedbackTrendsQuery } from '$lib/domain/feedback-trends-query';
import { loadCatalogue } from '$lib/i18n/catalogue';
import { requireUser } from '$lib/server/auth/guard';
import { TREND_CHARTS, trendsCsv } from '$lib/server/feedback/feedback-trends-csv';
import * as feedbackTrends from '$lib/server/feedback/feedback-trends.service';
import { loadOr404 } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** One trends chart's data as CSV, for the filters in the URL (`chart` names which). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const chart = url.searchParams.get('chart');
	if (!isOneOf(TREND_CHARTS, chart)) error(400, 'Unknown chart');
	const query = parseFeedbackTrendsQuery(url.searchParams);
	if (chart === 'groups' && query.compare === null) error(400, 'Choose a comparison');
	const data = await loadOr404(feedbackTrends.trends(locals.db, user, query));
	const csv = trendsCsv(data, chart, query.compare, await loadCatalogue(user.locale));
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="keel-feedback-${chart}-${data.months.at(-1)!.slice(0, 7)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
