import { sql } from 'kysely';
import type { Region, Segment } from '../../domain/vocabulary';
import type { Executor } from '../db/database';

export interface BoardFilter {
	csmId: number | null;
	region: Region | null;
	segment: Segment | null;
	resellerId: number | null;
}

function activeOnboardings(db: Executor, filter: BoardFilter) {
	return db
		.selectFrom('onboardings as o')
		.innerJoin('accounts as a', 'a.id', 'o.account_id')
		.where('o.status', '=', 'active')
		.$if(filter.region !== null, (qb) => qb.where('a.region', '=', filter.region!))
		.$if(filter.segment !== null, (qb) => qb.where('a.segment', '=', filter.segment!))
		.$if(filter.resellerId !== null, (qb) => qb.where('a.reseller_id', '=', filter.resellerId))
		.$if(filter.csmId !== null, (qb) =>
			qb.where((eb) =>
				eb.exists(
					eb
						.selectFrom('account_team_members as m')
						.select(sql`1`.as('one'))
						.whereRef('m.account_id', '=', 'a.id')
						.where('m.team_role', '=', 'CSM')
						.where('m.user_id', '=', filter.csmId!)
				)
			)
		);
}

export async function countBoard(db: Executor, filter: BoardFilter) {
	const row = await activeOnboardings(db, filter)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}

/**
 * Active onboardings with their current phase and item counts, in one query: the counts are
 * aggregated per onboarding in SQL, never item by item.
 */
export function listBoard(db: Executor, filter: BoardFilter, today: string, limit: number) {
	return (
		activeOnboardings(db, filter)
			.innerJoinLateral(
				(eb) =>
					eb
						.selectFrom('onboarding_phases as p')
						.select(['p.phase', 'p.started_on', 'p.target_days'])
						.whereRef('p.onboarding_id', '=', 'o.id')
						.where('p.completed_on', 'is', null)
						.where('p.skipped', '=', false)
						.orderBy('p.phase')
						.limit(1)
						.as('cur'),
				(join) => join.onTrue()
			)
			.leftJoinLateral(
				(eb) =>
					eb
						.selectFrom('onboarding_items as i')
						.innerJoin('tasks as t', 't.id', 'i.task_id')
						.select([
							sql<number>`count(*)`.as('total'),
							sql<number>`count(*) filter (where t.status = 'done' or (t.status = 'skipped' and coalesce(btrim(t.skip_reason), '') <> ''))`.as(
								'settled'
							),
							sql<number>`count(*) filter (where t.status = 'open' and t.due_date < ${today})`.as(
								'overdue'
							),
							sql<boolean>`coalesce(bool_or(i.required and t.status = 'open' and t.due_date < ${today}), false)`.as(
								'required_overdue'
							)
						])
						.whereRef('i.onboarding_id', '=', 'o.id')
						.as('stats'),
				(join) => join.onTrue()
			)
			.leftJoinLateral(
				(eb) =>
					eb
						.selectFrom('account_team_members as m')
						.innerJoin('users as u', 'u.id', 'm.user_id')
						.select(['u.id as csm_id', 'u.name as csm_name'])
						.whereRef('m.account_id', '=', 'a.id')
						.where('m.team_role', '=', 'CSM')
						.orderBy('m.id')
						.limit(1)
						.as('csm'),
				(join) => join.onTrue()
			)
			.select([
				'o.id',
				'o.account_id',
				'a.name as account_name',
				'a.region',
				'a.segment',
				'o.target_go_live',
				'cur.phase',
				'cur.started_on',
				'cur.target_days',
				'stats.total',
				'stats.settled',
				'stats.overdue',
				'stats.required_overdue',
				'csm.csm_id',
				'csm.csm_name'
			])
			.orderBy('cur.phase')
			// Longest over target first: that is where attention is needed.
			.orderBy(sql`(${today}::date - cur.started_on) - cur.target_days`, 'desc')
			.orderBy('o.id')
			.limit(limit)
			.execute()
	);
}
