import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { WEBHOOK_EVENTS } from '../../domain/webhook';
import type { KeelEvent } from '../events/events';
import type { WebhookKeelEvent } from './webhook-payload';
import type { WebhookPayload } from './webhook.table';

const WEBHOOK_TYPES = new Set<string>(WEBHOOK_EVENTS);
const isWebhookEvent = (event: KeelEvent): event is WebhookKeelEvent =>
	WEBHOOK_TYPES.has(event.type);

/** Rows per insert, well under PostgreSQL's 65,535 parameters per statement. */
const BATCH = 1000;

/**
 * Queues one delivery per active webhook subscribed to each event, in the transaction that made
 * the event happen: rolled back, nothing is sent; committed, the delivery worker sends it later,
 * so the user's request never waits on a receiver. The payload is frozen now. With no webhook
 * listening this costs one query.
 */
export async function queueWebhookDeliveries(
	trx: Executor,
	events: readonly KeelEvent[],
	now: Date
): Promise<void> {
	const relevant = events.filter(isWebhookEvent);
	if (relevant.length === 0) return;
	const types = [...new Set(relevant.map((e) => e.type))];
	const webhooks = await trx
		.selectFrom('webhooks')
		.select(['id', 'events', 'locale'])
		.where('active', '=', true)
		.where(sql<boolean>`events ?| ${sql.val(types)}::text[]`)
		.orderBy('id')
		.execute();
	if (webhooks.length === 0) return;

	// Loaded when a webhook listens. The wording reads the whole catalogue on the server, in each
	// webhook's language: its keys are no page's, and every page that publishes events would
	// otherwise count them as its own (route-messages.test.ts follows static imports).
	const { buildPayload, loadEventFacts } = await import('./webhook-payload');
	const facts = await loadEventFacts(trx, relevant, now);
	const rows: { webhook_id: number; event: string; payload: WebhookPayload }[] = [];
	for (const fact of facts) {
		for (const webhook of webhooks) {
			if (!webhook.events.includes(fact.event)) continue;
			rows.push({
				webhook_id: webhook.id,
				event: fact.event,
				payload: await buildPayload(fact, webhook.locale, now)
			});
		}
	}
	for (let i = 0; i < rows.length; i += BATCH) {
		await trx
			.insertInto('webhook_deliveries')
			.values(
				rows.slice(i, i + BATCH).map((r) => ({
					webhook_id: r.webhook_id,
					event: r.payload.event,
					payload: JSON.stringify(r.payload),
					next_attempt_at: now,
					created_at: now
				}))
			)
			.execute();
	}
}
