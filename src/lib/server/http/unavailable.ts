import { json, type RequestEvent } from '@sveltejs/kit';
import { apiUnavailable } from '../api/api-errors';

const MESSAGE = 'The database cannot be reached; try again shortly.';
const RETRY_AFTER = { 'retry-after': '5' };

/**
 * What a person sees while the database is down: a plain, self-contained page (no app shell,
 * which needs the database) that tells them to retry, with Retry-After for machines.
 */
export function databaseUnavailablePage(): Response {
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Keel is briefly unavailable</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b2630}main{max-width:40rem;margin:4rem auto;padding:0 1.25rem}h1{font-size:1.5rem}</style></head><body><main><h1>Keel is briefly unavailable</h1><p>We cannot reach the database right now. Nothing you saved is lost; please try again in a few seconds.</p><p lang="pt-BR">O Keel está indisponível por instantes. Tente novamente em alguns segundos.</p><p lang="es">Keel no está disponible por un momento. Inténtelo de nuevo en unos segundos.</p></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', ...RETRY_AFTER }
	});
}

/**
 * The 503 in the form the request expects: the API's JSON error, the action result an enhanced
 * form reads (it then keeps what the user typed, see $lib/forms/enhance), the JSON a client-side
 * navigation reads, or the page.
 */
export function unavailableResponse(event: RequestEvent): Response {
	if (event.url.pathname.startsWith('/api/')) return apiUnavailable();
	if (event.isDataRequest) return json({ message: MESSAGE }, { status: 503, headers: RETRY_AFTER });
	if (event.request.method === 'POST' && prefersJson(event.request)) {
		return json(
			{ type: 'error', error: { message: MESSAGE } },
			{ status: 503, headers: RETRY_AFTER }
		);
	}
	return databaseUnavailablePage();
}

/** As SvelteKit tells an enhanced form's post (Accept: application/json) from a native one. */
function prefersJson(request: Request) {
	const accept = request.headers.get('accept') ?? '';
	const jsonAt = accept.indexOf('application/json');
	const htmlAt = accept.indexOf('text/html');
	return jsonAt !== -1 && (htmlAt === -1 || jsonAt < htmlAt);
}
