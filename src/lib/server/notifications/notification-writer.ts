import type { Executor } from '../db/database';
import type { KeelEvent } from '../events/events';

/** Writes a notification for each user an event concerns. (Being built.) */
export async function notifyUsers(
	_trx: Executor,
	_events: readonly KeelEvent[],
	_now: Date
): Promise<void> {}
