import { parseBoardQuery } from '$lib/domain/onboarding-board-query';
import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { exportBoard } from '$lib/server/onboarding/board-export';
import type { RequestHandler } from './$types';

/** Every onboarding in progress the board's filters in the URL match, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await exportBoard(
		locals.db,
		user,
		parseBoardQuery(url.searchParams)
	);
	return csvDownload(filename, header, batches);
};
