import { IMPORTERS } from '$lib/domain/access';
import { requireRole } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { loadOr404 } from '$lib/server/http/load';
import * as imports from '$lib/server/imports/import.service';
import type { RequestHandler } from './$types';

/** Every problem of the import's last check, with each row's cells, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireRole(locals, IMPORTERS, url);
	const { filename, header, batches } = await loadOr404(
		imports.problemReport(locals.db, user, Number(params.importId))
	);
	return csvDownload(filename, header, batches);
};
