import { STOPPED_STATUSES, type EscalationEventKind } from '../../domain/escalation';
import type { Executor } from '../db/database';

export function lockEscalation(db: Executor, escalationId: number) {
	return db
		.selectFrom('escalations')
		.selectAll()
		.where('id', '=', escalationId)
		.forUpdate()
		.executeTakeFirst();
}

export function findEscalation(db: Executor, escalationId: number) {
	return db
		.selectFrom('escalations as e')
		.leftJoin('users as o', 'o.id', 'e.owner_id')
		.leftJoin('users as b', 'b.id', 'e.opened_by')
		.leftJoin('contacts as c', 'c.id', 'e.contact_id')
		.selectAll('e')
		.select(['o.name as owner_name', 'b.name as opened_by_name', 'c.name as contact_name'])
		.where('e.id', '=', escalationId)
		.executeTakeFirst();
}

/** An account's escalations, open ones first, then the most recent. */
export function listAccountEscalations(db: Executor, accountId: number) {
	return db
		.selectFrom('escalations as e')
		.leftJoin('users as o', 'o.id', 'e.owner_id')
		.selectAll('e')
		.select('o.name as owner_name')
		.where('e.account_id', '=', accountId)
		.orderBy((eb) => eb.case().when('e.status', 'in', STOPPED_STATUSES).then(1).else(0).end())
		.orderBy('e.opened_at', 'desc')
		.execute();
}

/** The pauses of the escalations named, oldest first. */
export function listPauses(db: Executor, escalationIds: number[]) {
	if (escalationIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('escalation_pauses')
		.selectAll()
		.where('escalation_id', 'in', escalationIds)
		.orderBy('from_at')
		.execute();
}

export function listEvents(db: Executor, escalationId: number) {
	return db
		.selectFrom('escalation_events as ev')
		.leftJoin('users as u', 'u.id', 'ev.actor_id')
		.select(['ev.id', 'ev.kind', 'ev.body', 'ev.data', 'ev.at', 'u.name as actor_name'])
		.where('ev.escalation_id', '=', escalationId)
		.orderBy('ev.at')
		.orderBy('ev.id')
		.execute();
}

export function addEvent(
	db: Executor,
	event: {
		escalationId: number;
		kind: EscalationEventKind;
		actorId: number | null;
		body?: string;
		data?: Record<string, string | number | null>;
		at?: Date;
	}
) {
	return db
		.insertInto('escalation_events')
		.values({
			escalation_id: event.escalationId,
			kind: event.kind,
			actor_id: event.actorId,
			body: event.body ?? '',
			data: event.data ? JSON.stringify(event.data) : null,
			...(event.at ? { at: event.at } : {})
		})
		.execute();
}

export function findPostmortem(db: Executor, escalationId: number) {
	return db
		.selectFrom('postmortems as p')
		.leftJoin('users as u', 'u.id', 'p.written_by')
		.selectAll('p')
		.select('u.name as written_by_name')
		.where('p.escalation_id', '=', escalationId)
		.executeTakeFirst();
}

/** The post-mortem's corrective actions: tasks with owner, due date and state. */
export function listActions(db: Executor, escalationId: number) {
	return db
		.selectFrom('escalation_actions as x')
		.innerJoin('tasks as t', 't.id', 'x.task_id')
		.leftJoin('users as u', 'u.id', 't.owner_user_id')
		.select(['t.id', 't.title', 't.due_date', 't.status', 't.version', 'u.name as owner_name'])
		.where('x.escalation_id', '=', escalationId)
		.orderBy('t.due_date')
		.orderBy('t.id')
		.execute();
}
