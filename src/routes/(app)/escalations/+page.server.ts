import { parseEscalationQueueQuery } from '$lib/domain/escalation-queue-query';
import { requireUser } from '$lib/server/auth/guard';
import { queue } from '$lib/server/escalations/escalation-queue.service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseEscalationQueueQuery(url.searchParams);
	return { query, ...(await queue(locals.db, user, query)) };
}) satisfies PageServerLoad;
