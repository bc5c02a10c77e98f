import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { KeelEvent } from '../events/events';
import type { NotificationKind } from './notification.table';

/**
 * Events only people hear about (no webhook subscribes to them): a churn flag's next step given
 * to someone. Services pass them to notifyUsers directly.
 */
export type NotificationOnlyEvent = {
	type: 'churn_flag.next_step_assigned';
	accountId: number;
	flagId: number;
	assigneeId: number;
	actorId: number | null;
};

/** One event as the insert reads it: the subject's ids, and for assignments who and by whom. */
interface EventRow {
	kind: NotificationKind;
	account_id: number;
	task_id: number | null;
	escalation_id: number | null;
	churn_flag_id: number | null;
	clock: 'response' | 'resolution' | null;
	assignee_id: number | null;
	actor_id: number | null;
}

function rowOf(event: KeelEvent | NotificationOnlyEvent): EventRow | null {
	const base = {
		account_id: event.accountId,
		task_id: null,
		escalation_id: null,
		churn_flag_id: null,
		clock: null,
		assignee_id: null,
		actor_id: null
	};
	switch (event.type) {
		case 'task.assigned':
			return {
				...base,
				kind: 'task_assigned',
				task_id: event.taskId,
				assignee_id: event.assigneeId,
				actor_id: event.actorId
			};
		case 'escalation.assigned':
			return {
				...base,
				kind: 'escalation_assigned',
				escalation_id: event.escalationId,
				assignee_id: event.assigneeId,
				actor_id: event.actorId
			};
		case 'churn_flag.next_step_assigned':
			return {
				...base,
				kind: 'next_step_assigned',
				churn_flag_id: event.flagId,
				assignee_id: event.assigneeId,
				actor_id: event.actorId
			};
		case 'escalation.sla_warning':
		case 'escalation.sla_breach':
			return {
				...base,
				kind: event.type === 'escalation.sla_warning' ? 'sla_warning' : 'sla_breach',
				escalation_id: event.escalationId,
				clock: event.clock
			};
		case 'churn_flag.critical_raised':
			return { ...base, kind: 'churn_critical', churn_flag_id: event.flagId };
		// A P1 reaches its owner as an assignment and managers through the critical escalations
		// view; onboarding at risk shows on the board. Neither is a notification of its own.
		case 'escalation.p1_opened':
		case 'onboarding.at_risk':
			return null;
	}
}

/**
 * Writes a notification for each user an event concerns, in one statement, in the transaction
 * of the change:
 * - assignments (task, escalation, churn next step): the assignee;
 * - SLA warnings and breaches: the escalation's owner and the account's CSMs, and every manager
 *   for a breach of a P1 or P2;
 * - a critical churn flag: the account's CSMs, the sales people on its team, every manager.
 * Nobody hears of their own act (a flag's actor is whoever raised it or made it critical, as
 * its log says; a rule is nobody), disabled users hear
 * nothing, and only people who may read the account (a partner: their reseller's customers;
 * churn never) are told.
 */
export async function notifyUsers(
	trx: Executor,
	events: readonly (KeelEvent | NotificationOnlyEvent)[],
	now: Date
): Promise<void> {
	const rows = events.map(rowOf).filter((row) => row !== null);
	if (rows.length === 0) return;
	await sql`
		insert into notifications
			(user_id, kind, account_id, task_id, escalation_id, churn_flag_id, clock, actor_id, created_at)
		select r.user_id, e.kind, e.account_id, e.task_id, e.escalation_id, e.churn_flag_id,
			e.clock, e.by_id, ${now}::timestamptz
		from (
			select v.*, case when v.kind = 'churn_critical' then (
				select fe.actor_id from churn_flag_events fe
				where fe.flag_id = v.churn_flag_id and fe.kind in ('raised', 'edited')
				order by fe.id desc limit 1
			) else v.actor_id end as by_id
			from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
				kind text, account_id int, task_id int, escalation_id int, churn_flag_id int,
				clock text, assignee_id int, actor_id int)
		) e
		cross join lateral (
			select e.assignee_id as user_id where e.assignee_id is not null
			union
			select x.owner_id from escalations x
			where e.kind in ('sla_warning', 'sla_breach') and x.id = e.escalation_id
				and x.owner_id is not null
			union
			select m.user_id from account_team_members m
			where e.kind in ('sla_warning', 'sla_breach', 'churn_critical')
				and m.account_id = e.account_id and m.team_role = 'CSM'
			union
			select m.user_id from account_team_members m
			join users s on s.id = m.user_id and s.role = 'sales'
			where e.kind = 'churn_critical' and m.account_id = e.account_id
			union
			select mu.id from users mu
			where mu.role = 'manager' and (
				e.kind = 'churn_critical'
				or (e.kind = 'sla_breach' and exists (
					select 1 from escalations x
					where x.id = e.escalation_id and x.priority in ('P1', 'P2'))))
		) r
		join users u on u.id = r.user_id
		join accounts a on a.id = e.account_id
		where r.user_id is distinct from e.by_id
			and u.disabled_at is null
			and (u.role <> 'partner' or u.reseller_id = a.reseller_id)
			and (u.role <> 'partner' or e.kind not in ('churn_critical', 'next_step_assigned'))
	`.execute(trx);
}
