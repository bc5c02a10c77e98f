import { catalogue } from '$lib/i18n/catalogue';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	return {
		locale: locals.locale,
		timeZone: locals.user?.timeZone ?? 'UTC',
		messages: catalogue(locals.locale)
	};
}) satisfies LayoutServerLoad;
