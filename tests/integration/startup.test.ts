import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../src/lib/server/auth/auth.service';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/lib/server/demo/demo-data';
import { prepareFirstStart } from '../../src/lib/server/startup';
import type { Db } from '../../src/lib/server/db/database';
import { uniqueIp } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const ADMIN = {
	KEEL_DEMO: '0',
	KEEL_ADMIN_EMAIL: 'First.Admin@Keel.Test',
	KEEL_ADMIN_PASSWORD: 'first-admin-password'
};

const count = async (db: Db, table: 'users' | 'accounts' | 'resellers') =>
	(
		await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	).n;

// Each case needs an empty database of its own, so each describe opens one.
describe(`first start on ${ENGINE}`, () => {
	beforeEach(() => {
		vi.spyOn(console, 'log').mockImplementation(() => {});
		vi.spyOn(console, 'warn').mockImplementation(() => {});
	});
	afterEach(() => {
		vi.restoreAllMocks();
	});

	describe('with KEEL_DEMO=0 and admin variables', () => {
		const t = useTestDatabase();

		it('creates exactly one admin who can sign in, and nothing on a second start', async () => {
			await prepareFirstStart(t.db, { ...ADMIN });

			const users = await t.db.selectFrom('users').selectAll().execute();
			expect(users).toHaveLength(1);
			expect(users[0]).toMatchObject({
				email: 'first.admin@keel.test',
				role: 'admin',
				reseller_id: null,
				disabled_at: null
			});
			expect(users[0]?.password_hash.startsWith('$argon2id$')).toBe(true);
			expect(await count(t.db, 'accounts')).toBe(0);
			const signedIn = await signIn(t.db, {
				email: ADMIN.KEEL_ADMIN_EMAIL,
				password: ADMIN.KEEL_ADMIN_PASSWORD,
				ip: uniqueIp()
			});
			expect(signedIn.ok).toBe(true);

			await prepareFirstStart(t.db, { ...ADMIN });
			await prepareFirstStart(t.db, { ...ADMIN, KEEL_ADMIN_EMAIL: 'second@keel.test' });
			await prepareFirstStart(t.db, {});
			expect(await count(t.db, 'users')).toBe(1);
			expect(await count(t.db, 'accounts')).toBe(0);
		});
	});

	describe('with KEEL_DEMO=0 and no admin variables', () => {
		const t = useTestDatabase();

		it('creates no user and says how to make one', async () => {
			await prepareFirstStart(t.db, { KEEL_DEMO: '0' });
			await prepareFirstStart(t.db, { KEEL_DEMO: '0', KEEL_ADMIN_EMAIL: 'half@keel.test' });

			expect(await count(t.db, 'users')).toBe(0);
			expect(await count(t.db, 'accounts')).toBe(0);
			expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('KEEL_ADMIN_EMAIL'));
		});
	});

	describe('with KEEL_DEMO unset', () => {
		const t = useTestDatabase();

		it('seeds the 200-account demo with its named users, each account with one CSM', async () => {
			await prepareFirstStart(t.db, {});

			expect(await count(t.db, 'accounts')).toBe(200);
			const users = await t.db
				.selectFrom('users')
				.select(['email', 'role', 'reseller_id', 'disabled_at'])
				.execute();
			for (const named of DEMO_USERS) {
				const user = users.find((u) => u.email === named.email);
				expect(user, named.email).toMatchObject({ role: named.role, disabled_at: null });
				expect(user?.reseller_id !== null, named.email).toBe(named.role === 'partner');
			}
			const csmCounts = await t.db
				.selectFrom('accounts as a')
				.leftJoin('account_team_members as t', (join) =>
					join.onRef('t.account_id', '=', 'a.id').on('t.team_role', '=', 'CSM')
				)
				.select(['a.id', (eb) => eb.fn.count<number>('t.id').as('csms')])
				.groupBy('a.id')
				.execute();
			expect(csmCounts).toHaveLength(200);
			expect(csmCounts.filter((row) => row.csms !== 1)).toEqual([]);
			const signedIn = await signIn(t.db, {
				email: 'manager@keel.demo',
				password: DEMO_PASSWORD,
				ip: uniqueIp()
			});
			expect(signedIn.ok).toBe(true);

			// A restart leaves the seeded data alone.
			await prepareFirstStart(t.db, {});
			expect(await count(t.db, 'accounts')).toBe(200);
			expect(await count(t.db, 'users')).toBe(users.length);
		});
	});
});

describe.runIf(ENGINE === 'postgres')('connections to a PostgreSQL server', () => {
	const t = useTestDatabase();

	it('run without JIT compilation, which costs a page more than it saves', async () => {
		const { rows } = await sql<{ jit: string }>`show jit`.execute(t.db);
		expect(rows).toEqual([{ jit: 'off' }]);
	});
});
