import { unflatten } from 'devalue';
import { signInCookie } from '../../scripts/app-process';
import { DEMO_PASSWORD } from './browser';

/**
 * Plain HTTP as each role, for the access matrix: one sign-in per role, its cookie reused, no
 * browser. Every answer is reduced to what access decides: allowed, off to sign in, refused.
 */
export type Fields = Record<string, string | number | string[]>;

/**
 * What a request came to. 'ok': a page or file answered 200 (201 for an API create); 'login':
 * sent to sign in; 'redirect': sent elsewhere (a signed-in user's /login, the start page); else
 * the HTTP status, or for a form action the status its failure carries (400 bad input, 409 stale).
 */
export type Outcome = 'ok' | 'login' | 'redirect' | number;

export interface Answer {
	outcome: Outcome;
	/** A short excerpt of the answer, to say why when a case fails. */
	detail: string;
}

function outcomeOfStatus(status: number, location: string | null): Outcome {
	if (status >= 300 && status < 400) {
		return location !== null && new URL(location, 'http://x').pathname === '/login'
			? 'login'
			: 'redirect';
	}
	return status === 200 || status === 201 ? 'ok' : status;
}

const encode = (fields: Fields) => {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(fields)) {
		for (const item of Array.isArray(value) ? value : [value]) body.append(name, String(item));
	}
	return body;
};

export class Client {
	constructor(
		readonly baseURL: string,
		/** The session cookie; null for an anonymous visitor. */
		private cookie: string | null = null
	) {}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		// SvelteKit refuses form posts whose Origin is not its own (CSRF): a browser sends it.
		return { origin: this.baseURL, ...(this.cookie ? { cookie: this.cookie } : {}), ...extra };
	}

	/** Signs in through the sign-in form, as a browser without JavaScript would. */
	static async signIn(baseURL: string, email: string): Promise<Client> {
		return new Client(baseURL, await signInCookie(baseURL, email, DEMO_PASSWORD));
	}

	async request(method: string, path: string, init: RequestInit = {}): Promise<Response> {
		return fetch(this.baseURL + path, {
			...init,
			method,
			redirect: 'manual',
			headers: this.headers((init.headers as Record<string, string>) ?? {})
		});
	}

	/** A page or a file: its outcome, the body read (and dropped) so the connection is reused. */
	async get(path: string): Promise<Answer & { body: string }> {
		const response = await this.request('GET', path);
		const body = await response.text();
		// An error page says what it is in its title; a file in its first bytes.
		const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
		return {
			outcome: outcomeOfStatus(response.status, response.headers.get('location')),
			detail: title ?? body.slice(0, 200),
			body
		};
	}

	/** A plain (non-action) POST or PUT, e.g. to an endpoint. */
	async send(method: string, path: string, body: Fields | string, type?: string): Promise<Answer> {
		const response = await this.request(method, path, {
			body: typeof body === 'string' ? body : encode(body),
			headers: {
				'content-type':
					type ?? (typeof body === 'string' ? 'text/plain' : 'application/x-www-form-urlencoded')
			}
		});
		const text = await response.text();
		return {
			outcome: outcomeOfStatus(response.status, response.headers.get('location')),
			detail: text.slice(0, 200)
		};
	}

	/**
	 * Posts a form action as the page's enhanced form does (Accept: application/json), so the
	 * answer is the action's own result, not a re-rendered page: a failure's status, an error's
	 * status, or where it redirects.
	 */
	async action(path: string, name: string, fields: Fields): Promise<Answer> {
		const url = name === 'default' ? path : `${path}?/${name}`;
		const response = await this.request('POST', url, {
			body: encode(fields),
			headers: {
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			}
		});
		const text = await response.text();
		let result: { type?: string; status?: number; location?: string; data?: string };
		try {
			result = JSON.parse(text) as typeof result;
		} catch {
			return { outcome: response.status, detail: text.slice(0, 200) };
		}
		const detail = (result.data ?? text).slice(0, 300);
		if (result.type === 'redirect') {
			return { outcome: outcomeOfStatus(result.status ?? 303, result.location ?? null), detail };
		}
		if (result.type === 'failure') return { outcome: result.status ?? 400, detail };
		if (result.type === 'success') return { outcome: 'ok', detail };
		return { outcome: response.status, detail };
	}

	/**
	 * A page's load data, as client-side navigation reads it (`__data.json`): the layouts' and the
	 * page's, in order. Throws unless the load answered.
	 */
	async data(path: string): Promise<unknown[]> {
		const [pathname, query] = path.split('?');
		const url = `${pathname!.replace(/\/$/, '')}/__data.json${query ? `?${query}` : ''}`;
		const response = await this.request('GET', url);
		const body = (await response.json()) as {
			type: string;
			nodes?: ({ type: string; data: unknown[] } | null)[];
		};
		const nodes = body.nodes ?? [];
		if (body.type !== 'data' || nodes.some((n) => n?.type === 'error')) {
			throw new Error(`${path}: no data (${JSON.stringify(body).slice(0, 200)})`);
		}
		return nodes.map((n) => (n ? (unflatten(n.data) as unknown) : null));
	}

	/** The page's own load data (the last node). */
	async pageData<T>(path: string): Promise<T> {
		return (await this.data(path)).at(-1) as T;
	}

	/** The signed-in user's id, from the app layout's data. */
	async userId(): Promise<number> {
		const [, app] = await this.data('/settings');
		return (app as { user: { id: number } }).user.id;
	}

	/** A personal access token for the API, made through the settings page as this user. */
	async createToken(access: 'read' | 'write'): Promise<string> {
		const answer = await this.action('/settings/tokens', 'create', {
			name: `access matrix ${access} ${Date.now().toString(36)}`,
			access
		});
		const token = /keel_pat_[a-z2-7]{52}/.exec(answer.detail)?.[0];
		if (answer.outcome !== 'ok' || !token) throw new Error(`no token: ${answer.detail}`);
		return token;
	}

	/** Revokes this user's tokens made by createToken, so the test leaves none behind. */
	async revokeTokens(): Promise<void> {
		const { tokens } = await this.pageData<{ tokens: { id: number; name: string }[] }>(
			'/settings/tokens'
		);
		for (const token of tokens.filter((t) => t.name.startsWith('access matrix '))) {
			await this.action('/settings/tokens', 'revoke', { id: token.id });
		}
	}
}

/** The versioned API with a bearer token (or none). */
export async function api(
	baseURL: string,
	token: string | null,
	method: string,
	path: string,
	body?: unknown
): Promise<{ outcome: Outcome; json: unknown }> {
	const headers: Record<string, string> = {};
	if (token) headers.authorization = `Bearer ${token}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${baseURL}/api/v1${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const json = (await response.json()) as unknown;
	return { outcome: outcomeOfStatus(response.status, null), json };
}

/** Runs tasks with at most `limit` at once, keeping their order in the results. */
export async function pool<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>) {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await run(items[index]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
	return results;
}
