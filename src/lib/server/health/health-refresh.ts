import { sql } from 'kysely';
import { evaluateRules } from '../../domain/churn';
import {
	HEALTH_COMPONENTS,
	componentScores,
	scoreHealth,
	type HealthResult
} from '../../domain/health';
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
	const rows = batch.map(({ input, health }) => ({
		account_id: input.accountId,
		day: input.today,
		score: health.score,
		band: health.band,
		coverage: health.coverage,
		biggest_drag: health.biggestDrag,
		...Object.fromEntries(health.components.map((c) => [c.component, c.score])),
		recent_high: input.recentHigh,
		recent_high_on: input.recentHighOn
	}));
	const snapshot = ['score', 'band', 'coverage', ...HEALTH_COMPONENTS];
	const current = [...snapshot, 'biggest_drag'];
	const high = ['recent_high', 'recent_high_on', 'high_as_of'];
	await sql`
		with input as (
			select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(${sql.raw(INPUT_TYPES)})
		),
		current as (
			insert into account_health (account_id, ${columns(current)}, ${columns(high)}, changed_at)
			select account_id, ${columns(current)}, recent_high, recent_high_on, day,
				${now}::timestamptz
			from input
			on conflict (account_id) do update set ${takeExcluded([...current, ...high])},
				-- When the score itself last moved, not when it was last looked at.
				changed_at = case when ${differs('account_health', current)}
					then excluded.changed_at else account_health.changed_at end
			-- A row already current for today is not rewritten: a second pass writes only what moved.
			where ${differs('account_health', [...current, ...high])}
		)
		insert into health_snapshots (account_id, day, ${columns(snapshot)})
		select account_id, day, ${columns(snapshot)} from input
		on conflict (account_id, day) do update set ${takeExcluded(snapshot)}
		where ${differs('health_snapshots', snapshot)}
	`.execute(db);
}

/** The batch's JSON rows as typed columns: the score, its parts, and the kept 30-day high. */
const INPUT_TYPES = [
	'account_id int, day date, score smallint, band text, coverage real, biggest_drag text',
	...HEALTH_COMPONENTS.map((c) => `${c} smallint`),
	'recent_high smallint, recent_high_on date'
].join(', ');

const columns = (names: readonly string[]) => sql.join(names.map((n) => sql.id(n)));

/** `a = excluded.a, b = excluded.b, …` for an upsert. */
const takeExcluded = (names: readonly string[]) =>
	sql.join(names.map((n) => sql`${sql.id(n)} = ${sql.ref(`excluded.${n}`)}`));

/** The stored row's values differ from the incoming ones (nulls compared as values). */
const differs = (table: string, names: readonly string[]) =>
	sql`(${sql.join(names.map((n) => sql.ref(`${table}.${n}`)))}) is distinct from (${sql.join(
		names.map((n) => sql.ref(`excluded.${n}`))
	)})`;

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
