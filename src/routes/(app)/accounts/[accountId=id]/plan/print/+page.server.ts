import { requireUser } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import * as plans from '$lib/server/plans/plan.service';
import type { PageServerLoad } from './$types';

// Outside the app shell (+page@.svelte), so this load is the only guard: check the user here.
export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(plans.getPlan(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;
