import { sql, type ExpressionBuilder } from 'kysely';
import type { Region, Segment } from '../../domain/vocabulary';
import { hasCsm } from '../accounts/account.repository';
import type { Database, Executor } from '../db/database';
import type { OnboardingTable } from './onboarding.table';
import { keysetAfterRow } from '../db/keyset';

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
		.$if(filter.csmId !== null, (qb) => qb.where((eb) => hasCsm(eb, filter.csmId!)));
}

/**
 * The current phase of `onboardings as o` (the first neither completed nor skipped), for a
 * lateral join as `cur`: its number, start and target days. The board and the risk sweep share it.
 */
export function currentPhase(eb: ExpressionBuilder<Database & { o: OnboardingTable }, 'o'>) {
	return eb
		.selectFrom('onboarding_phases as p')
		.select(['p.phase', 'p.started_on', 'p.target_days'])
		.whereRef('p.onboarding_id', '=', 'o.id')
		.where('p.completed_on', 'is', null)
		.where('p.skipped', '=', false)
		.orderBy('p.phase')
		.limit(1)
		.as('cur');
}

/** The current phase of each onboarding the filter keeps. */
function withCurrentPhase(db: Executor, filter: BoardFilter) {
	return activeOnboardings(db, filter).innerJoinLateral(currentPhase, (join) => join.onTrue());
}

/** How many onboardings the filter keeps in each phase. */
export function countByPhase(db: Executor, filter: BoardFilter) {
	return withCurrentPhase(db, filter)
		.select(['cur.phase', sql<number>`count(*)`.as('n')])
		.groupBy('cur.phase')
		.execute();
}

/** Where an export's last batch of cards ended: its phase, its slack (see listBoard) and id. */
export interface BoardPosition {
	phase: number;
	slack: number;
	id: number;
}

/**
 * The `perPhase` most urgent onboardings of each phase (longest over target first), with their
 * item counts. Ranking reads only onboardings and phases; items are aggregated for the chosen
 * cards alone, in the same query, never one by one. With `batch`, every card in the board's
 * order after a position instead, however many a phase has (an export's next batch).
 */
export function listBoard(
	db: Executor,
	filter: BoardFilter,
	today: string,
	perPhase: number,
	batch?: { after: BoardPosition | null; size: number }
) {
	// Days left before the phase runs over its target, negative once over: the board's order,
	// least first. A phase not started yet counts from today, as its card shows it.
	const slack = sql<number>`cur.target_days - (${today}::date - coalesce(cur.started_on, ${today}::date))`;
	const chosen = withCurrentPhase(db, filter)
		.select(['o.id', 'cur.phase', 'cur.started_on', 'cur.target_days', slack.as('slack')])
		.$if(batch === undefined, (qb) =>
			qb.select(
				sql<number>`row_number() over (partition by cur.phase order by ${slack}, o.id)`.as('rank')
			)
		)
		.$if(batch?.after != null, (qb) =>
			qb.where(
				keysetAfterRow(['cur.phase', slack, 'o.id'], 'asc', [
					batch!.after!.phase,
					batch!.after!.slack,
					batch!.after!.id
				])
			)
		)
		.$if(batch !== undefined, (qb) =>
			qb.orderBy('cur.phase').orderBy(slack).orderBy('o.id').limit(batch!.size)
		)
		.as('r');
	return db
		.selectFrom(chosen)
		.innerJoin('onboardings as o', 'o.id', 'r.id')
		.innerJoin('accounts as a', 'a.id', 'o.account_id')
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
			'r.phase',
			'r.started_on',
			'r.target_days',
			'r.slack',
			'stats.total',
			'stats.settled',
			'stats.overdue',
			'stats.required_overdue',
			'csm.csm_id',
			'csm.csm_name'
		])
		.$if(batch === undefined, (qb) => qb.where('r.rank', '<=', perPhase))
		.orderBy('r.phase')
		.orderBy('r.slack')
		.orderBy('r.id')
		.execute();
}
