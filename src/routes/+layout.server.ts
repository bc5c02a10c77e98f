import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => {
	return { locale: locals.locale, timeZone: locals.user?.timeZone ?? 'UTC' };
}) satisfies LayoutServerLoad;
