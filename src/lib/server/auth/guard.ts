import { error, redirect } from '@sveltejs/kit';
import type { UserRole } from '../../domain/vocabulary';
import type { SessionUser } from './session-user';

/** The signed-in user, or off to the sign-in page. Every load and action calls this itself. */
export function requireUser(locals: App.Locals, url?: URL): SessionUser {
	if (!locals.user) {
		const next = url ? `?next=${encodeURIComponent(url.pathname + url.search)}` : '';
		redirect(303, `/login${next}`);
	}
	return locals.user;
}

export function requireRole(
	locals: App.Locals,
	roles: readonly UserRole[],
	url?: URL
): SessionUser {
	const user = requireUser(locals, url);
	if (!roles.includes(user.role)) error(403, 'You may not do this.');
	return user;
}
