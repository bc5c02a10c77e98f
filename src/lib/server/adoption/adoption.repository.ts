import { sql } from 'kysely';
import {
	METRIC_KEYS,
	METRICS,
	OVER_CAP_ABOVE,
	UNDER_USED_BELOW,
	type MetricKey,
	type UsageContribution
} from '../../domain/adoption';
import {
	PORTFOLIO_PAGE_SIZE,
	type PortfolioAdoptionQuery
} from '../../domain/portfolio-adoption-query';
import { hasCsm, primaryCsm } from '../accounts/account.repository';
import type { Executor } from '../db/database';
import { keysetAfter, type KeysetPosition } from '../db/keyset';

const CAP_METRICS = METRIC_KEYS.filter((m) => METRICS[m].limit === 'cap');

/**
 * The SQL twins of domain/adoption's rules, over a reading's columns (bare, or of alias `u`):
 * utilisation capped at 100 %, written least(used, entitled) / entitled rather than
 * least(ratio, 1), because least() skips nulls and would count a reading with nothing entitled
 * as fully used; and the under-used (< 50 %) and near-cap (> 90 % of a cap) counts.
 */
function readingRules(alias?: 'u') {
	const col = (name: 'used' | 'entitled' | 'metric') => sql.ref(alias ? `${alias}.${name}` : name);
	const ratio = sql`${col('used')} / nullif(${col('entitled')}, 0)`;
	return {
		cappedRatio: sql<number>`least(${col('used')}, ${col('entitled')}) / nullif(${col('entitled')}, 0)`,
		underUsed: sql<number>`(count(*) filter (where ${ratio} < ${UNDER_USED_BELOW}))::int`,
		overCap: sql<number>`(count(*) filter (where ${col('metric')} in (${sql.join(CAP_METRICS)}) and ${ratio} > ${OVER_CAP_ABOVE}))::int`
	};
}

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
 * in one statement ('all': every account and month, and the portfolio totals too), by the
 * same rules as `domain/adoption` (see readingRules).
 */
export async function refreshAdoption(
	db: Executor,
	scope: { accountIds: readonly number[]; months: readonly string[] } | 'all'
) {
	const rules = readingRules();
	await db
		.insertInto('account_adoption')
		.columns(['account_id', 'month', 'adoption', 'metrics', 'under_used', 'over_cap'])
		.expression((eb) =>
			eb
				.selectFrom('usage_records')
				.select([
					'account_id',
					'month',
					sql<number>`avg(${rules.cappedRatio})`.as('adoption'),
					sql<number>`count(*)::int`.as('metrics'),
					rules.underUsed.as('under_used'),
					rules.overCap.as('over_cap')
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
	if (scope === 'all') await rebuildMonthTotals(db);
}

/** Adds one reading's change to its month's portfolio totals (a row lock serialises writers). */
export async function addToMonthTotals(
	db: Executor,
	month: string,
	metric: MetricKey,
	delta: UsageContribution
) {
	const columns = Object.keys(delta) as (keyof UsageContribution)[];
	await db
		.insertInto('adoption_month_totals')
		.values({ month, metric, ...delta })
		.onConflict((oc) =>
			oc
				.columns(['month', 'metric'])
				.doUpdateSet((eb) =>
					Object.fromEntries(
						columns.map((c) => [c, eb(`adoption_month_totals.${c}`, '+', eb.ref(`excluded.${c}`))])
					)
				)
		)
		.execute();
}

/** Every month's totals from the usage records, for bulk loads (the demo, imports). */
export async function rebuildMonthTotals(db: Executor) {
	const rules = readingRules();
	await db.deleteFrom('adoption_month_totals').execute();
	await db
		.insertInto('adoption_month_totals')
		.columns([
			'month',
			'metric',
			'accounts',
			'used',
			'entitled',
			'utilisation_sum',
			'utilisation_count',
			'under_used',
			'over_cap'
		])
		.expression((eb) =>
			eb
				.selectFrom('usage_records')
				.select([
					'month',
					'metric',
					sql<number>`count(*)::int`.as('accounts'),
					sql<number>`sum(used)`.as('used'),
					sql<number>`sum(entitled)`.as('entitled'),
					sql<number>`coalesce(sum(${rules.cappedRatio}), 0)`.as('utilisation_sum'),
					sql<number>`(count(*) filter (where entitled > 0))::int`.as('utilisation_count'),
					rules.underUsed.as('under_used'),
					rules.overCap.as('over_cap')
				])
				.groupBy(['month', 'metric'])
		)
		.execute();
}

/**
 * The newest month any account has usage for, and the newest before `before` (the newest
 * complete month when `before` is the current one), in one query.
 */
export async function latestPortfolioMonths(db: Executor, before: string) {
	// Two scalar subqueries, each a single step down the (month, …) index; one max(…) filter
	// (…) aggregate would read every row instead.
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('account_adoption')
				.select(sql<string>`max(month)`.as('m'))
				.as('newest'),
			eb
				.selectFrom('account_adoption')
				.select(sql<string>`max(month)`.as('m'))
				.where('month', '<', before)
				.as('complete')
		])
		.executeTakeFirst();
	return {
		newest: (row?.newest as string | null | undefined) ?? null,
		complete: (row?.complete as string | null | undefined) ?? null
	};
}

function hasFilters(query: PortfolioAdoptionQuery) {
	return query.segment !== null || query.region !== null || query.csm !== null;
}

/** The ids of the accounts the portfolio filters select, as a subquery. */
function filteredIds(db: Executor, query: PortfolioAdoptionQuery) {
	return db
		.selectFrom('accounts as a')
		.select('a.id')
		.$if(query.segment !== null, (qb) => qb.where('a.segment', '=', query.segment!))
		.$if(query.region !== null, (qb) => qb.where('a.region', '=', query.region!))
		.$if(query.csm !== null, (qb) => qb.where((eb) => hasCsm(eb, query.csm!)));
}

/**
 * Per metric in the month: accounts, total used and entitled, mean utilisation and how many are
 * flagged. Unfiltered, the kept totals answer in nine rows; filtered, the month's readings of
 * the selected accounts are summed.
 */
export function utilisationByMetric(db: Executor, query: PortfolioAdoptionQuery, month: string) {
	if (!hasFilters(query)) {
		return db
			.selectFrom('adoption_month_totals')
			.select([
				'metric',
				'accounts',
				'used',
				'entitled',
				sql<number | null>`utilisation_sum / nullif(utilisation_count, 0)`.as('mean_utilisation'),
				'under_used',
				'over_cap'
			])
			.where('month', '=', month)
			.where('accounts', '>', 0)
			.execute();
	}
	const rules = readingRules('u');
	return db
		.selectFrom('usage_records as u')
		.where('u.month', '=', month)
		.where('u.account_id', 'in', filteredIds(db, query))
		.select([
			'u.metric',
			sql<number>`count(*)::int`.as('accounts'),
			sql<number>`sum(u.used)`.as('used'),
			sql<number>`sum(u.entitled)`.as('entitled'),
			sql<number | null>`avg(${rules.cappedRatio})`.as('mean_utilisation'),
			rules.underUsed.as('under_used'),
			rules.overCap.as('over_cap')
		])
		.groupBy('u.metric')
		.execute();
}

/** The filtered accounts with an adoption figure in the month, on the narrow summary table. */
function adoptedIn(db: Executor, query: PortfolioAdoptionQuery, month: string) {
	return db
		.selectFrom('account_adoption as aa')
		.where('aa.month', '=', month)
		.where('aa.adoption', 'is not', null)
		.$if(hasFilters(query), (qb) => qb.where('aa.account_id', 'in', filteredIds(db, query)));
}

export async function countAdoptedAccounts(
	db: Executor,
	query: PortfolioAdoptionQuery,
	month: string
) {
	const row = await adoptedIn(db, query, month)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return row.total;
}

/**
 * One page of accounts, least adopted first. The page's rows are chosen on the narrow
 * summary table; names and CSMs are joined for those rows only. With `batch`, the rows after
 * a position instead (an export's next batch; adoption is never null here).
 */
export function leastAdopted(
	db: Executor,
	query: PortfolioAdoptionQuery,
	month: string,
	batch?: { after: KeysetPosition | null; size: number }
) {
	const page = adoptedIn(db, query, month)
		.select(['aa.account_id as id', 'aa.adoption', 'aa.metrics', 'aa.under_used', 'aa.over_cap'])
		.$if(batch?.after != null, (qb) =>
			qb.where(keysetAfter('aa.adoption', 'aa.account_id', 'asc', batch!.after!))
		)
		.orderBy('aa.adoption')
		.orderBy('aa.account_id')
		.limit(batch?.size ?? PORTFOLIO_PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * PORTFOLIO_PAGE_SIZE)
		.as('page');
	return db
		.selectFrom(page)
		.innerJoin('accounts as a', 'a.id', 'page.id')
		.leftJoinLateral(primaryCsm, (join) => join.onTrue())
		.select([
			'a.id',
			'a.name',
			'a.segment',
			'a.region',
			'a.arr',
			'a.currency',
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
