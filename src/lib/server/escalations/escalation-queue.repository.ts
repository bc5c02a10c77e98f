import { sql, type ExpressionBuilder } from 'kysely';
import {
	ESCALATION_QUEUE_PAGE_SIZE,
	statusesOf,
	type EscalationQueueQuery
} from '../../domain/escalation-queue-query';
import { OPEN_STATUSES } from '../../domain/escalation';
import type { Database, Executor } from '../db/database';

type Row = ExpressionBuilder<
	Database & { e: Database['escalations']; a: Database['accounts'] },
	'e' | 'a'
>;

const breached = (eb: Row) =>
	eb.or([
		eb('e.response_breached_at', 'is not', null),
		eb('e.resolution_breached_at', 'is not', null)
	]);

/** The queue's rows: readable accounts only (a partner's reseller), narrowed by every filter. */
function filtered(db: Executor, query: EscalationQueueQuery, resellerId: number | null) {
	const statuses = statusesOf(query.state);
	return db
		.selectFrom('escalations as e')
		.innerJoin('accounts as a', 'a.id', 'e.account_id')
		.$if(resellerId !== null, (qb) => qb.where('a.reseller_id', '=', resellerId!))
		.$if(query.critical, (qb) =>
			qb
				.where('e.priority', 'in', ['P1', 'P2'])
				.where((eb) => eb.or([eb('e.status', 'in', OPEN_STATUSES), breached(eb)]))
		)
		.$if(!query.critical && statuses !== null, (qb) => qb.where('e.status', 'in', statuses!))
		.$if(query.priority !== null, (qb) => qb.where('e.priority', '=', query.priority!))
		.$if(query.owner !== null, (qb) => qb.where('e.owner_id', '=', query.owner!))
		.$if(query.region !== null, (qb) => qb.where('a.region', '=', query.region!))
		.$if(query.clock === 'breached', (qb) => qb.where(breached))
		.$if(query.clock === 'warning', (qb) =>
			qb.where('e.warned_at', 'is not', null).where((eb) => eb.not(breached(eb)))
		);
}

/**
 * The clock that runs next: the first response until it is given, then the resolution. The
 * queue sorts on it, soonest first; stopped ones last.
 */
const nextDue = sql<Date | null>`case
	when e.status in ('resolved', 'closed') then null
	when e.acknowledged_at is null then e.response_due_at
	else e.resolution_due_at end`;

export function queuePage(db: Executor, query: EscalationQueueQuery, resellerId: number | null) {
	return filtered(db, query, resellerId)
		.leftJoin('users as o', 'o.id', 'e.owner_id')
		.selectAll('e')
		.select([
			'a.name as account_name',
			'a.time_zone as account_time_zone',
			'a.region',
			'o.name as owner_name'
		])
		.orderBy(sql`${nextDue} asc nulls last`)
		.orderBy(sql`case e.priority when 'P1' then 1 when 'P2' then 2 when 'P3' then 3 else 4 end`)
		.orderBy('e.opened_at', 'desc')
		.orderBy('e.id')
		.limit(ESCALATION_QUEUE_PAGE_SIZE)
		.offset((query.page - 1) * ESCALATION_QUEUE_PAGE_SIZE)
		.execute();
}

export async function queueCount(
	db: Executor,
	query: EscalationQueueQuery,
	resellerId: number | null
) {
	const row = await filtered(db, query, resellerId)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}
