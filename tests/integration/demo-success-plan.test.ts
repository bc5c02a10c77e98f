import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
	accountAdoption,
	addMonths,
	flagsFor,
	METRIC_KEYS,
	type MetricKey
} from '../../src/lib/domain/adoption';
import { needsReason, OBJECTIVE_STATUSES } from '../../src/lib/domain/success-plan';
import type { Db } from '../../src/lib/server/db/database';
import { seedDemo, type SeedDemoResult } from '../../src/lib/server/demo/demo-data';
import { ENGINE, useTestDatabase } from '../support/test-database';

const TODAY = '2026-11-22';
const WEEK_END = '2026-11-28';
const FIRST = '2025-11-01';
const LAST = '2026-10-01';
const NAMED_CSMS = ['csm1@keel.demo', 'csm2@keel.demo', 'csm3@keel.demo'];

/** Usage and plans as text, keyed by the account's CRM id rather than its generated id. */
async function demoHash(db: Db) {
	const { rows } = await sql<{ usage: string; objectives: string; n: number }>`
		select
			(select md5(string_agg(a.external_id || '|' || u.metric || '|' || u.month::text || '|' ||
				u.entitled::text || '|' || u.used::text, ',' order by a.external_id, u.metric, u.month))
				from usage_records u join accounts a on a.id = u.account_id) as usage,
			(select md5(string_agg(a.external_id || '|' || o.title || '|' || o.status || '|' ||
				coalesce(o.target_value::text, '') || '|' || coalesce(o.due_date::text, ''), ',' order by o.id))
				from plan_objectives o join accounts a on a.id = o.account_id) as objectives,
			(select count(*)::int from usage_records) as n`.execute(db);
	return rows[0]!;
}

let firstHash: { usage: string; objectives: string; n: number } | undefined;

describe(`demo usage and success plans on ${ENGINE}`, () => {
	const t = useTestDatabase();
	let result: SeedDemoResult;

	it('writes the counts it reports, plan tasks linked to objectives of their account', async () => {
		result = await seedDemo(t.db, { accounts: 200, today: TODAY });
		const count = async (table: 'usage_records' | 'plan_objectives' | 'objective_tasks') =>
			Number(
				(
					await t.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		expect(result.usageRecords).toBe(await count('usage_records'));
		expect(result.objectives).toBe(await count('plan_objectives'));
		expect(result.planTasks).toBe(await count('objective_tasks'));
		expect(result.usageRecords).toBeGreaterThan(0);

		const tasks = await t.db
			.selectFrom('tasks as t')
			.leftJoin('objective_tasks as ot', 'ot.task_id', 't.id')
			.leftJoin('plan_objectives as o', 'o.id', 'ot.objective_id')
			.select(['t.source', 't.account_id', 'o.account_id as objective_account'])
			.where('t.source', '=', 'plan')
			.execute();
		expect(tasks).toHaveLength(result.planTasks);
		for (const task of tasks) expect(task.objective_account).toBe(task.account_id);
	});

	it('has objectives in every status, of both kinds, owned by the CSM, with reasons where asked', async () => {
		const objectives = await t.db
			.selectFrom('plan_objectives as o')
			.innerJoin('account_team_members as m', (join) =>
				join.onRef('m.account_id', '=', 'o.account_id').on('m.team_role', '=', 'CSM')
			)
			.select(['o.status', 'o.status_reason', 'o.criterion_kind', 'o.owner_user_id', 'm.user_id'])
			.execute();
		expect(new Set(objectives.map((o) => o.status))).toEqual(new Set(OBJECTIVE_STATUSES));
		expect(new Set(objectives.map((o) => o.criterion_kind))).toEqual(
			new Set(['metric', 'outcome'])
		);
		for (const o of objectives) {
			expect(Boolean(o.status_reason?.trim()), o.status).toBe(needsReason(o.status));
			expect(o.owner_user_id).toBe(o.user_id);
		}
	});

	it('gives named CSMs open plan tasks due this week', async () => {
		for (const email of NAMED_CSMS) {
			const due = await t.db
				.selectFrom('tasks as t')
				.innerJoin('users as u', 'u.id', 't.owner_user_id')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('u.email', '=', email)
				.where('t.source', '=', 'plan')
				.where('t.status', '=', 'open')
				.where('t.due_date', '>=', TODAY)
				.where('t.due_date', '<=', WEEK_END)
				.executeTakeFirstOrThrow();
			expect(Number(due.n), email).toBeGreaterThan(0);
		}
	});

	it('records up to twelve consecutive months per account, fewer only when new or churned', async () => {
		const rows = await t.db
			.selectFrom('usage_records as u')
			.innerJoin('accounts as a', 'a.id', 'u.account_id')
			.select([
				'u.account_id',
				'a.lifecycle_stage',
				sql<string[]>`array_agg(distinct u.month::text order by u.month::text)`.as('months')
			])
			.groupBy(['u.account_id', 'a.lifecycle_stage'])
			.execute();
		expect(rows.length).toBeGreaterThan(150);
		for (const { months, lifecycle_stage: stage } of rows) {
			expect(months.length).toBeLessThanOrEqual(12);
			months.forEach((m, i) => {
				if (i > 0) expect(m).toBe(addMonths(months[i - 1]!, 1));
			});
			expect(months[0]! >= FIRST).toBe(true);
			if (stage === 'churned') {
				expect(months[0]).toBe(FIRST);
				expect(months.at(-1)! >= addMonths(LAST, -3)).toBe(true);
			} else {
				expect(months.at(-1)).toBe(LAST);
			}
			if (stage === 'expansion' || stage === 'renewal') expect(months).toHaveLength(12);
			if (stage === 'onboarding') expect(months.length).toBeLessThanOrEqual(5);
		}
	});

	it('keeps account_adoption in step with the usage, as domain/adoption computes it', async () => {
		const [adoption, usageMonths] = await Promise.all([
			t.db.selectFrom('account_adoption').selectAll().execute(),
			t.db.selectFrom('usage_records').select(['account_id', 'month']).distinct().execute()
		]);
		expect(adoption).toHaveLength(usageMonths.length);

		const latest = adoption.filter((a) => a.month === LAST);
		const sample = [...latest]
			.sort((a, b) => a.account_id - b.account_id)
			.filter((_, i) => i % 17 === 0);
		sample.push(...latest.filter((a) => a.over_cap > 0).slice(0, 2));
		sample.push(...latest.filter((a) => a.under_used > 0).slice(0, 2));
		for (const row of sample) {
			const readings = await t.db
				.selectFrom('usage_records')
				.select(['metric', 'used', 'entitled'])
				.where('account_id', '=', row.account_id)
				.where('month', '=', row.month)
				.execute();
			expect(row.metrics).toBe(readings.length);
			expect(row.adoption).toBeCloseTo(accountAdoption(readings)!, 9);
			const flags = readings.map((r) => flagsFor(r.metric, r));
			expect(row.under_used).toBe(flags.filter((f) => f.underUsed).length);
			expect(row.over_cap).toBe(flags.filter((f) => f.overCap).length);
		}

		// Some accounts need a look in the latest month, most do not.
		const underUsed = latest.filter((a) => a.under_used > 0).length;
		const overCap = latest.filter((a) => a.over_cap > 0).length;
		expect(underUsed).toBeGreaterThan(0);
		expect(overCap).toBeGreaterThan(0);
		expect(underUsed + overCap).toBeLessThan(latest.length * 0.6);
	});

	it('shows churned accounts declining before their readings stop', async () => {
		const rows = await t.db
			.selectFrom('usage_records as u')
			.innerJoin('accounts as a', 'a.id', 'u.account_id')
			.select(['u.account_id', 'u.month', 'u.used', 'u.entitled'])
			.where('a.lifecycle_stage', '=', 'churned')
			.where('u.metric', '=', 'colocation_power_kva')
			.orderBy('u.account_id')
			.orderBy('u.month')
			.execute();
		const byAccount = new Map<number, typeof rows>();
		for (const r of rows) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
		expect(byAccount.size).toBeGreaterThan(0);
		const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
		for (const [accountId, readings] of byAccount) {
			const ratios = readings.map((r) => r.used / r.entitled);
			expect(mean(ratios.slice(-3)), `account ${accountId}`).toBeLessThan(
				mean(ratios.slice(-6, -3))
			);
		}
	});

	it('writes only catalogue metrics, with whole counts and kVA to one decimal', async () => {
		const { rows } = await sql<{ metric: MetricKey; fractional: number }>`
			select metric, count(*) filter (where abs(scaled - round(scaled)) > 1e-6)::int as fractional
			from (
				select metric, case when metric = 'colocation_power_kva' then used * 10 else used end as scaled
				from usage_records
			) u
			group by metric`.execute(t.db);
		for (const row of rows) {
			expect(METRIC_KEYS).toContain(row.metric);
			expect(row.fractional, row.metric).toBe(0);
		}
		firstHash = await demoHash(t.db);
		expect(firstHash.n).toBe(result.usageRecords);
	});
});

describe(`demo usage and success plans seeded again on ${ENGINE}`, () => {
	const t = useTestDatabase();

	it('writes the same usage and objectives for the same seed and day', async () => {
		await seedDemo(t.db, { accounts: 200, today: TODAY });
		expect(firstHash).toBeDefined();
		expect(await demoHash(t.db)).toEqual(firstHash);
	});
});
