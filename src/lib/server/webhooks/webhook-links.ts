/** Links in payloads point at the address people use (README: ORIGIN), as chat shows them. */
export function appOrigin(env: NodeJS.ProcessEnv = process.env) {
	return (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
}
