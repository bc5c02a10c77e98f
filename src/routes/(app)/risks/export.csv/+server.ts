import { parseRiskListQuery } from '$lib/domain/risk-list-query';
import { requireUser } from '$lib/server/auth/guard';
import { exportRisks } from '$lib/server/churn/risk-export';
import { csvDownload } from '$lib/server/export/csv-download';
import { loadOr404 } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** Every churn flag the list's filters in the URL match, as CSV, streamed; 403 as for the list. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await loadOr404(
		exportRisks(locals.db, user, parseRiskListQuery(url.searchParams))
	);
	return csvDownload(filename, header, batches);
};
