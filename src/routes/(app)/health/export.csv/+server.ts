import { parseHealthReviewQuery, parseHealthReviewTable } from '$lib/domain/health-review-query';
import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { exportHealthReview, exportHealthTable } from '$lib/server/health/health-export';
import { loadOr404 } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/**
 * The review's accounts the filters in the URL match, as CSV, streamed; with `?table=` one of its
 * band or group tables instead. 403 for anyone but managers, as for the page.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseHealthReviewQuery(url.searchParams);
	const table = parseHealthReviewTable(url.searchParams);
	const { filename, header, batches } = await loadOr404(
		table === null
			? exportHealthReview(locals.db, user, query)
			: exportHealthTable(locals.db, user, query, table)
	);
	return csvDownload(filename, header, batches);
};
