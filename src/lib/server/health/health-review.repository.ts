import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { HEALTH_REVIEW_PAGE_SIZE, type HealthReviewQuery } from '../../domain/health-review-query';
import { HEALTH_COMPONENTS, type HealthBand } from '../../domain/health';
import { primaryCsm } from '../accounts/account.repository';
import type { Database, Executor } from '../db/database';
import { keysetAfter, type KeysetPosition } from '../db/keyset';

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

/** Accounts of one band within a group (of those the band filter keeps). */
const bandCount = (band: HealthBand, kept: RawBuilder<boolean>) =>
	sql<number>`count(*) filter (where h.band = ${band} and ${kept})::int`;

/**
 * The portfolio's groupings in one pass over the filtered accounts: accounts and ARR per band
 * (and without a score), over every filter but the band itself; mean score and band counts by
 * segment and by region, of the accounts the band filter keeps too.
 */
export async function portfolioGroups(db: Executor, query: HealthReviewQuery) {
	const kept = query.band === null ? sql<boolean>`true` : sql<boolean>`h.band = ${query.band}`;
	const rows = await filtered(db, query, false)
		.select([
			// Which grouping a row belongs to: 3 by band, 5 by segment, 6 by region.
			sql<number>`grouping(h.band, h.segment, h.region)`.as('grouping'),
			'h.band',
			'h.segment',
			'h.region',
			sql<number>`count(*)::int`.as('all'),
			sql<number>`coalesce(sum(h.arr), 0)::float8`.as('arr'),
			sql<number>`(count(*) filter (where ${kept}))::int`.as('accounts'),
			sql<number | null>`(avg(h.score) filter (where ${kept}))::float8`.as('mean'),
			bandCount('red', kept).as('red'),
			bandCount('yellow', kept).as('yellow'),
			bandCount('green', kept).as('green')
		])
		.groupBy(sql`grouping sets ((h.band), (h.segment), (h.region))`)
		.execute();
	const group = ({ accounts, mean, red, yellow, green }: (typeof rows)[number]) => ({
		accounts,
		mean,
		red,
		yellow,
		green
	});
	return {
		bands: rows
			.filter((r) => r.grouping === 3)
			.map((r) => ({ band: r.band as HealthBand | null, accounts: r.all, arr: r.arr })),
		// A segment or region with none of the band asked for is left out.
		bySegment: rows
			.filter((r) => r.grouping === 5 && r.accounts > 0)
			.map((r) => ({ segment: r.segment, ...group(r) })),
		byRegion: rows
			.filter((r) => r.grouping === 6 && r.accounts > 0)
			.map((r) => ({ region: r.region, ...group(r) }))
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
			bandCount('red', sql`true`).as('red'),
			bandCount('yellow', sql`true`).as('yellow'),
			bandCount('green', sql`true`).as('green')
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
 * The biggest falls and rises since `weekAgo`, against each account's snapshot of that day: the
 * change worked out once, then the top `limit` of each direction (a top-N each, not a sort of
 * every account that moved), and names for those few alone.
 */
export async function movers(
	db: Executor,
	query: HealthReviewQuery,
	weekAgo: string,
	limit: number
) {
	const moved = filtered(db, query)
		.innerJoin('health_snapshots as s', (join) =>
			join.onRef('s.account_id', '=', 'h.account_id').on('s.day', '=', weekAgo)
		)
		.select(['h.account_id', 'h.score', 'h.band', 'h.arr', 's.score as was'])
		.select(sql<number>`h.score - s.score`.as('change'))
		.where(sql<number>`h.score - s.score`, '<>', 0);
	const rows = await db
		.with('moved', () => moved)
		.with('kept', (qb) => {
			const top = (falls: boolean) =>
				qb
					.selectFrom('moved')
					.selectAll()
					.where('change', falls ? '<' : '>', 0)
					.orderBy('change', falls ? 'asc' : 'desc')
					.orderBy('arr', 'desc')
					.orderBy('account_id')
					.limit(limit);
			return qb
				.selectFrom(top(true).as('f'))
				.selectAll()
				.unionAll(qb.selectFrom(top(false).as('r')).selectAll());
		})
		.selectFrom('kept')
		.innerJoin('accounts as a', 'a.id', 'kept.account_id')
		.select(['a.id', 'a.name', 'a.arr', 'a.currency', 'kept.score', 'kept.band', 'kept.was'])
		.select('kept.change')
		.orderBy(sql`abs(kept.change)`, 'desc')
		.orderBy('kept.arr', 'desc')
		.orderBy('a.id')
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

/** reviewOrder's first key as the inner page query names it, for an export's keyset. */
const REVIEW_KEYS = {
	score: { column: 'h.score', direction: 'asc' },
	arr: { column: 'h.arr', direction: 'desc' },
	change: { column: sql`h.score - s.score`, direction: 'asc' }
} as const;

/** Where an export's last batch ended: that row's value of the review's first key, and its id. */
export function reviewPosition(
	sort: HealthReviewQuery['sort'],
	row: { id: number; score: number | null; sort_arr: number; change: number | null }
): KeysetPosition {
	const value = sort === 'arr' ? row.sort_arr : sort === 'change' ? row.change : row.score;
	return { value, id: row.id };
}

/**
 * One page of the filtered accounts, worst first (or by ARR, or by this week's fall); or with
 * `batch` the accounts after a position (an export's next batch).
 */
export function reviewPage(
	db: Executor,
	query: HealthReviewQuery,
	days: { today: string; weekAgo: string },
	batch?: { after: KeysetPosition | null; size: number }
) {
	const change = sql<number | null>`h.score - s.score`;
	const key = REVIEW_KEYS[query.sort];
	// This week's change is worked out across the portfolio only to sort by it; otherwise for
	// the page's 25 rows alone.
	const page = filtered(db, query)
		.$if(query.sort === 'change', (qb) =>
			qb.leftJoin('health_snapshots as s', (join) =>
				join.onRef('s.account_id', '=', 'h.account_id').on('s.day', '=', days.weekAgo)
			)
		)
		.$if(batch?.after != null, (qb) =>
			qb.where(keysetAfter(key.column, 'h.account_id', key.direction, batch!.after!))
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
		.limit(batch?.size ?? HEALTH_REVIEW_PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * HEALTH_REVIEW_PAGE_SIZE)
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
				...HEALTH_COMPONENTS.map((c) => `h.${c}` as const),
				change.as('change'),
				'o.band as override_band',
				'o.expires_on as override_expires_on',
				'csm.csm_name',
				// The ARR the page was sorted by (the health row's copy), where an export's next
				// batch starts from; score and change are the row's own.
				'page.arr as sort_arr'
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
