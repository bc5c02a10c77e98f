import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Requests one token may make per window. */
export const TOKEN_LIMIT = 600;
/** Failed authentications one IP address may make per window before it is turned away. */
export const AUTH_FAILURE_LIMIT = 20;
export const WINDOW_MS = 60_000;

export interface RateLimitState {
	limit: number;
	remaining: number;
	/** Seconds until the window ends and the count starts again. */
	resetSeconds: number;
	limited: boolean;
}

/** The fixed window `now` falls in: its start, aligned to whole minutes of the epoch. */
function windowStart(now: Date) {
	return new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
}

function stateOf(hits: number, limit: number, start: Date, now: Date): RateLimitState {
	return {
		limit,
		remaining: Math.max(0, limit - hits),
		resetSeconds: Math.max(1, Math.ceil((start.getTime() + WINDOW_MS - now.getTime()) / 1000)),
		limited: hits > limit
	};
}

/**
 * Counts one hit against `key` in the current window and returns where that leaves it. One
 * statement: the upsert takes the row's lock, so concurrent requests on several instances each
 * see their own count. A row from an earlier window starts again at one.
 */
export async function hit(db: Db, key: string, limit: number, now = new Date()) {
	const start = windowStart(now);
	const row = await db
		.insertInto('api_rate_limits')
		.values({ key, window_start: start, hits: 1 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				hits: sql<number>`case when api_rate_limits.window_start = excluded.window_start then api_rate_limits.hits + 1 else 1 end`,
				window_start: (eb) => eb.ref('excluded.window_start')
			})
		)
		.returning('hits')
		.executeTakeFirstOrThrow();
	return stateOf(row.hits, limit, start, now);
}

/** Where `key` stands in the current window, without counting a hit. */
export async function peek(db: Db, key: string, limit: number, now = new Date()) {
	const start = windowStart(now);
	const row = await db
		.selectFrom('api_rate_limits')
		.select('hits')
		.where('key', '=', key)
		.where('window_start', '=', start)
		.executeTakeFirst();
	// At the limit already: the next attempt would pass it.
	return stateOf((row?.hits ?? 0) + 1, limit, start, now);
}

export const tokenKey = (tokenId: number) => `token:${tokenId}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Forgets counters of windows long past (IP rows would otherwise pile up). */
export async function pruneRateLimits(db: Db, now = new Date()) {
	await db
		.deleteFrom('api_rate_limits')
		.where('window_start', '<', new Date(windowStart(now).getTime() - WINDOW_MS))
		.execute();
}

/** The standard headers (IETF RateLimit fields, as most APIs send them) for a token's answer. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
	const headers: Record<string, string> = {
		'RateLimit-Limit': String(state.limit),
		'RateLimit-Remaining': String(state.remaining),
		'RateLimit-Reset': String(state.resetSeconds)
	};
	if (state.limited) headers['Retry-After'] = String(state.resetSeconds);
	return headers;
}
