import type { Db } from '../db/database';
import { pruneDeliveries, runWebhookDeliveries } from '../webhooks/webhook-worker';

/** How often an instance looks for due deliveries: a "Send test" answers within seconds. */
const POLL_MS = 5_000;
/** Old deliveries are pruned about hourly; any instance may do it, deleting twice is harmless. */
const PRUNE_MS = 60 * 60 * 1000;

/**
 * Polls the outbox. The rows, not this timer, are the source of truth: deliveries queued while
 * no instance ran are sent at the next start, and instances claim without doubling up.
 */
export function scheduleWebhookDelivery(getDb: () => Promise<Db>) {
	let running = false;
	let prunedAt = 0;
	const tick = async () => {
		// A slow receiver must not stack ticks on top of each other.
		if (running) return;
		running = true;
		try {
			const db = await getDb();
			await runWebhookDeliveries(db);
			if (Date.now() - prunedAt > PRUNE_MS) {
				prunedAt = Date.now();
				await pruneDeliveries(db);
			}
		} catch (cause) {
			console.error('[keel] webhook delivery failed; it will be retried', cause);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, POLL_MS);
	timer.unref();
	return () => clearInterval(timer);
}
