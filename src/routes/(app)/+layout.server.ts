import { MY_WORK, navigationFor } from '$lib/domain/navigation';
import { requireUser } from '$lib/server/auth/guard';
import { myWorkCount } from '$lib/server/tasks/my-work.service';
import type { LayoutServerLoad } from './$types';

// The one guard for everything behind sign-in. Form actions do not run layout loads, so each
// action checks the user again itself.
export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const nav = navigationFor(user.role, user.id);
	// The count beside "My work": one indexed query, only for roles that have the page.
	const workCount = nav.includes(MY_WORK) ? await myWorkCount(locals.db, user) : null;
	return {
		user: { id: user.id, name: user.name, email: user.email, role: user.role },
		nav: nav.map((item) => ({ ...item, count: item === MY_WORK ? workCount : null }))
	};
}) satisfies LayoutServerLoad;
