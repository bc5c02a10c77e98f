import { endpoint } from '$lib/server/api/api-endpoints';
import { methodNotAllowed } from '$lib/server/api/api-handler';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint('listAccountFeedback');
export const POST: RequestHandler = endpoint('createFeedback');
export const fallback: RequestHandler = methodNotAllowed;
