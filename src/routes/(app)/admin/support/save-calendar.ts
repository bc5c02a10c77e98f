import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { handleParsedForm } from '$lib/server/http/form-action';
import { parseCalendarForm } from '$lib/server/support/support.schema';
import * as support from '$lib/server/support/support.service';

/**
 * The calendar form's save, for a new calendar (calendarId null: on to its page) and an existing
 * one (stays, saved). The grid and holiday list parse here, all problems at once; handleForm maps
 * the service's refusals back to the form.
 */
export async function saveCalendarAction(
	locals: App.Locals,
	request: Request,
	calendarId: number | null
) {
	const user = requireRole(locals, ['admin']);
	const form = await request.formData();
	return handleParsedForm('save', form, parseCalendarForm, async ({ version, ...input }) => {
		const id = await support.saveCalendar(locals.db, user, calendarId, version, input);
		if (calendarId === null) redirect(303, `/admin/support/calendars/${id}?created`);
		return { form: 'save', saved: true };
	});
}
