import { expect } from 'vitest';
import type { Actor } from '../../src/lib/domain/access';
import { ConflictError } from '../../src/lib/domain/errors';
import type { TeamRole, UserRole } from '../../src/lib/domain/vocabulary';
import type { NewAccount } from '../../src/lib/server/accounts/account.table';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A short string no other call in this run returns, for names and emails. */
export const uniqueTag = () => unique();

let ipCounter = 0;
/** An IP address no other call in this run returns, so throttle counters never collide. */
export function uniqueIp() {
	const n = ++ipCounter;
	return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export async function makeReseller(db: Db, name = `Reseller ${unique()}`) {
	return db.insertInto('resellers').values({ name }).returningAll().executeTakeFirstOrThrow();
}

export async function makeUser(
	db: Db,
	role: UserRole,
	options: { resellerId?: number; email?: string } = {}
): Promise<SessionUser> {
	passwordHash ??= hashPassword(TEST_PASSWORD);
	const resellerId =
		role === 'partner' ? (options.resellerId ?? (await makeReseller(db)).id) : null;
	const row = await db
		.insertInto('users')
		.values({
			email: options.email ?? `${role}-${unique()}@test.keel`,
			name: `Test ${role} ${unique()}`,
			role,
			reseller_id: resellerId,
			password_hash: await passwordHash
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		resellerId: row.reseller_id,
		locale: row.locale,
		timeZone: row.time_zone
	};
}

export async function makeAccount(db: Db, values: Partial<NewAccount> = {}) {
	return db
		.insertInto('accounts')
		.values({
			name: `Account ${unique()}`,
			segment: 'mid_market',
			region: 'emea',
			time_zone: 'Europe/Amsterdam',
			sales_channel: values.reseller_id ? 'reseller' : 'direct',
			support_package: 'standard',
			lifecycle_stage: 'adoption',
			arr: 120_000,
			renewal_date: '2027-03-31',
			...values
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export async function putOnTeam(db: Db, accountId: number, user: Actor, role: TeamRole = 'CSM') {
	return db
		.insertInto('account_team_members')
		.values({ account_id: accountId, user_id: user.id, team_role: role })
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** The account form's fields as the service takes them, from an existing row. */
export function accountInput(account: Awaited<ReturnType<typeof makeAccount>>) {
	return {
		name: account.name,
		segment: account.segment,
		region: account.region,
		time_zone: account.time_zone,
		sales_channel: account.sales_channel,
		reseller_id: account.reseller_id,
		support_package: account.support_package,
		arr: account.arr,
		renewal_date: account.renewal_date,
		lifecycle_stage: account.lifecycle_stage,
		notes: account.notes,
		external_id: account.external_id ?? ''
	};
}

/**
 * Asserts `run` fails with a ConflictError on `field`. Takes a function because some services
 * (changeRole, setDisabled) throw before returning a promise.
 */
export async function expectConflict(run: () => Promise<unknown>, field: string) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ConflictError);
	expect((error as ConflictError).field).toBe(field);
}
