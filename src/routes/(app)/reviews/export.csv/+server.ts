import { parseReviewListQuery } from '$lib/domain/review-list-query';
import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { loadOr404 } from '$lib/server/http/load';
import { exportReviews } from '$lib/server/reviews/review-export';
import type { RequestHandler } from './$types';

/** Every row of the reviews list's view the filters in the URL match, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await loadOr404(
		exportReviews(locals.db, user, parseReviewListQuery(url.searchParams))
	);
	return csvDownload(filename, header, batches);
};
