import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { policyFields, regionFields } from '$lib/server/support/support.schema';
import * as support from '$lib/server/support/support.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, ['admin'], url);
	const settings = await support.getSupportSettings(locals.db, user);
	return { ...settings, deleted: url.searchParams.has('deleted') };
}) satisfies PageServerLoad;

export const actions = {
	region: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('region', await request.formData(), regionFields, async (input) => {
			await support.setRegionCalendar(locals.db, user, input.region, input.calendar_id);
			return { form: 'region', region: input.region, saved: true };
		});
	},
	policy: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('policy', await request.formData(), policyFields, async (input) => {
			await support.savePolicy(locals.db, user, input.id, input.version, {
				responseMinutes: input.response_minutes,
				resolutionMinutes: input.resolution_minutes,
				clock: input.clock
			});
			return { form: 'policy', id: input.id, saved: true };
		});
	}
} satisfies Actions;
