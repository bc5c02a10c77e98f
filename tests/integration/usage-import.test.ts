import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../src/lib/domain/adoption';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as imports from '../../src/lib/server/imports/import.service';
import { makeAccount, makeUser, uniqueTag } from '../support/factories';
import { checkAsOffered, uploadCsv } from '../support/imports';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const NOW = new Date('2026-11-20T12:00:00Z');
const HEADER = 'Account ID;Metric;Month;Entitlement;Used';

async function readingsOf(accountId: number) {
	return t.db
		.selectFrom('usage_records')
		.select(['metric', 'month', 'entitled', 'used', 'version'])
		.where('account_id', '=', accountId)
		.orderBy('month')
		.orderBy('metric')
		.execute();
}

async function monthTotal(month: string, metric: MetricKey) {
	const row = await t.db
		.selectFrom('adoption_month_totals')
		.select(['accounts', 'used', 'entitled'])
		.where('month', '=', month)
		.where('metric', '=', metric)
		.executeTakeFirst();
	return row ?? { accounts: 0, used: 0, entitled: 0 };
}

const check = (id: number, actor: SessionUser) => checkAsOffered(t.db, actor, id, NOW);

describe(`usage import on ${ENGINE}`, () => {
	it('records readings by account, metric and month, then corrects them on re-import', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const other = await makeAccount(t.db, { external_id: `${tag}-B` });
		const before = await monthTotal('2026-10-01', 'fabric_ports');
		const source = `Billing ${tag}`;
		// A label in Portuguese names the metric; a month by its first day; a "," decimal.
		const file = [
			HEADER,
			`${tag}-A;Portas Fabric;2026-10;10;4`,
			`${tag}-A;colocation_cabinets;2026-10-01;20;18,5`,
			`${tag}-B;fabric_ports;2026-10;5;5`
		].join('\r\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'usage', source });
		const { page, result, after } = await check(id, manager);
		expect(page.mappingOrigin).toBe('guessed');
		expect(page.mapping).toEqual({
			account_external_id: 0,
			metric: 1,
			month: 2,
			entitled: 3,
			used: 4
		});
		expect(result).toEqual({ ok: true, totals: { errors: 0, create: 3, update: 0, unchanged: 0 } });
		await imports.commit(t.db, manager, id, after.import.version, NOW);

		expect(await readingsOf(account.id)).toEqual([
			{ metric: 'colocation_cabinets', month: '2026-10-01', entitled: 20, used: 18.5, version: 1 },
			{ metric: 'fabric_ports', month: '2026-10-01', entitled: 10, used: 4, version: 1 }
		]);
		expect(await readingsOf(other.id)).toHaveLength(1);
		// What recording usage keeps in step: the account's adoption, the portfolio's totals,
		// the health score, and the audit trail.
		const adoption = await t.db
			.selectFrom('account_adoption')
			.select(['metrics', 'adoption'])
			.where('account_id', '=', account.id)
			.where('month', '=', '2026-10-01')
			.executeTakeFirstOrThrow();
		expect(adoption.metrics).toBe(2);
		expect(adoption.adoption).toBeCloseTo((0.4 + 18.5 / 20) / 2);
		const total = await monthTotal('2026-10-01', 'fabric_ports');
		expect(total.accounts - before.accounts).toBe(2);
		expect(total.used - before.used).toBe(9);
		const health = await t.db
			.selectFrom('account_health')
			.select('account_id')
			.where('account_id', 'in', [account.id, other.id])
			.execute();
		expect(health).toHaveLength(2);
		const audits = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('entity', '=', 'usage_record')
			.where('account_id', 'in', [account.id, other.id])
			.execute();
		expect(audits).toEqual([
			{ action: 'create', actor_id: manager.id },
			{ action: 'create', actor_id: manager.id },
			{ action: 'create', actor_id: manager.id }
		]);

		// The same file again: nothing to write.
		const same = await uploadCsv(t.db, manager, file, { kind: 'usage', source });
		const unchanged = await check(same, manager);
		expect(unchanged.page.mappingOrigin).toBe('remembered');
		expect(unchanged.result).toEqual({
			ok: true,
			totals: { errors: 0, create: 0, update: 0, unchanged: 3 }
		});
		await imports.commit(t.db, manager, same, unchanged.after.import.version, NOW);
		expect((await readingsOf(account.id)).map((r) => r.version)).toEqual([1, 1]);

		// A corrected reading: updated in place, the totals moved by the difference only.
		const corrected = file.replace(
			`${tag}-B;fabric_ports;2026-10;5;5`,
			`${tag}-B;fabric_ports;2026-10;5;2`
		);
		const third = await uploadCsv(t.db, manager, corrected, { kind: 'usage', source });
		const checked = await check(third, manager);
		expect(checked.result).toMatchObject({ ok: true, totals: { update: 1, unchanged: 2 } });
		await imports.commit(t.db, manager, third, checked.after.import.version, NOW);
		expect(await readingsOf(other.id)).toEqual([
			{ metric: 'fabric_ports', month: '2026-10-01', entitled: 5, used: 2, version: 2 }
		]);
		const moved = await monthTotal('2026-10-01', 'fabric_ports');
		expect(moved.accounts - before.accounts).toBe(2);
		expect(moved.used - before.used).toBe(6);
		const updates = await t.db
			.selectFrom('audit_log')
			.select(['before', 'after'])
			.where('entity', '=', 'usage_record')
			.where('action', '=', 'update')
			.where('account_id', '=', other.id)
			.execute();
		expect(updates).toHaveLength(1);
		expect(updates[0]).toMatchObject({ before: { used: 5 }, after: { used: 2 } });
	});

	it('reports bad rows by line and column and records nothing', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const file = [
			HEADER,
			`${tag}-A;fabric_ports;2026-10;10;4`,
			`${tag}-Z;fabric_ports;2026-10;10;4`,
			`${tag}-A;Fabric ports;2026-10;12;4`,
			`${tag}-A;kilowatts;2026-13;-1;x`,
			`${tag}-A;smartview_users;2027-01;10;4`
		].join('\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'usage' });
		const { after } = await check(id, manager);
		expect(after.import).toMatchObject({ status: 'invalid', errorCount: 4 });
		expect(after.problems.map((p) => [p.line, p.column, p.message])).toEqual([
			[3, 'Account ID', `No account has the external id "${tag}-Z".`],
			// The same reading, its metric named by its label.
			[4, 'Month', 'Line 2 has the same account, metric and month.'],
			[5, 'Metric', expect.stringMatching(/^"kilowatts" is not one of: Cabinets, Power draw/)],
			[5, 'Month', 'Enter a month (YYYY-MM).'],
			[5, 'Entitlement', 'Enter 0 or more.'],
			[5, 'Used', expect.stringContaining('number')],
			[6, 'Month', 'Usage can only be recorded for this month or earlier.']
		]);
		await expect(
			imports.commit(t.db, manager, id, after.import.version, NOW)
		).rejects.toMatchObject({ messageKey: 'import.error.notReady' });
		expect(await readingsOf(account.id)).toEqual([]);
	});
});
