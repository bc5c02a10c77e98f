import { sql } from 'kysely';
import type { MetricKey } from '../../src/lib/domain/adoption';
import type { UsageInput } from '../../src/lib/server/adoption/adoption.service';
import type { Db } from '../../src/lib/server/db/database';
import type { ObjectiveInput } from '../../src/lib/server/plans/plan.service';

/** An outcome objective as the plan form sends it; override what the test is about. */
export function outcomeObjective(overrides: Partial<ObjectiveInput> = {}): ObjectiveInput {
	return {
		title: 'Executive sponsor signs off the roadmap',
		why: 'Renewal needs a sponsor',
		criterion_kind: 'outcome',
		metric: null,
		target_value: null,
		outcome: 'Roadmap signed',
		owner_user_id: null,
		due_date: null,
		status: 'not_started',
		status_reason: '',
		...overrides
	};
}

/** A metric objective: `metric` must reach `target`. */
export function metricObjective(
	metric: MetricKey,
	target: number,
	overrides: Partial<ObjectiveInput> = {}
): ObjectiveInput {
	return outcomeObjective({
		title: `Reach ${target} ${metric}`,
		criterion_kind: 'metric',
		metric,
		target_value: target,
		outcome: '',
		...overrides
	});
}

/** A new month's reading, as the Adoption tab's form sends it. */
export function reading(
	metric: MetricKey,
	month: string,
	used: number,
	entitled: number
): UsageInput {
	return { metric, month, used, entitled, version: null };
}

/** The account's audit trail, oldest first, without the rows churn rules write as health moves. */
export async function auditRows(db: Db, accountId: number) {
	return db
		.selectFrom('audit_log')
		.selectAll()
		.where('account_id', '=', accountId)
		.where('entity', '<>', 'churn_flag')
		.orderBy('id')
		.execute();
}

type Refusable =
	{ table: 'audit_log'; column: 'actor_id' } | { table: 'account_adoption'; column: 'account_id' };

let triggers = 0;

/**
 * Makes this test database refuse every row written to `table` whose `column` is `value`. A
 * service whose last statement is refused must leave nothing behind, which proves its writes
 * share one transaction.
 */
export async function refuseRows(db: Db, target: Refusable, value: number) {
	if (!Number.isSafeInteger(value)) throw new RangeError(`not an id: ${value}`);
	const name = `test_refuse_${target.table}_${value}_${triggers++}`;
	await sql
		.raw(
			`create function ${name}() returns trigger language plpgsql as $$ begin ` +
				`if new.${target.column} = ${value} then raise exception 'refused by test'; end if; ` +
				`return new; end $$`
		)
		.execute(db);
	await sql
		.raw(
			`create trigger ${name} before insert or update on ${target.table} ` +
				`for each row execute function ${name}()`
		)
		.execute(db);
}
