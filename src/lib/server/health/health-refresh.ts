import { sql } from 'kysely';
import { evaluateRules } from '../../domain/churn';
import { componentScores, scoreHealth, type HealthResult } from '../../domain/health';
import { applyRuleHits } from '../churn/churn-rules.repository';
import type { Db, Executor } from '../db/database';
import { gatherHealthInputs, type AccountHealthInputs } from './health-inputs.repository';
import { loadHealthModels, modelFor } from './health-model.repository';
import { isBulk, type HealthScope } from './health-scope';

/** Accounts per write statement: keeps each statement's JSON parameter to a few megabytes. */
const WRITE_BATCH = 10_000;

/**
 * Recomputes the health of every account in scope and acts on it, in the caller's
 * transaction: the current score (`account_health`), today's snapshot, and the churn rules'
 * flags. A change to one input calls it with that account, so the next page load is fresh;
 * a model change calls it with 'all' inside its own transaction; the daily job and
 * `npm run health:recompute` use `refreshAllHealth`.
 */
export async function refreshHealth(db: Executor, scope: HealthScope, now = new Date()) {
	// A whole-portfolio pass is a few big hash aggregates: JIT-compiling them costs more (~0.8 s
	// at 100,000 accounts) than it saves. Local to the caller's transaction.
	if (isBulk(scope)) await sql`set local jit = off`.execute(db);
	const [inputs, models] = [await gatherHealthInputs(db, scope, now), await loadHealthModels(db)];
	const scored = inputs.map((input) => ({
		input,
		health: scoreHealth(componentScores(input.facts), modelFor(models, input.segment))
	}));
	for (let i = 0; i < scored.length; i += WRITE_BATCH) {
		await writeHealth(db, scored.slice(i, i + WRITE_BATCH), now);
	}
	await applyRuleHits(
		db,
		scope,
		scored.map(({ input, health }) => ({
			accountId: input.accountId,
			arr: input.arr,
			hits: evaluateRules({
				score: health.score,
				band: health.band,
				recentHigh: input.recentHigh,
				daysToRenewal: input.daysToRenewal,
				breachedP1: 0
			})
		})),
		now
	);
	return { accounts: scored.length };
}

/** Upserts the current health and today's snapshot of a batch in one statement. */
async function writeHealth(
	db: Executor,
	batch: { input: AccountHealthInputs; health: HealthResult }[],
	now: Date
) {
	const rows = batch.map(({ input, health }) => {
		const score = (c: string) => health.components.find((x) => x.component === c)?.score ?? null;
		return {
			account_id: input.accountId,
			day: input.today,
			score: health.score,
			band: health.band,
			coverage: health.coverage,
			biggest_drag: health.biggestDrag,
			adoption: score('adoption'),
			engagement: score('engagement'),
			progress: score('progress'),
			support: score('support'),
			sentiment: score('sentiment'),
			recent_high: input.recentHigh,
			recent_high_on: input.recentHighOn
		};
	});
	await sql`
		with input as (
			select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
				account_id int, day date, score smallint, band text, coverage real, biggest_drag text,
				adoption smallint, engagement smallint, progress smallint, support smallint,
				sentiment smallint, recent_high smallint, recent_high_on date
			)
		),
		current as (
			insert into account_health (account_id, score, band, coverage, biggest_drag, adoption,
				engagement, progress, support, sentiment, changed_at, recent_high, recent_high_on,
				high_as_of)
			select account_id, score, band, coverage, biggest_drag, adoption, engagement, progress,
				support, sentiment, ${now}::timestamptz, recent_high, recent_high_on, day
			from input
			on conflict (account_id) do update set score = excluded.score, band = excluded.band,
				coverage = excluded.coverage, biggest_drag = excluded.biggest_drag,
				adoption = excluded.adoption, engagement = excluded.engagement,
				progress = excluded.progress, support = excluded.support,
				sentiment = excluded.sentiment, recent_high = excluded.recent_high,
				recent_high_on = excluded.recent_high_on, high_as_of = excluded.high_as_of,
				-- When the score itself last moved, not when it was last looked at.
				changed_at = case when (account_health.score, account_health.band,
					account_health.coverage, account_health.biggest_drag, account_health.adoption,
					account_health.engagement, account_health.progress, account_health.support,
					account_health.sentiment) is distinct from (excluded.score, excluded.band,
					excluded.coverage, excluded.biggest_drag, excluded.adoption, excluded.engagement,
					excluded.progress, excluded.support, excluded.sentiment)
					then excluded.changed_at else account_health.changed_at end
			-- A row already current for today is not rewritten: a second pass writes only what moved.
			where (account_health.score, account_health.band, account_health.coverage,
				account_health.biggest_drag, account_health.adoption, account_health.engagement,
				account_health.progress, account_health.support, account_health.sentiment,
				account_health.recent_high, account_health.recent_high_on, account_health.high_as_of)
				is distinct from (excluded.score, excluded.band, excluded.coverage,
				excluded.biggest_drag, excluded.adoption, excluded.engagement, excluded.progress,
				excluded.support, excluded.sentiment, excluded.recent_high, excluded.recent_high_on,
				excluded.high_as_of)
		)
		insert into health_snapshots (account_id, day, score, band, coverage, adoption, engagement,
			progress, support, sentiment)
		select account_id, day, score, band, coverage, adoption, engagement, progress, support,
			sentiment
		from input
		on conflict (account_id, day) do update set score = excluded.score, band = excluded.band,
			coverage = excluded.coverage, adoption = excluded.adoption,
			engagement = excluded.engagement, progress = excluded.progress,
			support = excluded.support, sentiment = excluded.sentiment
		where (health_snapshots.score, health_snapshots.band, health_snapshots.coverage,
			health_snapshots.adoption, health_snapshots.engagement, health_snapshots.progress,
			health_snapshots.support, health_snapshots.sentiment)
			is distinct from (excluded.score, excluded.band, excluded.coverage, excluded.adoption,
			excluded.engagement, excluded.progress, excluded.support, excluded.sentiment)
	`.execute(db);
}

/**
 * Call inside the transaction that changed one of an account's health inputs (usage, tasks,
 * objectives, onboarding, meetings, the account's own segment or renewal): its score, today's
 * snapshot and its rule flags are current when the transaction commits.
 */
export function healthInputsChanged(db: Executor, accountId: number, now = new Date()) {
	return refreshHealth(db, [accountId], now);
}

/**
 * Every account's health in one set-based pass, split into `partitions` ranges of account ids,
 * each its own transaction, run side by side: on a PostgreSQL server each range has its own
 * connection and core (gathering one while Node scores another); on the embedded database they
 * queue on its one connection. Accounts are independent, so a range that fails leaves the
 * others done and is retried by the next pass.
 */
export async function refreshAllHealth(db: Db, now = new Date(), partitions = 2) {
	const ranges = await accountIdRanges(db, partitions);
	const done = await Promise.all(
		ranges.map((range) => db.transaction().execute((trx) => refreshHealth(trx, range, now)))
	);
	return { accounts: done.reduce((sum, d) => sum + d.accounts, 0), partitions: ranges.length };
}

/** Account ids cut into `n` ranges of about equal size. */
async function accountIdRanges(db: Executor, n: number) {
	const { rows } = await sql<{ from_id: number; to_id: number }>`
		select min(id) as from_id, max(id) as to_id
		from (select id, ntile(${n}::int) over (order by id) as part from accounts) a
		group by part order by part`.execute(db);
	return rows.map((r) => ({ fromId: r.from_id, toId: r.to_id }));
}
