import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/auth/cookies';
import { invalidateSession } from '$lib/server/auth/session';
import type { RequestHandler } from './$types';

/** Ends the session on the server, not just in the browser. POST only: a link cannot sign you out. */
export const POST = (async ({ locals, cookies }) => {
	if (locals.sessionId) await invalidateSession(locals.db, locals.sessionId);
	clearSessionCookie(cookies);
	redirect(303, '/login');
}) satisfies RequestHandler;
