/**
 * Writes the planned demo health histories and churn flags inside the seeding transaction.
 * Histories go in after the first health pass (each path ends on the score it computed) as
 * one INSERT … SELECT per thousand accounts, a score array per account unnested in SQL; flags
 * after the second pass, once the drop rule has seen the histories.
 */
import { sql, type Transaction } from 'kysely';
import { DROP_WINDOW_DAYS } from '../../domain/churn';
import { DEFAULT_HEALTH_MODEL, bandOf, type HealthComponent } from '../../domain/health';
import type { Database } from '../db/database';
import { planChurnFlags, type ChurnFlagOptions, type PlannedFlagEvent } from './demo-health-flags';
import {
	dropsToday,
	HISTORY_DAYS,
	planHealthHistory,
	type PlannedHistory
} from './demo-health-plan';
import type { DemoIds } from './demo-onboarding-write';
import { addDays } from './demo-parts';
import type { DemoPlan } from './demo-plan';

/** Accounts per history INSERT: 90,000 rows from a JSON parameter of about 300 kB. */
const HISTORY_ACCOUNTS = 1000;
/** Flags or events per statement. */
const FLAG_ROWS = 5000;

export interface WrittenHistory {
	histories: PlannedHistory[];
	/** Daily snapshots: the history plus today's, per account. */
	healthSnapshots: number;
	/** Accounts the drop rule now fires on: the only ones whose rules the history changes. */
	dropped: number[];
}

export interface WrittenFlags {
	/** Rule and manual flags. */
	churnFlags: number;
	churnFlagEvents: number;
}

/** 90 days of snapshots before today for every account that has today's. */
export async function writeHealthHistory(
	trx: Transaction<Database>,
	plan: DemoPlan,
	ids: DemoIds,
	options: { seed: number }
): Promise<WrittenHistory> {
	const indexOf = accountIndexes(plan, ids);
	const { rows } = await sql<
		{ account_id: number; day: string; score: number | null; coverage: number } & Record<
			HealthComponent,
			number | null
		>
	>`
		select h.account_id, max(s.day)::text as day, h.score, h.coverage, h.adoption, h.engagement,
			h.progress, h.support, h.sentiment
		from account_health h join health_snapshots s on s.account_id = h.account_id
		group by h.account_id`.execute(trx);
	const histories = planHealthHistory(
		plan,
		rows.map((r) => ({ accountIndex: indexOf(r.account_id), today: r.day, score: r.score })),
		options
	);
	const currentOf = new Map(rows.map((r) => [r.account_id, r]));

	// A component moves with the score, by the same points, within 0–100; missing stays missing.
	const shifted = (component: HealthComponent) => {
		const column = sql.ref(`r.${component}`);
		return sql`case when ${column} is null or d.score is null then null
			else least(100, greatest(0, ${column} + d.score - r.score)) end`;
	};
	let written = 0;
	for (let i = 0; i < histories.length; i += HISTORY_ACCOUNTS) {
		const batch = histories.slice(i, i + HISTORY_ACCOUNTS).map((h) => ({
			...currentOf.get(ids.account(h.accountIndex))!,
			first_day: addDays(h.today, -HISTORY_DAYS),
			scores: h.scores,
			// Banded as the default model bands a live score.
			bands: h.scores.map((s) => (s === null ? null : bandOf(s, DEFAULT_HEALTH_MODEL)))
		}));
		// Rows come out in account and day order, as the primary key wants them; no join, no sort.
		const result = await sql`
			insert into health_snapshots (account_id, day, score, band, coverage, adoption, engagement,
				progress, support, sentiment)
			select r.account_id, r.first_day + (d.n - 1)::int, d.score, d.band, r.coverage, ${shifted('adoption')}, ${shifted('engagement')}, ${shifted('progress')},
				${shifted('support')}, ${shifted('sentiment')}
			from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(
				account_id int, first_day date, scores smallint[], bands text[], score smallint,
				coverage real,
				adoption smallint, engagement smallint, progress smallint, support smallint,
				sentiment smallint
			)
			cross join lateral unnest(r.scores, r.bands) with ordinality as d(score, band, n)`.execute(trx);
		written += Number(result.numAffectedRows ?? 0n);
	}
	// History written behind the health pass's back: the drop rule's kept highs are set from it
	// here, in one pass over the window, as the daily pass would have kept them day by day.
	await sql`
		update account_health h set recent_high = w.score, recent_high_on = w.day
		from (
			select distinct on (s.account_id) s.account_id, s.score, s.day
			from health_snapshots s
			join (
				select account_id, max(day) as today from health_snapshots group by account_id
			) t on t.account_id = s.account_id
			where s.day >= t.today - ${DROP_WINDOW_DAYS}::int and s.day < t.today
				and s.score is not null
			order by s.account_id, s.score desc, s.day desc
		) w
		where w.account_id = h.account_id`.execute(trx);
	return {
		histories,
		healthSnapshots: written + rows.length,
		dropped: histories.filter(dropsToday).map((h) => ids.account(h.accountIndex))
	};
}

/** Manual flags, what people did with the rules' flags, and every event of both. */
export async function writeChurnFlags(
	trx: Transaction<Database>,
	plan: DemoPlan,
	ids: DemoIds,
	histories: readonly PlannedHistory[],
	options: ChurnFlagOptions
): Promise<WrittenFlags> {
	const indexOf = accountIndexes(plan, ids);
	const user = (index: number | null) => (index === null ? null : ids.user(index));
	const ruleFlags = await trx
		.selectFrom('churn_flags')
		.select(['id', 'account_id', 'rule', 'severity'])
		.where('rule', 'is not', null)
		.where('status', '=', 'open')
		.execute();
	const planned = planChurnFlags(
		plan,
		histories,
		ruleFlags.flatMap((f) =>
			f.rule === null
				? []
				: [{ id: f.id, accountIndex: indexOf(f.account_id), rule: f.rule, severity: f.severity }]
		),
		options
	);

	const events: (Omit<PlannedFlagEvent, 'actorUserIndex'> & {
		flag_id: number;
		actor_id: number | null;
	})[] = [];
	const logOf = (flagId: number, log: readonly PlannedFlagEvent[]) => {
		for (const { actorUserIndex, ...e } of log) {
			events.push({ ...e, flag_id: flagId, actor_id: user(actorUserIndex) });
		}
	};

	for (let i = 0; i < planned.rule.length; i += FLAG_ROWS) {
		const batch = planned.rule.slice(i, i + FLAG_ROWS);
		const work = batch.map((w) => ({
			id: w.id,
			status: w.status,
			status_reason: w.statusReason,
			next_step: w.nextStep,
			next_step_owner_id: user(w.nextStepOwnerUserIndex),
			next_step_due: w.nextStepDue,
			created_at: w.createdAt,
			updated_at: w.updatedAt,
			closed_at: w.closedAt
		}));
		// Dated back to when the condition began; the 'raised' event moves with the flag.
		await sql`
			with w as (
				select * from jsonb_to_recordset(${JSON.stringify(work)}::jsonb) as w(
					id int, status text, status_reason text, next_step text, next_step_owner_id int,
					next_step_due date, created_at timestamptz, updated_at timestamptz,
					closed_at timestamptz
				)
			),
			raised as (
				update churn_flag_events e set at = w.created_at
				from w where e.flag_id = w.id and e.kind = 'raised'
			)
			update churn_flags f set status = w.status, status_reason = w.status_reason,
				next_step = w.next_step, next_step_owner_id = w.next_step_owner_id,
				next_step_due = w.next_step_due, created_at = w.created_at,
				updated_at = w.updated_at, closed_at = w.closed_at
			from w where f.id = w.id`.execute(trx);
		for (const w of batch) logOf(w.id, w.events);
	}

	for (let i = 0; i < planned.manual.length; i += FLAG_ROWS) {
		const batch = planned.manual.slice(i, i + FLAG_ROWS);
		const rows = await trx
			.insertInto('churn_flags')
			.values(
				batch.map((f) => ({
					account_id: ids.account(f.accountIndex),
					rule: null,
					rule_detail: null,
					severity: f.severity,
					reason: f.reason,
					arr_at_risk: f.arrAtRisk,
					summary: f.summary,
					next_step: f.nextStep,
					next_step_owner_id: user(f.nextStepOwnerUserIndex),
					next_step_due: f.nextStepDue,
					status: f.status,
					status_reason: f.statusReason,
					raised_by: ids.user(f.raisedByUserIndex),
					closed_at: f.closedAt === null ? null : new Date(f.closedAt),
					created_at: f.createdAt,
					updated_at: f.updatedAt
				}))
			)
			.returning(['id', 'account_id'])
			.execute();
		// One manual flag per account: the account says which flag a row is.
		const flagOf = new Map(rows.map((r) => [r.account_id, r.id]));
		for (const f of batch) {
			const id = flagOf.get(ids.account(f.accountIndex));
			if (id === undefined) throw new Error('a demo churn flag was not written');
			logOf(id, f.events);
		}
	}

	for (let i = 0; i < events.length; i += FLAG_ROWS) {
		await sql`
			insert into churn_flag_events (flag_id, kind, actor_id, body, data, at)
			select flag_id, kind, actor_id, body, data, at
			from jsonb_to_recordset(${JSON.stringify(events.slice(i, i + FLAG_ROWS))}::jsonb) as r(
				flag_id int, kind text, actor_id int, body text, data jsonb, at timestamptz
			)`.execute(trx);
	}

	const counts = await sql<{ flags: number; events: number }>`
		select (select count(*)::int from churn_flags) as flags,
			(select count(*)::int from churn_flag_events) as events`.execute(trx);
	const { flags, events: logged } = counts.rows[0]!;
	return { churnFlags: flags, churnFlagEvents: logged };
}

/** The plan's index of each written account, by id. */
function accountIndexes(plan: DemoPlan, ids: DemoIds): (accountId: number) => number {
	const index = new Map(plan.accounts.map((_, i) => [ids.account(i), i]));
	return (accountId) => {
		const found = index.get(accountId);
		if (found === undefined) throw new Error(`account ${accountId} is not a demo account`);
		return found;
	};
}
