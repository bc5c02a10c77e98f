import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/auth.service';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { makeUser, TEST_PASSWORD, uniqueIp, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-22T12:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

const sessionsOf = (userId: number) =>
	t.db.selectFrom('sessions').selectAll().where('user_id', '=', userId).execute();

describe(`sessions on ${ENGINE}`, () => {
	it('makes tokens of 20 random bytes in base32 (160 bits), unique and varying in every position', () => {
		const tokens = Array.from({ length: 300 }, () => generateSessionToken());
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(new Set(tokens).size).toBe(tokens.length);
		// A token built from fewer random bytes (or padded) would repeat characters at some position.
		for (let position = 0; position < 32; position++) {
			const seen = new Set(tokens.map((token) => token[position]));
			expect(seen.size, `characters seen at position ${position}`).toBeGreaterThan(16);
		}
	});

	it('stores only the SHA-256 of the token, and validating returns the user', async () => {
		const user = await makeUser(t.db, 'csm');
		const token = generateSessionToken();
		await createSession(t.db, token, user.id, NOW);

		const rows = await sessionsOf(user.id);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]?.id).toBe(sessionIdFromToken(token));
		expect(rows[0]?.id).not.toContain(token);
		expect(rows[0]?.expires_at).toEqual(at(30 * DAY_MS));

		const valid = await validateSessionToken(t.db, token, at(DAY_MS));
		expect(valid?.user).toEqual(user);
		expect(valid?.session).toEqual({
			id: rows[0]?.id,
			expiresAt: at(30 * DAY_MS),
			renewed: false
		});
		expect(await validateSessionToken(t.db, rows[0]!.id, at(DAY_MS))).toBeNull();
		expect(await validateSessionToken(t.db, generateSessionToken(), at(DAY_MS))).toBeNull();
	});

	it('rejects an expired session and deletes it', async () => {
		const user = await makeUser(t.db, 'csm');
		const token = generateSessionToken();
		await createSession(t.db, token, user.id, NOW);

		expect(await validateSessionToken(t.db, token, at(DAY_MS))).not.toBeNull();
		expect(await validateSessionToken(t.db, token, at(30 * DAY_MS))).toBeNull();
		expect(await sessionsOf(user.id)).toHaveLength(0);
	});

	it('slides the expiry forward once fewer than 15 days are left, and not before', async () => {
		const user = await makeUser(t.db, 'csm');
		const token = generateSessionToken();
		await createSession(t.db, token, user.id, NOW);

		const early = await validateSessionToken(t.db, token, at(14 * DAY_MS));
		expect(early?.session.renewed).toBe(false);
		expect(early?.session.expiresAt).toEqual(at(30 * DAY_MS));
		expect((await sessionsOf(user.id))[0]?.expires_at).toEqual(at(30 * DAY_MS));

		const late = await validateSessionToken(t.db, token, at(16 * DAY_MS));
		expect(late?.session.renewed).toBe(true);
		expect(late?.session.expiresAt).toEqual(at(46 * DAY_MS));
		expect((await sessionsOf(user.id))[0]?.expires_at).toEqual(at(46 * DAY_MS));
		// Past the original expiry, the renewed session still stands.
		expect(await validateSessionToken(t.db, token, at(40 * DAY_MS))).not.toBeNull();
	});

	it("rejects a disabled user's session and deletes it", async () => {
		const user = await makeUser(t.db, 'csm');
		const token = generateSessionToken();
		await createSession(t.db, token, user.id, NOW);
		await t.db.updateTable('users').set({ disabled_at: NOW }).where('id', '=', user.id).execute();

		expect(await validateSessionToken(t.db, token, at(DAY_MS))).toBeNull();
		expect(await sessionsOf(user.id)).toHaveLength(0);
	});

	it("ends every session of one user, and only that user's", async () => {
		const user = await makeUser(t.db, 'csm');
		const other = await makeUser(t.db, 'csm');
		const tokens = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		for (const token of tokens) await createSession(t.db, token, user.id, NOW);
		const otherToken = generateSessionToken();
		await createSession(t.db, otherToken, other.id, NOW);

		await invalidateUserSessions(t.db, user.id);

		expect(await sessionsOf(user.id)).toHaveLength(0);
		for (const token of tokens) expect(await validateSessionToken(t.db, token, NOW)).toBeNull();
		expect((await validateSessionToken(t.db, otherToken, NOW))?.user.id).toBe(other.id);
	});
});

describe(`sign-in on ${ENGINE}`, () => {
	it('starts a new session on every sign-in', async () => {
		const user = await makeUser(t.db, 'manager');
		const input = { email: user.email, password: TEST_PASSWORD, ip: uniqueIp() };

		const first = await signIn(t.db, input, NOW);
		const second = await signIn(t.db, input, NOW);

		if (!first.ok || !second.ok) throw new Error('both sign-ins should succeed');
		expect(first.token).not.toBe(second.token);
		expect(first.expiresAt).toEqual(at(30 * DAY_MS));
		const rows = await sessionsOf(user.id);
		expect(rows.map((r) => r.id).sort()).toEqual(
			[sessionIdFromToken(first.token), sessionIdFromToken(second.token)].sort()
		);
		expect((await validateSessionToken(t.db, first.token, NOW))?.user.id).toBe(user.id);
		expect((await validateSessionToken(t.db, second.token, NOW))?.user.id).toBe(user.id);
	});

	it('answers a wrong password, an unknown email and a disabled user alike, with no session', async () => {
		const user = await makeUser(t.db, 'csm');
		const disabled = await makeUser(t.db, 'csm');
		await t.db
			.updateTable('users')
			.set({ disabled_at: NOW })
			.where('id', '=', disabled.id)
			.execute();

		const attempts = [
			{ email: user.email, password: 'wrong-password-123' },
			{ email: `nobody-${uniqueTag()}@test.keel`, password: TEST_PASSWORD },
			{ email: disabled.email, password: TEST_PASSWORD }
		];
		for (const attempt of attempts) {
			expect(await signIn(t.db, { ...attempt, ip: uniqueIp() }, NOW)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		expect(await sessionsOf(user.id)).toHaveLength(0);
		expect(await sessionsOf(disabled.id)).toHaveLength(0);
	});

	it('matches the email case-insensitively', async () => {
		const stored = `Mixed.Case-${uniqueTag()}@Test.Keel`;
		const user = await makeUser(t.db, 'csm', { email: stored });

		const lower = await signIn(
			t.db,
			{ email: stored.toLowerCase(), password: TEST_PASSWORD, ip: uniqueIp() },
			NOW
		);
		const upper = await signIn(
			t.db,
			{ email: stored.toUpperCase(), password: TEST_PASSWORD, ip: uniqueIp() },
			NOW
		);
		expect(lower.ok).toBe(true);
		expect(upper.ok).toBe(true);
		expect(await sessionsOf(user.id)).toHaveLength(2);
	});

	it('throttles an account on one IP after 5 failures, but not from another IP', async () => {
		const user = await makeUser(t.db, 'csm');
		const ip = uniqueIp();
		const wrong = { email: user.email, password: 'wrong-password-123', ip };

		for (let i = 0; i < 5; i++) {
			expect(await signIn(t.db, wrong, at(i * 1000))).toEqual({ ok: false, reason: 'invalid' });
		}
		const sixth = await signIn(t.db, wrong, at(4000));
		expect(sixth).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });

		const right = { email: user.email, password: TEST_PASSWORD, ip };
		const blocked = await signIn(t.db, right, at(5000));
		expect(blocked.ok).toBe(false);
		if (blocked.ok || blocked.reason !== 'throttled') throw new Error('should be throttled');
		expect(blocked.retryAfterSeconds).toBeGreaterThanOrEqual(58);
		expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
		expect(await sessionsOf(user.id)).toHaveLength(0);

		const elsewhere = await signIn(t.db, { ...right, ip: uniqueIp() }, at(5000));
		expect(elsewhere.ok).toBe(true);
		// Once the block has passed, the same IP may sign in again.
		expect((await signIn(t.db, right, at(4000 + 61_000))).ok).toBe(true);
	});

	it("clears the account's counters on a correct sign-in, keeping the IP's own", async () => {
		const user = await makeUser(t.db, 'csm');
		const ip = uniqueIp();
		const wrong = { email: user.email, password: 'wrong-password-123', ip };
		const right = { email: user.email, password: TEST_PASSWORD, ip };

		for (let i = 0; i < 4; i++) await signIn(t.db, wrong, NOW);
		expect((await signIn(t.db, right, NOW)).ok).toBe(true);
		const counters = await t.db.selectFrom('login_throttle').select(['key', 'failures']).execute();
		const left = counters.filter(
			({ key }) => key.includes(user.email) || key.endsWith(`:${ip}`) || key.endsWith(`|${ip}`)
		);
		// Only the IP's counter is left: it names no account.
		expect(left).toHaveLength(1);
		expect(left[0]?.key).not.toContain(user.email);
		expect(left[0]?.failures).toBe(4);

		// Four more failures do not add up with the four before the correct sign-in.
		for (let i = 0; i < 4; i++) {
			expect(await signIn(t.db, wrong, NOW)).toEqual({ ok: false, reason: 'invalid' });
		}
		expect((await signIn(t.db, right, NOW)).ok).toBe(true);
	});

	it('blocks an IP after 20 failures across different emails', async () => {
		const user = await makeUser(t.db, 'csm');
		const ip = uniqueIp();
		for (let i = 0; i < 20; i++) {
			const attempt = { email: `guess-${i}-${ip}@test.keel`, password: 'wrong-password-123', ip };
			expect(await signIn(t.db, attempt, NOW)).toEqual({ ok: false, reason: 'invalid' });
		}

		const next = await signIn(
			t.db,
			{ email: `guess-20-${ip}@test.keel`, password: 'wrong-password-123', ip },
			NOW
		);
		expect(next).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 15 * 60 });
		const right = { email: user.email, password: TEST_PASSWORD, ip };
		expect((await signIn(t.db, right, NOW)).ok).toBe(false);
		expect((await signIn(t.db, { ...right, ip: uniqueIp() }, NOW)).ok).toBe(true);
	});
});
