import { fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import { deleteCalendarFields, parseCalendarForm } from '$lib/server/support/support.schema';
import * as support from '$lib/server/support/support.service';
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
	save: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		const parsed = parseCalendarForm(form);
		if (!parsed.ok) {
			return fail(400, {
				form: 'save',
				stale: false,
				errors: parsed.errors,
				values: formValues(form)
			});
		}
		// The grid and list are parsed above; handleForm maps the service's refusals to the form.
		return handleForm('save', form, {}, async () => {
			const { version, ...input } = parsed.data;
			await support.saveCalendar(locals.db, user, Number(params.calendarId), version, input);
			return { form: 'save', saved: true };
		});
	},
	delete: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		return handleForm('delete', form, deleteCalendarFields, async (input) => {
			await support.deleteCalendar(locals.db, user, Number(params.calendarId), input.version);
			redirect(303, '/admin/support?deleted');
		});
	}
} satisfies Actions;
