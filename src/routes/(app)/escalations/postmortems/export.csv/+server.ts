import { parsePostmortemQuery } from '$lib/domain/postmortem-query';
import { requireUser } from '$lib/server/auth/guard';
import { exportPostmortems } from '$lib/server/escalations/postmortem-export';
import { csvDownload } from '$lib/server/export/csv-download';
import type { RequestHandler } from './$types';

/** Every post-mortem the search in the URL matches, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await exportPostmortems(
		locals.db,
		user,
		parsePostmortemQuery(url.searchParams)
	);
	return csvDownload(filename, header, batches);
};
