import { loadMessages } from '$lib/i18n/catalogue';
import { sectionsForRoute } from '$lib/i18n/route-sections';
import type { LayoutLoad } from './$types';

// The messages are loaded here, in the universal load, rather than sent as server data: on the
// server they are already in memory, in the browser each section is one cached chunk. Reading
// route.id re-runs this on navigation, so each route gets core plus the sections it shows.
export const load = (async ({ data, route }) => {
	return { ...data, messages: await loadMessages(data.locale, sectionsForRoute(route.id)) };
}) satisfies LayoutLoad;
