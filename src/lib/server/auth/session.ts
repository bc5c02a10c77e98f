import type { Executor } from '../db/database';
import { randomToken, tokenHash } from './secret-token';
import { SESSION_USER_COLUMNS, sessionUserOf, type SessionUser } from './session-user';

// Lucia's session design (lucia-auth.com/sessions/basic): a random token in the cookie, only its
// SHA-256 in the database, a 30-day expiry that slides forward when half of it has passed.
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'keel_session';

export function generateSessionToken(): string {
	return randomToken(20); // 160 bits
}

export function sessionIdFromToken(token: string): string {
	return tokenHash(token);
}

export async function createSession(db: Executor, token: string, userId: number, now = new Date()) {
	const session = {
		id: sessionIdFromToken(token),
		user_id: userId,
		expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS)
	};
	await db.insertInto('sessions').values(session).execute();
	return session;
}

export interface ValidatedSession {
	session: { id: string; expiresAt: Date; renewed: boolean };
	user: SessionUser;
}

/** Returns the session and its user, or null when the token is unknown, expired or the user disabled. */
export async function validateSessionToken(
	db: Executor,
	token: string,
	now = new Date()
): Promise<ValidatedSession | null> {
	const id = sessionIdFromToken(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users as u', 'u.id', 'sessions.user_id')
		.select(['sessions.id', 'sessions.expires_at'])
		.select(SESSION_USER_COLUMNS)
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	if (row.disabled_at || now.getTime() >= row.expires_at.getTime()) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return null;
	}
	let expiresAt = row.expires_at;
	let renewed = false;
	if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS) {
		expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		renewed = true;
		await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
	}
	return {
		session: { id, expiresAt, renewed },
		user: sessionUserOf(row)
	};
}

export async function invalidateSession(db: Executor, sessionId: string) {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(db: Executor, userId: number) {
	await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
