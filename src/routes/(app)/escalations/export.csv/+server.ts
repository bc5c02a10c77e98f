import { parseEscalationQueueQuery } from '$lib/domain/escalation-queue-query';
import { requireUser } from '$lib/server/auth/guard';
import { exportEscalationQueue } from '$lib/server/escalations/escalation-queue-export';
import { csvDownload } from '$lib/server/export/csv-download';
import type { RequestHandler } from './$types';

/** Every escalation the queue's filters in the URL match, as CSV, streamed. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { filename, header, batches } = await exportEscalationQueue(
		locals.db,
		user,
		parseEscalationQueueQuery(url.searchParams)
	);
	return csvDownload(filename, header, batches);
};
