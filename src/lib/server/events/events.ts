import type { Executor } from '../db/database';
import { notifyUsers } from '../notifications/notification-writer';
import { queueWebhookDeliveries } from '../webhooks/webhook-outbox';

/**
 * Something that happened to customer data that people or other systems want to hear about.
 * Each names the ids a reader needs to find the rest; the listeners look up what they word.
 */
export type KeelEvent =
	| { type: 'churn_flag.critical_raised'; accountId: number; flagId: number }
	| {
			type: 'escalation.sla_warning' | 'escalation.sla_breach';
			accountId: number;
			escalationId: number;
			clock: 'response' | 'resolution';
	  }
	| { type: 'escalation.p1_opened'; accountId: number; escalationId: number }
	| { type: 'onboarding.at_risk'; accountId: number; onboardingId: number }
	| {
			type: 'task.assigned';
			accountId: number;
			taskId: number;
			assigneeId: number;
			/** Who assigned it; null for rules and imports. Nobody is told of their own act. */
			actorId: number | null;
	  }
	| {
			type: 'escalation.assigned';
			accountId: number;
			escalationId: number;
			assigneeId: number;
			actorId: number | null;
	  };

export type KeelEventType = KeelEvent['type'];

/**
 * Records events in the transaction that made them happen, so they exist exactly when the
 * change does: webhook deliveries are queued (sent later by the delivery worker, never
 * inside the user's request) and the users concerned get notifications.
 */
export async function publish(trx: Executor, events: readonly KeelEvent[], now = new Date()) {
	if (events.length === 0) return;
	await queueWebhookDeliveries(trx, events, now);
	await notifyUsers(trx, events, now);
}
