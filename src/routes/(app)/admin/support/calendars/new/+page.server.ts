import { fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { parseCalendarForm } from '$lib/server/support/support.schema';
import * as support from '$lib/server/support/support.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	requireRole(locals, ['admin'], url);
	return { zones: Intl.supportedValuesOf('timeZone') };
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ locals, request }) => {
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
			const id = await support.saveCalendar(locals.db, user, null, version, input);
			redirect(303, `/admin/support/calendars/${id}?created`);
		});
	}
} satisfies Actions;
