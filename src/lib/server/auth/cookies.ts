import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** HttpOnly, SameSite=Lax, and Secure everywhere but a developer's own machine. */
export function sessionCookieOptions(url: URL, expires: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: !LOCAL_HOSTS.has(url.hostname) && !url.hostname.startsWith('127.'),
		expires
	};
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, expires: Date) {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, expires));
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
