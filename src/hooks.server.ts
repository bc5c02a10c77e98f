import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
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
import { databaseUnavailablePage } from '$lib/server/http/unavailable';
import { apiUnavailable } from '$lib/server/api/api-errors';

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

const database: Handle = async ({ event, resolve }) => {
	try {
		event.locals.db = await getDb();
	} catch (cause) {
		console.error('[keel] database unavailable:', (cause as Error).message);
		return event.url.pathname.startsWith('/api/') ? apiUnavailable() : databaseUnavailablePage();
	}
	return resolve(event);
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
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

export const handle = sequence(database, session, locale);

export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not found' };
	const id = crypto.randomUUID();
	console.error(`[keel] ${id} ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Something went wrong on our side.', id };
};
