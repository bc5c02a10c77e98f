import { sql } from 'kysely';
import { evaluateRules, withScore } from '../../domain/churn';
import {
	HEALTH_COMPONENTS,
	componentScores,
	scoreHealth,
	type HealthResult
} from '../../domain/health';
import { applyRuleHits } from '../churn/churn-rules.repository';
import type { Db, Executor } from '../db/database';
import {
	gatherHealthInputs,
	readHealthInputs,
	storeHealthInputs,
	type AccountHealthInputs
} from './health-inputs.repository';
import { loadHealthModels, modelFor } from './health-model.repository';
import { isBulk, type HealthScope } from './health-scope';

/** Accounts per write statement: keeps each statement's JSON parameter to a few megabytes. */
const WRITE_BATCH = 10_000;

/**
 * Recomputes the health of every account in scope and acts on it, in the caller's
 * transaction: the current score (`account_health`), today's snapshot, and the churn rules'
 * flags. Named accounts are ones whose inputs changed: their inputs are read again from their
 * sections first. A bulk scope (the daily pass, a model change) is about the day or the model,
 * not the inputs: it scores the stored inputs, reading only accounts that have none.
 *
 * A change to one input calls it with that account, so the next page load is fresh; a model
 * change calls it with 'all' inside its own transaction; the daily job and
 * `npm run health:recompute` use `refreshAllHealth`.
 */
export async function refreshHealth(
	db: Executor,
	scope: HealthScope,
	now = new Date(),
	options: { reread?: boolean } = {}
) {
	// A whole-portfolio pass is a few big hash aggregates: JIT-compiling them costs more (~0.8 s
	// at 100,000 accounts) than it saves. Local to the caller's transaction.
	if (isBulk(scope)) await sql`set local jit = off`.execute(db);
	if (!isBulk(scope) || options.reread) await storeHealthInputs(db, scope, now);
	const { ready: inputs, unread } = await readHealthInputs(db, scope, now);
	if (unread.length > 0) {
		// A few new accounts by id; a portfolio that has never been read, by its own range.
		await storeHealthInputs(db, unread.length > 1000 ? scope : unread, now);
		for (const input of await gatherHealthInputs(db, unread, now)) inputs.push(input);
	}
	const models = await loadHealthModels(db);
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
				recentHigh: input.recentHigh?.high ?? null,
				daysToRenewal: input.daysToRenewal,
				breachedP1: input.breachedP1
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
		const high = withScore(input.recentHigh, health.score, input.today);
		return {
			account_id: input.accountId,
			day: input.today,
			segment: input.segment,
			region: input.region,
			arr: input.arr,
			score: health.score,
			band: health.band,
			coverage: health.coverage,
			biggest_drag: health.biggestDrag,
			...Object.fromEntries(health.components.map((c) => [c.component, c.score])),
			recent_high: high?.high ?? null,
			recent_high_on: high?.on ?? null
		};
	});
	const snapshot = ['score', 'band', 'coverage', ...HEALTH_COMPONENTS];
	const current = [...snapshot, 'biggest_drag'];
	const account = ['segment', 'region', 'arr'];
	const high = ['recent_high', 'recent_high_on'];
	// Rows that did not move are left alone, and moved ones updated in place: an upsert locks
	// (so rewrites) every row it meets, even one its WHERE then leaves unchanged. The batch goes
	// as `json`, not `jsonb`: read once into records, building a jsonb value first would only
	// add work (about a third of the statement at 10,000 rows).
	await sql`
		with input as (
			select * from json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.raw(INPUT_TYPES)})
		),
		updated as (
			update account_health h set ${takeFrom('i', [...current, ...high, ...account])},
				-- When the score itself last moved, not when it was last looked at.
				changed_at = case when ${differs('h', 'i', current)} then ${now}::timestamptz
					else h.changed_at end
			from input i
			where h.account_id = i.account_id and ${differs('h', 'i', [...current, ...high, ...account])}
		),
		added as (
			insert into account_health (account_id, ${columns([...current, ...high, ...account])}, changed_at)
			select account_id, ${columns([...current, ...high, ...account])}, ${now}::timestamptz
			from input i
			where not exists (select from account_health h where h.account_id = i.account_id)
			-- Two live changes to one new account at once: the second's is as fresh.
			on conflict (account_id) do nothing
		)
		insert into health_snapshots (account_id, day, ${columns(snapshot)})
		select account_id, day, ${columns(snapshot)} from input i
		where not exists (
			select from health_snapshots x
			where x.account_id = i.account_id and x.day = i.day
				and not ${differs('x', 'i', snapshot)}
		)
		on conflict (account_id, day) do update set ${takeFrom('excluded', snapshot)}
	`.execute(db);
}

/** The batch's JSON rows as typed columns: the score, its parts, and the 30-day high. */
const INPUT_TYPES = [
	'account_id int, day date, segment text, region text, arr bigint',
	'score smallint, band text, coverage real, biggest_drag text',
	...HEALTH_COMPONENTS.map((c) => `${c} smallint`),
	'recent_high smallint, recent_high_on date'
].join(', ');

const columns = (names: readonly string[]) => sql.join(names.map((n) => sql.id(n)));

/** `a = from.a, b = from.b, …`: the columns named, set from another row. */
const takeFrom = (from: string, names: readonly string[]) =>
	sql.join(names.map((n) => sql`${sql.id(n)} = ${sql.ref(`${from}.${n}`)}`));

/** Row `a`'s values differ from row `b`'s in the columns named (nulls compared as values). */
const differs = (a: string, b: string, names: readonly string[]) =>
	sql`(${sql.join(names.map((n) => sql.ref(`${a}.${n}`)))}) is distinct from (${sql.join(
		names.map((n) => sql.ref(`${b}.${n}`))
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
 * each its own transaction, `concurrency` of them at a time: on a PostgreSQL server each runs on
 * its own connection and core, and with more ranges than run at once they fall out of step, so
 * PostgreSQL gathers or writes one range while Node scores another instead of both waiting on
 * each other. On the embedded database they queue on its one connection. Accounts are
 * independent, so a range that fails leaves the others done and is retried by the next pass.
 */
export async function refreshAllHealth(
	db: Db,
	now = new Date(),
	options: { reread?: boolean; partitions?: number; concurrency?: number } = {}
) {
	const ranges = await accountIdRanges(db, options.partitions ?? 8);
	let next = 0;
	let accounts = 0;
	const worker = async () => {
		while (next < ranges.length) {
			const range = ranges[next++]!;
			const done = await db.transaction().execute((trx) => refreshHealth(trx, range, now, options));
			accounts += done.accounts;
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
	return { accounts, partitions: ranges.length };
}

/** Account ids cut into `n` ranges of about equal size. */
async function accountIdRanges(db: Executor, n: number) {
	const { rows } = await sql<{ from_id: number; to_id: number }>`
		select min(id) as from_id, max(id) as to_id
		from (select id, ntile(${n}::int) over (order by id) as part from accounts) a
		group by part order by part`.execute(db);
	return rows.map((r) => ({ fromId: r.from_id, toId: r.to_id }));
}
