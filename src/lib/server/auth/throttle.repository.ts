import { sql } from 'kysely';
import {
	recordFailure,
	retryAfterMs,
	THROTTLE_RULES,
	type ThrottleScope,
	type ThrottleState
} from '../../domain/login-throttle';
import type { Db } from '../db/database';

export interface ThrottleSubject {
	email: string;
	ip: string;
}

function keysFor({ email, ip }: ThrottleSubject): Record<ThrottleScope, string> {
	const account = email.trim().toLowerCase();
	return {
		ip: `ip:${ip}`,
		accountIp: `account-ip:${account}|${ip}`,
		account: `account:${account}`
	};
}

/** The longest wait any of the subject's counters imposes, in ms (0 = may try). */
export async function throttleWait(db: Db, subject: ThrottleSubject, now = new Date()) {
	const rows = await db
		.selectFrom('login_throttle')
		.selectAll()
		.where('key', 'in', Object.values(keysFor(subject)))
		.execute();
	return Math.max(0, ...rows.map((row) => retryAfterMs(toState(row), now)));
}

export async function recordLoginFailure(db: Db, subject: ThrottleSubject, now = new Date()) {
	const keys = keysFor(subject);
	await db.transaction().execute(async (trx) => {
		for (const [scope, key] of Object.entries(keys) as [ThrottleScope, string][]) {
			await trx
				.insertInto('login_throttle')
				.values({ key, failures: 0, last_failure_at: now, blocked_until: null })
				.onConflict((oc) => oc.column('key').doNothing())
				.execute();
			const row = await trx
				.selectFrom('login_throttle')
				.selectAll()
				.where('key', '=', key)
				.forUpdate()
				.executeTakeFirstOrThrow();
			const next = recordFailure(
				row.failures === 0 ? undefined : toState(row),
				THROTTLE_RULES[scope],
				now
			);
			await trx
				.updateTable('login_throttle')
				.set({
					failures: next.failures,
					last_failure_at: next.lastFailureAt,
					blocked_until: next.blockedUntil
				})
				.where('key', '=', key)
				.execute();
		}
	});
}

/** A correct password clears the counters that name this account; the IP's own stays. */
export async function clearLoginFailures(db: Db, subject: ThrottleSubject) {
	const keys = keysFor(subject);
	await db
		.deleteFrom('login_throttle')
		.where('key', 'in', [keys.accountIp, keys.account])
		.execute();
}

/** Forget counters that have long expired, so the table stays small. */
export async function pruneLoginThrottle(db: Db, now = new Date()) {
	await db
		.deleteFrom('login_throttle')
		.where('last_failure_at', '<', sql<Date>`${now}::timestamptz - interval '1 day'`)
		.where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
		.execute();
}

function toState(row: {
	failures: number;
	last_failure_at: Date;
	blocked_until: Date | null;
}): ThrottleState {
	return {
		failures: row.failures,
		lastFailureAt: row.last_failure_at,
		blockedUntil: row.blocked_until
	};
}
