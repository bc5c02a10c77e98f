import type { Db } from '../db/database';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession, generateSessionToken } from './session';
import {
	clearLoginFailures,
	recordLoginFailure,
	throttleWait,
	type ThrottleSubject
} from './throttle.repository';

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the password and, when right, starts a new session (never reuses one: a planted
 * cookie is never adopted). Disabled users and unknown emails fail alike.
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string },
	now = new Date()
): Promise<SignInResult> {
	const subject: ThrottleSubject = { email: input.email, ip: input.ip };
	const wait = await throttleWait(db, subject, now);
	if (wait > 0)
		return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };

	const user = await db
		.selectFrom('users')
		.select(['id', 'password_hash', 'disabled_at'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
		.executeTakeFirst();
	const passwordOk = await verifyPassword(
		user?.password_hash ?? (await dummyPasswordHash()),
		input.password
	);
	if (!user || !passwordOk || user.disabled_at) {
		await recordLoginFailure(db, subject, now);
		return { ok: false, reason: 'invalid' };
	}
	await clearLoginFailures(db, subject);
	const token = generateSessionToken();
	const session = await createSession(db, token, user.id, now);
	return { ok: true, token, expiresAt: session.expires_at };
}
