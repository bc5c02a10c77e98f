import { parseAccountListQuery } from '$lib/domain/account-list-query';
import { exportAccounts } from '$lib/server/accounts/account-export';
import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import type { RequestHandler } from './$types';

/** Every account the list's filters in the URL match, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await exportAccounts(
		locals.db,
		user,
		parseAccountListQuery(url.searchParams)
	);
	return csvDownload(filename, header, batches);
};
