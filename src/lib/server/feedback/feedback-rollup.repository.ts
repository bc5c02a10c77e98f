import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/database';
import { feedbackTotals } from './feedback-totals';
import type { Feedback } from './feedback.table';

/**
 * The monthly totals behind the trends page, kept in step with `feedback` by the transaction
 * that changes it: add a response's share once it is written, take it away (sign −1) before it
 * is deleted, and move it when an edit changes what it counts towards. Increments commute, so
 * concurrent captures never lose a count, and each statement locks its totals in key order, so
 * two edits crossing between the same months wait for each other instead of deadlocking.
 */
export async function addToRollup(db: Executor, feedbackIds: number[], sign: 1 | -1) {
	if (feedbackIds.length === 0) return;
	await upsertTotals(
		db,
		sql`(select ${sql.lit(sign)}::int as sign, f.* from feedback f
			where f.id in (${sql.join(feedbackIds)})) f`
	);
}

/**
 * After an edit: the response's share as it was (`before`, the row read before the update) taken
 * away and its share as it is now added, in one statement per rollup.
 */
export async function moveInRollup(db: Executor, before: Feedback) {
	const was = JSON.stringify({ ...before, created_at: null, updated_at: null });
	await upsertTotals(
		db,
		sql`(select -1 as sign, f.* from jsonb_populate_record(null::feedback, ${was}::jsonb) f
			union all
			select 1, f.* from feedback f where f.id = ${before.id}) f`
	);
}

/**
 * Every monthly total worked out again from the responses: after a bulk load (demo data, an
 * import) that wrote `feedback` directly, or to repair totals by hand.
 */
export async function rebuildRollup(db: Executor) {
	for (const rollup of ROLLUPS) {
		await sql`delete from ${sql.table(rollup.table)}`.execute(db);
		await totals(rollup, sql`(select 1 as sign, f.* from feedback f) f`).execute(db);
	}
}

async function upsertTotals(db: Executor, signed: RawBuilder<unknown>) {
	for (const rollup of ROLLUPS) {
		const add = sql.join(
			rollup.totals.map(
				(c) => sql`${sql.id(c)} = ${sql.id(rollup.table)}.${sql.id(c)} + excluded.${sql.id(c)}`
			)
		);
		await sql`${totals(rollup, signed)}
			on conflict (${sql.join(rollup.key.map((c) => sql.id(c)))}) do update set ${add}`.execute(db);
	}
}

interface Rollup {
	table: string;
	/** Key columns, each with the expression over `f` (and the theme `t.theme`) it is kept by. */
	key: string[];
	/** Total columns, in order, with the aggregate of each. */
	totals: string[];
	aggregates: RawBuilder<unknown>[];
	byTheme: boolean;
}

const GROUP_BY: Record<string, RawBuilder<unknown>> = {
	month: sql`date_trunc('month', f.received_on)::date`,
	segment: sql`f.segment`,
	region: sql`f.region`,
	sales_channel: sql`f.sales_channel`,
	csm_id: sql`coalesce(f.csm_id, 0)`,
	theme: sql`t.theme`
};

/** Each response's share of the monthly totals, signed: +1 added, −1 taken away. */
const SIGNED_TOTALS = feedbackTotals(sql<number>`f.sign`);

const MENTIONS = { totals: ['mentions'], aggregates: [sql`sum(f.sign)`], byTheme: true };

const ROLLUPS: Rollup[] = [
	{
		table: 'feedback_monthly',
		key: ['month', 'segment', 'region', 'sales_channel', 'csm_id'],
		totals: Object.keys(SIGNED_TOTALS),
		aggregates: Object.values(SIGNED_TOTALS),
		byTheme: false
	},
	{
		table: 'feedback_theme_monthly',
		key: ['month', 'theme', 'segment', 'region', 'sales_channel'],
		...MENTIONS
	},
	{
		table: 'feedback_theme_csm_monthly',
		key: ['csm_id', 'month', 'theme', 'segment', 'region', 'sales_channel'],
		...MENTIONS
	}
];

/**
 * One rollup's totals of the signed responses `signed` selects (a subquery named `f` with a
 * `sign` column of 1 or −1), as an insert in key order.
 */
function totals(rollup: Rollup, signed: RawBuilder<unknown>) {
	const group = sql.join(rollup.key.map((c) => GROUP_BY[c]!));
	return sql`insert into ${sql.table(rollup.table)}
		(${sql.join([...rollup.key, ...rollup.totals].map((c) => sql.id(c)))})
		select ${group}, ${sql.join(rollup.aggregates)}
		from ${signed}
		${rollup.byTheme ? sql`cross join lateral unnest(f.themes) as t(theme)` : sql``}
		group by ${group}
		order by ${group}`;
}
