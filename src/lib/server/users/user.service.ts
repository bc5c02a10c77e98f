import { canManageUsers, type Actor } from '../../domain/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Locale, UserRole } from '../../domain/vocabulary';
import { writeAudit } from '../audit/audit.repository';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';

export interface NewUserInput {
	email: string;
	name: string;
	role: UserRole;
	reseller_id?: number | null;
	password: string;
}

function requireAdmin(actor: Actor | null) {
	if (actor && !canManageUsers(actor)) throw new ForbiddenError();
}

function checkPassword(password: string, field = 'password') {
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new ConflictError(field, 'error.passwordShort');
	}
}

function checkReseller(role: UserRole, resellerId: number | null | undefined) {
	if (role === 'partner' && !resellerId)
		throw new ConflictError('reseller_id', 'error.resellerRequired');
	return role === 'partner' ? (resellerId ?? null) : null;
}

const PUBLIC_COLUMNS = [
	'id',
	'email',
	'name',
	'role',
	'reseller_id',
	'locale',
	'time_zone',
	'disabled_at',
	'version',
	'created_at'
] as const;

export async function listUsers(db: Db, actor: Actor) {
	requireAdmin(actor);
	const [users, resellers] = await Promise.all([
		db
			.selectFrom('users')
			.leftJoin('resellers', 'resellers.id', 'users.reseller_id')
			.select(PUBLIC_COLUMNS.map((c) => `users.${c}` as const))
			.select('resellers.name as reseller_name')
			.orderBy('users.disabled_at', (ob) => ob.desc().nullsFirst())
			.orderBy('users.name')
			.execute(),
		db.selectFrom('resellers').select(['id', 'name']).orderBy('name').execute()
	]);
	return { users, resellers };
}

/** Creates a user; `actor` null means the system (first admin, CLI). */
export async function createUser(db: Db, actor: Actor | null, input: NewUserInput) {
	requireAdmin(actor);
	checkPassword(input.password);
	const resellerId = checkReseller(input.role, input.reseller_id);
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (trx) => {
		const taken = await trx
			.selectFrom('users')
			.select('id')
			.where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
			.executeTakeFirst();
		if (taken) throw new ConflictError('email', 'error.emailTaken');
		const user = await trx
			.insertInto('users')
			.values({
				email: input.email.toLowerCase(),
				name: input.name,
				role: input.role,
				reseller_id: resellerId,
				password_hash: passwordHash
			})
			.returning(PUBLIC_COLUMNS)
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor?.id ?? null,
			accountId: null,
			entity: 'user',
			entityId: user.id,
			action: 'create',
			after: user
		});
		return user.id;
	});
}

function lockUser(trx: Executor, id: number) {
	return trx
		.selectFrom('users')
		.select(PUBLIC_COLUMNS)
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

async function changeUser(
	db: Db,
	actor: Actor,
	id: number,
	expectedVersion: number,
	change: (before: NonNullable<Awaited<ReturnType<typeof lockUser>>>) => {
		role?: UserRole;
		reseller_id?: number | null;
		disabled_at?: Date | null;
	}
) {
	requireAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(await lockUser(trx, id), expectedVersion, 'user');
		const after = await trx
			.updateTable('users')
			.set({ ...change(before), ...bumpVersion() })
			.where('id', '=', id)
			.returning(PUBLIC_COLUMNS)
			.executeTakeFirstOrThrow();
		// A disabled user, or one whose role changed, signs in again with the new rights.
		if (after.disabled_at || after.role !== before.role) await invalidateUserSessions(trx, id);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'user',
			entityId: id,
			action: 'update',
			before,
			after
		});
	});
}

export async function changeRole(
	db: Db,
	actor: Actor,
	id: number,
	expectedVersion: number,
	input: { role: UserRole; reseller_id: number | null }
) {
	requireAdmin(actor);
	const resellerId = checkReseller(input.role, input.reseller_id);
	if (id === actor.id && input.role !== 'admin')
		throw new ConflictError('role', 'error.selfDemote');
	return changeUser(db, actor, id, expectedVersion, () => ({
		role: input.role,
		reseller_id: resellerId
	}));
}

export async function setDisabled(
	db: Db,
	actor: Actor,
	id: number,
	expectedVersion: number,
	disabled: boolean
) {
	requireAdmin(actor);
	if (id === actor.id && disabled) throw new ConflictError('id', 'error.selfDisable');
	return changeUser(db, actor, id, expectedVersion, (before) => ({
		disabled_at: disabled ? (before.disabled_at ?? new Date()) : null
	}));
}

export async function setPreferences(
	db: Db,
	actor: Actor,
	input: { locale: Locale; time_zone: string }
) {
	await db.updateTable('users').set(input).where('id', '=', actor.id).execute();
}

/** The interface language the user picked in the switcher, kept for their next visit. */
export async function setLocale(db: Db, actor: Actor, locale: Locale) {
	await db.updateTable('users').set({ locale }).where('id', '=', actor.id).execute();
}

/** Changes the actor's own password and ends every session they have; the caller signs them in anew. */
export async function changeOwnPassword(
	db: Db,
	actor: Actor,
	input: { current_password: string; new_password: string }
) {
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', actor.id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('user');
	if (!(await verifyPassword(row.password_hash, input.current_password))) {
		throw new ConflictError('current_password', 'error.passwordWrong');
	}
	checkPassword(input.new_password, 'new_password');
	const passwordHash = await hashPassword(input.new_password);
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('users')
			.set({ password_hash: passwordHash, ...bumpVersion() })
			.where('id', '=', actor.id)
			.execute();
		await invalidateUserSessions(trx, actor.id);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'user',
			entityId: actor.id,
			action: 'update',
			after: { password: 'changed' }
		});
	});
}
