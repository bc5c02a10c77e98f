import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { sql } from 'kysely';
import { canManageUsers, type Actor } from '../../domain/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { testPayload } from './webhook-test-payload';
import type { WebhookInput } from './webhook.schema';
import type { Webhook } from './webhook.table';

/** Deliveries per page of a webhook's log. */
export const DELIVERIES_PER_PAGE = 25;

/** Webhooks send customer facts to other systems: configuration, the admin's (DESIGN.md roles). */
function assertAdmin(actor: Actor) {
	if (!canManageUsers(actor)) throw new ForbiddenError();
}

/** 32 random bytes: as strong as the HMAC-SHA256 it keys. */
function newSecret() {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	return `whsec_${encodeBase64urlNoPadding(bytes)}`;
}

/** A webhook as the audit log keeps it: everything but the secret. */
function audited(row: Webhook): Omit<Webhook, 'secret'> {
	const copy: Partial<Webhook> = { ...row };
	delete copy.secret;
	return copy as Omit<Webhook, 'secret'>;
}

/** Every webhook with how its latest delivery went and how many are still pending or failed. */
export async function listWebhooks(db: Db, actor: Actor) {
	assertAdmin(actor);
	return db
		.selectFrom('webhooks as w')
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('webhook_deliveries as d')
					.select(['d.status as last_status', 'd.created_at as last_at'])
					.whereRef('d.webhook_id', '=', 'w.id')
					.orderBy('d.id', 'desc')
					.limit(1)
					.as('last'),
			(join) => join.onTrue()
		)
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('webhook_deliveries as d')
					.select([
						sql<number>`count(*) filter (where d.status = 'failed')::int`.as('failed'),
						sql<number>`count(*) filter (where d.status = 'pending')::int`.as('pending')
					])
					.whereRef('d.webhook_id', '=', 'w.id')
					.as('counts'),
			(join) => join.onTrue()
		)
		.select([
			'w.id',
			'w.url',
			'w.description',
			'w.events',
			'w.active',
			'last.last_status',
			'last.last_at',
			'counts.failed',
			'counts.pending'
		])
		.orderBy('w.id')
		.execute();
}

/** One webhook with its secret and one page of its delivery log, latest first. */
export async function getWebhook(db: Db, actor: Actor, webhookId: number, page = 1) {
	assertAdmin(actor);
	const webhook = await db
		.selectFrom('webhooks')
		.selectAll()
		.where('id', '=', webhookId)
		.executeTakeFirst();
	if (!webhook) throw new NotFoundError('webhook');
	const offset = (Math.max(1, page) - 1) * DELIVERIES_PER_PAGE;
	const log = () =>
		db
			.selectFrom('webhook_deliveries')
			.select([
				'id',
				'event',
				'status',
				'attempts',
				'response_status',
				'duration_ms',
				'response_body',
				'error',
				'next_attempt_at',
				'last_attempt_at',
				'delivered_at',
				'created_at'
			])
			.where('webhook_id', '=', webhookId)
			.orderBy('id', 'desc');
	const [deliveries, total, latestTest] = await Promise.all([
		log().limit(DELIVERIES_PER_PAGE).offset(offset).execute(),
		db
			.selectFrom('webhook_deliveries')
			.select(sql<number>`count(*)::int`.as('n'))
			.where('webhook_id', '=', webhookId)
			.executeTakeFirstOrThrow(),
		// The "Send test" card shows how the latest test went, whatever page the log is on.
		log().where('event', '=', 'test').limit(1).executeTakeFirst()
	]);
	return {
		webhook,
		deliveries,
		latestTest: latestTest ?? null,
		total: total.n,
		perPage: DELIVERIES_PER_PAGE
	};
}

function lockWebhook(trx: Executor, webhookId: number) {
	return trx
		.selectFrom('webhooks')
		.selectAll()
		.where('id', '=', webhookId)
		.forUpdate()
		.executeTakeFirst();
}

const columns = (input: WebhookInput) => ({
	url: input.url,
	description: input.description,
	locale: input.locale,
	active: input.active,
	events: JSON.stringify(input.events)
});

/** A new webhook with a fresh signing secret, audited (without the secret). */
export async function createWebhook(db: Db, actor: Actor, input: WebhookInput) {
	assertAdmin(actor);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('webhooks')
			.values({
				...columns(input),
				secret: newSecret(),
				created_by: actor.id,
				updated_by: actor.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'webhook',
			entityId: row.id,
			action: 'create',
			after: audited(row)
		});
		return row.id;
	});
}

/** Saves the endpoint, events, language and whether it is active, version-guarded. */
export async function updateWebhook(
	db: Db,
	actor: Actor,
	webhookId: number,
	version: number,
	input: WebhookInput
) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(await lockWebhook(trx, webhookId), version, 'webhook');
		const after = await trx
			.updateTable('webhooks')
			.set({ ...columns(input), updated_by: actor.id, ...bumpVersion() })
			.where('id', '=', webhookId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'webhook',
			entityId: webhookId,
			action: 'update',
			before: audited(before),
			after: audited(after)
		});
	});
}

/**
 * A new signing secret, at once: receivers must be given it before they can verify again. The
 * audit log records that it changed, never the value.
 */
export async function rotateSecret(db: Db, actor: Actor, webhookId: number, version: number) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		assertVersion(await lockWebhook(trx, webhookId), version, 'webhook');
		await trx
			.updateTable('webhooks')
			.set({ secret: newSecret(), updated_by: actor.id, ...bumpVersion() })
			.where('id', '=', webhookId)
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'webhook',
			entityId: webhookId,
			action: 'update',
			after: { secret_rotated: true }
		});
	});
}

/** Deletes a webhook and its delivery log (nothing pending is sent after this). */
export async function deleteWebhook(db: Db, actor: Actor, webhookId: number, version: number) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(await lockWebhook(trx, webhookId), version, 'webhook');
		await trx.deleteFrom('webhooks').where('id', '=', webhookId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'webhook',
			entityId: webhookId,
			action: 'delete',
			before: audited(before)
		});
	});
}

/**
 * Queues a `test` delivery for this webhook, paused or not: the worker sends it within seconds
 * and the page shows how it went. The admin's request does not wait for the receiver.
 */
export async function sendTest(db: Db, actor: Actor, webhookId: number, now = new Date()) {
	assertAdmin(actor);
	const webhook = await db
		.selectFrom('webhooks')
		.select(['id', 'url', 'description', 'locale'])
		.where('id', '=', webhookId)
		.executeTakeFirst();
	if (!webhook) throw new NotFoundError('webhook');
	const payload = await testPayload(webhook, now);
	const row = await db
		.insertInto('webhook_deliveries')
		.values({
			webhook_id: webhookId,
			event: 'test',
			payload: JSON.stringify(payload),
			next_attempt_at: now,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Sends a failed delivery once more, now, with the payload it was queued with. One attempt: if
 * it fails again it is failed again, until someone retries it or it ages out.
 */
export async function retryDelivery(
	db: Db,
	actor: Actor,
	webhookId: number,
	deliveryId: number,
	now = new Date()
) {
	assertAdmin(actor);
	const row = await db
		.updateTable('webhook_deliveries')
		.set({ status: 'pending', next_attempt_at: now })
		.where('id', '=', deliveryId)
		.where('webhook_id', '=', webhookId)
		.where('status', '=', 'failed')
		.returning('id')
		.executeTakeFirst();
	if (row) return;
	const exists = await db
		.selectFrom('webhook_deliveries')
		.select('id')
		.where('id', '=', deliveryId)
		.where('webhook_id', '=', webhookId)
		.executeTakeFirst();
	if (!exists) throw new NotFoundError('delivery');
	throw new ConflictError('delivery_id', 'webhooks.error.notFailed');
}
