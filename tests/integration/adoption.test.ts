import { describe, expect, it } from 'vitest';
import {
	accountAdoption,
	addMonths,
	flagsFor,
	monthsEnding,
	type MetricKey
} from '../../src/lib/domain/adoption';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import type { PortfolioAdoptionQuery } from '../../src/lib/domain/portfolio-adoption-query';
import type { Region, Segment } from '../../src/lib/domain/vocabulary';
import { rebuildMonthTotals } from '../../src/lib/server/adoption/adoption.repository';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { auditRows, reading, refuseRows } from '../support/plan-fixtures';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every month is relative to this moment, so the suite reads the same on any day it runs.
const NOW = new Date('2030-06-15T12:00:00Z');
const THIS_MONTH = '2030-06-01';
/** The month `n` months before NOW's. */
const ago = (n: number) => addMonths(THIS_MONTH, -n);

async function setup(
	values: { segment?: Segment; region?: Region; resellerId?: number; csm?: SessionUser } = {}
) {
	const csm = values.csm ?? (await makeUser(t.db, 'csm'));
	const account = await makeAccount(t.db, {
		segment: values.segment ?? 'mid_market',
		region: values.region ?? 'emea',
		reseller_id: values.resellerId ?? null,
		time_zone: 'UTC'
	});
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

type Reading = ReturnType<typeof reading>;

async function record(user: SessionUser, accountId: number, ...readings: Reading[]) {
	for (const r of readings) await adoption.recordUsage(t.db, user, accountId, r, NOW);
}

async function storedReading(accountId: number, metric: MetricKey, month: string) {
	return t.db
		.selectFrom('usage_records')
		.select(['used', 'entitled', 'version'])
		.where('account_id', '=', accountId)
		.where('metric', '=', metric)
		.where('month', '=', month)
		.executeTakeFirst();
}

async function adoptionRow(accountId: number, month: string) {
	return t.db
		.selectFrom('account_adoption')
		.select(['adoption', 'metrics', 'under_used', 'over_cap'])
		.where('account_id', '=', accountId)
		.where('month', '=', month)
		.executeTakeFirst();
}

/** What domain/adoption says the summary row for these readings must hold. */
function expectedSummary(readings: readonly Reading[]) {
	return {
		adoption: accountAdoption(readings),
		metrics: readings.length,
		under_used: readings.filter((r) => flagsFor(r.metric, r).underUsed).length,
		over_cap: readings.filter((r) => flagsFor(r.metric, r).overCap).length
	};
}

function query(values: Partial<PortfolioAdoptionQuery> = {}): PortfolioAdoptionQuery {
	return { segment: null, region: null, csm: null, month: null, page: 1, ...values };
}

describe(`adoption on ${ENGINE}`, () => {
	it('records a month, then corrects it only from the version that was read', async () => {
		const { csm, account } = await setup();
		await record(csm, account.id, reading('fabric_ports', ago(1), 4, 10));
		expect(await storedReading(account.id, 'fabric_ports', ago(1))).toEqual({
			used: 4,
			entitled: 10,
			version: 1
		});

		// Recording the same month again would overwrite it unseen.
		await expectConflict(
			() =>
				adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', ago(1), 9, 10), NOW),
			'month'
		);
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			{ ...reading('fabric_ports', ago(1), 6, 12), version: 1 },
			NOW
		);
		expect(await storedReading(account.id, 'fabric_ports', ago(1))).toEqual({
			used: 6,
			entitled: 12,
			version: 2
		});
		await expect(
			adoption.recordUsage(
				t.db,
				csm,
				account.id,
				{ ...reading('fabric_ports', ago(1), 1, 1), version: 1 },
				NOW
			)
		).rejects.toBeInstanceOf(StaleVersionError);
		expect(await storedReading(account.id, 'fabric_ports', ago(1))).toEqual({
			used: 6,
			entitled: 12,
			version: 2
		});
		expect(await adoptionRow(account.id, ago(1))).toEqual({
			adoption: 0.5,
			metrics: 1,
			under_used: 0,
			over_cap: 0
		});

		const audit = await auditRows(t.db, account.id);
		expect(audit.map((a) => [a.actor_id, a.entity, a.action])).toEqual([
			[csm.id, 'usage_record', 'create'],
			[csm.id, 'usage_record', 'update']
		]);
		expect(audit[0]?.after).toMatchObject({ metric: 'fabric_ports', used: 4, entitled: 10 });
		expect(audit[1]?.before).toMatchObject({ used: 4, entitled: 10, version: 1 });
		expect(audit[1]?.after).toMatchObject({ used: 6, entitled: 12, version: 2 });
	});

	it("refuses a month after the account's current month, in the account's time zone", async () => {
		const { csm, account } = await setup();
		await expectConflict(
			() =>
				adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', ago(-1), 1, 2), NOW),
			'month'
		);
		expect(await storedReading(account.id, 'fabric_ports', ago(-1))).toBeUndefined();
		await record(csm, account.id, reading('fabric_ports', THIS_MONTH, 1, 2));

		// 31 May 23:00 UTC is already June in Tokyo, not yet in UTC.
		const lateMay = new Date('2030-05-31T23:00:00Z');
		const tokyo = await makeAccount(t.db, { time_zone: 'Asia/Tokyo' });
		await putOnTeam(t.db, tokyo.id, csm);
		await adoption.recordUsage(
			t.db,
			csm,
			tokyo.id,
			reading('fabric_ports', THIS_MONTH, 1, 2),
			lateMay
		);
		expect(await storedReading(tokyo.id, 'fabric_ports', THIS_MONTH)).toMatchObject({ used: 1 });
		await expectConflict(
			() =>
				adoption.recordUsage(
					t.db,
					csm,
					account.id,
					reading('smartview_users', THIS_MONTH, 1, 2),
					lateMay
				),
			'month'
		);
		expect(await storedReading(account.id, 'smartview_users', THIS_MONTH)).toBeUndefined();
	});

	it('keeps the account adoption summary equal to the domain figures as readings arrive', async () => {
		const { csm, account } = await setup();
		const month = ago(1);
		const readings = [
			reading('colocation_cabinets', month, 8, 10),
			reading('colocation_power_kva', month, 95, 100), // a cap, above 90 %
			reading('fabric_ports', month, 2, 10), // under half the entitlement
			reading('cross_connects', month, 30, 20), // over-use counts as 100 %
			reading('smartview_users', month, 5, 0), // nothing entitled: no ratio
			reading('smart_hands_requests', month, 9, 10) // a cap at exactly 90 %: not over
		];
		for (let i = 0; i < readings.length; i++) {
			await record(csm, account.id, readings[i]!);
			const row = await adoptionRow(account.id, month);
			const expected = expectedSummary(readings.slice(0, i + 1));
			expect(row).toEqual({ ...expected, adoption: expect.any(Number) });
			expect(row?.adoption).toBeCloseTo(expected.adoption!, 10);
		}
		expect(expectedSummary(readings)).toMatchObject({ metrics: 6, under_used: 1, over_cap: 1 });

		// Another month has its own row and leaves this one alone.
		await record(csm, account.id, reading('fabric_ports', ago(2), 10, 10));
		expect(await adoptionRow(account.id, ago(2))).toEqual({
			adoption: 1,
			metrics: 1,
			under_used: 0,
			over_cap: 0
		});
		expect((await adoptionRow(account.id, month))?.metrics).toBe(6);

		// A correction refreshes the summary too.
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			{ ...reading('fabric_ports', month, 10, 10), version: 1 },
			NOW
		);
		const corrected = readings.map((r) => (r.metric === 'fabric_ports' ? { ...r, used: 10 } : r));
		const row = await adoptionRow(account.id, month);
		expect(row).toMatchObject({ metrics: 6, under_used: 0, over_cap: 1 });
		expect(row?.adoption).toBeCloseTo(accountAdoption(corrected)!, 10);

		// Nothing entitled at all: no adoption figure.
		const { account: unentitled } = await setup({ csm });
		await record(csm, unentitled.id, reading('fabric_ports', month, 3, 0));
		expect(await adoptionRow(unentitled.id, month)).toEqual({
			adoption: null,
			metrics: 1,
			under_used: 0,
			over_cap: 0
		});
	});

	it('writes the reading, its audit row and the summary in one transaction', async () => {
		const { csm, account } = await setup();
		await refuseRows(t.db, { table: 'account_adoption', column: 'account_id' }, account.id);
		await expect(
			adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', ago(1), 4, 10), NOW)
		).rejects.toThrow(/refused by test/);
		expect(await storedReading(account.id, 'fabric_ports', ago(1))).toBeUndefined();
		expect(await auditRows(t.db, account.id)).toEqual([]);

		const other = await setup();
		await record(other.csm, other.account.id, reading('fabric_ports', ago(1), 4, 10));
		const manager = await makeUser(t.db, 'manager');
		await refuseRows(t.db, { table: 'audit_log', column: 'actor_id' }, manager.id);
		await expect(
			adoption.recordUsage(
				t.db,
				manager,
				other.account.id,
				{ ...reading('fabric_ports', ago(1), 9, 10), version: 1 },
				NOW
			)
		).rejects.toThrow(/refused by test/);
		expect(await storedReading(other.account.id, 'fabric_ports', ago(1))).toEqual({
			used: 4,
			entitled: 10,
			version: 1
		});
		expect((await adoptionRow(other.account.id, ago(1)))?.adoption).toBe(0.4);
	});

	it('lets only the CSMs on the team and managers record usage', async () => {
		const reseller = await makeReseller(t.db);
		const { account } = await setup({ resellerId: reseller.id });
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');
		const write = (user: SessionUser) =>
			adoption.recordUsage(t.db, user, account.id, reading('fabric_ports', ago(1), 1, 2), NOW);

		for (const user of [
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'sales'),
			await makeUser(t.db, 'admin'),
			partner
		]) {
			await expect(write(user), user.role).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(write(await makeUser(t.db, 'partner'))).rejects.toBeInstanceOf(NotFoundError);
		expect(await storedReading(account.id, 'fabric_ports', ago(1))).toBeUndefined();
		await write(await makeUser(t.db, 'manager'));
		expect(await storedReading(account.id, 'fabric_ports', ago(1))).toMatchObject({ used: 1 });
	});

	it("shows the 12 months ending with the account's newest data, with gaps, flags and trend", async () => {
		const { csm, account } = await setup();
		await record(
			csm,
			account.id,
			reading('fabric_ports', ago(14), 9, 10), // before the window
			reading('fabric_ports', ago(5), 2, 10),
			reading('fabric_ports', ago(2), 3, 10), // newest month of data
			reading('colocation_power_kva', ago(3), 95, 100),
			...[10, 10, 10, 20, 20, 20].map((used, i) => reading('cross_connects', ago(7 - i), used, 40))
		);

		const view = await adoption.getForAccount(t.db, csm, account.id, null, NOW);
		expect(view.thisMonth).toBe(THIS_MONTH);
		expect(view.months).toEqual(monthsEnding(ago(2), 12));
		expect(view.months[0]).toBe(ago(13));
		expect(view.products.map((p) => [p.product, p.metrics.map((m) => m.metric)])).toEqual([
			['colocation', ['colocation_power_kva']],
			['interconnection', ['cross_connects']],
			['fabric', ['fabric_ports']]
		]);
		const metrics = new Map(view.products.flatMap((p) => p.metrics).map((m) => [m.metric, m]));

		const fabric = metrics.get('fabric_ports')!;
		expect(fabric.series).toHaveLength(12);
		expect(fabric.series.map((s) => s.used)).toEqual([
			...Array<null>(8).fill(null),
			2,
			null,
			null,
			3
		]);
		expect(fabric.series[8]).toMatchObject({ month: ago(5), entitled: 10, utilisation: 0.2 });
		expect(fabric.series[9]).toEqual({
			month: ago(4),
			used: null,
			entitled: null,
			utilisation: null,
			id: null,
			version: null
		});
		expect(fabric.latest).toEqual({ month: ago(2), used: 3, entitled: 10 });
		expect(fabric.utilisation).toBe(0.3);
		expect(fabric.flags).toEqual({ underUsed: true, overCap: false });
		expect(fabric.trend).toBeNull(); // two readings are not a trend

		const power = metrics.get('colocation_power_kva')!;
		expect(power.latest).toEqual({ month: ago(3), used: 95, entitled: 100 });
		expect(power.flags).toEqual({ underUsed: false, overCap: true });
		expect(power.unit).toBe('kva');

		expect(metrics.get('cross_connects')!.trend).toBe('up');
		expect([view.underUsed, view.overCap]).toEqual([1, 1]);

		// The series carries what a correction needs: the reading's id and version.
		const [stored] = await t.db
			.selectFrom('usage_records')
			.select(['id', 'version'])
			.where('account_id', '=', account.id)
			.where('metric', '=', 'fabric_ports')
			.where('month', '=', ago(2))
			.execute();
		expect(fabric.series[11]).toMatchObject({ id: stored!.id, version: stored!.version });
	});

	it('opens the reading asked for by the URL for correction, with the version it was read at', async () => {
		const { csm, account } = await setup();
		await record(csm, account.id, reading('fabric_ports', ago(2), 4, 10));
		const correction = { ...reading('fabric_ports', ago(2), 6, 10), version: 1 };
		await adoption.recordUsage(t.db, csm, account.id, correction, NOW);
		const focus = { metric: 'fabric_ports' as const, month: ago(2) };
		const view = await adoption.getForAccount(t.db, csm, account.id, focus, NOW);
		expect(view.editing).toEqual({ ...focus, used: 6, entitled: 10, version: 2 });
		const missing = { metric: 'fabric_ports' as const, month: ago(3) };
		expect((await adoption.getForAccount(t.db, csm, account.id, missing, NOW)).editing).toBeNull();
	});

	it('shows an account without usage on the 12 months ending this month', async () => {
		const { csm, account } = await setup();
		const view = await adoption.getForAccount(t.db, csm, account.id, null, NOW);
		expect(view.months).toEqual(monthsEnding(THIS_MONTH, 12));
		expect(view.products).toEqual([]);
		expect([view.underUsed, view.overCap]).toEqual([0, 0]);
	});

	it('offers recording to the CSMs on the team and managers only, and hides other resellers’ accounts', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, account } = await setup({ resellerId: reseller.id });
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');
		const readers: [SessionUser, boolean][] = [
			[csm, true],
			[await makeUser(t.db, 'manager'), true],
			[await makeUser(t.db, 'csm'), false],
			[await makeUser(t.db, 'sales'), false],
			[await makeUser(t.db, 'admin'), false],
			[partner, false]
		];
		for (const [user, record] of readers) {
			const view = await adoption.getForAccount(t.db, user, account.id, null, NOW);
			expect(view.can, user.role).toEqual({ record });
		}
		const stranger = await makeUser(t.db, 'partner');
		await expect(
			adoption.getForAccount(t.db, stranger, account.id, null, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
		const direct = await setup();
		await expect(
			adoption.getForAccount(t.db, partner, direct.account.id, null, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
	});

	it('shows the portfolio view to managers only', async () => {
		const { csm, account } = await setup();
		await record(csm, account.id, reading('fabric_ports', ago(1), 1, 2));
		for (const role of ['csm', 'sales', 'partner', 'admin'] as const) {
			const user = await makeUser(t.db, role);
			await expect(adoption.portfolio(t.db, user, query()), role).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
		const manager = await makeUser(t.db, 'manager');
		const view = await adoption.portfolio(t.db, manager, query({ csm: csm.id, month: ago(1) }));
		expect(view.accounts.map((a) => a.id)).toEqual([account.id]);
		expect(view.csms.map((c) => c.id)).toContain(csm.id);
	});

	it('filters the portfolio by segment, region and CSM', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csmX = await makeUser(t.db, 'csm');
		const csmY = await makeUser(t.db, 'csm');
		const month = ago(1);
		const make = async (csm: SessionUser, segment: Segment, region: Region, used: number) => {
			const { account } = await setup({ csm, segment, region });
			await record(csm, account.id, reading('fabric_ports', month, used, 10));
			return account.id;
		};
		const a = await make(csmX, 'enterprise', 'emea', 1);
		const b = await make(csmX, 'smb', 'apac', 2);
		const c = await make(csmX, 'enterprise', 'apac', 3);
		const d = await make(csmY, 'enterprise', 'emea', 4);
		// On D's team, but not as its CSM.
		await putOnTeam(t.db, d, csmX, 'TAM');

		const ids = async (q: Partial<PortfolioAdoptionQuery>) => {
			const view = await adoption.portfolio(t.db, manager, query({ month, ...q }));
			expect(view.total).toBe(view.accounts.length);
			return view.accounts.map((x) => x.id);
		};
		expect(await ids({ csm: csmX.id })).toEqual([a, b, c]);
		expect(await ids({ csm: csmY.id })).toEqual([d]);
		expect(await ids({ csm: csmX.id, segment: 'enterprise' })).toEqual([a, c]);
		expect(await ids({ csm: csmX.id, region: 'apac' })).toEqual([b, c]);
		expect(await ids({ csm: csmX.id, segment: 'enterprise', region: 'apac' })).toEqual([c]);
		expect(await ids({ csm: csmX.id, segment: 'smb', region: 'emea' })).toEqual([]);

		// Without a CSM: every enterprise account in EMEA, and nothing else.
		const view = await adoption.portfolio(
			t.db,
			manager,
			query({ month, segment: 'enterprise', region: 'emea' })
		);
		expect(view.accounts.map((x) => x.id)).toEqual(expect.arrayContaining([a, d]));
		expect(view.accounts.map((x) => x.id)).not.toContain(b);
		expect(view.accounts.map((x) => x.id)).not.toContain(c);
		for (const row of view.accounts)
			expect([row.segment, row.region]).toEqual(['enterprise', 'emea']);
	});

	it('lists accounts least adopted first, with the total and 25 to a page', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const month = ago(2);
		// Adoption 30/40, 29/40 … 1/40, written most adopted first so id order is not the answer.
		const byAdoption: number[] = [];
		for (let used = 30; used >= 1; used--) {
			const { account } = await setup({ csm });
			await record(csm, account.id, reading('fabric_ports', month, used, 40));
			byAdoption.unshift(account.id);
		}
		// No entitlement, so no adoption figure: not ranked, not counted.
		const { account: unranked } = await setup({ csm });
		await record(csm, unranked.id, reading('fabric_ports', month, 5, 0));

		const page = (n: number) =>
			adoption.portfolio(t.db, manager, query({ csm: csm.id, month, page: n }));
		const first = await page(1);
		expect(first.total).toBe(30);
		expect(first.accounts.map((a) => a.id)).toEqual(byAdoption.slice(0, 25));
		expect(first.accounts[0]).toMatchObject({
			adoption: 1 / 40,
			metrics: 1,
			under_used: 1,
			over_cap: 0,
			csm_name: csm.name
		});
		const adoptions = first.accounts.map((a) => a.adoption!);
		expect(adoptions).toEqual([...adoptions].sort((x, y) => x - y));

		const second = await page(2);
		expect(second.total).toBe(30);
		expect(second.accounts.map((a) => a.id)).toEqual(byAdoption.slice(25));
		expect((await page(3)).accounts).toEqual([]);
	});

	it('sums used and entitled by metric over the filtered accounts in the chosen month', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const month = ago(3);
		const { account: one } = await setup({ csm });
		const { account: two } = await setup({ csm });
		const { account: unentitled } = await setup({ csm });
		const { csm: otherCsm, account: other } = await setup();
		await record(
			csm,
			one.id,
			reading('fabric_ports', month, 4, 10),
			reading('smart_hands_requests', month, 19, 20),
			reading('fabric_ports', ago(4), 10, 10) // another month
		);
		await record(
			csm,
			two.id,
			reading('fabric_ports', month, 6, 10),
			reading('colocation_cabinets', month, 1, 4)
		);
		// Used without an entitlement: in the sums, not in the mean utilisation.
		await record(csm, unentitled.id, reading('fabric_ports', month, 5, 0));
		await record(otherCsm, other.id, reading('fabric_ports', month, 100, 100)); // filtered out

		const view = await adoption.portfolio(t.db, manager, query({ csm: csm.id, month }));
		expect(view.month).toBe(month);
		expect(view.metrics.map((m) => m.metric)).toEqual([
			'colocation_cabinets',
			'fabric_ports',
			'smart_hands_requests'
		]);
		const [cabinets, ports, hands] = view.metrics;
		expect(cabinets).toMatchObject({
			product: 'colocation',
			unit: 'cabinets',
			accounts: 1,
			used: 1,
			entitled: 4,
			utilisation: 0.25,
			under_used: 1,
			over_cap: 0
		});
		expect(ports).toMatchObject({
			product: 'fabric',
			accounts: 3,
			used: 15,
			entitled: 20,
			utilisation: 0.75,
			under_used: 1,
			over_cap: 0
		});
		expect(ports?.mean_utilisation).toBeCloseTo(0.5, 10);
		expect(hands).toMatchObject({
			product: 'smart_hands',
			accounts: 1,
			used: 19,
			entitled: 20,
			utilisation: 0.95,
			under_used: 0,
			over_cap: 1
		});
		expect(view.accounts.map((a) => a.id).sort((x, y) => x - y)).toEqual(
			[one.id, two.id].sort((x, y) => x - y)
		);
		expect(view.total).toBe(2);
	});

	it('keeps the portfolio totals equal to a rebuild from the readings, through corrections', async () => {
		const manager = await makeUser(t.db, 'manager');
		const a = await setup();
		const b = await setup();
		await record(
			a.csm,
			a.account.id,
			reading('colocation_power_kva', ago(4), 95, 100),
			reading('fabric_ports', ago(4), 1, 10),
			reading('smartview_users', ago(4), 3, 0)
		);
		await record(b.csm, b.account.id, reading('fabric_ports', ago(4), 8, 10));
		// Corrections that flip the flags both ways and drop the entitlement to nothing.
		await record(a.csm, a.account.id, {
			...reading('colocation_power_kva', ago(4), 50, 100),
			version: 1
		});
		await record(a.csm, a.account.id, { ...reading('fabric_ports', ago(4), 9, 10), version: 1 });
		await record(b.csm, b.account.id, { ...reading('fabric_ports', ago(4), 8, 0), version: 1 });

		const totals = async () =>
			(
				await t.db
					.selectFrom('adoption_month_totals')
					.selectAll()
					.orderBy(['month', 'metric'])
					.execute()
			).map((row) => ({
				...row,
				used: row.used.toFixed(6),
				entitled: row.entitled.toFixed(6),
				utilisation_sum: row.utilisation_sum.toFixed(6)
			}));
		const kept = await totals();
		expect(kept.find((r) => r.month === ago(4) && r.metric === 'fabric_ports')).toBeDefined();
		await rebuildMonthTotals(t.db);
		expect(await totals()).toEqual(kept);

		// The unfiltered view reads those totals: the same figures as summing every reading.
		const view = await adoption.portfolio(t.db, manager, query({ month: ago(4) }), NOW);
		const readings = await t.db
			.selectFrom('usage_records')
			.select(['metric', 'used'])
			.where('month', '=', ago(4))
			.execute();
		const fabricUsed = readings
			.filter((r) => r.metric === 'fabric_ports')
			.reduce((sum, r) => sum + r.used, 0);
		expect(view.metrics.find((m) => m.metric === 'fabric_ports')?.used).toBeCloseTo(fabricUsed);
	});

	it('opens on the newest complete month, and lets the manager pick another', async () => {
		// Later than any month the other tests here record: the default month is portfolio-wide.
		const later = new Date('2031-03-15T12:00:00Z');
		const march = '2031-03-01';
		const february = '2031-02-01';
		const manager = await makeUser(t.db, 'manager');
		const { csm, account } = await setup();
		const put = (month: string, used: number) =>
			adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', month, used, 10), later);
		const view = (month: string | null = null) =>
			adoption.portfolio(t.db, manager, query({ csm: csm.id, month }), later);

		await put(march, 8);
		// The current month holds only its first readings: the view opens on the last complete one.
		await put(february, 2);
		const opened = await view();
		expect([opened.month, opened.newest]).toEqual([february, march]);
		expect(opened.months).toEqual(monthsEnding(march, 12).reverse());
		expect(opened.accounts.map((a) => [a.id, a.adoption])).toEqual([[account.id, 0.2]]);
		expect(opened.metrics.map((m) => [m.metric, m.used])).toEqual([['fabric_ports', 2]]);

		const current = await view(march);
		expect(current.month).toBe(march);
		expect(current.metrics.map((m) => [m.metric, m.used])).toEqual([['fabric_ports', 8]]);

		const empty = await view(ago(9));
		expect([empty.accounts, empty.metrics, empty.total]).toEqual([[], [], 0]);
	});

	it('reads the portfolio in a fixed number of queries, whatever the number of accounts', async () => {
		const manager = await makeUser(t.db, 'manager');
		const month = ago(5);
		async function portfolioOf(size: number) {
			const csm = await makeUser(t.db, 'csm');
			for (let i = 0; i < size; i++) {
				const { account } = await setup({ csm });
				await record(
					csm,
					account.id,
					reading('fabric_ports', month, i, 30),
					reading(i % 2 ? 'smart_hands_requests' : 'colocation_cabinets', month, i, 30)
				);
			}
			return csm;
		}
		async function queriesOf(run: (db: Db) => ReturnType<typeof adoption.portfolio>) {
			const counter = new QueryCounter();
			const view = await run(t.db.withPlugin(counter));
			return { count: counter.count, view };
		}
		const small = await portfolioOf(3);
		const large = await portfolioOf(30);
		const few = await queriesOf((db) =>
			adoption.portfolio(db, manager, query({ csm: small.id, month }))
		);
		const many = await queriesOf((db) =>
			adoption.portfolio(db, manager, query({ csm: large.id, month }))
		);
		expect([few.view.total, many.view.total]).toEqual([3, 30]);
		expect(many.view.accounts).toHaveLength(25);
		expect(many.count).toBe(few.count);
		expect(few.count).toBeLessThanOrEqual(5);
	});
});
