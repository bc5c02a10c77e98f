import { endpoint } from '$lib/server/api/api-endpoints';
import { methodNotAllowed } from '$lib/server/api/api-handler';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint('listReviews');
export const fallback: RequestHandler = methodNotAllowed;
