import { describe, expect, it } from 'vitest';
import { StaleVersionError } from '../../src/lib/domain/errors';
import {
	LIFECYCLE_STAGES,
	REGIONS,
	SEGMENTS,
	SUPPORT_PACKAGES
} from '../../src/lib/domain/vocabulary';
import * as accounts from '../../src/lib/server/accounts/account.service';
import { accountInput, makeAccount, makeReseller, makeUser } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

const SAVES = 50;
const TIME_ZONES = ['Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Tokyo', 'America/Chicago'];
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

describe(`concurrent saves on ${ENGINE}`, () => {
	it(`lets exactly one of ${SAVES} saves from the same version win, whole; the rest are stale`, async () => {
		const manager = await makeUser(t.db, 'manager');
		const reseller = await makeReseller(t.db);
		const account = await makeAccount(t.db);
		// Every save differs from every other in every field, so a row mixing two saves shows.
		const inputs = Array.from({ length: SAVES }, (_, i) => ({
			...accountInput(account),
			name: `Concurrent save ${i}`,
			segment: pick(SEGMENTS, i),
			region: pick(REGIONS, i),
			time_zone: pick(TIME_ZONES, i),
			lifecycle_stage: pick(LIFECYCLE_STAGES, i),
			support_package: pick(SUPPORT_PACKAGES, i),
			sales_channel: i % 2 === 0 ? ('reseller' as const) : ('direct' as const),
			reseller_id: i % 2 === 0 ? reseller.id : null,
			arr: 1000 + i,
			renewal_date: `2028-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
			notes: `Notes from save ${i}`,
			external_id: `concurrent-${i}`
		}));

		const results = await Promise.allSettled(
			inputs.map((input) => accounts.update(t.db, manager, account.id, 1, input))
		);

		const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
		const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(SAVES - 1);
		for (const reason of lost) expect(reason).toBeInstanceOf(StaleVersionError);

		const saved = await t.db
			.selectFrom('accounts')
			.selectAll()
			.where('id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(saved.version).toBe(2);
		// The stored row is the winner's, whole: no field from a losing save leaked in.
		expect(accountInput(saved)).toEqual(inputs[won[0]!]);
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
		expect(audit[0]?.after?.external_id).toBe(saved.external_id);
	});
});
