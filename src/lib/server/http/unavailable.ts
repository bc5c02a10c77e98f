/**
 * What a person sees while the database is down: a plain, self-contained page (no app shell,
 * which needs the database) that tells them to retry, with Retry-After for machines.
 */
export function databaseUnavailablePage(): Response {
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Keel is briefly unavailable</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b2630}main{max-width:40rem;margin:4rem auto;padding:0 1.25rem}h1{font-size:1.5rem}</style></head><body><main><h1>Keel is briefly unavailable</h1><p>We cannot reach the database right now. Nothing you saved is lost; please try again in a few seconds.</p><p lang="pt-BR">O Keel está indisponível por instantes. Tente novamente em alguns segundos.</p><p lang="es">Keel no está disponible por un momento. Inténtelo de nuevo en unos segundos.</p></main></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': '5' }
	});
}
