import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { KeelEvent } from '../events/events';
import { notifyUsers } from '../notifications/notification-writer';

/** How far back the demo's notifications reach, and what everyone has read already. */
const RECENT_DAYS = 14;
const READ_BEFORE_DAYS = 3;
/** Open tasks per person told they were assigned: their next few, not their whole list. */
const TASKS_PER_USER = 3;
const DAY = 86_400_000;

/**
 * Notifications for the demo, as the app would have written them while the demo's history
 * happened: critical flags and response breaches of the last two weeks, escalations handed to
 * their owners, and each person's next few tasks. The same writer picks who hears of what; each
 * notification is then dated by its subject, and what is older than a few days is read.
 */
export async function writeDemoNotifications(trx: Executor, now: Date) {
	const since = new Date(now.getTime() - RECENT_DAYS * DAY);
	const [flags, breaches, handed, tasks] = await Promise.all([
		trx
			.selectFrom('churn_flags as f')
			.select(['f.id', 'f.account_id'])
			.where('f.severity', '=', 'critical')
			.where('f.created_at', '>=', since)
			// The rules that raised it as the demo was written may have told people already.
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('notifications as n').select('n.id').whereRef('n.churn_flag_id', '=', 'f.id')
					)
				)
			)
			.execute(),
		trx
			.selectFrom('escalations as x')
			.select(['x.id', 'x.account_id'])
			.where('x.response_breached_at', '>=', since)
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('notifications as n')
							.select('n.id')
							.whereRef('n.escalation_id', '=', 'x.id')
							.where('n.kind', '=', 'sla_breach')
					)
				)
			)
			.execute(),
		trx
			.selectFrom('escalations')
			.select(['id', 'account_id', 'owner_id', 'opened_by'])
			.where('owner_id', 'is not', null)
			.where('opened_at', '>=', since)
			.execute(),
		trx
			.selectFrom(
				trx
					.selectFrom('tasks')
					.select([
						'id',
						'account_id',
						'owner_user_id',
						sql<number>`row_number() over (partition by owner_user_id order by due_date, id)`.as(
							'rank'
						)
					])
					.where('status', '=', 'open')
					.where('owner_user_id', 'is not', null)
					.where('due_date', '>=', now.toISOString().slice(0, 10))
					.as('t')
			)
			.selectAll()
			.where('rank', '<=', TASKS_PER_USER)
			.execute()
	]);
	const events: KeelEvent[] = [
		...flags.map((f) => ({
			type: 'churn_flag.critical_raised' as const,
			accountId: f.account_id,
			flagId: f.id
		})),
		...breaches.map((x) => ({
			type: 'escalation.sla_breach' as const,
			accountId: x.account_id,
			escalationId: x.id,
			clock: 'response' as const
		})),
		...handed.map((x) => ({
			type: 'escalation.assigned' as const,
			accountId: x.account_id,
			escalationId: x.id,
			assigneeId: x.owner_id!,
			actorId: x.opened_by
		})),
		...tasks.map((t) => ({
			type: 'task.assigned' as const,
			accountId: t.account_id,
			taskId: t.id,
			assigneeId: t.owner_user_id!,
			actorId: null
		}))
	];
	await notifyUsers(trx, events, now);
	// Dated by what they tell of; tasks spread over the last days, as they were handed out.
	await sql`
		update notifications n set created_at = least(${now}::timestamptz, coalesce(
			(select f.created_at from churn_flags f
				where f.id = n.churn_flag_id and n.kind = 'churn_critical'),
			(select x.response_breached_at from escalations x
				where x.id = n.escalation_id and n.kind = 'sla_breach'),
			(select x.opened_at from escalations x
				where x.id = n.escalation_id and n.kind = 'escalation_assigned'),
			${now}::timestamptz - (n.id % 5 + 1) * interval '17 hours'))
	`.execute(trx);
	await trx
		.updateTable('notifications')
		.set({ read_at: sql<Date>`created_at + interval '1 hour'` })
		.where('created_at', '<', new Date(now.getTime() - READ_BEFORE_DAYS * DAY))
		.execute();
}
