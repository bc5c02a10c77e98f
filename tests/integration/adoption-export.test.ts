import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/lib/domain/adoption';
import { ForbiddenError } from '../../src/lib/domain/errors';
import {
	parsePortfolioAdoptionQuery,
	type PortfolioTable
} from '../../src/lib/domain/portfolio-adoption-query';
import { exportPortfolioTable } from '../../src/lib/server/adoption/adoption-export';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { downloadCsv } from '../support/csv';
import { makeAccount, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { reading } from '../support/plan-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Months are relative to this moment. Rows are not rolled back between tests: each test makes
// its own CSM and narrows the view to them, in a month of its own.
const NOW = new Date('2030-06-15T12:00:00Z');
const ago = (n: number) => addMonths('2030-06-01', -n);
const query = (params: Record<string, string> = {}) =>
	parsePortfolioAdoptionQuery(new URLSearchParams(params));

/** The CSV a user downloads for one table and these view parameters, two rows to a batch. */
async function download(
	user: SessionUser,
	table: PortfolioTable,
	params: Record<string, string> = {},
	batchSize = 2
) {
	return downloadCsv(
		await exportPortfolioTable(t.db, user, query(params), table, { now: NOW, batchSize })
	);
}

/** A fresh account on `csm`'s team with these readings recorded. */
async function accountWith(
	csm: SessionUser,
	readings: ReturnType<typeof reading>[],
	values: Parameters<typeof makeAccount>[1] = {}
) {
	const account = await makeAccount(t.db, {
		name: `Adoption ${uniqueTag()}`,
		time_zone: 'UTC',
		...values
	});
	await putOnTeam(t.db, account.id, csm);
	for (const r of readings) await adoption.recordUsage(t.db, csm, account.id, r, NOW);
	return account;
}

describe(`portfolio adoption export on ${ENGINE}`, () => {
	// First: the database has no usage yet, the view nothing to show.
	it('writes the header alone before any usage is recorded', async () => {
		const manager = await makeUser(t.db, 'manager');
		for (const table of ['least-adopted', 'utilisation'] as const) {
			const { response, rows } = await download(manager, table);
			expect(rows).toEqual([]);
			expect(response.headers.get('content-disposition')).toBe(
				`attachment; filename="keel-adoption-${table}-2030-06-15.csv"`
			);
		}
	});

	it('is the managers’ alone, as the view is', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		await accountWith(csm, [reading('fabric_ports', ago(1), 1, 2)]);
		for (const role of ['csm', 'sales', 'partner', 'admin'] as const) {
			const user = await makeUser(t.db, role);
			await expect(adoption.portfolio(t.db, user, query(), NOW), role).rejects.toThrow(
				ForbiddenError
			);
			for (const table of ['least-adopted', 'utilisation'] as const) {
				await expect(
					exportPortfolioTable(t.db, user, query(), table, { now: NOW }),
					`${role} ${table}`
				).rejects.toThrow(ForbiddenError);
			}
		}
		expect((await download(manager, 'least-adopted', { csm: String(csm.id) })).rows).toHaveLength(
			1
		);
	});

	it('writes every account least adopted first, ties by account, batch after batch', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const month = ago(2);
		const made = [];
		// Used of 10: ties at 10 % and 30 %, across the two-row batches.
		for (const used of [3, 1, 3, 2, 1, 3]) {
			made.push({
				used,
				account: await accountWith(csm, [reading('fabric_ports', month, used, 10)])
			});
		}
		// No entitlement, so no adoption figure: not on the list, nor in the file.
		await accountWith(csm, [reading('fabric_ports', month, 5, 0)]);
		const expected = [...made]
			.sort((x, y) => x.used - y.used || x.account.id - y.account.id)
			.map((x) => x.account.name);

		const params = { csm: String(csm.id), month: month.slice(0, 7) };
		const view = await adoption.portfolio(t.db, manager, query(params), NOW);
		for (const batchSize of [1, 2, 1000]) {
			const { rows } = await download(manager, 'least-adopted', params, batchSize);
			expect(
				rows.map((r) => r[0]),
				`batches of ${batchSize}`
			).toEqual(expected);
		}
		expect(view.accounts.map((a) => a.name)).toEqual(expected);

		const { response, header, rows } = await download(manager, 'least-adopted', params);
		expect(rows).toHaveLength(view.total);
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="keel-adoption-least-adopted-${month.slice(0, 7)}.csv"`
		);
		expect(header).toEqual([
			'Name',
			'CSM',
			'Segment',
			'Region',
			'ARR',
			'Currency',
			'Adoption (%)',
			'Metrics with usage',
			'Under-used',
			'Near cap'
		]);
		expect(rows[0]).toEqual([
			expected[0],
			csm.name,
			'Mid-market',
			'EMEA',
			'120000',
			'USD',
			'10',
			'1',
			'1',
			'0'
		]);
		expect(rows.map((r) => r[6])).toEqual(['10', '10', '20', '30', '30', '30']);
		// Narrowed by the view's filters too.
		expect((await download(manager, 'least-adopted', { ...params, region: 'apac' })).rows).toEqual(
			[]
		);
	});

	it('writes utilisation by metric, products in their order, for the filtered accounts', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const month = ago(3);
		await accountWith(csm, [
			reading('fabric_ports', month, 4, 10),
			reading('smart_hands_requests', month, 19, 20)
		]);
		await accountWith(csm, [
			reading('fabric_ports', month, 6, 10),
			reading('colocation_cabinets', month, 1, 4)
		]);
		const params = { csm: String(csm.id), month: month.slice(0, 7) };
		const view = await adoption.portfolio(t.db, manager, query(params), NOW);
		const { header, rows } = await download(manager, 'utilisation', params);
		expect(header).toEqual([
			'Metric',
			'Product',
			'Accounts',
			'Used',
			'Entitlement',
			'Unit',
			'Utilisation (%)',
			'Under-used',
			'Near cap'
		]);
		expect(rows.map((r) => r[0])).toEqual(['Cabinets', 'Fabric ports', 'Smart Hands requests']);
		expect(rows).toHaveLength(view.metrics.length);
		expect(rows).toEqual([
			['Cabinets', 'Colocation', '1', '1', '4', 'cabinets', '25', '1', ''],
			['Fabric ports', 'Equinix Fabric', '2', '10', '20', 'ports', '50', '1', ''],
			['Smart Hands requests', 'Smart Hands', '1', '19', '20', 'requests', '95', '0', '1']
		]);
	});

	it('opens on the month the view opens on, and words the file in the user’s language', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		await accountWith(csm, [reading('fabric_ports', ago(1), 5, 10)], {
			name: `=cmd ${uniqueTag()}`
		});
		const view = await adoption.portfolio(t.db, manager, query({ csm: String(csm.id) }), NOW);
		const { response, rows } = await download(manager, 'least-adopted', { csm: String(csm.id) });
		expect(response.headers.get('content-disposition')).toContain(
			`keel-adoption-least-adopted-${view.month!.slice(0, 7)}.csv`
		);
		expect(rows.map((r) => r[0])).toEqual(view.accounts.map((a) => `'${a.name}`));

		const spanish = { ...manager, locale: 'es' as const };
		const utilisation = await download(spanish, 'utilisation', { csm: String(csm.id) });
		expect(utilisation.header.slice(0, 2)).toEqual(['Métrica', 'Producto']);
		expect(utilisation.rows[0]!.slice(0, 2)).toEqual(['Puertos Fabric', 'Equinix Fabric']);
	});
});
