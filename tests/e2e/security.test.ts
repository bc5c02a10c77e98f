import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, startBuiltApp, type BuiltApp } from '../../scripts/app-process';
import { DEMO } from '../support/browser';
import {
	postUrlencoded,
	postSignIn,
	probe,
	sessionFor,
	setCookie,
	type ProbeResponse
} from '../support/http-probe';

/**
 * HTTP-level attacks on the built app, with plain requests where a browser adds nothing:
 * cross-site posts, the security headers, and what a planted session cookie can do.
 */
const baseURL = inject('baseURL');
const FOREIGN = 'https://evil.example';
const tag = Date.now().toString(36);

// A second instance behind an https ORIGIN (as in production, TLS ended by a proxy): only
// there are the cookie's Secure flag and HSTS sent. Started now, in the background, so its
// fresh database is ready by the time the last test needs it.
const HTTPS_ORIGIN = 'https://keel.test';
const HTTPS_ADMIN = { email: 'admin@keel.test', password: 'a long admin passphrase' };
let httpsDir: string | undefined;
let https: Promise<{ app: BuiltApp; base: string }>;
beforeAll(() => {
	https = startHttpsInstance();
	https.catch(() => {}); // awaited (and reported) by its test
});
afterAll(async () => {
	await (await https.catch(() => undefined))?.app.stop(5000);
	if (httpsDir) await rm(httpsDir, { recursive: true, force: true });
});

async function startHttpsInstance() {
	httpsDir = await mkdtemp(join(tmpdir(), 'keel-https-'));
	const port = await freePort();
	const app = await startBuiltApp({
		port,
		origin: HTTPS_ORIGIN,
		// An empty embedded database with only this admin: never the shell's DATABASE_URL.
		env: {
			KEEL_DATA_DIR: join(httpsDir, 'pglite'),
			DATABASE_URL: undefined,
			KEEL_DEMO: '0',
			KEEL_JOBS: '0',
			KEEL_ADMIN_EMAIL: HTTPS_ADMIN.email,
			KEEL_ADMIN_PASSWORD: HTTPS_ADMIN.password
		},
		timeoutMs: 60_000
	});
	// Plain http to the port itself, as the TLS-ending proxy would forward it.
	return { app, base: `http://127.0.0.1:${port}` };
}

/** One request body per enctype an HTML form can send, built from the same fields. */
function bodyAs(
	enctype: 'urlencoded' | 'multipart' | 'text/plain',
	fields: Record<string, string>
) {
	if (enctype === 'urlencoded') {
		return {
			type: 'application/x-www-form-urlencoded',
			body: new URLSearchParams(fields).toString()
		};
	}
	if (enctype === 'text/plain') {
		// What a browser sends for <form enctype="text/plain">: name=value lines.
		const body = Object.entries(fields)
			.map(([k, v]) => `${k}=${v}`)
			.join('\r\n');
		return { type: 'text/plain', body };
	}
	const boundary = `----keelprobe${tag}`;
	const parts = Object.entries(fields).map(
		([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
	);
	return {
		type: `multipart/form-data; boundary=${boundary}`,
		body: `${parts.join('')}--${boundary}--\r\n`
	};
}

const ENCTYPES = ['urlencoded', 'multipart', 'text/plain'] as const;
/** A foreign site, a sandboxed frame or file (Origin: null), and no Origin at all. */
const ORIGINS = [FOREIGN, 'null', undefined] as const;

/** A complete, valid new account: only the origin check can stop it. */
const newAccount = (name: string) => ({
	name,
	segment: 'smb',
	region: 'emea',
	time_zone: 'Europe/Amsterdam',
	lifecycle_stage: 'onboarding',
	sales_channel: 'direct',
	reseller_id: '',
	support_package: 'standard',
	arr: '1000',
	renewal_date: '',
	external_id: '',
	notes: ''
});

function crossSitePost(
	path: string,
	enctype: (typeof ENCTYPES)[number],
	origin: string | undefined,
	fields: Record<string, string>,
	session?: string
) {
	const { type, body } = bodyAs(enctype, fields);
	const headers: Record<string, string> = { 'content-type': type, accept: 'text/html' };
	if (origin !== undefined) headers.origin = origin;
	return probe(baseURL, { method: 'POST', path, headers, body, session });
}

/** The rows of the manager's account export for a name search (header excluded). */
async function accountsNamed(session: string, name: string) {
	const csv = await probe(baseURL, {
		path: `/accounts/export.csv?q=${encodeURIComponent(name)}`,
		session
	});
	expect(csv.status).toBe(200);
	return csv.body.trim().split('\r\n').slice(1);
}

async function stillSignedIn(session: string) {
	const page = await probe(baseURL, { path: '/accounts', session });
	return page.status === 200;
}

describe('cross-site requests', () => {
	let manager: string;
	beforeAll(async () => {
		manager = await sessionFor(baseURL, DEMO.manager);
	});

	it('refuses form posts from another origin, or with none, in every enctype a form can send', async () => {
		const name = `Zz CSRF probe ${tag}`;
		const targets: { path: string; fields: Record<string, string> }[] = [
			{ path: '/accounts/new', fields: newAccount(name) },
			{ path: '/logout', fields: {} },
			{ path: '/locale', fields: { locale: 'es', redirectTo: '/' } },
			{ path: '/settings?/password', fields: { current_password: 'x', new_password: 'y' } },
			// Login CSRF: signing the victim in as the attacker.
			{ path: '/login', fields: { email: DEMO.csm2, password: 'keel-demo-2026' } }
		];
		const refused: string[] = [];
		for (const { path, fields } of targets) {
			for (const enctype of ENCTYPES) {
				for (const origin of ORIGINS) {
					const response = await crossSitePost(path, enctype, origin, fields, manager);
					if (response.status !== 403 || setCookie(response)) {
						refused.push(`${path} ${enctype} origin=${origin}: ${response.status}`);
					}
				}
			}
		}
		expect(refused).toEqual([]);

		// Nothing happened: the session lives, no account was made, the language is unchanged.
		expect(await stillSignedIn(manager)).toBe(true);
		expect(await accountsNamed(manager, name)).toEqual([]);
		const home = await probe(baseURL, { path: '/accounts', session: manager });
		expect(home.body).toMatch(/<html lang="en/);

		// The control: the same post from the app's own origin reaches the action (400 for a
		// missing name, not 403), so the refusals above are the origin check's.
		const own = await crossSitePost('/accounts/new', 'urlencoded', baseURL, {
			...newAccount(''),
			name: ''
		});
		expect(own.status).not.toBe(403);
	});

	it('refuses other cross-origin writes a page could send with fetch (no body type, JSON)', async () => {
		const session = await sessionFor(baseURL, DEMO.manager);
		const attempts: Record<string, string>[] = [
			{ origin: FOREIGN },
			{ origin: FOREIGN, 'content-type': 'application/json' },
			{ origin: 'null', 'content-type': 'application/octet-stream' }
		];
		for (const headers of attempts) {
			const signOut = await probe(baseURL, { method: 'POST', path: '/logout', headers, session });
			expect(signOut.status, JSON.stringify(headers)).toBe(403);
			expect(setCookie(signOut)).toBeNull();
		}
		expect(await stillSignedIn(session)).toBe(true);

		// The same sign-out from the app's own origin works: the check is on the origin alone.
		const own = await probe(baseURL, {
			method: 'POST',
			path: '/logout',
			headers: { origin: baseURL },
			session
		});
		expect(own.status).toBe(303);
		expect(await stillSignedIn(session)).toBe(false);
	});
});

/** The headers every answer carries, whatever made it. */
function expectBaseHeaders(response: ProbeResponse, what: string) {
	const h = response.headers;
	expect(h['x-content-type-options'], what).toBe('nosniff');
	expect(h['x-frame-options'], what).toBe('DENY');
	expect(h['referrer-policy'], what).toBe('same-origin');
	const csp = String(h['content-security-policy'] ?? '');
	expect(csp, what).not.toBe('');
	expect(csp, what).not.toContain('unsafe-eval');
	expect(csp, what).toContain("frame-ancestors 'none'");
	// Plain http: a browser ignores HSTS here, and a developer's localhost must stay reachable.
	expect(h['strict-transport-security'], what).toBeUndefined();
	return csp;
}

/** A page's CSP: scripts only from the app itself or with the page's nonce, never inline. */
function expectPageCsp(csp: string, what: string) {
	const directive = (name: string) =>
		csp
			.split(';')
			.map((d) => d.trim())
			.find((d) => d.startsWith(`${name} `)) ?? '';
	const scripts = directive('script-src');
	expect(scripts, what).toMatch(/^script-src 'self'( 'nonce-[A-Za-z0-9+/=]+'| 'sha256-[^']+')*$/);
	expect(directive('object-src'), what).toBe("object-src 'none'");
	expect(directive('base-uri'), what).toBe("base-uri 'self'");
	expect(directive('form-action'), what).toBe("form-action 'self'");
	expect(directive('default-src'), what).toBe("default-src 'self'");
}

describe('security headers', () => {
	it('sets CSP, nosniff, frame denial and a referrer policy on pages, files, API and errors', async () => {
		const manager = await sessionFor(baseURL, DEMO.manager);
		const reviews = await probe(baseURL, { path: '/reviews', session: manager });
		const review = /\/accounts\/(\d+)\/reviews\/(\d+)/.exec(reviews.body);
		expect(review).not.toBeNull();

		const pages: [string, string | undefined, number][] = [
			['/login', undefined, 200],
			['/accounts', manager, 200],
			['/no-such-page', manager, 404],
			['/accounts/2147483000', manager, 404],
			['/admin/users', manager, 403]
		];
		for (const [path, session, status] of pages) {
			const response = await probe(baseURL, { path, session });
			expect(response.status, path).toBe(status);
			expect(response.headers['content-type'], path).toMatch(/^text\/html/);
			expectPageCsp(expectBaseHeaders(response, path), path);
		}

		const files: [string, string | undefined, number, RegExp][] = [
			['/accounts/export.csv', manager, 200, /^text\/csv/],
			[`/accounts/${review![1]}/reviews/${review![2]}/review.ics`, manager, 200, /^text\/calendar/],
			['/calendar/not-a-real-token.ics', undefined, 404, /./],
			['/api/v1/accounts', undefined, 401, /^application\/json/],
			['/api/v1/openapi.json', undefined, 200, /^application\/json/]
		];
		for (const [path, session, status, type] of files) {
			const response = await probe(baseURL, { path, session });
			expect(response.status, path).toBe(status);
			expect(response.headers['content-type'], path).toMatch(type);
			const csp = expectBaseHeaders(response, path);
			// Not a page: nothing in it may load or run.
			expect(csp, path).toContain("default-src 'none'");
		}

		// Refusals too: the cross-origin check's 403 and a method the route does not have.
		const refusal = await probe(baseURL, {
			method: 'POST',
			path: '/logout',
			headers: { origin: FOREIGN }
		});
		expect(refusal.status).toBe(403);
		expectBaseHeaders(refusal, 'cross-origin refusal');
		const wrongMethod = await probe(baseURL, { method: 'DELETE', path: '/accounts/export.csv' });
		expect(wrongMethod.status).toBe(405);
		expectBaseHeaders(wrongMethod, '405');
	});
});

describe('sessions', () => {
	it('never adopts a planted cookie: an unknown token is dropped and sign-in issues a new one', async () => {
		const planted = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
		const visit = await probe(baseURL, { path: '/accounts', session: planted });
		expect(visit.status).toBe(303);
		expect(visit.headers.location).toMatch(/^\/login/);
		// The unknown value is deleted from the browser, not kept for later.
		expect(setCookie(visit)?.value).toBe('');

		const signIn = await postSignIn(baseURL, DEMO.manager, undefined, { session: planted });
		expect(signIn.status).toBe(303);
		const issued = setCookie(signIn)!.value;
		expect(issued).toMatch(/^[a-z2-7]{32}$/);
		expect(issued).not.toBe(planted);
		expect(await stillSignedIn(planted)).toBe(false);
		expect(await stillSignedIn(issued)).toBe(true);
	});

	it('keeps an attacker’s own planted session the attacker’s when the victim signs in over it', async () => {
		// The attacker signs in as themselves (a CSM) and plants that token in the victim's browser.
		const attacker = await sessionFor(baseURL, DEMO.csm2);
		const victim = await postSignIn(baseURL, DEMO.manager, undefined, { session: attacker });
		expect(victim.status).toBe(303);
		const issued = setCookie(victim)!.value;
		expect(issued).not.toBe(attacker);
		// Only the manager may open the new-account form: the planted token did not become theirs.
		const asAttacker = await probe(baseURL, { path: '/accounts/new', session: attacker });
		const asVictim = await probe(baseURL, { path: '/accounts/new', session: issued });
		expect(asAttacker.status).toBe(403);
		expect(asVictim.status).toBe(200);
	});

	it('issues a fresh token at every sign-in and ends the session on the server at sign-out', async () => {
		const first = await sessionFor(baseURL, DEMO.csm2);
		const second = await sessionFor(baseURL, DEMO.csm2);
		expect(second).not.toBe(first);

		const out = await postUrlencoded(baseURL, first, '/logout', {});
		expect(out.status).toBe(303);
		expect(setCookie(out)?.value).toBe('');
		// Replaying the old cookie (as a stolen copy would) finds no session.
		expect(await stillSignedIn(first)).toBe(false);
		// Only that session ended: the other sign-in is untouched.
		expect(await stillSignedIn(second)).toBe(true);
	});

	it('sends the session cookie HttpOnly and SameSite=Lax, for the whole site', async () => {
		const signIn = await postSignIn(baseURL, DEMO.csm2);
		const cookie = setCookie(signIn)!;
		expect(cookie.attributes).toContain('httponly');
		expect(cookie.attributes).toContain('samesite=lax');
		expect(cookie.attributes).toContain('path=/');
		expect(cookie.attributes.some((a) => a.startsWith('expires='))).toBe(true);
	});

	it('behind an https ORIGIN, adds Secure to the cookie and sends HSTS', async () => {
		const { base } = await https;
		const signIn = await probe(base, {
			method: 'POST',
			path: '/login',
			headers: {
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				origin: HTTPS_ORIGIN
			},
			body: new URLSearchParams(HTTPS_ADMIN).toString()
		});
		expect(signIn.status).toBe(303);
		const cookie = setCookie(signIn)!;
		expect(cookie.attributes).toEqual(
			expect.arrayContaining(['httponly', 'secure', 'samesite=lax'])
		);
		expect(signIn.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');

		const page = await probe(base, { path: '/accounts', session: cookie.value });
		expect(page.status).toBe(200);
		expect(page.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
		// The https instance's own origin is the only one its forms accept.
		const foreign = await probe(base, {
			method: 'POST',
			path: '/logout',
			headers: { origin: 'http://keel.test', 'content-type': 'application/x-www-form-urlencoded' },
			session: cookie.value,
			body: ''
		});
		expect(foreign.status).toBe(403);
	});
});
