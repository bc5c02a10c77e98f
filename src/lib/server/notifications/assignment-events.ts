import type { KeelEvent } from '../events/events';
import type { NotificationOnlyEvent } from './notification-writer';

/**
 * The task.assigned event for a task that gets an owner, or a new one: none when it has no
 * owner, keeps the one it had, or its owner gave it to themselves.
 */
export function taskAssigned(
	accountId: number,
	taskId: number,
	owner: number | null,
	actorId: number | null,
	previousOwner: number | null = null
): KeelEvent[] {
	if (owner === null || owner === previousOwner || owner === actorId) return [];
	return [{ type: 'task.assigned', accountId, taskId, assigneeId: owner, actorId }];
}

/** The escalation.assigned event, on the same terms as taskAssigned. */
export function escalationAssigned(
	accountId: number,
	escalationId: number,
	owner: number | null,
	actorId: number | null,
	previousOwner: number | null = null
): KeelEvent[] {
	if (owner === null || owner === previousOwner || owner === actorId) return [];
	return [{ type: 'escalation.assigned', accountId, escalationId, assigneeId: owner, actorId }];
}

/**
 * A churn flag's next step given to someone, on the same terms as taskAssigned. Only people hear
 * of it, so services pass it to notifyUsers rather than publish.
 */
export function nextStepAssigned(
	accountId: number,
	flagId: number,
	owner: number | null,
	actorId: number | null,
	previousOwner: number | null = null
): NotificationOnlyEvent[] {
	if (owner === null || owner === previousOwner || owner === actorId) return [];
	return [{ type: 'churn_flag.next_step_assigned', accountId, flagId, assigneeId: owner, actorId }];
}
