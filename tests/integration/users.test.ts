import { describe, expect, it } from 'vitest';
import { ForbiddenError, StaleVersionError } from '../../src/lib/domain/errors';
import { signIn } from '../../src/lib/server/auth/auth.service';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { createSession, generateSessionToken } from '../../src/lib/server/auth/session';
import type { Db } from '../../src/lib/server/db/database';
import * as users from '../../src/lib/server/users/user.service';
import {
	expectConflict,
	makeReseller,
	makeUser,
	TEST_PASSWORD,
	uniqueIp,
	uniqueTag
} from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

const newUser = (overrides: Partial<users.NewUserInput> = {}): users.NewUserInput => ({
	email: `new-${uniqueTag()}@test.keel`,
	name: `New ${uniqueTag()}`,
	role: 'csm',
	password: 'a-long-enough-password',
	...overrides
});

const userRow = (db: Db, id: number) =>
	db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const sessionCount = async (db: Db, userId: number) =>
	(await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;

async function startSessions(db: Db, userId: number, count = 2) {
	for (let i = 0; i < count; i++) await createSession(db, generateSessionToken(), userId);
}

describe(`users on ${ENGINE}`, () => {
	it('lets only an admin list, create and change users', async () => {
		const target = await makeUser(t.db, 'csm');
		for (const role of ['csm', 'manager', 'sales', 'partner'] as const) {
			const actor = await makeUser(t.db, role);
			await expect(users.listUsers(t.db, actor)).rejects.toBeInstanceOf(ForbiddenError);
			await expect(users.createUser(t.db, actor, newUser())).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				users.changeRole(t.db, actor, target.id, 1, { role: 'manager', reseller_id: null })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(users.setDisabled(t.db, actor, target.id, 1, true)).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		const after = await userRow(t.db, target.id);
		expect(after.role).toBe('csm');
		expect(after.disabled_at).toBeNull();
		expect(after.version).toBe(1);

		const admin = await makeUser(t.db, 'admin');
		const { users: listed } = await users.listUsers(t.db, admin);
		expect(listed.map((u) => u.id)).toContain(target.id);
		for (const user of listed) expect(user).not.toHaveProperty('password_hash');
	});

	it('creates a user with an argon2id hash and a create audit row without the hash', async () => {
		const admin = await makeUser(t.db, 'admin');
		const input = newUser({ email: `Created-${uniqueTag()}@Test.Keel` });

		const id = await users.createUser(t.db, admin, input);

		const row = await userRow(t.db, id);
		expect(row.email).toBe(input.email.toLowerCase());
		expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
		expect(row.password_hash).not.toContain(input.password);
		expect(await verifyPassword(row.password_hash, input.password)).toBe(true);
		const audits = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'user')
			.where('entity_id', '=', id)
			.execute();
		expect(audits).toHaveLength(1);
		expect(audits[0]?.action).toBe('create');
		expect(audits[0]?.actor_id).toBe(admin.id);
		expect(audits[0]?.after?.email).toBe(row.email);
		expect(audits[0]?.after).not.toHaveProperty('password_hash');
		expect(JSON.stringify(audits[0])).not.toContain('$argon2');
	});

	it('refuses a duplicate email whatever its case, a short password, and a partner without reseller', async () => {
		const admin = await makeUser(t.db, 'admin');
		const existing = await makeUser(t.db, 'csm', { email: `Taken-${uniqueTag()}@Test.Keel` });
		const before = await t.db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();

		await expectConflict(
			() => users.createUser(t.db, admin, newUser({ email: existing.email.toLowerCase() })),
			'email'
		);
		await expectConflict(
			() => users.createUser(t.db, admin, newUser({ email: existing.email.toUpperCase() })),
			'email'
		);
		await expectConflict(
			() => users.createUser(t.db, admin, newUser({ password: '123456789' })),
			'password'
		);
		await expectConflict(
			() => users.createUser(t.db, admin, newUser({ role: 'partner', reseller_id: null })),
			'reseller_id'
		);

		const after = await t.db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
		// Ten characters are enough, and a partner with a reseller is fine.
		const reseller = await makeReseller(t.db);
		const partnerId = await users.createUser(
			t.db,
			admin,
			newUser({ role: 'partner', reseller_id: reseller.id, password: '1234567890' })
		);
		expect((await userRow(t.db, partnerId)).reseller_id).toBe(reseller.id);
	});

	it('changes a role, bumping the version, ending the sessions and auditing before/after', async () => {
		const admin = await makeUser(t.db, 'admin');
		const target = await makeUser(t.db, 'csm');
		await startSessions(t.db, target.id);

		await users.changeRole(t.db, admin, target.id, 1, { role: 'manager', reseller_id: null });

		const row = await userRow(t.db, target.id);
		expect(row.role).toBe('manager');
		expect(row.version).toBe(2);
		expect(await sessionCount(t.db, target.id)).toBe(0);
		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'user')
			.where('entity_id', '=', target.id)
			.executeTakeFirstOrThrow();
		expect(audit.action).toBe('update');
		expect(audit.actor_id).toBe(admin.id);
		expect(audit.before?.role).toBe('csm');
		expect(audit.after?.role).toBe('manager');
		expect(audit.before).not.toHaveProperty('password_hash');
		expect(audit.after).not.toHaveProperty('password_hash');
		expect(JSON.stringify(audit)).not.toContain('$argon2');
	});

	it('keeps the sessions when the role stays the same', async () => {
		const admin = await makeUser(t.db, 'admin');
		const target = await makeUser(t.db, 'csm');
		await startSessions(t.db, target.id);

		await users.changeRole(t.db, admin, target.id, 1, { role: 'csm', reseller_id: null });

		expect((await userRow(t.db, target.id)).version).toBe(2);
		expect(await sessionCount(t.db, target.id)).toBe(2);
	});

	it('refuses a stale role change and keeps the newer role', async () => {
		const admin = await makeUser(t.db, 'admin');
		const target = await makeUser(t.db, 'csm');
		await users.changeRole(t.db, admin, target.id, 1, { role: 'sales', reseller_id: null });

		await expect(
			users.changeRole(t.db, admin, target.id, 1, { role: 'manager', reseller_id: null })
		).rejects.toBeInstanceOf(StaleVersionError);
		const row = await userRow(t.db, target.id);
		expect(row.role).toBe('sales');
		expect(row.version).toBe(2);
	});

	it('refuses an admin demoting themselves', async () => {
		const admin = await makeUser(t.db, 'admin');
		await startSessions(t.db, admin.id);

		await expectConflict(
			() => users.changeRole(t.db, admin, admin.id, 1, { role: 'manager', reseller_id: null }),
			'role'
		);
		const row = await userRow(t.db, admin.id);
		expect(row.role).toBe('admin');
		expect(row.version).toBe(1);
		expect(await sessionCount(t.db, admin.id)).toBe(2);
	});

	it('disables a user, ending their sessions, and refuses disabling yourself', async () => {
		const admin = await makeUser(t.db, 'admin');
		const target = await makeUser(t.db, 'sales');
		await startSessions(t.db, target.id);

		await users.setDisabled(t.db, admin, target.id, 1, true);

		const row = await userRow(t.db, target.id);
		expect(row.disabled_at).toBeInstanceOf(Date);
		expect(row.version).toBe(2);
		expect(await sessionCount(t.db, target.id)).toBe(0);
		const attempt = { email: target.email, password: TEST_PASSWORD, ip: uniqueIp() };
		expect(await signIn(t.db, attempt)).toEqual({ ok: false, reason: 'invalid' });

		await expectConflict(() => users.setDisabled(t.db, admin, admin.id, 1, true), 'id');
		expect((await userRow(t.db, admin.id)).disabled_at).toBeNull();

		await users.setDisabled(t.db, admin, target.id, 2, false);
		expect((await userRow(t.db, target.id)).disabled_at).toBeNull();
		expect((await signIn(t.db, { ...attempt, ip: uniqueIp() })).ok).toBe(true);
	});

	it('refuses a password change with the wrong current password', async () => {
		const user = await makeUser(t.db, 'csm');
		await startSessions(t.db, user.id);

		await expectConflict(
			() =>
				users.changeOwnPassword(t.db, user, {
					current_password: 'not-the-password',
					new_password: 'a-brand-new-password'
				}),
			'current_password'
		);
		const row = await userRow(t.db, user.id);
		expect(await verifyPassword(row.password_hash, TEST_PASSWORD)).toBe(true);
		expect(row.version).toBe(1);
		expect(await sessionCount(t.db, user.id)).toBe(2);
	});

	it('changes your own password, ending every session, with an audit row free of hashes', async () => {
		const user = await makeUser(t.db, 'csm');
		await startSessions(t.db, user.id, 3);

		await users.changeOwnPassword(t.db, user, {
			current_password: TEST_PASSWORD,
			new_password: 'a-brand-new-password'
		});

		const row = await userRow(t.db, user.id);
		expect(await verifyPassword(row.password_hash, 'a-brand-new-password')).toBe(true);
		expect(await verifyPassword(row.password_hash, TEST_PASSWORD)).toBe(false);
		expect(row.version).toBe(2);
		expect(await sessionCount(t.db, user.id)).toBe(0);
		const ip = uniqueIp();
		expect((await signIn(t.db, { email: user.email, password: TEST_PASSWORD, ip })).ok).toBe(false);
		expect(
			(await signIn(t.db, { email: user.email, password: 'a-brand-new-password', ip })).ok
		).toBe(true);

		const audits = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'user')
			.where('entity_id', '=', user.id)
			.execute();
		expect(audits).toHaveLength(1);
		expect(audits[0]?.action).toBe('update');
		expect(audits[0]?.actor_id).toBe(user.id);
		const text = JSON.stringify(audits[0]);
		expect(text).not.toContain('password_hash');
		expect(text).not.toContain('$argon2');
		expect(text).not.toContain('a-brand-new-password');
		expect(text).not.toContain(TEST_PASSWORD);
	});
});
