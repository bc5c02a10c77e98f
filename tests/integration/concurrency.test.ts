import { describe, expect, it } from 'vitest';
import { StaleVersionError } from '../../src/lib/domain/errors';
import * as accounts from '../../src/lib/server/accounts/account.service';
import { accountInput, makeAccount, makeUser } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

describe(`concurrent saves on ${ENGINE}`, () => {
	it('lets exactly one of 10 saves from the same version win; the rest are stale', async () => {
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		const names = Array.from({ length: 10 }, (_, i) => `Concurrent save ${i}`);

		const results = await Promise.allSettled(
			names.map((name, i) =>
				accounts.update(t.db, manager, account.id, 1, {
					...accountInput(account),
					name,
					arr: 1000 + i
				})
			)
		);

		const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
		const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(9);
		for (const reason of lost) expect(reason).toBeInstanceOf(StaleVersionError);

		const saved = await t.db
			.selectFrom('accounts')
			.selectAll()
			.where('id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(saved.version).toBe(2);
		// The stored row is the winner's, whole: no field from a losing save leaked in.
		expect(saved.name).toBe(names[won[0]!]);
		expect(saved.arr).toBe(1000 + won[0]!);
		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'account')
			.where('entity_id', '=', account.id)
			.where('action', '=', 'update')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]?.before?.version).toBe(1);
		expect(audit[0]?.after?.name).toBe(saved.name);
	});
});
