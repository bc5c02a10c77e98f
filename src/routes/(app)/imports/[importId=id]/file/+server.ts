import { error, json } from '@sveltejs/kit';
import { IMPORTERS } from '$lib/domain/access';
import { ForbiddenError, NotFoundError } from '$lib/domain/errors';
import { requireRole } from '$lib/server/auth/guard';
import { UploadError, chunksOf } from '$lib/server/imports/import-stage';
import * as imports from '$lib/server/imports/import.service';
import type { RequestHandler } from './$types';

/**
 * One part of an import's file, as the raw request body (`?offset=` its first byte, `final=1` the
 * last part), streamed into staged rows. The page sends it as text/csv: SvelteKit hands a body
 * only to requests that name a type, and a type no HTML form can send makes a cross-site request
 * need a CORS preflight, which Keel never grants (with SameSite=Lax cookies besides).
 */
export const PUT: RequestHandler = async ({ locals, params, request, url }) => {
	const user = requireRole(locals, IMPORTERS);
	const offset = Number(url.searchParams.get('offset'));
	if (!Number.isSafeInteger(offset) || offset < 0) error(400, 'Bad offset');
	try {
		const result = await imports.uploadPart(
			locals.db,
			user,
			Number(params.importId),
			{ offset, final: url.searchParams.get('final') === '1' },
			chunksOf(request.body)
		);
		return json(result);
	} catch (cause) {
		if (cause instanceof UploadError) {
			return json({ error: { key: cause.key, params: cause.params } }, { status: 400 });
		}
		if (cause instanceof imports.UploadOrderError) {
			return json({ error: { key: 'import.error.uploadOrder' } }, { status: 409 });
		}
		if (cause instanceof ForbiddenError) error(403, 'You may not do this.');
		if (cause instanceof NotFoundError) error(404, 'Not found');
		throw cause;
	}
};
