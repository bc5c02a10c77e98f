import { describe, expect, it } from 'vitest';
import { hashApiToken } from '../../src/lib/server/api/api-token';
import * as tokens from '../../src/lib/server/api/api-token.service';
import { endpoint } from '../../src/lib/server/api/api-endpoints';
import {
	hit,
	tokenKey,
	TOKEN_LIMIT,
	AUTH_FAILURE_LIMIT
} from '../../src/lib/server/api/api-rate-limit';
import {
	SESSION_COOKIE,
	createSession,
	generateSessionToken
} from '../../src/lib/server/auth/session';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { makeAccount, makeUser, putOnTeam, uniqueIp } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

async function newToken(
	user: SessionUser,
	access: 'read' | 'write' = 'read',
	expires_on: string | null = null
) {
	return tokens.createToken(t.db, user, { name: `Script ${access}`, access, expires_on });
}

/** Calls an operation as a client would, through the same wrapper the route files export. */
async function call(
	path: string,
	options: {
		token?: string | null;
		method?: 'GET' | 'POST';
		body?: unknown;
		headers?: Record<string, string>;
		ip?: string;
	} = {}
) {
	const url = new URL(`http://keel.test/api/v1${path}`);
	const headers = new Headers(options.headers);
	if (options.token) headers.set('authorization', `Bearer ${options.token}`);
	if (options.body !== undefined) headers.set('content-type', 'application/json');
	const request = new Request(url, {
		method: options.method ?? 'GET',
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const route = path.endsWith('/complete') ? 'completeTask' : 'listAccounts';
	const id = path.split('/')[2] ?? '';
	const response = await endpoint(route)({
		request,
		url,
		params: { id },
		locals: { db: t.db },
		getClientAddress: () => options.ip ?? uniqueIp()
	});
	return { status: response.status, headers: response.headers, json: await response.json() };
}

describe('personal access tokens', () => {
	it('stores only the SHA-256 of a token, which is shown once and then works', async () => {
		const user = await makeUser(t.db, 'manager');
		const { id, token } = await newToken(user);
		expect(token).toMatch(/^keel_pat_[a-z2-7]{52}$/);
		const row = await t.db
			.selectFrom('api_tokens')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.token_hash).toBe(hashApiToken(token));
		expect(JSON.stringify(row)).not.toContain(token.slice(9));
		const listed = await tokens.listTokens(t.db, user);
		expect(listed.map((l) => l.id)).toEqual([id]);
		expect(JSON.stringify(listed)).not.toContain(token.slice(9));
		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'api_token')
			.where('entity_id', '=', id)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['create']);
		expect(JSON.stringify(audit)).not.toContain(token.slice(9));

		const answer = await call('/accounts', { token });
		expect(answer.status).toBe(200);
		expect(answer.json).toHaveProperty('data');
		const used = await t.db
			.selectFrom('api_tokens')
			.select('last_used_at')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(used.last_used_at).not.toBeNull();
	});

	it('refuses a revoked token with 401 and audits the revocation; only the owner may revoke', async () => {
		const user = await makeUser(t.db, 'csm');
		const other = await makeUser(t.db, 'csm');
		const { id, token } = await newToken(user);
		await expect(tokens.revokeToken(t.db, other, id)).rejects.toThrow('token');
		expect((await call('/accounts', { token })).status).toBe(200);
		await tokens.revokeToken(t.db, user, id);
		const answer = await call('/accounts', { token });
		expect(answer.status).toBe(401);
		expect(answer.json.error.code).toBe('unauthorized');
		expect(answer.headers.get('www-authenticate')).toContain('invalid_token');
		expect(await tokens.listTokens(t.db, user)).toEqual([]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity', '=', 'api_token')
			.where('entity_id', '=', id)
			.orderBy('id')
			.execute();
		expect(audit).toEqual([
			{ action: 'create', actor_id: user.id },
			{ action: 'update', actor_id: user.id }
		]);
	});

	it('expires a token at the end of its last day, in the user’s time zone', async () => {
		const user = await makeUser(t.db, 'csm');
		const now = new Date('2030-06-15T12:00:00Z');
		const made = await tokens.createToken(
			t.db,
			user,
			{ name: 'Short', access: 'read', expires_on: '2030-06-15' },
			now
		);
		expect(
			await tokens.authenticateToken(t.db, made.token, new Date('2030-06-15T23:59:00Z'))
		).not.toBeNull();
		expect(
			await tokens.authenticateToken(t.db, made.token, new Date('2030-06-16T00:00:00Z'))
		).toBeNull();
		await expect(
			tokens.createToken(
				t.db,
				user,
				{ name: 'Past', access: 'read', expires_on: '2030-06-14' },
				now
			)
		).rejects.toMatchObject({ field: 'expires_on' });
		// An already expired token is refused by the API too.
		await t.db
			.updateTable('api_tokens')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('id', '=', made.id)
			.execute();
		expect((await call('/accounts', { token: made.token })).status).toBe(401);
	});

	it('stops the tokens of a deactivated user', async () => {
		const user = await makeUser(t.db, 'csm');
		const { token } = await newToken(user);
		await t.db
			.updateTable('users')
			.set({ disabled_at: new Date() })
			.where('id', '=', user.id)
			.execute();
		expect((await call('/accounts', { token })).status).toBe(401);
	});

	it('answers 401 with WWW-Authenticate: Bearer without a token, for a session cookie, and for a token in the query', async () => {
		const user = await makeUser(t.db, 'manager');
		const { token } = await newToken(user);
		const missing = await call('/accounts');
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="keel"');
		expect(missing.json).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
		const session = generateSessionToken();
		await createSession(t.db, session, user.id);
		expect(
			(await call('/accounts', { headers: { cookie: `${SESSION_COOKIE}=${session}` } })).status
		).toBe(401);
		expect((await call(`/accounts?access_token=${token}`)).status).toBe(401);
		// A session token sent as a bearer token is no API token either.
		expect((await call('/accounts', { token: session })).status).toBe(401);
		expect((await call('/accounts', { token: `${token}x` })).status).toBe(401);
	});

	it('gives a read token 403 on a write, and lets a read-and-write token through', async () => {
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm);
		const task = await t.db
			.insertInto('tasks')
			.values({
				account_id: account.id,
				title: 'Call back',
				owner_user_id: csm.id,
				due_date: '2030-01-01',
				source: 'feedback'
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const read = await newToken(csm, 'read');
		const write = await newToken(csm, 'write');
		const refused = await call(`/tasks/${task.id}/complete`, {
			token: read.token,
			method: 'POST',
			body: { version: task.version }
		});
		expect(refused.status).toBe(403);
		expect(refused.json.error.code).toBe('forbidden');
		const done = await call(`/tasks/${task.id}/complete`, {
			token: write.token,
			method: 'POST',
			body: { version: task.version }
		});
		expect(done.status).toBe(200);
		expect(done.json).toMatchObject({ id: task.id, status: 'done', version: task.version + 1 });
	});
});

describe('rate limits', () => {
	it('counts requests per token in the database and answers 429 with Retry-After past the limit', async () => {
		const user = await makeUser(t.db, 'manager');
		const { id, token } = await newToken(user);
		const first = await call('/accounts', { token });
		expect(first.headers.get('ratelimit-limit')).toBe(String(TOKEN_LIMIT));
		expect(first.headers.get('ratelimit-remaining')).toBe(String(TOKEN_LIMIT - 1));
		expect(Number(first.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
		// Spend the rest of this window's allowance, as other instances' requests would.
		await t.db
			.updateTable('api_rate_limits')
			.set({ hits: TOKEN_LIMIT })
			.where('key', '=', tokenKey(id))
			.execute();
		const limited = await call('/accounts', { token });
		expect(limited.status).toBe(429);
		expect(limited.json.error.code).toBe('rate_limited');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(limited.headers.get('ratelimit-remaining')).toBe('0');
	});

	it('starts counting again in the next window', async () => {
		const key = `token:window-${uniqueIp()}`;
		const start = new Date('2030-01-01T10:00:00Z');
		expect((await hit(t.db, key, 2, start)).remaining).toBe(1);
		expect((await hit(t.db, key, 2, new Date(start.getTime() + 30_000))).remaining).toBe(0);
		expect((await hit(t.db, key, 2, new Date(start.getTime() + 31_000))).limited).toBe(true);
		const next = await hit(t.db, key, 2, new Date(start.getTime() + 60_000));
		expect(next).toMatchObject({ limited: false, remaining: 1 });
	});

	it('throttles an IP that keeps sending bad tokens, even before it guesses a good one', async () => {
		const user = await makeUser(t.db, 'manager');
		const { token } = await newToken(user);
		const ip = uniqueIp();
		for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
			expect((await call('/accounts', { token: `keel_pat_${'a'.repeat(52)}`, ip })).status).toBe(
				401
			);
		}
		const blocked = await call('/accounts', { token, ip });
		expect(blocked.status).toBe(429);
		expect(blocked.headers.get('retry-after')).not.toBeNull();
		// Another address with the good token is not held back.
		expect((await call('/accounts', { token })).status).toBe(200);
	});
});
