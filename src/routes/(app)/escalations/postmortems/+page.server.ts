import { parsePostmortemQuery } from '$lib/domain/postmortem-query';
import { requireUser } from '$lib/server/auth/guard';
import { listPostmortems } from '$lib/server/escalations/postmortem-list';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parsePostmortemQuery(url.searchParams);
	return { query, ...(await listPostmortems(locals.db, user, query)) };
}) satisfies PageServerLoad;
