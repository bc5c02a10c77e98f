import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/domain/dates';
import { ForbiddenError } from '../../src/lib/domain/errors';
import type { HealthBand } from '../../src/lib/domain/health';
import type { HealthReviewQuery } from '../../src/lib/domain/health-review-query';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import { refreshHealth } from '../../src/lib/server/health/health-refresh';
import { review } from '../../src/lib/server/health/health-review.service';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { reading } from '../support/plan-fixtures';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Users and accounts are on UTC (the users' default), so the viewer's today is NOW's date.
// The review covers every account in the file's database: each test makes a CSM of its own and
// filters by it. Rows are not rolled back between tests.
const NOW = new Date('2030-06-15T12:00:00Z');
const TODAY = '2030-06-15';
const WEEK_AGO = '2030-06-08';

const query = (overrides: Partial<HealthReviewQuery> = {}): HealthReviewQuery => ({
	segment: null,
	region: null,
	csm: null,
	band: null,
	sort: 'score',
	page: 1,
	...overrides
});

/**
 * An account of `csm`'s with a stored health of exactly `score`: one month's usage at score %
 * is the only component with data, so the score is the adoption (red ≤ 50 < yellow ≤ 75 <
 * green). A null score is an account without data, refreshed so it has a (scoreless) health.
 */
async function scored(
	csm: SessionUser,
	score: number | null,
	values: Parameters<typeof makeAccount>[1] = {}
) {
	const account = await makeAccount(t.db, { time_zone: 'UTC', renewal_date: null, ...values });
	await putOnTeam(t.db, account.id, csm);
	if (score === null) await refreshHealth(t.db, [account.id], NOW);
	else {
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			reading('fabric_ports', '2030-05-01', score, 100),
			NOW
		);
	}
	return account;
}

/** A past daily score, written as the daily pass would have. */
async function snapshot(accountId: number, day: string, score: number | null) {
	const band: HealthBand | null =
		score === null ? null : score <= 50 ? 'red' : score <= 75 ? 'yellow' : 'green';
	await t.db
		.insertInto('health_snapshots')
		.values({ account_id: accountId, day, score, band, coverage: score === null ? 0 : 0.3 })
		.execute();
}

async function judge(accountId: number, band: HealthBand, expiresOn: string, by: SessionUser) {
	await t.db
		.insertInto('health_overrides')
		.values({
			account_id: accountId,
			band,
			reason: 'Sponsor says otherwise',
			expires_on: expiresOn,
			set_by: by.id
		})
		.execute();
}

async function viewer(timeZone = 'UTC') {
	return { ...(await makeUser(t.db, 'manager')), timeZone };
}

/** Asserts `run` is refused with ForbiddenError, whether it throws at once or rejects. */
async function expectForbidden(run: () => Promise<unknown>) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ForbiddenError);
}

describe(`health review on ${ENGINE}`, () => {
	it('is for managers only', async () => {
		const reseller = await makeReseller(t.db);
		for (const user of [
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'sales'),
			await makeUser(t.db, 'admin'),
			await makeUser(t.db, 'partner', { resellerId: reseller.id })
		]) {
			await expectForbidden(() => review(t.db, user, query(), NOW));
		}
		const manager = await viewer();
		await expect(review(t.db, manager, query(), NOW)).resolves.toMatchObject({
			today: TODAY,
			weekAgo: WEEK_AGO
		});
	});

	it('counts accounts and ARR per band, whatever band is asked for', async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const red1 = await scored(csm, 30, { arr: 100_000 });
		const red2 = await scored(csm, 50, { arr: 50_000 });
		const yellow = await scored(csm, 60, { arr: 200_000 });
		const green = await scored(csm, 90, { arr: 300_000 });
		const none = await scored(csm, null, { arr: 10_000 });

		const result = await review(t.db, manager, query({ csm: csm.id }), NOW);
		const bands = Object.fromEntries(
			result.bands.map((b) => [b.band ?? 'none', [Number(b.accounts), b.arr]])
		);
		expect(bands).toEqual({
			red: [2, 150_000],
			yellow: [1, 200_000],
			green: [1, 300_000],
			none: [1, 10_000]
		});
		expect(result.total).toBe(5);
		expect(result.accounts.map((a) => [a.id, a.score, a.band])).toEqual([
			[red1.id, 30, 'red'],
			[red2.id, 50, 'red'],
			[yellow.id, 60, 'yellow'],
			[green.id, 90, 'green'],
			[none.id, null, null]
		]);

		const reds = await review(t.db, manager, query({ csm: csm.id, band: 'red' }), NOW);
		expect(reds.bands).toEqual(expect.arrayContaining(result.bands));
		expect(reds.bands).toHaveLength(result.bands.length);
		expect(reds.total).toBe(2);
		expect(reds.accounts.map((a) => a.id)).toEqual([red1.id, red2.id]);
		// The groupings count the band asked for: the two reds, at their mean.
		const segments = reds.bySegment.reduce((sum, g) => sum + g.accounts, 0);
		expect(segments).toBe(2);
		expect(reds.byRegion.reduce((sum, g) => sum + g.red, 0)).toBe(2);
		expect(reds.byRegion.every((g) => g.yellow === 0 && g.green === 0)).toBe(true);
		expect(reds.byCsm).toMatchObject([{ id: csm.id, accounts: 2, mean: 40, red: 2 }]);
	});

	it('filters by segment, region and CSM, and groups by each', async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const partner = await makeUser(t.db, 'csm');
		const entEmea = await scored(csm, 40, { segment: 'enterprise', region: 'emea' });
		const entApac = await scored(csm, 80, { segment: 'enterprise', region: 'apac' });
		const smbEmea = await scored(csm, 70, { segment: 'smb', region: 'emea' });
		await putOnTeam(t.db, entApac.id, partner);
		// Another CSM's account in the same segment and region stays out of csm's review.
		await scored(await makeUser(t.db, 'csm'), 10, { segment: 'enterprise', region: 'emea' });

		const all = await review(t.db, manager, query({ csm: csm.id }), NOW);
		expect(all.total).toBe(3);
		expect(all.bySegment).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ segment: 'enterprise', accounts: 2, mean: 60, red: 1, green: 1 }),
				expect.objectContaining({ segment: 'smb', accounts: 1, mean: 70, yellow: 1 })
			])
		);
		expect(all.bySegment).toHaveLength(2);
		expect(all.byRegion).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ region: 'emea', accounts: 2, mean: 55, red: 1, yellow: 1 }),
				expect.objectContaining({ region: 'apac', accounts: 1, mean: 80, green: 1 })
			])
		);
		expect(all.byRegion).toHaveLength(2);
		// An account with two CSMs counts for each.
		const byCsm = new Map(all.byCsm.map((c) => [c.id, c]));
		expect(byCsm.size).toBe(2);
		expect(byCsm.get(csm.id)).toMatchObject({
			name: csm.name,
			accounts: 3,
			red: 1,
			yellow: 1,
			green: 1
		});
		expect(byCsm.get(csm.id)!.mean).toBeCloseTo(190 / 3);
		expect(byCsm.get(partner.id)).toMatchObject({ accounts: 1, mean: 80, green: 1, red: 0 });
		expect(all.csms).toEqual(
			expect.arrayContaining([
				{ id: csm.id, name: csm.name },
				{ id: partner.id, name: partner.name }
			])
		);

		const ids = async (q: Partial<HealthReviewQuery>) =>
			(await review(t.db, manager, query({ csm: csm.id, ...q }), NOW)).accounts.map((a) => a.id);
		expect(await ids({ segment: 'enterprise' })).toEqual([entEmea.id, entApac.id]);
		expect(await ids({ region: 'emea' })).toEqual([entEmea.id, smbEmea.id]);
		expect(await ids({ segment: 'enterprise', region: 'emea' })).toEqual([entEmea.id]);
		expect(await ids({ segment: 'mid_market' })).toEqual([]);
		expect(await ids({ csm: partner.id })).toEqual([entApac.id]);
		const smb = await review(t.db, manager, query({ csm: csm.id, segment: 'smb' }), NOW);
		expect(smb.bySegment).toEqual([expect.objectContaining({ segment: 'smb', accounts: 1 })]);
		expect(smb.byRegion).toEqual([expect.objectContaining({ region: 'emea', accounts: 1 })]);
		expect(smb.byCsm.map((c) => c.id)).toEqual([csm.id]);
	});

	it("lists this week's movers against the snapshot 7 days before the viewer's today", async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const bigFall = await scored(csm, 40);
		const smallFall = await scored(csm, 45, { arr: 500_000 });
		const sameFall = await scored(csm, 55, { arr: 100_000 });
		const rise = await scored(csm, 90);
		const steady = await scored(csm, 60);
		const stale = await scored(csm, 20);
		await snapshot(bigFall.id, WEEK_AGO, 80);
		await snapshot(smallFall.id, WEEK_AGO, 50);
		await snapshot(sameFall.id, WEEK_AGO, 60);
		await snapshot(rise.id, WEEK_AGO, 30);
		await snapshot(steady.id, WEEK_AGO, 60);
		// A snapshot of another day is not last week's.
		await snapshot(stale.id, addDays(WEEK_AGO, -1), 90);

		const result = await review(t.db, manager, query({ csm: csm.id }), NOW);
		expect(result.movers.falls.map((m) => [m.id, m.was, m.score, m.change])).toEqual([
			[bigFall.id, 80, 40, -40],
			// Equal falls: the larger ARR first.
			[smallFall.id, 50, 45, -5],
			[sameFall.id, 60, 55, -5]
		]);
		expect(result.movers.rises.map((m) => [m.id, m.was, m.score, m.change])).toEqual([
			[rise.id, 30, 90, 60]
		]);
		const change = new Map(result.accounts.map((a) => [a.id, a.change]));
		expect(change.get(bigFall.id)).toBe(-40);
		expect(change.get(steady.id)).toBe(0);
		expect(change.get(stale.id)).toBeNull();

		// 12:00 UTC is already 16 June in Auckland: its week ago is 9 June.
		await snapshot(stale.id, addDays(WEEK_AGO, 1), 70);
		const auckland = await review(
			t.db,
			await viewer('Pacific/Auckland'),
			query({ csm: csm.id }),
			NOW
		);
		expect(auckland).toMatchObject({ today: '2030-06-16', weekAgo: '2030-06-09' });
		expect(auckland.movers.falls.map((m) => [m.id, m.change])).toEqual([[stale.id, -50]]);
		expect(auckland.movers.rises).toEqual([]);
	});

	it('lists at most five movers each way', async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const falls = [];
		for (let i = 0; i < 7; i++) {
			const account = await scored(csm, 30);
			await snapshot(account.id, WEEK_AGO, 40 + i);
			falls.push(account.id);
		}
		const result = await review(t.db, manager, query({ csm: csm.id }), NOW);
		expect(result.movers.falls.map((m) => m.id)).toEqual(falls.slice(2).reverse());
		expect(result.movers.rises).toEqual([]);
	});

	it('lists where live judgements disagree with the data, largest ARR first', async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const optimist = await scored(csm, 30, { arr: 100_000 });
		const agrees = await scored(csm, 90, { arr: 900_000 });
		const expired = await scored(csm, 30, { arr: 800_000 });
		const lastDay = await scored(csm, 90, { arr: 200_000 });
		const unscored = await scored(csm, null, { arr: 50_000 });
		await judge(optimist.id, 'green', '2030-07-01', csm);
		await judge(agrees.id, 'green', '2030-07-01', csm);
		await judge(expired.id, 'green', addDays(TODAY, -1), csm);
		await judge(lastDay.id, 'red', TODAY, manager);
		await judge(unscored.id, 'yellow', '2030-07-01', csm);

		const result = await review(t.db, manager, query({ csm: csm.id }), NOW);
		expect(result.disagreements.map((d) => [d.id, d.band, d.judged])).toEqual([
			[lastDay.id, 'green', 'red'],
			// Without a score there is nothing for a judgement to disagree with.
			[optimist.id, 'red', 'green']
		]);
		expect(result.disagreements[1]).toMatchObject({
			name: optimist.name,
			arr: 100_000,
			score: 30,
			reason: 'Sponsor says otherwise',
			expires_on: '2030-07-01',
			judged_by: csm.name
		});
		const row = result.accounts.find((a) => a.id === optimist.id);
		expect(row).toMatchObject({ override_band: 'green', override_expires_on: '2030-07-01' });
	});

	it("pages by 25 and sorts by score, ARR or this week's change", async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const made: { id: number; score: number | null; arr: number; change: number | null }[] = [];
		for (let i = 0; i < 30; i++) {
			// Scores and ARR in different orders; every third account has last week's snapshot.
			const score = i === 29 ? null : (i * 37) % 100;
			const arr = 10_000 + ((i * 11) % 30) * 1_000;
			const account = await scored(csm, score, { arr });
			let change: number | null = null;
			if (score !== null && i % 3 === 0) {
				const was = (i * 53) % 100;
				await snapshot(account.id, WEEK_AGO, was);
				change = score - was;
			}
			made.push({ id: account.id, score, arr, change });
		}
		const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
		const nullsLast = (x: number | null, y: number | null) =>
			x === null ? (y === null ? 0 : 1) : y === null ? -1 : x - y;
		const expected = {
			score: [...made].sort((a, b) => nullsLast(a.score, b.score) || byId(a, b)),
			arr: [...made].sort((a, b) => b.arr - a.arr || byId(a, b)),
			change: [...made].sort((a, b) => nullsLast(a.change, b.change) || byId(a, b))
		};

		for (const sort of ['score', 'arr', 'change'] as const) {
			const first = await review(t.db, manager, query({ csm: csm.id, sort }), NOW);
			const second = await review(t.db, manager, query({ csm: csm.id, sort, page: 2 }), NOW);
			expect(first.total).toBe(30);
			expect(first.accounts.map((a) => a.id)).toEqual(expected[sort].slice(0, 25).map((a) => a.id));
			expect(second.accounts.map((a) => a.id)).toEqual(expected[sort].slice(25).map((a) => a.id));
		}
		const last = await review(t.db, manager, query({ csm: csm.id, page: 3 }), NOW);
		expect(last.accounts).toEqual([]);
		expect(last.total).toBe(30);
	});

	it('draws each sparkline from 12 weekly snapshots and ends on the current score', async () => {
		const manager = await viewer();
		const csm = await makeUser(t.db, 'csm');
		const account = await scored(csm, 65);
		const weeks = Array.from({ length: 12 }, (_, i) => addDays(TODAY, -7 * (12 - i)));
		expect(weeks[0]).toBe(addDays(TODAY, -84));
		expect(weeks[11]).toBe(WEEK_AGO);
		for (const [i, day] of weeks.entries()) {
			// Week 3 is missing; other days between the weekly points are not drawn.
			if (i !== 3) await snapshot(account.id, day, 20 + i * 5);
			await snapshot(account.id, addDays(day, 1), 5);
		}
		const result = await review(t.db, manager, query({ csm: csm.id }), NOW);
		const [row] = result.accounts;
		expect(row!.sparkline).toEqual([20, 25, 30, null, 40, 45, 50, 55, 60, 65, 70, 75, 65]);
		expect(row!.csm_name).toBe(csm.name);
	});

	it('costs the same number of queries for 1 account as for 30', async () => {
		const manager = await viewer();
		const few = await makeUser(t.db, 'csm');
		const many = await makeUser(t.db, 'csm');
		const one = await scored(few, 50);
		await snapshot(one.id, WEEK_AGO, 60);
		await judge(one.id, 'green', '2030-07-01', few);
		for (let i = 0; i < 30; i++) {
			const account = await scored(many, i * 3);
			await snapshot(account.id, WEEK_AGO, 50);
			await snapshot(account.id, addDays(TODAY, -14), 50);
			if (i % 2) await judge(account.id, 'green', '2030-07-01', many);
		}
		const counter = new QueryCounter();
		const db: Db = t.db.withPlugin(counter);
		await review(db, manager, query({ csm: few.id }), NOW);
		const forOne = counter.count;
		counter.count = 0;
		const large = await review(db, manager, query({ csm: many.id }), NOW);
		expect(large.accounts).toHaveLength(25);
		expect(counter.count).toBe(forOne);
		expect(forOne).toBeLessThanOrEqual(10);
	});
});
