import { requireRole } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import * as webhooks from '$lib/server/webhooks/webhook.service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, ['admin'], url);
	return {
		webhooks: await loadOr404(webhooks.listWebhooks(locals.db, user)),
		deleted: url.searchParams.has('deleted')
	};
}) satisfies PageServerLoad;
