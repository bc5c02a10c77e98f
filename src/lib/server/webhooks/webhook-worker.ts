import { sql } from 'kysely';
import { signDelivery } from '../../domain/webhook-signature';
import {
	DELIVERY_RETENTION_DAYS,
	isDelivered,
	nextAttemptAt,
	truncateResponse,
	MAX_RESPONSE_CHARS
} from '../../domain/webhook';
import type { Db } from '../db/database';
import type { WebhookPayload } from './webhook.table';

/** How long a receiver gets to answer before the attempt counts as failed. */
export const SEND_TIMEOUT_MS = 10_000;
/**
 * A claimed delivery is not claimed again for this long: longer than a send can take, so two
 * workers never send it at once, and short enough that one whose worker died is sent again soon.
 */
const LEASE_MS = 2 * 60_000;
/** Deliveries claimed (and sent side by side) at a time. */
const BATCH = 10;

interface Claimed {
	id: number;
	event: string;
	payload: WebhookPayload;
	attempts: number;
	url: string;
	secret: string;
}

/**
 * Takes due deliveries for this worker: `for update skip locked` lets several instances claim at
 * once without waiting on or taking each other's rows, and the claim pushes the row's due time
 * out by the lease and counts the attempt, committed before anything is sent. No transaction is
 * held open while a receiver answers (on the embedded database that would stop every request).
 */
async function claimDue(db: Db, now: Date, limit: number, onlyIds?: readonly number[]) {
	return db.transaction().execute(async (trx) => {
		const due = await trx
			.selectFrom('webhook_deliveries')
			.select('id')
			.where('status', '=', 'pending')
			.where('next_attempt_at', '<=', now)
			.$if(onlyIds !== undefined, (qb) => qb.where('id', 'in', [...onlyIds!, -1]))
			.orderBy('next_attempt_at')
			.orderBy('id')
			.limit(limit)
			.forUpdate()
			.skipLocked()
			.execute();
		if (due.length === 0) return [];
		const claimed = await trx
			.updateTable('webhook_deliveries as d')
			.from('webhooks as w')
			.set({
				attempts: sql<number>`d.attempts + 1`,
				next_attempt_at: new Date(now.getTime() + LEASE_MS),
				last_attempt_at: now
			})
			.whereRef('w.id', '=', 'd.webhook_id')
			.where(
				'd.id',
				'in',
				due.map((d) => d.id)
			)
			.returning(['d.id', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.secret'])
			.execute();
		return claimed as Claimed[];
	});
}

/** Reads at most a few kilobytes of the answer: enough to show, never a whole page in memory. */
async function readSome(response: Response): Promise<string> {
	if (!response.body) return '';
	const reader = response.body.getReader();
	const decoder = new TextDecoder();
	let text = '';
	try {
		while (text.length <= MAX_RESPONSE_CHARS) {
			const { done, value } = await reader.read();
			if (done) break;
			text += decoder.decode(value, { stream: true });
		}
	} finally {
		await reader.cancel().catch(() => {});
	}
	return truncateResponse(text);
}

export interface Attempt {
	status: number | null;
	durationMs: number;
	body: string | null;
	error: string | null;
}

/**
 * Posts one delivery, signed: `X-Keel-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body">`.
 * Redirects are not followed (a 3xx is a failed attempt): the URL the admin saved is the only
 * place the payload goes.
 */
export async function send(delivery: Claimed, now: Date): Promise<Attempt> {
	const body = JSON.stringify(delivery.payload);
	const timestamp = String(Math.floor(now.getTime() / 1000));
	const started = performance.now();
	const elapsed = () => Math.round(performance.now() - started);
	try {
		const response = await fetch(delivery.url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'User-Agent': 'Keel-Webhooks/1',
				'X-Keel-Event': delivery.event,
				'X-Keel-Delivery': String(delivery.id),
				'X-Keel-Timestamp': timestamp,
				'X-Keel-Signature': signDelivery(delivery.secret, timestamp, body)
			},
			body,
			redirect: 'manual',
			signal: AbortSignal.timeout(SEND_TIMEOUT_MS)
		});
		const text = await readSome(response);
		return { status: response.status, durationMs: elapsed(), body: text, error: null };
	} catch (cause) {
		const error =
			cause instanceof Error && cause.name === 'TimeoutError'
				? `No answer within ${SEND_TIMEOUT_MS / 1000} s`
				: describeError(cause);
		return { status: null, durationMs: elapsed(), body: null, error };
	}
}

/** fetch's "fetch failed" hides the reason (refused, DNS) in `cause`: keep both. */
function describeError(cause: unknown): string {
	if (!(cause instanceof Error)) return String(cause);
	const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
	return truncateResponse(`${cause.message}${inner}`);
}

/**
 * Records an attempt: 2xx is delivered; otherwise the next retry is scheduled by the backoff, or
 * after the last attempt the delivery has failed. Only the claim that made this attempt may
 * record it (a worker whose lease ran out does not overwrite a later attempt).
 */
async function record(db: Db, delivery: Claimed, attempt: Attempt, finishedAt: Date) {
	const delivered = attempt.status !== null && isDelivered(attempt.status);
	const next = delivered ? null : nextAttemptAt(delivery.attempts, finishedAt);
	await db
		.updateTable('webhook_deliveries')
		.set({
			status: delivered ? 'delivered' : next ? 'pending' : 'failed',
			next_attempt_at: next,
			delivered_at: delivered ? finishedAt : null,
			response_status: attempt.status,
			duration_ms: attempt.durationMs,
			response_body: attempt.body,
			error: attempt.error
		})
		.where('id', '=', delivery.id)
		.where('attempts', '=', delivery.attempts)
		.where('status', '=', 'pending')
		.execute();
}

/**
 * Sends what is due, batch by batch, until nothing due is left (or `maxBatches`). The database
 * decides what is due, so a restart loses nothing and instances share the work. `onlyIds`
 * limits the run to some deliveries (tests). Returns how many attempts were made.
 */
export async function runWebhookDeliveries(
	db: Db,
	options: { now?: () => Date; maxBatches?: number; onlyIds?: readonly number[] } = {}
) {
	const clock = options.now ?? (() => new Date());
	let attempts = 0;
	for (let i = 0; i < (options.maxBatches ?? 50); i++) {
		const claimed = await claimDue(db, clock(), BATCH, options.onlyIds);
		if (claimed.length === 0) break;
		await Promise.all(
			claimed.map(async (delivery) => {
				const attempt = await send(delivery, clock());
				await record(db, delivery, attempt, clock());
			})
		);
		attempts += claimed.length;
	}
	return attempts;
}

/** Forgets finished deliveries past the retention window; pending ones are never dropped. */
export async function pruneDeliveries(db: Db, now = new Date()) {
	const before = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000);
	const result = await db
		.deleteFrom('webhook_deliveries')
		.where('created_at', '<', before)
		.where('status', '<>', 'pending')
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
