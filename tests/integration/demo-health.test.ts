import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CHURN_STATUSES, DROP_POINTS, statusNeedsReason } from '../../src/lib/domain/churn';
import { addDays } from '../../src/lib/domain/dates';
import type { Db } from '../../src/lib/server/db/database';
import { seedDemo, type SeedDemoResult } from '../../src/lib/server/demo/demo-data';
import { ENGINE, useTestDatabase } from '../support/test-database';

const TODAY = '2026-11-22';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const ACCOUNTS = 200;

/** Histories, flags and their logs as text, keyed by CRM id and email rather than generated ids. */
async function healthHash(db: Db) {
	const { rows } = await sql<{ snapshots: string; flags: string; events: string }>`
		select
			(select md5(string_agg(a.external_id || '|' || h.day::text || '|' || coalesce(h.score::text, '') ||
				'|' || coalesce(h.band, '') || '|' || h.coverage::text || '|' ||
				concat_ws(',', h.adoption, h.engagement, h.progress, h.support, h.sentiment),
				';' order by a.external_id, h.day))
				from health_snapshots h join accounts a on a.id = h.account_id) as snapshots,
			(select md5(string_agg(a.external_id || '|' || coalesce(f.rule, 'manual') || '|' ||
				f.status || '|' || f.severity || '|' || f.reason || '|' || f.arr_at_risk::text || '|' ||
				f.summary || '|' || f.next_step || '|' || coalesce(f.next_step_due::text, '') || '|' ||
				coalesce(f.status_reason, '') || '|' || f.created_at::text || '|' ||
				coalesce(f.closed_at::text, ''), ';' order by a.external_id, f.rule nulls first))
				from churn_flags f join accounts a on a.id = f.account_id) as flags,
			(select md5(string_agg(a.external_id || '|' || coalesce(f.rule, 'manual') || '|' || e.kind ||
				'|' || coalesce(u.email, '') || '|' || e.body || '|' || e.at::text,
				';' order by a.external_id, f.rule nulls first, e.at, e.kind, e.body))
				from churn_flag_events e join churn_flags f on f.id = e.flag_id
				join accounts a on a.id = f.account_id left join users u on u.id = e.actor_id) as events`.execute(
		db
	);
	return rows[0]!;
}

let firstHash: { snapshots: string; flags: string; events: string } | undefined;

describe(`demo health histories and churn flags on ${ENGINE}`, () => {
	const t = useTestDatabase();
	let result: SeedDemoResult;

	it('writes 90 days of history before today for every account, and today', async () => {
		result = await seedDemo(t.db, { accounts: ACCOUNTS, today: TODAY });
		const { rows } = await sql<{ n: number; days: number; first: string; last: string }>`
			select count(*)::int as n, count(distinct day)::int as days, min(day)::text as first,
				max(day)::text as last
			from health_snapshots group by account_id`.execute(t.db);
		expect(rows).toHaveLength(ACCOUNTS);
		for (const r of rows) {
			expect(r).toEqual({ n: 91, days: 91, first: addDays(TODAY, -90), last: TODAY });
		}
		expect(result.healthSnapshots).toBe(ACCOUNTS * 91);
		const count = async (table: 'churn_flags' | 'churn_flag_events') =>
			Number(
				(
					await t.db
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		expect(result.churnFlags).toBe(await count('churn_flags'));
		expect(result.churnFlagEvents).toBe(await count('churn_flag_events'));
	});

	it('ends each path next to today’s score, with stable, declining, recovering and dropping ones', async () => {
		const { rows } = await sql<{
			account_id: number;
			today: number | null;
			yesterday: number | null;
			first: number | null;
			low: number | null;
			high: number | null;
			recent_high: number | null;
			drop_flag: boolean;
		}>`
			select h.account_id,
				max(h.score) filter (where h.day = ${TODAY}::date) as today,
				max(h.score) filter (where h.day = ${TODAY}::date - 1) as yesterday,
				max(h.score) filter (where h.day = ${TODAY}::date - 90) as first,
				min(h.score) filter (where h.day < ${TODAY}::date) as low,
				max(h.score) filter (where h.day < ${TODAY}::date) as high,
				max(h.score) filter (where h.day >= ${TODAY}::date - 30 and h.day < ${TODAY}::date)
					as recent_high,
				exists (select 1 from churn_flags f where f.account_id = h.account_id
					and f.rule = 'health_drop' and f.condition_active) as drop_flag
			from health_snapshots h group by h.account_id`.execute(t.db);
		const scored = rows.filter((r) => r.today !== null);
		expect(scored.length).toBeGreaterThan(ACCOUNTS * 0.9);
		for (const r of scored) expect(Math.abs(r.yesterday! - r.today!)).toBeLessThanOrEqual(3);

		const stable = scored.filter((r) => r.high! - r.low! <= 6);
		const declined = scored.filter((r) => r.first! - r.today! >= 10);
		const recovered = scored.filter((r) => r.today! - r.low! >= 15);
		const dropped = scored.filter((r) => r.recent_high! - r.today! >= DROP_POINTS);
		expect(stable.length).toBeGreaterThan(scored.length * 0.4);
		expect(declined.length).toBeGreaterThan(0);
		expect(recovered.length).toBeGreaterThan(0);
		expect(dropped.length).toBeGreaterThan(0);
		// The rule saw the histories: a drop of 15 points within 30 days has its flag, and only then.
		for (const r of scored)
			expect(r.drop_flag, `account ${r.account_id}`).toBe(dropped.includes(r));
	});

	it('has flags in every status, manual ones owned by the CSM, reasons and closing dates where due', async () => {
		const flags = await t.db
			.selectFrom('churn_flags as f')
			.innerJoin('account_team_members as m', (join) =>
				join.onRef('m.account_id', '=', 'f.account_id').on('m.team_role', '=', 'CSM')
			)
			.select([
				'f.rule',
				'f.status',
				'f.status_reason',
				'f.condition_active',
				'f.closed_at',
				'f.summary',
				'f.next_step',
				'f.next_step_owner_id',
				'f.arr_at_risk',
				'f.created_at',
				'm.user_id as csm'
			])
			.execute();
		expect(new Set(flags.map((f) => f.status))).toEqual(new Set(CHURN_STATUSES));
		const manual = flags.filter((f) => f.rule === null);
		expect(new Set(manual.map((f) => f.status))).toEqual(
			new Set(['open', 'mitigating', 'resolved', 'churned'])
		);
		expect(manual.length).toBeLessThan(ACCOUNTS * 0.15);
		for (const f of manual) {
			expect(f.condition_active).toBe(false);
			expect(f.summary).not.toBe('');
			expect(f.next_step).not.toBe('');
			expect(f.next_step_owner_id).toBe(f.csm);
			expect(Number(f.arr_at_risk)).toBeGreaterThan(0);
		}
		const ruled = flags.filter((f) => f.rule !== null);
		expect(ruled.some((f) => f.status === 'dismissed')).toBe(true);
		expect(ruled.some((f) => f.status === 'mitigating')).toBe(true);
		for (const f of flags) {
			const closed = f.status === 'resolved' || f.status === 'churned' || f.status === 'dismissed';
			expect(f.closed_at !== null, f.status).toBe(closed);
			if (statusNeedsReason(f.status)) expect(f.status_reason?.trim()).toBeTruthy();
			expect(f.created_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
			if (f.closed_at) expect(f.closed_at.getTime()).toBeGreaterThanOrEqual(f.created_at.getTime());
		}
	});

	it('logs every event between its flag’s creation and now; sales acknowledge and comment', async () => {
		const events = await t.db
			.selectFrom('churn_flag_events as e')
			.innerJoin('churn_flags as f', 'f.id', 'e.flag_id')
			.leftJoin('account_team_members as am', (join) =>
				join
					.onRef('am.account_id', '=', 'f.account_id')
					.onRef('am.user_id', '=', 'e.actor_id')
					.on('am.team_role', '=', 'AM')
			)
			.select(['e.kind', 'e.at', 'e.actor_id', 'f.created_at', 'f.status', 'am.user_id as am'])
			.execute();
		for (const e of events) {
			expect(e.at.getTime(), e.kind).toBeGreaterThanOrEqual(e.created_at.getTime());
			expect(e.at.getTime(), e.kind).toBeLessThanOrEqual(NOW.getTime());
		}
		const kinds = new Set(events.map((e) => e.kind));
		for (const kind of ['raised', 'status', 'mitigation', 'comment', 'acknowledged']) {
			expect(kinds, kind).toContain(kind);
		}
		for (const e of events.filter((x) => x.kind === 'acknowledged' || x.kind === 'comment')) {
			expect(e.am, e.kind).toBe(e.actor_id);
		}

		const { rows } = await sql<{ flags: number; acknowledged: number }>`
			select count(*)::int as flags,
				count(*) filter (where exists (select 1 from churn_flag_events e
					where e.flag_id = f.id and e.kind = 'acknowledged'))::int as acknowledged
			from churn_flags f
			where f.status = 'open' and f.severity in ('high', 'critical')`.execute(t.db);
		const { flags, acknowledged } = rows[0]!;
		// About half: some, not all.
		expect(acknowledged).toBeGreaterThan(0);
		expect(acknowledged).toBeLessThan(flags);
		firstHash = await healthHash(t.db);
	});
});

describe(`demo health seeded again on ${ENGINE}`, () => {
	const t = useTestDatabase();

	it('writes the same histories, flags and events for the same seed and day', async () => {
		await seedDemo(t.db, { accounts: ACCOUNTS, today: TODAY });
		expect(firstHash).toBeDefined();
		expect(await healthHash(t.db)).toEqual(firstHash);
	});
});
