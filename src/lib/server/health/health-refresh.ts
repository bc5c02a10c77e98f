import { sql } from 'kysely';
import { evaluateRules } from '../../domain/churn';
import { componentScores, scoreHealth, type HealthResult } from '../../domain/health';
import { applyRuleHits } from '../churn/churn-rules.repository';
import type { Executor } from '../db/database';
import {
	gatherHealthInputs,
	type AccountHealthInputs,
	type HealthScope
} from './health-inputs.repository';
import { loadHealthModels, modelFor } from './health-model.repository';

/** Accounts per write statement: keeps each statement's JSON parameter to a few megabytes. */
const WRITE_BATCH = 10_000;

/**
 * Recomputes the health of every account in scope and acts on it, in the caller's
 * transaction: the current score (`account_health`), today's snapshot, and the churn rules'
 * flags. A change to one input calls it with that account, so the next page load is fresh;
 * `npm run health:recompute` and the daily job call it with 'all' (one set-based pass).
 */
export async function refreshHealth(db: Executor, scope: HealthScope, now = new Date()) {
	// A whole-portfolio pass is a few big hash aggregates: JIT-compiling them costs more (~0.8 s
	// at 100,000 accounts) than it saves. Local to the caller's transaction.
	if (scope === 'all') await sql`set local jit = off`.execute(db);
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
			sentiment: score('sentiment')
		};
	});
	await sql`
		with input as (
			select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
				account_id int, day date, score smallint, band text, coverage real, biggest_drag text,
				adoption smallint, engagement smallint, progress smallint, support smallint,
				sentiment smallint
			)
		),
		current as (
			insert into account_health (account_id, score, band, coverage, biggest_drag, adoption,
				engagement, progress, support, sentiment, changed_at)
			select account_id, score, band, coverage, biggest_drag, adoption, engagement, progress,
				support, sentiment, ${now}::timestamptz
			from input
			on conflict (account_id) do update set score = excluded.score, band = excluded.band,
				coverage = excluded.coverage, biggest_drag = excluded.biggest_drag,
				adoption = excluded.adoption, engagement = excluded.engagement,
				progress = excluded.progress, support = excluded.support,
				sentiment = excluded.sentiment, changed_at = excluded.changed_at
			-- An unchanged score is not rewritten: the daily pass then writes only what moved.
			where (account_health.score, account_health.band, account_health.coverage,
				account_health.biggest_drag, account_health.adoption, account_health.engagement,
				account_health.progress, account_health.support, account_health.sentiment)
				is distinct from (excluded.score, excluded.band, excluded.coverage,
				excluded.biggest_drag, excluded.adoption, excluded.engagement, excluded.progress,
				excluded.support, excluded.sentiment)
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
