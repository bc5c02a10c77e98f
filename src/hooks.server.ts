import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { resolveLocale, LOCALE_COOKIE } from '$lib/i18n/locale';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { closeAppDatabase, getDb } from '$lib/server/db';
import { DataDirLockedError } from '$lib/server/db/connect';
import { scheduleDailyHealth } from '$lib/server/jobs/daily-health';
import { scheduleSlaSweep } from '$lib/server/jobs/sla-sweep';
import { scheduleOnboardingRiskSweep } from '$lib/server/jobs/onboarding-risk';
import { scheduleWebhookDelivery } from '$lib/server/jobs/webhook-delivery';
import { prepareFirstStart } from '$lib/server/startup';
import { unavailableResponse } from '$lib/server/http/unavailable';
import { isConnectionFailure } from '$lib/server/db/connection-errors';

export const init: ServerInit = async () => {
	// KEEL_JOBS=0 leaves periodic work to other instances (or, in tests, to the test).
	const stoppers =
		process.env.KEEL_JOBS === '0'
			? []
			: [
					scheduleDailyHealth,
					scheduleSlaSweep,
					scheduleOnboardingRiskSweep,
					scheduleWebhookDelivery
				].map((schedule) => schedule(getDb));
	const stopJobs = () => stoppers.forEach((stop) => stop());
	process.once('sveltekit:shutdown', () => {
		stopJobs();
		void closeAppDatabase();
	});
	try {
		await prepareFirstStart(await getDb());
	} catch (cause) {
		// Another process holds the embedded database: serving would only ever answer 503.
		if (cause instanceof DataDirLockedError) {
			console.error(`[keel] ${cause.message}`);
			process.exit(1);
		}
		// A server that is down: start anyway, answer 503 until it can be reached.
		console.error('[keel] database not ready at start:', cause);
	}
};

/**
 * Requests whose load, action or endpoint lost the database: handleError marks them, and the
 * `database` handle then answers 503 in place of the 500 SvelteKit rendered. SvelteKit 2 gives
 * an unexpected error status 500 whatever handleError returns, so the status is changed here,
 * once, instead of in every service.
 */
const lostDatabase = new WeakSet<Request>();

/** One line, not a stack: an outage is expected and every request in it would log one. */
function logUnavailable(event: RequestEvent, cause: unknown) {
	console.error(
		`[keel] database unavailable: ${event.request.method} ${event.url.pathname}:`,
		(cause as Error).message
	);
}

const database: Handle = async ({ event, resolve }) => {
	try {
		event.locals.db = await getDb();
	} catch (cause) {
		logUnavailable(event, cause);
		return unavailableResponse(event);
	}
	try {
		const response = await resolve(event);
		return lostDatabase.has(event.request) ? unavailableResponse(event) : response;
	} catch (cause) {
		// The session hook runs before SvelteKit's own error handling, so its failures land here.
		if (!isConnectionFailure(cause)) throw cause;
		logUnavailable(event, cause);
		return unavailableResponse(event);
	}
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(event.locals.db, token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionId = valid.session.id;
			if (valid.session.renewed) {
				event.cookies.set(
					SESSION_COOKIE,
					token,
					sessionCookieOptions(event.url, valid.session.expiresAt)
				);
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

const locale: Handle = async ({ event, resolve }) => {
	event.locals.locale = resolveLocale(
		event.locals.user?.locale,
		event.cookies.get(LOCALE_COOKIE),
		event.request.headers.get('accept-language')
	);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

/**
 * SvelteKit refuses cross-site form posts; this refuses every other state-changing request a
 * browser sends from another origin (a fetch with no body type, or JSON), so a sibling site on
 * the same domain cannot, say, sign the user out. The API is exempt: it opens with a bearer
 * token, never a cookie.
 */
const sameOrigin: Handle = async ({ event, resolve }) => {
	const { method, headers } = event.request;
	const origin = headers.get('origin');
	const unsafe = method !== 'GET' && method !== 'HEAD';
	if (unsafe && origin !== null && origin !== event.url.origin) {
		if (!event.url.pathname.startsWith('/api/')) {
			return new Response('Cross-site requests are forbidden', {
				status: 403,
				headers: { 'content-type': 'text/plain; charset=utf-8' }
			});
		}
	}
	return resolve(event);
};

// Responses SvelteKit renders carry its CSP (svelte.config.js); the rest (CSV, calendars, JSON,
// the database-down page) may load nothing but their own inline styles, and never in a frame.
const FALLBACK_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** First in the chain, so every answer gets them, the database-down page and refusals included. */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', FALLBACK_CSP);
	// Only over https: over plain http the header is ignored, and a developer's localhost stays usable.
	if (event.url.protocol === 'https:') {
		headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

export const handle = sequence(securityHeaders, sameOrigin, database, session, locale);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not found' };
	if (isConnectionFailure(error)) {
		lostDatabase.add(event.request);
		logUnavailable(event, error);
		return { message: 'The database cannot be reached; try again shortly.' };
	}
	const id = crypto.randomUUID();
	console.error(`[keel] ${id} ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Something went wrong on our side.', id };
};
