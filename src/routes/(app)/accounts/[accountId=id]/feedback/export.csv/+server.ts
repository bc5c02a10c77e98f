import { parseFeedbackListQuery } from '$lib/domain/feedback-list-query';
import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { exportAccountFeedback } from '$lib/server/feedback/feedback-export';
import { loadOr404 } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** The account's responses the Feedback tab's filters in the URL match, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await loadOr404(
		exportAccountFeedback(
			locals.db,
			user,
			Number(params.accountId),
			parseFeedbackListQuery(url.searchParams)
		)
	);
	return csvDownload(filename, header, batches);
};
