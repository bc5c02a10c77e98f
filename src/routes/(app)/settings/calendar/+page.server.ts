import { requireUser } from '$lib/server/auth/guard';
import * as calendar from '$lib/server/calendar/calendar-feed.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		feed: await calendar.feedStatus(locals.db, user),
		window: { past: calendar.FEED_PAST_DAYS, future: calendar.FEED_FUTURE_DAYS }
	};
}) satisfies PageServerLoad;

export const actions = {
	/** Makes the feed's address, or a new one in place of the old: shown in this answer only. */
	create: async ({ locals, url }) => {
		const user = requireUser(locals);
		const token = await calendar.createFeed(locals.db, user);
		return { form: 'create', feedUrl: `${url.origin}/calendar/${token}.ics` };
	},
	remove: async ({ locals }) => {
		const user = requireUser(locals);
		await calendar.removeFeed(locals.db, user);
		return { form: 'remove', saved: true };
	}
} satisfies Actions;
