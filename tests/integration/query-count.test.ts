import { describe, expect, it } from 'vitest';
import { parseAccountListQuery } from '../../src/lib/domain/account-list-query';
import * as accounts from '../../src/lib/server/accounts/account.service';
import type { Db } from '../../src/lib/server/db/database';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

async function queriesOf(run: (db: Db) => Promise<unknown>) {
	const counter = new QueryCounter();
	await run(t.db.withPlugin(counter));
	return counter.count;
}

async function accountWith(size: number) {
	const account = await makeAccount(t.db, { name: `Sized ${size}` });
	for (let i = 0; i < size; i++) {
		await putOnTeam(t.db, account.id, await makeUser(t.db, 'sales'), 'AM');
		await t.db
			.insertInto('contacts')
			.values({ account_id: account.id, name: `Contact ${i}` })
			.execute();
	}
	return account;
}

// DESIGN.md: a page costs a fixed number of queries, whatever the data size (no N+1).
describe(`query counts on ${ENGINE}`, () => {
	it('the account page costs the same with 1 or 12 team members and contacts', async () => {
		const manager = await makeUser(t.db, 'manager');
		const small = await accountWith(1);
		const large = await accountWith(12);
		const smallCount = await queriesOf((db) => accounts.get(db, manager, small.id));
		const largeCount = await queriesOf((db) => accounts.get(db, manager, large.id));
		expect(largeCount).toBe(smallCount);
		expect(smallCount).toBeLessThanOrEqual(4);
	});

	it('the accounts list costs the same for 2 or 30 rows on the page', async () => {
		const csm = await makeUser(t.db, 'csm');
		const reseller = await makeReseller(t.db);
		for (let i = 0; i < 30; i++) {
			const account = await makeAccount(t.db, {
				name: `Counted ${String(i).padStart(2, '0')}`,
				reseller_id: i % 2 ? reseller.id : null,
				sales_channel: i % 2 ? 'reseller' : 'direct'
			});
			await putOnTeam(t.db, account.id, csm);
		}
		const few = parseAccountListQuery(new URLSearchParams({ q: 'counted 0', sort: 'name' }));
		const many = parseAccountListQuery(new URLSearchParams({ q: 'counted' }));
		const fewCount = await queriesOf((db) => accounts.list(db, csm, few));
		const manyCount = await queriesOf((db) => accounts.list(db, csm, many));
		expect(manyCount).toBe(fewCount);
		expect(fewCount).toBeLessThanOrEqual(3);
	});
});
