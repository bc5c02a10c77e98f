import { describe, expect, it } from 'vitest';
import { parseAccountListQuery } from '../../src/lib/domain/account-list-query';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import * as accounts from '../../src/lib/server/accounts/account.service';
import {
	accountInput,
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam,
	uniqueTag
} from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const query = (params: Record<string, string> = {}) =>
	parseAccountListQuery(new URLSearchParams(params));

describe(`accounts on ${ENGINE}`, () => {
	it('lets a CSM on the team edit the account, bumping its version and auditing before/after', async () => {
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm);

		await accounts.update(t.db, csm, account.id, 1, { ...accountInput(account), arr: 250_000 });

		const saved = await t.db
			.selectFrom('accounts')
			.selectAll()
			.where('id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(saved.arr).toBe(250_000);
		expect(saved.version).toBe(2);
		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'account')
			.where('entity_id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(audit.actor_id).toBe(csm.id);
		expect(audit.before?.arr).toBe(120_000);
		expect(audit.after?.arr).toBe(250_000);
	});

	it('keeps the external id imports match on: empty is none, and one id belongs to one account', async () => {
		const manager = await makeUser(t.db, 'manager');
		const first = await makeAccount(t.db);
		const second = await makeAccount(t.db);
		const crmId = `CRM-${uniqueTag()}`;

		await accounts.update(t.db, manager, first.id, 1, {
			...accountInput(first),
			external_id: crmId
		});
		// A second account may not take it, on create or on edit; nothing is written.
		await expectConflict(
			() =>
				accounts.create(t.db, manager, {
					...accountInput(second),
					name: `${second.name} copy`,
					external_id: crmId
				}),
			'external_id'
		);
		await expectConflict(
			() =>
				accounts.update(t.db, manager, second.id, 1, {
					...accountInput(second),
					external_id: crmId
				}),
			'external_id'
		);
		// Saving the holder again with its own id is no conflict; two accounts may both have none.
		await accounts.update(t.db, manager, first.id, 2, {
			...accountInput(first),
			external_id: crmId
		});
		await accounts.update(t.db, manager, second.id, 1, {
			...accountInput(second),
			external_id: ''
		});

		const saved = await t.db
			.selectFrom('accounts')
			.select(['id', 'external_id', 'version'])
			.where('id', 'in', [first.id, second.id])
			.orderBy('id')
			.execute();
		expect(saved).toEqual([
			{ id: first.id, external_id: crmId, version: 3 },
			{ id: second.id, external_id: null, version: 2 }
		]);
		const names = await t.db
			.selectFrom('accounts')
			.select('id')
			.where('name', '=', `${second.name} copy`)
			.execute();
		expect(names).toEqual([]);
	});

	it('refuses a stale save and keeps the newer data', async () => {
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		await accounts.update(t.db, manager, account.id, 1, {
			...accountInput(account),
			name: 'First'
		});

		await expect(
			accounts.update(t.db, manager, account.id, 1, { ...accountInput(account), name: 'Second' })
		).rejects.toBeInstanceOf(StaleVersionError);
		const saved = await t.db
			.selectFrom('accounts')
			.select('name')
			.where('id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(saved.name).toBe('First');
	});

	it("refuses a CSM editing another CSM's account, and writes no audit row", async () => {
		const owner = await makeUser(t.db, 'csm');
		const other = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, owner);

		await expect(
			accounts.update(t.db, other, account.id, 1, { ...accountInput(account), name: 'Hijacked' })
		).rejects.toBeInstanceOf(ForbiddenError);
		const audits = await t.db
			.selectFrom('audit_log')
			.select('id')
			.where('entity_id', '=', account.id)
			.execute();
		expect(audits).toHaveLength(0);
	});

	it('refuses sales any write, and lets only managers create accounts', async () => {
		const sales = await makeUser(t.db, 'sales');
		const csm = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, sales, 'AM');

		await expect(
			accounts.update(t.db, sales, account.id, 1, accountInput(account))
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(accounts.create(t.db, csm, accountInput(account))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const id = await accounts.create(t.db, manager, {
			...accountInput(account),
			name: 'Created by manager'
		});
		expect(id).toBeGreaterThan(account.id);
	});

	it('shows a partner only the accounts sold through their reseller', async () => {
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const theirs = await makeAccount(t.db, {
			reseller_id: reseller.id,
			sales_channel: 'reseller',
			name: 'Partner Visible Co'
		});
		const direct = await makeAccount(t.db, { name: 'Partner Hidden Co' });

		const list = await accounts.list(t.db, partner, query({ q: 'Partner' }));
		expect(list.rows.map((r) => r.id)).toEqual([theirs.id]);
		expect(list.total).toBe(1);
		await expect(accounts.get(t.db, partner, direct.id)).rejects.toBeInstanceOf(NotFoundError);
		const detail = await accounts.get(t.db, partner, theirs.id);
		expect(detail.can.edit).toBe(false);
	});

	it('filters, sorts and pages in SQL', async () => {
		const csm = await makeUser(t.db, 'csm');
		const names = ['Filter Zeta', 'Filter Alpha', 'Filter Mu'];
		for (const [i, name] of names.entries()) {
			const account = await makeAccount(t.db, { name, segment: 'enterprise', arr: (i + 1) * 1000 });
			await putOnTeam(t.db, account.id, csm);
		}
		await makeAccount(t.db, { name: 'Filter Other', segment: 'smb' });

		const bySegment = await accounts.list(t.db, csm, query({ q: 'filter', segment: 'enterprise' }));
		expect(bySegment.rows.map((r) => r.name)).toEqual(['Filter Alpha', 'Filter Mu', 'Filter Zeta']);
		const byCsm = await accounts.list(
			t.db,
			csm,
			query({ csm: String(csm.id), sort: 'arr', dir: 'desc' })
		);
		expect(byCsm.rows.map((r) => r.arr)).toEqual([3000, 2000, 1000]);
		expect(byCsm.rows[0]?.csm_name).toBe(csm.name);
		const injected = await accounts.list(
			t.db,
			csm,
			query({ q: "x' or 1=1 --", sort: 'name; drop table accounts' })
		);
		expect(injected.total).toBe(0);
	});

	it("finds accounts renewing within N days of the user's today", async () => {
		const manager = await makeUser(t.db, 'manager');
		const soon = await makeAccount(t.db, { name: 'Renewal Soon', renewal_date: '2026-12-01' });
		await makeAccount(t.db, { name: 'Renewal Later', renewal_date: '2027-06-01' });
		await makeAccount(t.db, { name: 'Renewal Past', renewal_date: '2026-10-01' });
		const list = await accounts.list(
			t.db,
			manager,
			query({ q: 'renewal', renewal: '30' }),
			new Date('2026-11-22T12:00:00Z')
		);
		expect(list.rows.map((r) => r.id)).toEqual([soon.id]);
	});
});
