import { navigationFor } from '$lib/domain/navigation';
import { requireUser } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

// The one guard for everything behind sign-in. Form actions do not run layout loads, so each
// action checks the user again itself.
export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		user: { id: user.id, name: user.name, email: user.email, role: user.role },
		nav: navigationFor(user.role, user.id)
	};
}) satisfies LayoutServerLoad;
