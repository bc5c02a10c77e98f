import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ChurnSeverity, ChurnStatus } from '../../src/lib/domain/churn';
import { addDays } from '../../src/lib/domain/dates';
import { ForbiddenError } from '../../src/lib/domain/errors';
import type { RiskListQuery } from '../../src/lib/domain/risk-list-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as churn from '../../src/lib/server/churn/churn.service';
import { riskList } from '../../src/lib/server/churn/risk-list.service';
import type { Db } from '../../src/lib/server/db/database';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Users are on UTC (the column's default), so the viewer's today is NOW's date. Every test makes
// its own accounts and users: rows are not rolled back between tests.
const NOW = new Date('2030-06-15T12:00:00Z');
const TODAY = '2030-06-15';

const query = (overrides: Partial<RiskListQuery> = {}): RiskListQuery => ({
	state: 'active',
	severity: null,
	renewal: null,
	csm: null,
	sort: 'arr',
	page: 1,
	...overrides
});

/** An account renewing `days` after TODAY (none with null), with a CSM and optionally a sales user. */
async function account(days: number | null, team: { csm: SessionUser; sales?: SessionUser }) {
	const made = await makeAccount(t.db, {
		time_zone: 'UTC',
		renewal_date: days === null ? null : addDays(TODAY, days)
	});
	await putOnTeam(t.db, made.id, team.csm);
	if (team.sales) await putOnTeam(t.db, made.id, team.sales, 'AM');
	return made;
}

interface FlagValues {
	severity?: ChurnSeverity;
	status?: ChurnStatus;
	arr?: number;
	createdAt?: Date;
}

/** A manual flag written directly, so a test can say when it was raised. */
async function flag(accountId: number, values: FlagValues = {}) {
	const status = values.status ?? 'open';
	const row = await t.db
		.insertInto('churn_flags')
		.values({
			account_id: accountId,
			rule: null,
			rule_detail: null,
			severity: values.severity ?? 'high',
			reason: 'competitor',
			arr_at_risk: values.arr ?? 10_000,
			summary: 'At risk',
			status,
			status_reason: status === 'churned' ? 'Lost' : null,
			closed_at: status === 'open' || status === 'mitigating' ? null : NOW,
			created_at: values.createdAt ?? new Date()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Asserts `run` is refused with ForbiddenError, whether it throws at once or rejects. */
async function expectForbidden(run: () => unknown) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ForbiddenError);
}

/**
 * A sales user on three accounts (renewing in 30, 100 and 200 days) and off a fourth, each
 * with a CSM of its own; five active flags on the three, one on the fourth.
 */
async function portfolio() {
	const sales = await makeUser(t.db, 'sales');
	const csm = await makeUser(t.db, 'csm');
	const otherCsm = await makeUser(t.db, 'csm');
	const soon = await account(30, { csm, sales });
	const mid = await account(100, { csm, sales });
	const late = await account(200, { csm: otherCsm, sales });
	const elsewhere = await account(30, { csm: otherCsm });
	const flags = {
		soonSmall: await flag(soon.id, { arr: 5_000, severity: 'medium' }),
		soonBig: await flag(soon.id, { arr: 90_000, severity: 'critical' }),
		mid: await flag(mid.id, { arr: 40_000 }),
		late: await flag(late.id, { arr: 60_000, severity: 'critical' }),
		lateLow: await flag(late.id, { arr: 1_000, severity: 'low' }),
		elsewhere: await flag(elsewhere.id, { arr: 70_000 })
	};
	return { sales, csm, otherCsm, soon, mid, late, elsewhere, flags };
}

const ids = (result: Awaited<ReturnType<typeof riskList>>) => result.flags.map((f) => f.id);

describe(`churn risk list on ${ENGINE}`, () => {
	describe('riskList', () => {
		it("shows sales the flags on their teams' accounts, whatever CSM they ask for", async () => {
			const p = await portfolio();
			const result = await riskList(t.db, p.sales, query(), NOW);
			expect(ids(result)).toEqual([
				p.flags.soonBig,
				p.flags.late,
				p.flags.mid,
				p.flags.soonSmall,
				p.flags.lateLow
			]);
			expect(result.totals).toEqual({ flags: 5, accounts: 3, arr: 196_000 });
			expect(result.today).toBe(TODAY);
			expect(result.csms).toEqual([]);
			expect(result.flags[0]).toMatchObject({
				account_id: p.soon.id,
				account_name: p.soon.name,
				renewal_date: addDays(TODAY, 30),
				severity: 'critical',
				arr_at_risk: 90_000,
				acknowledged_by_me: false
			});

			// The CSM filter is a manager's: for sales it is ignored.
			const filtered = await riskList(t.db, p.sales, query({ csm: p.otherCsm.id }), NOW);
			expect(ids(filtered)).toEqual(ids(result));
			expect(filtered.totals).toEqual(result.totals);

			// A sales user on no team sees nothing.
			const lonely = await riskList(t.db, await makeUser(t.db, 'sales'), query(), NOW);
			expect(lonely.flags).toEqual([]);
			expect(lonely.totals).toEqual({ flags: 0, accounts: 0, arr: 0 });
		});

		it("shows a manager every flag, and one CSM's accounts when asked", async () => {
			const p = await portfolio();
			const manager = await makeUser(t.db, 'manager');
			const all = await riskList(t.db, manager, query(), NOW);
			const active = await t.db
				.selectFrom('churn_flags')
				.select([
					sql<number>`count(*)::int`.as('flags'),
					sql<number>`count(distinct account_id)::int`.as('accounts'),
					sql<number>`sum(arr_at_risk)::float8`.as('arr')
				])
				.where('status', 'in', ['open', 'mitigating'])
				.executeTakeFirstOrThrow();
			expect(all.totals).toEqual(active);
			expect(all.csms).toEqual(
				expect.arrayContaining([
					{ id: p.csm.id, name: p.csm.name },
					{ id: p.otherCsm.id, name: p.otherCsm.name }
				])
			);

			const mine = await riskList(t.db, manager, query({ csm: p.csm.id }), NOW);
			expect(ids(mine)).toEqual([p.flags.soonBig, p.flags.mid, p.flags.soonSmall]);
			expect(mine.totals).toEqual({ flags: 3, accounts: 2, arr: 135_000 });
			const theirs = await riskList(t.db, manager, query({ csm: p.otherCsm.id }), NOW);
			expect(ids(theirs)).toEqual([p.flags.elsewhere, p.flags.late, p.flags.lateLow]);
			expect(theirs.totals).toEqual({ flags: 3, accounts: 2, arr: 131_000 });
		});

		it('sorts by renewal, soonest first and the most ARR first within a day', async () => {
			const p = await portfolio();
			const never = await account(null, { csm: p.csm, sales: p.sales });
			const noRenewal = await flag(never.id, { arr: 500_000 });
			const result = await riskList(t.db, p.sales, query({ sort: 'renewal' }), NOW);
			expect(ids(result)).toEqual([
				p.flags.soonBig,
				p.flags.soonSmall,
				p.flags.mid,
				p.flags.late,
				p.flags.lateLow,
				noRenewal
			]);
			// By ARR, the account without a renewal leads.
			expect(ids(await riskList(t.db, p.sales, query(), NOW))[0]).toBe(noRenewal);
		});

		it('lists active or closed flags, and one severity', async () => {
			const p = await portfolio();
			const resolved = await flag(p.mid.id, { status: 'resolved', arr: 3_000 });
			const churned = await flag(p.soon.id, { status: 'churned', arr: 8_000 });
			const mitigating = await flag(p.soon.id, { status: 'mitigating', arr: 2_000 });

			const active = await riskList(t.db, p.sales, query(), NOW);
			expect(ids(active)).toContain(mitigating);
			expect(ids(active)).not.toContain(resolved);
			expect(active.totals.flags).toBe(6);

			const closed = await riskList(t.db, p.sales, query({ state: 'closed' }), NOW);
			expect(ids(closed)).toEqual([churned, resolved]);
			expect(closed.totals).toEqual({ flags: 2, accounts: 2, arr: 11_000 });

			const critical = await riskList(t.db, p.sales, query({ severity: 'critical' }), NOW);
			expect(ids(critical)).toEqual([p.flags.soonBig, p.flags.late]);
			expect(critical.totals).toEqual({ flags: 2, accounts: 2, arr: 150_000 });
			const low = await riskList(t.db, p.sales, query({ severity: 'low', state: 'closed' }), NOW);
			expect(low.flags).toEqual([]);
		});

		it('marks renewal checkpoints and filters by them', async () => {
			const p = await portfolio();
			const past = await account(-5, { csm: p.csm, sales: p.sales });
			const never = await account(null, { csm: p.csm, sales: p.sales });
			const edge = await account(90, { csm: p.csm, sales: p.sales });
			const pastFlag = await flag(past.id, { arr: 100 });
			const neverFlag = await flag(never.id, { arr: 200 });
			const edgeFlag = await flag(edge.id, { arr: 300 });

			const result = await riskList(t.db, p.sales, query(), NOW);
			const byId = new Map(result.flags.map((f) => [f.id, f]));
			const marks = (id: number) => {
				const f = byId.get(id)!;
				return [f.daysToRenewal, f.checkpoint];
			};
			expect(marks(p.flags.soonBig)).toEqual([30, 90]);
			expect(marks(edgeFlag)).toEqual([90, 90]);
			expect(marks(p.flags.mid)).toEqual([100, 180]);
			expect(marks(p.flags.late)).toEqual([200, null]);
			expect(marks(pastFlag)).toEqual([-5, null]);
			expect(marks(neverFlag)).toEqual([null, null]);

			const within180 = await riskList(t.db, p.sales, query({ renewal: 180 }), NOW);
			expect(ids(within180)).toEqual([p.flags.soonBig, p.flags.mid, p.flags.soonSmall, edgeFlag]);
			expect(within180.totals).toEqual({ flags: 4, accounts: 3, arr: 135_300 });
			const within90 = await riskList(t.db, p.sales, query({ renewal: 90 }), NOW);
			expect(ids(within90)).toEqual([p.flags.soonBig, p.flags.soonSmall, edgeFlag]);
			expect(within90.flags.every((f) => f.checkpoint === 90)).toBe(true);
		});

		it("says which flags the viewer has acknowledged, and only the viewer's", async () => {
			const p = await portfolio();
			const colleague = await makeUser(t.db, 'sales');
			await putOnTeam(t.db, p.soon.id, colleague, 'AM');
			await churn.acknowledge(t.db, p.sales, p.soon.id, p.flags.soonBig);

			const mine = await riskList(t.db, p.sales, query(), NOW);
			const acked = mine.flags.filter((f) => f.acknowledged_by_me).map((f) => f.id);
			expect(acked).toEqual([p.flags.soonBig]);
			const theirs = await riskList(t.db, colleague, query(), NOW);
			expect(theirs.flags.filter((f) => f.acknowledged_by_me)).toEqual([]);
		});

		it('names the next-step owner and the account health', async () => {
			const p = await portfolio();
			const manager = await makeUser(t.db, 'manager');
			const id = await churn.raiseFlag(t.db, manager, p.soon.id, {
				severity: 'low',
				reason: 'budget_cut',
				arr_at_risk: 1_000_000,
				summary: 'Budget review',
				next_step: 'Call the CFO',
				next_step_owner_id: p.csm.id,
				next_step_due: '2030-07-01'
			});
			const [first] = (await riskList(t.db, p.sales, query(), NOW)).flags;
			expect(first).toMatchObject({
				id,
				rule: null,
				owner_name: p.csm.name,
				next_step: 'Call the CFO',
				next_step_due: '2030-07-01',
				summary: 'Budget review',
				score: null,
				band: null
			});
		});

		it('refuses CSMs, partners and admins', async () => {
			const reseller = await makeReseller(t.db);
			for (const user of [
				await makeUser(t.db, 'csm'),
				await makeUser(t.db, 'partner', { resellerId: reseller.id }),
				await makeUser(t.db, 'admin')
			]) {
				await expectForbidden(() => riskList(t.db, user, query(), NOW));
			}
		});

		it('costs the same number of queries for 1 flag as for 30', async () => {
			const csm = await makeUser(t.db, 'csm');
			const one = await makeUser(t.db, 'sales');
			const many = await makeUser(t.db, 'sales');
			const single = await account(30, { csm, sales: one });
			await flag(single.id);
			for (let i = 0; i < 10; i++) {
				const a = await account(10 * i, { csm, sales: many });
				for (let j = 0; j < 3; j++) await flag(a.id, { arr: 1_000 * (i + j) });
			}
			const manager = await makeUser(t.db, 'manager');

			const counter = new QueryCounter();
			const db: Db = t.db.withPlugin(counter);
			const small = await riskList(db, one, query(), NOW);
			const forOne = counter.count;
			counter.count = 0;
			const large = await riskList(db, many, query(), NOW);
			expect(small.flags).toHaveLength(1);
			expect(large.flags).toHaveLength(25);
			expect(large.totals.flags).toBe(30);
			expect(counter.count).toBe(forOne);
			expect(forOne).toBeLessThanOrEqual(3);

			counter.count = 0;
			await riskList(db, manager, query({ csm: csm.id }), NOW);
			const managerCount = counter.count;
			counter.count = 0;
			await riskList(db, manager, query(), NOW);
			expect(counter.count).toBe(managerCount);
			expect(managerCount).toBeLessThanOrEqual(3);
		});

		it('pages by 25', async () => {
			const csm = await makeUser(t.db, 'csm');
			const sales = await makeUser(t.db, 'sales');
			const a = await account(30, { csm, sales });
			const made: number[] = [];
			for (let i = 0; i < 27; i++) made.push(await flag(a.id, { arr: 100_000 - i }));
			const first = await riskList(t.db, sales, query(), NOW);
			const second = await riskList(t.db, sales, query({ page: 2 }), NOW);
			expect(ids(first)).toEqual(made.slice(0, 25));
			expect(ids(second)).toEqual(made.slice(25));
			expect(second.totals.flags).toBe(27);
		});
	});
});
