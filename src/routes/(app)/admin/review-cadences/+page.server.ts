import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import * as cadences from '$lib/server/reviews/cadence.service';
import {
	cadenceEditFields,
	cadenceFields,
	cadenceRemoveFields
} from '$lib/server/reviews/review.schema';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, ['admin'], url);
	return loadOr404(cadences.getCadences(locals.db, user));
}) satisfies PageServerLoad;

export const actions = {
	add: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('add', await request.formData(), cadenceFields, async (input) => {
			await cadences.addCadence(locals.db, user, input);
			return { form: 'add', saved: true };
		});
	},
	save: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('save', await request.formData(), cadenceEditFields, async (input) => {
			await cadences.saveCadence(locals.db, user, input);
			return { form: 'save', saved: true };
		});
	},
	remove: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		return handleForm('remove', await request.formData(), cadenceRemoveFields, async (input) => {
			await cadences.removeCadence(locals.db, user, input);
			return { form: 'remove', saved: true };
		});
	}
} satisfies Actions;
