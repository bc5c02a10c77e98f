import { fail, redirect } from '@sveltejs/kit';
import { IMPORTERS } from '$lib/domain/access';
import { formValues } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import { UploadError, chunksOf } from '$lib/server/imports/import-stage';
import { newImportFields } from '$lib/server/imports/import.schema';
import * as imports from '$lib/server/imports/import.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, IMPORTERS, url);
	return loadOr404(imports.list(locals.db, user));
}) satisfies PageServerLoad;

export const actions = {
	/**
	 * With JavaScript the form sends no file (`parts=1`): the import is created here and the page
	 * then sends the file in parts to /imports/[id]/file, which streams each into staged rows.
	 * Without JavaScript the whole file arrives in this multipart body, which SvelteKit reads into
	 * memory (up to BODY_SIZE_LIMIT) before the rows are staged from it: only the JavaScript path
	 * keeps memory flat.
	 */
	create: async ({ locals, request }) => {
		const user = requireRole(locals, IMPORTERS);
		const form = await request.formData();
		const refuse = (key: string, params?: Record<string, string | number>) =>
			fail(400, {
				form: 'create',
				stale: false,
				errors: { file: { key, params } },
				values: formValues(form)
			});
		return handleForm('create', form, newImportFields, async (input) => {
			const { kind, source } = input;
			const file = form.get('file');
			if (file instanceof File && file.name !== '') {
				let id: number;
				try {
					id = await imports.uploadWhole(
						locals.db,
						user,
						{ kind, source },
						{
							name: file.name,
							chunks: chunksOf(file.stream())
						}
					);
				} catch (cause) {
					if (cause instanceof UploadError) return refuse(cause.key, cause.params);
					throw cause;
				}
				redirect(303, `/imports/${id}`);
			}
			if (form.get('parts') !== '1') return refuse('import.error.fileRequired');
			const id = await imports.create(locals.db, user, { kind, source }, input.filename);
			return { form: 'create', created: id };
		});
	}
} satisfies Actions;
