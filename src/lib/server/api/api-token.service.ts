import { addDays, todayIn } from '../../domain/dates';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Parsed } from '../../domain/validation';
import { zonedToInstant } from '../../domain/zoned-time';
import { writeAudit } from '../audit/audit.repository';
import { SESSION_USER_COLUMNS, sessionUserOf, type SessionUser } from '../auth/session-user';
import type { Db, Executor } from '../db/database';
import { generateApiToken, hashApiToken, looksLikeApiToken } from './api-token';
import type { newTokenFields } from './api-token.schema';
import type { TokenAccess } from './api.table';

export type NewTokenInput = Parsed<typeof newTokenFields>;

/** last_used_at is written at most this often per token, not on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/** The user's own tokens still in force or expired (revoked ones are gone), newest first. */
export function listTokens(db: Executor, actor: SessionUser) {
	return db
		.selectFrom('api_tokens')
		.select(['id', 'name', 'access', 'created_at', 'last_used_at', 'expires_at'])
		.where('user_id', '=', actor.id)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
}

/**
 * Makes a token for the user and returns it: the only time it exists outside their hands. It
 * expires at the end of `expires_on` in the user's time zone.
 */
export async function createToken(
	db: Db,
	actor: SessionUser,
	input: NewTokenInput,
	now = new Date()
): Promise<{ id: number; token: string }> {
	let expiresAt: Date | null = null;
	if (input.expires_on !== null) {
		if (input.expires_on < todayIn(actor.timeZone, now)) {
			throw new ConflictError('expires_on', 'api.error.expiryPast');
		}
		expiresAt = zonedToInstant(addDays(input.expires_on, 1), '00:00', actor.timeZone);
	}
	const token = generateApiToken();
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('api_tokens')
			.values({
				user_id: actor.id,
				name: input.name,
				access: input.access,
				token_hash: hashApiToken(token),
				expires_at: expiresAt
			})
			.returning(['id', 'name', 'access', 'expires_at'])
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'api_token',
			entityId: row.id,
			action: 'create',
			after: row
		});
		return { id: row.id, token };
	});
}

/** Revokes one of the user's own tokens; another user's token is "not found". */
export async function revokeToken(db: Db, actor: SessionUser, tokenId: number, now = new Date()) {
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('api_tokens')
			.select(['id', 'name', 'access', 'expires_at', 'revoked_at'])
			.where('id', '=', tokenId)
			.where('user_id', '=', actor.id)
			.where('revoked_at', 'is', null)
			.forUpdate()
			.executeTakeFirst();
		if (!before) throw new NotFoundError('token');
		await trx
			.updateTable('api_tokens')
			.set({ revoked_at: now })
			.where('id', '=', tokenId)
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'api_token',
			entityId: tokenId,
			action: 'update',
			before,
			after: { ...before, revoked_at: now }
		});
	});
}

export interface AuthenticatedToken {
	id: number;
	access: TokenAccess;
	user: SessionUser;
}

/**
 * The token's user, as every service sees a signed-in one, or null when the token is unknown,
 * revoked, expired, or its user disabled. The user's role and reseller are read afresh on each
 * request, so a change to them applies to their tokens at once.
 */
export async function authenticateToken(
	db: Db,
	token: string,
	now = new Date()
): Promise<AuthenticatedToken | null> {
	if (!looksLikeApiToken(token)) return null;
	const row = await db
		.selectFrom('api_tokens as k')
		.innerJoin('users as u', 'u.id', 'k.user_id')
		.select(['k.id', 'k.access', 'k.expires_at', 'k.revoked_at', 'k.last_used_at'])
		.select(SESSION_USER_COLUMNS)
		.where('k.token_hash', '=', hashApiToken(token))
		.executeTakeFirst();
	if (!row || row.revoked_at || row.disabled_at) return null;
	if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return null;
	if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_PRECISION_MS) {
		await db
			.updateTable('api_tokens')
			.set({ last_used_at: now })
			.where('id', '=', row.id)
			.execute();
	}
	return { id: row.id, access: row.access, user: sessionUserOf(row) };
}
