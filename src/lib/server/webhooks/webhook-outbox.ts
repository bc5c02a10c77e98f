import type { Executor } from '../db/database';
import type { KeelEvent } from '../events/events';

/** Queues one delivery per subscribed webhook for each event. (Being built.) */
export async function queueWebhookDeliveries(
	_trx: Executor,
	_events: readonly KeelEvent[],
	_now: Date
): Promise<void> {}
