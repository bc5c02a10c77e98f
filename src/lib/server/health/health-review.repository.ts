import { sql, type SelectQueryBuilder } from 'kysely';
import { HEALTH_REVIEW_PAGE_SIZE, type HealthReviewQuery } from '../../domain/health-review-query';
import type { HealthBand } from '../../domain/health';
import { primaryCsm } from '../accounts/account.repository';
import type { Database, Executor } from '../db/database';

type Filtered = SelectQueryBuilder<Database & { h: Database['account_health'] }, 'h', object>;

/**
 * Accounts with a computed health, narrowed by the review's filters (band included): all of it
 * on account_health, which carries the segment, region and ARR it is grouped by.
 */
function filtered(db: Executor, query: HealthReviewQuery, withBand = true): Filtered {
	return db
		.selectFrom('account_health as h')
		.$if(query.segment !== null, (qb) => qb.where('h.segment', '=', query.segment!))
		.$if(query.region !== null, (qb) => qb.where('h.region', '=', query.region!))
		.$if(query.csm !== null, (qb) =>
			qb.where('h.account_id', 'in', (eb) =>
				eb
					.selectFrom('account_team_members as t')
					.select('t.account_id')
					.where('t.user_id', '=', query.csm!)
					.where('t.team_role', '=', 'CSM')
			)
		)
		.$if(withBand && query.band !== null, (qb) => qb.where('h.band', '=', query.band!));
}

/** Accounts and ARR per band (and without a score), over the filters other than band. */
export function bandDistribution(db: Executor, query: HealthReviewQuery) {
	return filtered(db, query, false)
		.select([
			'h.band',
			(eb) => eb.fn.countAll<number>().as('accounts'),
			sql<number>`coalesce(sum(h.arr), 0)::float8`.as('arr')
		])
		.groupBy('h.band')
		.execute() as Promise<{ band: HealthBand | null; accounts: number; arr: number }[]>;
}

/** Accounts of one band within a group. */
const bandCount = (band: HealthBand) => sql<number>`count(*) filter (where h.band = ${band})::int`;

/** Mean score and band counts by segment and by region, in one grouping-sets pass. */
export async function healthBySegmentAndRegion(db: Executor, query: HealthReviewQuery) {
	const rows = await filtered(db, query)
		.select([
			'h.segment',
			'h.region',
			sql<number>`count(*)::int`.as('accounts'),
			sql<number | null>`avg(h.score)::float8`.as('mean'),
			bandCount('red').as('red'),
			bandCount('yellow').as('yellow'),
			bandCount('green').as('green')
		])
		.groupBy(sql`grouping sets ((h.segment), (h.region))`)
		.execute();
	// Each row is grouped by one of the two; the other comes back null.
	return {
		bySegment: rows.filter((r) => r.segment !== null),
		byRegion: rows.filter((r) => r.region !== null)
	};
}

/** Mean score and band counts per CSM (an account with two CSMs counts for each). */
export function healthByCsm(db: Executor, query: HealthReviewQuery) {
	// Grouped by the CSM's id first; their names joined to the few groups after.
	const groups = filtered(db, query)
		.innerJoin('account_team_members as t', (join) =>
			join.onRef('t.account_id', '=', 'h.account_id').on('t.team_role', '=', 'CSM')
		)
		.select([
			't.user_id',
			sql<number>`count(*)::int`.as('accounts'),
			sql<number | null>`avg(h.score)::float8`.as('mean'),
			bandCount('red').as('red'),
			bandCount('yellow').as('yellow'),
			bandCount('green').as('green')
		])
		.groupBy('t.user_id')
		.as('g');
	return db
		.selectFrom(groups)
		.innerJoin('users as u', 'u.id', 'g.user_id')
		.select(['u.id', 'u.name', 'g.accounts', 'g.mean', 'g.red', 'g.yellow', 'g.green'])
		.orderBy('u.name')
		.execute();
}

/**
 * The biggest falls and rises since `weekAgo`, against each account's snapshot of that day, in
 * one pass: the moved accounts ranked within each direction, the top `limit` of each kept.
 */
export async function movers(
	db: Executor,
	query: HealthReviewQuery,
	weekAgo: string,
	limit: number
) {
	const change = sql<number>`h.score - s.score`;
	const ranked = filtered(db, query)
		.innerJoin('health_snapshots as s', (join) =>
			join.onRef('s.account_id', '=', 'h.account_id').on('s.day', '=', weekAgo)
		)
		.select([
			'h.account_id',
			'h.score',
			'h.band',
			's.score as was',
			change.as('change'),
			sql<number>`row_number() over (partition by sign(${change}) order by abs(${change}) desc, h.arr desc, h.account_id)`.as(
				'rank'
			)
		])
		.where(change, '<>', 0)
		.as('ranked');
	// Names for the few kept, not for every account that moved.
	const rows = await db
		.selectFrom(ranked)
		.innerJoin('accounts as a', 'a.id', 'ranked.account_id')
		.select([
			'a.id',
			'a.name',
			'a.arr',
			'a.currency',
			'ranked.score',
			'ranked.band',
			'ranked.was',
			'ranked.change',
			'ranked.rank'
		])
		.where('ranked.rank', '<=', limit)
		.orderBy('ranked.rank')
		.orderBy('ranked.change')
		.execute();
	return {
		falls: rows.filter((r) => r.change < 0),
		rises: rows.filter((r) => r.change > 0)
	};
}

/** The review's order as SQL, over the columns named (inner page query or the outer join). */
function reviewOrder(
	sort: HealthReviewQuery['sort'],
	columns: Record<'score' | 'arr' | 'change' | 'id', string>
) {
	const asc = (column: string) => sql`${sql.ref(column)} asc nulls last`;
	const first =
		sort === 'arr'
			? sql`${sql.ref(columns.arr)} desc`
			: sort === 'change'
				? asc(columns.change)
				: asc(columns.score);
	return sql`${first}, ${sql.ref(columns.id)}`;
}

/** One page of the filtered accounts, worst first (or by ARR, or by this week's fall). */
export function reviewPage(
	db: Executor,
	query: HealthReviewQuery,
	days: { today: string; weekAgo: string }
) {
	const change = sql<number | null>`h.score - s.score`;
	// This week's change is worked out across the portfolio only to sort by it; otherwise for
	// the page's 25 rows alone.
	const page = filtered(db, query)
		.$if(query.sort === 'change', (qb) =>
			qb.leftJoin('health_snapshots as s', (join) =>
				join.onRef('s.account_id', '=', 'h.account_id').on('s.day', '=', days.weekAgo)
			)
		)
		.select([
			'h.account_id as id',
			'h.arr',
			'h.score',
			query.sort === 'change' ? change.as('change') : sql<null>`null`.as('change')
		])
		.orderBy(
			reviewOrder(query.sort, {
				score: 'h.score',
				arr: 'h.arr',
				change: 'change',
				id: 'h.account_id'
			})
		)
		.limit(HEALTH_REVIEW_PAGE_SIZE)
		.offset((query.page - 1) * HEALTH_REVIEW_PAGE_SIZE)
		.as('page');
	return (
		db
			.selectFrom(page)
			.innerJoin('accounts as a', 'a.id', 'page.id')
			.innerJoin('account_health as h', 'h.account_id', 'a.id')
			.leftJoin('health_snapshots as s', (join) =>
				join.onRef('s.account_id', '=', 'h.account_id').on('s.day', '=', days.weekAgo)
			)
			// Only a judgement still in force; an expired one is history.
			.leftJoin('health_overrides as o', (join) =>
				join.onRef('o.account_id', '=', 'a.id').on('o.expires_on', '>=', days.today)
			)
			.leftJoinLateral(primaryCsm, (join) => join.onTrue())
			.select([
				'a.id',
				'a.name',
				'a.segment',
				'a.region',
				'a.arr',
				'a.currency',
				'a.renewal_date',
				'h.score',
				'h.band',
				'h.coverage',
				'h.biggest_drag',
				change.as('change'),
				'o.band as override_band',
				'o.expires_on as override_expires_on',
				'csm.csm_name'
			])
			// The page's order again: joining its 25 rows does not keep it.
			.orderBy(
				reviewOrder(query.sort, {
					score: 'page.score',
					arr: 'page.arr',
					change: 'page.change',
					id: 'page.id'
				})
			)
			.execute()
	);
}

/** Daily scores of a page's accounts on the given days: each row's sparkline. */
export function sparklinePoints(db: Executor, accountIds: number[], days: string[]) {
	if (accountIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('health_snapshots')
		.select(['account_id', 'day', 'score'])
		.where('account_id', 'in', accountIds)
		.where('day', 'in', days)
		.orderBy('account_id')
		.orderBy('day')
		.execute();
}

/**
 * Accounts where the CSM's live judgement and the data's band differ, largest ARR first: what a
 * manager should ask about.
 */
export function disagreements(
	db: Executor,
	query: HealthReviewQuery,
	today: string,
	limit: number
) {
	return filtered(db, query)
		.innerJoin('health_overrides as o', 'o.account_id', 'h.account_id')
		.innerJoin('accounts as a', 'a.id', 'h.account_id')
		.leftJoin('users as u', 'u.id', 'o.set_by')
		.select([
			'a.id',
			'a.name',
			'a.arr',
			'a.currency',
			'h.score',
			'h.band',
			'o.band as judged',
			'o.reason',
			'o.expires_on',
			'u.name as judged_by'
		])
		.where('o.expires_on', '>=', today)
		.whereRef('o.band', '<>', 'h.band')
		.orderBy('a.arr', 'desc')
		.orderBy('a.id')
		.limit(limit)
		.execute();
}
