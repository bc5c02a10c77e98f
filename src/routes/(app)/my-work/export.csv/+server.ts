import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { exportMyWork } from '$lib/server/tasks/my-work-export';
import type { RequestHandler } from './$types';

/** The signed-in user's open tasks, as My work lists them, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await exportMyWork(locals.db, user);
	return csvDownload(filename, header, batches);
};
