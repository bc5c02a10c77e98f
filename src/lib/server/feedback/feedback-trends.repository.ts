import { sql } from 'kysely';
import type { FeedbackTrendsQuery, TrendComparison } from '../../domain/feedback-trends-query';
import type { Executor } from '../db/database';

/** The rollup column each comparison groups by. */
const COMPARE_COLUMN: Record<TrendComparison, string> = {
	segment: 'segment',
	region: 'region',
	channel: 'sales_channel',
	csm: 'csm_id'
};

/** The query's filters on a rollup's group columns. */
function filters(query: FeedbackTrendsQuery, withCsm: boolean) {
	return [
		...(query.segment ? [sql`segment = ${query.segment}`] : []),
		...(query.region ? [sql`region = ${query.region}`] : []),
		...(query.channel ? [sql`sales_channel = ${query.channel}`] : []),
		...(withCsm && query.csm !== null ? [sql`csm_id = ${query.csm}`] : [])
	];
}

const where = (conditions: ReturnType<typeof filters>) =>
	conditions.length === 0 ? sql`` : sql`and ${sql.join(conditions, sql` and `)}`;

export interface MonthlyTotals {
	month: string;
	/** The comparison's group (a segment, region, channel or CSM id as text); null for all. */
	grp: string | null;
	responses: number;
	promoters: number;
	passives: number;
	detractors: number;
	csat_count: number;
	csat_sum: number;
}

/**
 * NPS and CSAT totals per month over the filtered customer groups, and per month and group when
 * comparing: one pass over the monthly rollup (grouping sets), never over the responses.
 */
export async function monthlyTotals(
	db: Executor,
	query: FeedbackTrendsQuery,
	from: string,
	to: string
) {
	const compare = query.compare ? sql.id(COMPARE_COLUMN[query.compare]) : null;
	const { rows } = await sql<MonthlyTotals>`
		select month::text as month, ${compare ? sql`${compare}::text` : sql`null::text`} as grp,
			sum(responses)::int as responses, sum(promoters)::int as promoters,
			sum(passives)::int as passives, sum(detractors)::int as detractors,
			sum(csat_count)::int as csat_count, sum(csat_sum)::int as csat_sum
		from feedback_monthly
		where month between ${from} and ${to} ${where(filters(query, true))}
		group by ${compare ? sql`grouping sets ((month), (month, ${compare}))` : sql`month`}
		order by month`.execute(db);
	return rows;
}

/**
 * The `limit` themes mentioned most in the range, with their mentions per month. A view of one
 * CSM reads the by-CSM rollup, on its key; every other view the smaller rollup without CSMs.
 */
export async function themeMentions(
	db: Executor,
	query: FeedbackTrendsQuery,
	from: string,
	to: string,
	limit: number
) {
	const table = query.csm === null ? 'feedback_theme_monthly' : 'feedback_theme_csm_monthly';
	const { rows } = await sql<{ month: string; theme: string; mentions: number; total: number }>`
		with months as (
			select month, theme, sum(mentions)::int as mentions from ${sql.table(table)}
			where month between ${from} and ${to} ${where(filters(query, true))}
			group by month, theme having sum(mentions) > 0
		),
		top as (
			select theme, sum(mentions)::int as total from months
			group by theme order by total desc, theme limit ${limit}
		)
		select m.month::text as month, m.theme, m.mentions, top.total
		from months m join top on top.theme = m.theme
		order by top.total desc, m.theme, m.month`.execute(db);
	return rows;
}
