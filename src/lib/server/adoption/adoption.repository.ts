import { sql } from 'kysely';
import {
	METRIC_KEYS,
	METRICS,
	OVER_CAP_ABOVE,
	UNDER_USED_BELOW,
	type MetricKey
} from '../../domain/adoption';
import {
	PORTFOLIO_PAGE_SIZE,
	type PortfolioAdoptionQuery
} from '../../domain/portfolio-adoption-query';
import type { Executor } from '../db/database';

const CAP_METRICS = METRIC_KEYS.filter((m) => METRICS[m].limit === 'cap');

/** An account's readings from `fromMonth` on, oldest first. */
export function listUsage(db: Executor, accountId: number, fromMonth: string) {
	return db
		.selectFrom('usage_records')
		.select(['id', 'metric', 'month', 'entitled', 'used', 'version'])
		.where('account_id', '=', accountId)
		.where('month', '>=', fromMonth)
		.orderBy('metric')
		.orderBy('month')
		.execute();
}

/** The newest reading of each metric the account has, whatever its month. */
export function latestReadings(db: Executor, accountId: number) {
	return db
		.selectFrom('usage_records')
		.distinctOn('metric')
		.select(['metric', 'month', 'used', 'entitled'])
		.where('account_id', '=', accountId)
		.orderBy('metric')
		.orderBy('month', 'desc')
		.execute();
}

export function lockReading(db: Executor, accountId: number, metric: MetricKey, month: string) {
	return db
		.selectFrom('usage_records')
		.selectAll()
		.where('account_id', '=', accountId)
		.where('metric', '=', metric)
		.where('month', '=', month)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * Recomputes `account_adoption` for the given accounts and months from their usage records,
 * in one statement. The same ratios as `domain/adoption`: utilisation capped at 100 % in the
 * mean, under-used below 50 % of the entitlement, over-cap above 90 % of a cap.
 */
export async function refreshAdoption(
	db: Executor,
	scope: { accountIds: readonly number[]; months: readonly string[] } | 'all'
) {
	const ratio = sql<number>`used / nullif(entitled, 0)`;
	await db
		.insertInto('account_adoption')
		.columns(['account_id', 'month', 'adoption', 'metrics', 'under_used', 'over_cap'])
		.expression((eb) =>
			eb
				.selectFrom('usage_records')
				.select([
					'account_id',
					'month',
					// Capped as least(used, entitled), not least(ratio, 1): least() skips nulls, so that
					// would count a metric with nothing entitled as 100 % adopted.
					sql<number>`avg(least(used, entitled) / nullif(entitled, 0))`.as('adoption'),
					sql<number>`count(*)::int`.as('metrics'),
					sql<number>`(count(*) filter (where ${ratio} < ${UNDER_USED_BELOW}))::int`.as(
						'under_used'
					),
					sql<number>`(count(*) filter (where metric in (${sql.join(CAP_METRICS)}) and ${ratio} > ${OVER_CAP_ABOVE}))::int`.as(
						'over_cap'
					)
				])
				.$if(scope !== 'all', (qb) =>
					qb
						.where('account_id', 'in', scope === 'all' ? [] : scope.accountIds)
						.where('month', 'in', scope === 'all' ? [] : scope.months)
				)
				.groupBy(['account_id', 'month'])
		)
		.onConflict((oc) =>
			oc.columns(['account_id', 'month']).doUpdateSet((eb) => ({
				adoption: eb.ref('excluded.adoption'),
				metrics: eb.ref('excluded.metrics'),
				under_used: eb.ref('excluded.under_used'),
				over_cap: eb.ref('excluded.over_cap')
			}))
		)
		.execute();
}

/**
 * The newest month any account has usage for, and the newest before `before` (the newest
 * complete month when `before` is the current one), in one query.
 */
export async function latestPortfolioMonths(db: Executor, before: string) {
	const row = await db
		.selectFrom('account_adoption')
		.select([
			sql<string | null>`max(month)`.as('newest'),
			sql<string | null>`max(month) filter (where month < ${before})`.as('complete')
		])
		.executeTakeFirst();
	return { newest: row?.newest ?? null, complete: row?.complete ?? null };
}

/** The accounts the portfolio filters select, as a subquery on `accounts as a`. */
function filtered(db: Executor, query: PortfolioAdoptionQuery) {
	return db
		.selectFrom('accounts as a')
		.$if(query.segment !== null, (qb) => qb.where('a.segment', '=', query.segment!))
		.$if(query.region !== null, (qb) => qb.where('a.region', '=', query.region!))
		.$if(query.csm !== null, (qb) =>
			qb.where((eb) =>
				eb.exists(
					eb
						.selectFrom('account_team_members as t')
						.select(sql`1`.as('one'))
						.whereRef('t.account_id', '=', 'a.id')
						.where('t.team_role', '=', 'CSM')
						.where('t.user_id', '=', query.csm!)
				)
			)
		);
}

/** Per metric in the month: accounts, total used and entitled, and how many are flagged. */
export function utilisationByMetric(db: Executor, query: PortfolioAdoptionQuery, month: string) {
	const ratio = sql<number>`u.used / nullif(u.entitled, 0)`;
	return filtered(db, query)
		.innerJoin('usage_records as u', 'u.account_id', 'a.id')
		.where('u.month', '=', month)
		.select([
			'u.metric',
			sql<number>`count(*)::int`.as('accounts'),
			sql<number>`sum(u.used)`.as('used'),
			sql<number>`sum(u.entitled)`.as('entitled'),
			sql<number>`avg(least(u.used, u.entitled) / nullif(u.entitled, 0))`.as('mean_utilisation'),
			sql<number>`(count(*) filter (where ${ratio} < ${UNDER_USED_BELOW}))::int`.as('under_used'),
			sql<number>`(count(*) filter (where u.metric in (${sql.join(CAP_METRICS)}) and ${ratio} > ${OVER_CAP_ABOVE}))::int`.as(
				'over_cap'
			)
		])
		.groupBy('u.metric')
		.execute();
}

export async function countAdoptedAccounts(
	db: Executor,
	query: PortfolioAdoptionQuery,
	month: string
) {
	const row = await filtered(db, query)
		.innerJoin('account_adoption as aa', 'aa.account_id', 'a.id')
		.where('aa.month', '=', month)
		.where('aa.adoption', 'is not', null)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return row.total;
}

/**
 * One page of accounts, least adopted first. The page's rows are chosen on the narrow
 * summary table; names and CSMs are joined for those rows only.
 */
export function leastAdopted(db: Executor, query: PortfolioAdoptionQuery, month: string) {
	const page = filtered(db, query)
		.innerJoin('account_adoption as aa', 'aa.account_id', 'a.id')
		.where('aa.month', '=', month)
		.where('aa.adoption', 'is not', null)
		.select(['a.id', 'aa.adoption', 'aa.metrics', 'aa.under_used', 'aa.over_cap'])
		.orderBy('aa.adoption')
		.orderBy('a.id')
		.limit(PORTFOLIO_PAGE_SIZE)
		.offset((query.page - 1) * PORTFOLIO_PAGE_SIZE)
		.as('page');
	return db
		.selectFrom(page)
		.innerJoin('accounts as a', 'a.id', 'page.id')
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('account_team_members as t')
					.innerJoin('users as u', 'u.id', 't.user_id')
					.select(['u.name as csm_name'])
					.whereRef('t.account_id', '=', 'a.id')
					.where('t.team_role', '=', 'CSM')
					.orderBy('t.id')
					.limit(1)
					.as('csm'),
			(join) => join.onTrue()
		)
		.select([
			'a.id',
			'a.name',
			'a.segment',
			'a.region',
			'a.arr',
			'a.lifecycle_stage',
			'page.adoption',
			'page.metrics',
			'page.under_used',
			'page.over_cap',
			'csm.csm_name'
		])
		.orderBy('page.adoption')
		.orderBy('a.id')
		.execute();
}
