import { requireUser } from '$lib/server/auth/guard';
import * as health from '$lib/server/health/health.service';
import { loadOr404 } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(health.getForAccount(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;
