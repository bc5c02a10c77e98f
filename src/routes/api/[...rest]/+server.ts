import { notFoundEndpoint } from '$lib/server/api/api-handler';
import type { RequestHandler } from './$types';

// Any other path under /api answers in JSON too, never with the app's HTML 404 page.
export const fallback: RequestHandler = notFoundEndpoint;
