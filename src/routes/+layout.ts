import { loadCatalogue } from '$lib/i18n/catalogue';
import type { LayoutLoad } from './$types';

// The catalogue is loaded here, in the universal load, rather than sent as server data: on the
// server it is already in memory, in the browser it is one cached chunk per locale.
export const load = (async ({ data }) => {
	return { ...data, messages: await loadCatalogue(data.locale) };
}) satisfies LayoutLoad;
