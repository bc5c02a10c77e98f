import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { DEMO_PASSWORD } from './browser';

/**
 * Raw HTTP for the security probes: every header as given (Origin, Cookie, a missing
 * Content-Type), and the source address chosen from 127.0.0.0/8, as a second machine would
 * connect. Redirects are not followed.
 */
export interface ProbeRequest {
	method?: string;
	path: string;
	headers?: Record<string, string>;
	body?: string | Buffer;
	/** A loopback source address such as 127.0.5.1 (the server sees it as the client's IP). */
	from?: string;
	/** Session token sent as the keel_session cookie. */
	session?: string;
}

export interface ProbeResponse {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

export const SESSION_COOKIE = 'keel_session';

export function probe(baseURL: string, req: ProbeRequest): Promise<ProbeResponse> {
	const url = new URL(baseURL);
	const headers: Record<string, string | number> = { host: url.host, ...req.headers };
	if (req.session !== undefined) headers.cookie = `${SESSION_COOKIE}=${req.session}`;
	if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			{
				host: '127.0.0.1',
				port: Number(url.port),
				localAddress: req.from,
				method: req.method ?? 'GET',
				path: req.path,
				headers
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
			}
		);
		outgoing.on('error', reject);
		outgoing.end(req.body);
	});
}

/** The attributes of the Set-Cookie for `name`, or null when none was sent. */
export function setCookie(response: ProbeResponse, name = SESSION_COOKIE) {
	const line = (response.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
	if (!line) return null;
	const [pair, ...attributes] = line.split(';').map((part) => part.trim());
	return {
		value: pair!.slice(name.length + 1),
		attributes: attributes.map((a) => a.toLowerCase())
	};
}

/** A sign-in as the login form posts it, same-origin, from `from` (127.0.0.1 by default). */
export function postSignIn(
	baseURL: string,
	email: string,
	password = DEMO_PASSWORD,
	options: { from?: string; session?: string; origin?: string } = {}
) {
	return probe(baseURL, {
		method: 'POST',
		path: '/login',
		from: options.from,
		session: options.session,
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: options.origin ?? baseURL
		},
		body: new URLSearchParams({ email, password }).toString()
	});
}

/** Signs in and returns the new session token; fails the test when sign-in does not succeed. */
export async function sessionFor(baseURL: string, email: string, password = DEMO_PASSWORD) {
	const response = await postSignIn(baseURL, email, password);
	const cookie = setCookie(response);
	if (response.status !== 303 || !cookie?.value) {
		throw new Error(`sign-in as ${email} answered ${response.status}`);
	}
	return cookie.value;
}

/** A same-origin form post with a session, as the app's own pages send it. */
export function postUrlencoded(
	baseURL: string,
	session: string,
	path: string,
	fields: Record<string, string>
) {
	return probe(baseURL, {
		method: 'POST',
		path,
		session,
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			origin: baseURL
		},
		body: new URLSearchParams(fields).toString()
	});
}
