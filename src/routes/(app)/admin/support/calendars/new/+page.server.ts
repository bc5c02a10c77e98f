import { requireRole } from '$lib/server/auth/guard';
import { saveCalendarAction } from '../../save-calendar';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireRole(locals, ['admin'], url);
	return { zones: Intl.supportedValuesOf('timeZone') };
}) satisfies PageServerLoad;

export const actions = {
	save: ({ locals, request }) => saveCalendarAction(locals, request, null)
} satisfies Actions;
