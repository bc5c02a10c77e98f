import { requireRole } from '$lib/server/auth/guard';
import { saveWebhookAction } from '../save-webhook';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireRole(locals, ['admin'], url);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	save: ({ locals, request }) => saveWebhookAction(locals, request, null)
} satisfies Actions;
