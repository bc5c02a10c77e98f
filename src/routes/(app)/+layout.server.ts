import { MY_WORK, NOTIFICATIONS, navigationFor } from '$lib/domain/navigation';
import { requireUser } from '$lib/server/auth/guard';
import { unreadCount } from '$lib/server/notifications/notification.service';
import { myWorkCount } from '$lib/server/tasks/my-work.service';
import type { LayoutServerLoad } from './$types';

// The one guard for everything behind sign-in. Form actions do not run layout loads, so each
// action checks the user again itself.
export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const nav = navigationFor(user.role, user.id);
	// The count beside "My work": one indexed query, only for roles that have the page.
	const [workCount, unread] = await Promise.all([
		nav.includes(MY_WORK) ? myWorkCount(locals.db, user) : null,
		// Unread notifications: one count on the partial index of unread rows.
		nav.includes(NOTIFICATIONS) ? unreadCount(locals.db, user) : null
	]);
	const counts = new Map([
		[MY_WORK, workCount],
		[NOTIFICATIONS, unread]
	]);
	return {
		user: { id: user.id, name: user.name, email: user.email, role: user.role },
		nav: nav.map((item) => ({ ...item, count: counts.get(item) ?? null }))
	};
}) satisfies LayoutServerLoad;
