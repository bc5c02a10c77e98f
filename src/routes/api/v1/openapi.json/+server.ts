import { jsonResponse } from '$lib/server/api/api-errors';
import { methodNotAllowed } from '$lib/server/api/api-handler';
import { openApiDocument } from '$lib/server/api/openapi';
// The folder's name ends in .json, which TypeScript's lookup of ./$types trips over.
import type { RequestHandler } from '@sveltejs/kit';

// Public: describing the API gives nothing away that the source does not.
export const GET: RequestHandler = () =>
	jsonResponse(openApiDocument(), 200, { 'Access-Control-Allow-Origin': '*' });
export const fallback: RequestHandler = methodNotAllowed;
