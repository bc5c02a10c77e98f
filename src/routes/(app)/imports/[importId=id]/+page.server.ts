import { fail, redirect } from '@sveltejs/kit';
import { IMPORTERS } from '$lib/domain/access';
import { formValues } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import { importVersionFields } from '$lib/server/imports/import.schema';
import * as imports from '$lib/server/imports/import.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireRole(locals, IMPORTERS, url);
	return loadOr404(imports.get(locals.db, user, Number(params.importId)));
}) satisfies PageServerLoad;

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : null);

export const actions = {
	/** Saves the column matching and checks every row against it. */
	check: async ({ locals, request, params }) => {
		const user = requireRole(locals, IMPORTERS);
		const form = await request.formData();
		return handleForm('mapping', form, importVersionFields, async ({ version }) => {
			const id = Number(params.importId);
			const result = await imports.check(locals.db, user, id, version, (name) =>
				text(form.get(name))
			);
			if (!result.ok) {
				return fail(400, {
					form: 'mapping',
					stale: false,
					errors: result.errors,
					values: formValues(form)
				});
			}
			return { form: 'mapping', checked: true };
		});
	},
	commit: async ({ locals, request, params }) => {
		const user = requireRole(locals, IMPORTERS);
		return handleForm('commit', await request.formData(), importVersionFields, async (input) => {
			await imports.commit(locals.db, user, Number(params.importId), input.version);
			return { form: 'commit', committed: true };
		});
	},
	discard: async ({ locals, request, params }) => {
		const user = requireRole(locals, IMPORTERS);
		return handleForm('discard', await request.formData(), {}, async () => {
			await imports.discard(locals.db, user, Number(params.importId));
			redirect(303, '/imports?discarded=1');
		});
	}
} satisfies Actions;
