import { requireRole } from '$lib/server/auth/guard';
import { markAllRead, notifications } from '$lib/server/churn/risk-list.service';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

/** New critical churn flags, for managers and sales. */
const READERS = ['manager', 'sales'] as const;

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, READERS, url);
	return loadOr404(notifications(locals.db, user));
}) satisfies PageServerLoad;

export const actions = {
	markRead: async ({ locals }) => {
		const user = requireRole(locals, READERS);
		await markAllRead(locals.db, user);
		return { form: 'markRead', saved: true };
	}
} satisfies Actions;
