import { calendarFeed } from '$lib/server/calendar/calendar-feed.service';
import { loadOr404 } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/**
 * A user's private calendar feed. Calendar apps fetch it without a session: the token in the
 * URL is the only key, so anything short of a live feed of an active user is a plain 404.
 */
export const GET = (async ({ locals, params }) => {
	const ics = await loadOr404(calendarFeed(locals.db, params.token));
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="keel.ics"',
			'cache-control': 'private, no-store',
			// The URL is a secret: keep it out of Referer headers and search results.
			'referrer-policy': 'no-referrer',
			'x-robots-tag': 'noindex'
		}
	});
}) satisfies RequestHandler;
