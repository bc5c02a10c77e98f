import { sql, type ExpressionBuilder } from 'kysely';
import { STOPPED_STATUSES, type Priority } from '../../domain/escalation';
import {
	CRITICAL_BREACH_DAYS,
	ESCALATION_QUEUE_PAGE_SIZE,
	statusesOf,
	type EscalationQueueQuery
} from '../../domain/escalation-queue-query';
import type { Database, Executor } from '../db/database';
import { exactInstant, keysetAfterColumns, type KeysetColumn } from '../db/keyset';

type Row = ExpressionBuilder<Database & { e: Database['escalations'] }, 'e'>;

const breached = (eb: Row) =>
	eb.or([
		eb('e.response_breached_at', 'is not', null),
		eb('e.resolution_breached_at', 'is not', null)
	]);

/** When either clock was last breached (null: never), as the `escalations_breached` index has it. */
const lastBreach = sql<Date | null>`greatest(e.response_breached_at, e.resolution_breached_at)`;

const DAY = 86_400_000;

/**
 * The queue's rows, narrowed by every filter; readable accounts only (a partner's reseller).
 * The account is joined only when a filter needs it: the rest is answered by the queue index.
 */
function filtered(db: Executor, query: EscalationQueueQuery, resellerId: number | null, now: Date) {
	const statuses = statusesOf(query.state);
	const byAccount = resellerId !== null || query.region !== null;
	return db
		.selectFrom('escalations as e')
		.$if(byAccount, (qb) =>
			qb.where('e.account_id', 'in', (eb) =>
				eb
					.selectFrom('accounts as a')
					.select('a.id')
					.$if(resellerId !== null, (qb) => qb.where('a.reseller_id', '=', resellerId!))
					.$if(query.region !== null, (qb) => qb.where('a.region', '=', query.region!))
			)
		)
		.$if(query.critical, (qb) =>
			qb.where('e.priority', 'in', ['P1', 'P2']).where((eb) =>
				eb.or([
					// Spelled as the indexes' predicates are, so each arm is read off its own.
					eb('e.status', 'not in', STOPPED_STATUSES),
					eb(lastBreach, '>=', new Date(now.getTime() - CRITICAL_BREACH_DAYS * DAY))
				])
			)
		)
		.$if(!query.critical && statuses !== null, (qb) => qb.where('e.status', 'in', statuses!))
		.$if(query.priority !== null, (qb) => qb.where('e.priority', '=', query.priority!))
		.$if(query.owner !== null, (qb) => qb.where('e.owner_id', '=', query.owner!))
		.$if(query.clock === 'breached', (qb) => qb.where(breached))
		.$if(query.clock === 'warning', (qb) =>
			qb.where('e.warned_at', 'is not', null).where((eb) => eb.not(breached(eb)))
		);
}

/**
 * When the next clock is due; `next_due_at` is null once both clocks have stopped, and those rows
 * come last. Never null, so an export's next batch starts its range on the
 * `escalations_queue_order` index instead of reading the queue from its top each time.
 */
const nextDue = sql<Date>`coalesce(e.next_due_at, 'infinity'::timestamptz)`;

/** queuePage's order before the id, for an export's keyset. */
const QUEUE_KEYS: KeysetColumn[] = [
	{ column: nextDue, direction: 'asc', notNull: true },
	{ column: 'e.priority', direction: 'asc', notNull: true },
	{ column: 'e.opened_at', direction: 'desc' }
];

/** Where an export's last batch ended: that escalation's keys, in QUEUE_KEYS' order, and its id. */
export interface QueuePosition {
	/** `exactInstant` text, as the batch's rows carry it; null once both clocks have stopped. */
	nextDueAt: string | null;
	priority: Priority;
	openedAt: string;
	id: number;
}

/**
 * Soonest due first: the clock that runs next (`next_due_at`: the first response until it is
 * given, then the resolution), stopped ones last; then P1 before P4, newest first. The order
 * of the `escalations_queue_order` index, so a page is read off it. With `batch`, the rows after a
 * position instead of a page (an export's next batch), each with its exact keys.
 */
export function queuePage(
	db: Executor,
	query: EscalationQueueQuery,
	resellerId: number | null,
	now: Date,
	batch?: { after: QueuePosition | null; size: number }
) {
	const after = batch?.after;
	return filtered(db, query, resellerId, now)
		.$if(after != null, (qb) =>
			qb.where(
				keysetAfterColumns(QUEUE_KEYS, 'e.id', {
					values: [after!.nextDueAt ?? 'infinity', after!.priority, after!.openedAt],
					id: after!.id
				})
			)
		)
		.innerJoin('accounts as a', 'a.id', 'e.account_id')
		.leftJoin('users as o', 'o.id', 'e.owner_id')
		.selectAll('e')
		.select([
			'a.name as account_name',
			'a.time_zone as account_time_zone',
			'a.region',
			'o.name as owner_name'
		])
		.$if(batch !== undefined, (qb) =>
			qb.select([
				exactInstant('e.next_due_at').as('next_due_key'),
				exactInstant('e.opened_at').as('opened_key')
			])
		)
		.orderBy(nextDue, 'asc')
		.orderBy('e.priority', 'asc')
		.orderBy('e.opened_at', 'desc')
		.orderBy('e.id', 'asc')
		.limit(batch?.size ?? ESCALATION_QUEUE_PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * ESCALATION_QUEUE_PAGE_SIZE)
		.execute();
}

export async function queueCount(
	db: Executor,
	query: EscalationQueueQuery,
	resellerId: number | null,
	now: Date
) {
	const row = await filtered(db, query, resellerId, now)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}
