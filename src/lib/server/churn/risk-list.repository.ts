import { sql } from 'kysely';
import { ACTIVE_CHURN_STATUSES } from '../../domain/churn';
import {
	RISK_LIST_PAGE_SIZE,
	type RiskListQuery,
	type RiskSort
} from '../../domain/risk-list-query';
import { hasCsm, hasTeamMember } from '../accounts/account.repository';
import type { Executor } from '../db/database';
import { keysetAfterColumns, type KeysetColumn, type KeysetValue } from '../db/keyset';

/** Whose flags a list shows: a sales user's own accounts (team members), or everyone's. */
export type RiskScope = { teamMember: number } | 'all';

function filtered(db: Executor, scope: RiskScope, query: RiskListQuery, today: string) {
	return db
		.selectFrom('churn_flags as f')
		.innerJoin('accounts as a', 'a.id', 'f.account_id')
		.$if(query.state === 'active', (qb) => qb.where('f.status', 'in', ACTIVE_CHURN_STATUSES))
		.$if(query.state === 'closed', (qb) => qb.where('f.status', 'not in', ACTIVE_CHURN_STATUSES))
		.$if(query.severity !== null, (qb) => qb.where('f.severity', '=', query.severity!))
		.$if(query.renewal !== null, (qb) =>
			qb
				.where('a.renewal_date', '>=', today)
				.where('a.renewal_date', '<=', sql<string>`${today}::date + ${query.renewal}::int`)
		)
		.$if(query.csm !== null, (qb) => qb.where((eb) => hasCsm(eb, query.csm!)))
		.$if(scope !== 'all', (qb) =>
			qb.where((eb) => hasTeamMember(eb, scope === 'all' ? 0 : scope.teamMember))
		);
}

/**
 * riskPage's order before the flag's id, for an export's keyset (ARR at risk is never null, so
 * the keyset's nulls-last changes nothing there).
 */
function riskKeys(sort: RiskSort): KeysetColumn[] {
	const arr: KeysetColumn = { column: 'f.arr_at_risk', direction: 'desc' };
	const renewal: KeysetColumn = { column: 'a.renewal_date', direction: 'asc' };
	return sort === 'renewal' ? [renewal, arr] : [arr, renewal];
}

/** Where an export's last batch ended: that flag's keys, in riskKeys' order, and its id. */
export function riskPosition(
	sort: RiskSort,
	row: { id: number; arr_at_risk: number; renewal_date: string | null }
) {
	const values: KeysetValue[] =
		sort === 'renewal' ? [row.renewal_date, row.arr_at_risk] : [row.arr_at_risk, row.renewal_date];
	return { values, id: row.id };
}

/**
 * One page of flags: most ARR at risk first, or soonest renewal first; or with `batch` the flags
 * after a position (an export's next batch).
 */
export function riskPage(
	db: Executor,
	scope: RiskScope,
	query: RiskListQuery,
	today: string,
	viewerId: number,
	batch?: { after: ReturnType<typeof riskPosition> | null; size: number }
) {
	return filtered(db, scope, query, today)
		.$if(batch?.after != null, (qb) =>
			qb.where(keysetAfterColumns(riskKeys(query.sort), 'f.id', batch!.after!))
		)
		.leftJoin('account_health as h', 'h.account_id', 'a.id')
		.leftJoin('users as owner', 'owner.id', 'f.next_step_owner_id')
		.select((eb) => [
			'f.id',
			'f.rule',
			'f.severity',
			'f.reason',
			'f.status',
			'f.arr_at_risk',
			'f.summary',
			'f.next_step',
			'f.next_step_due',
			'f.created_at',
			'a.id as account_id',
			'a.name as account_name',
			'a.currency',
			'a.renewal_date',
			'h.score',
			'h.band',
			'owner.name as owner_name',
			eb
				.exists(
					eb
						.selectFrom('churn_flag_events as e')
						.select(sql`1`.as('one'))
						.whereRef('e.flag_id', '=', 'f.id')
						.where('e.kind', '=', 'acknowledged')
						.where('e.actor_id', '=', viewerId)
				)
				.as('acknowledged_by_me')
		])
		.$call((qb) =>
			query.sort === 'renewal'
				? qb
						.orderBy('a.renewal_date', (ob) => ob.asc().nullsLast())
						.orderBy('f.arr_at_risk', 'desc')
				: qb
						.orderBy('f.arr_at_risk', 'desc')
						.orderBy('a.renewal_date', (ob) => ob.asc().nullsLast())
		)
		.orderBy('f.id')
		.limit(batch?.size ?? RISK_LIST_PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * RISK_LIST_PAGE_SIZE)
		.execute();
}

/** How many flags match and the ARR they put at risk. */
export async function riskTotals(
	db: Executor,
	scope: RiskScope,
	query: RiskListQuery,
	today: string
) {
	const row = await filtered(db, scope, query, today)
		.select([
			sql<number>`count(*)::int`.as('flags'),
			sql<number>`count(distinct a.id)::int`.as('accounts'),
			sql<number>`coalesce(sum(f.arr_at_risk), 0)::float8`.as('arr')
		])
		.executeTakeFirstOrThrow();
	return row;
}
