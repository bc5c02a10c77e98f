import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import { deleteCalendarFields } from '$lib/server/support/support.schema';
import * as support from '$lib/server/support/support.service';
import { saveCalendarAction } from '../../save-calendar';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireRole(locals, ['admin'], url);
	const { calendar, holidays, uses } = await loadOr404(
		support.getCalendar(locals.db, user, Number(params.calendarId))
	);
	return {
		calendar: {
			id: calendar.id,
			name: calendar.name,
			timeZone: calendar.time_zone,
			week: calendar.week,
			version: calendar.version
		},
		holidays,
		uses,
		created: url.searchParams.has('created'),
		zones: Intl.supportedValuesOf('timeZone')
	};
}) satisfies PageServerLoad;

export const actions = {
	save: ({ locals, params, request }) =>
		saveCalendarAction(locals, request, Number(params.calendarId)),
	delete: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		return handleForm('delete', form, deleteCalendarFields, async (input) => {
			await support.deleteCalendar(locals.db, user, Number(params.calendarId), input.version);
			redirect(303, '/admin/support?deleted');
		});
	}
} satisfies Actions;
