import { describe, expect, it } from 'vitest';
import { SUPPORT_PENALTY } from '../../src/lib/domain/health';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { runSlaSweep } from '../../src/lib/server/jobs/sla-sweep';
import { makeAccount, makeUser, putOnTeam } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Wednesday 18 November 2026, 10:00Z: inside Amsterdam business hours.
const WED = new Date('2026-11-18T10:00:00Z');
const later = (minutes: number) => new Date(WED.getTime() + minutes * 60_000);

async function setup() {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		region: 'emea',
		support_package: 'premium',
		time_zone: 'Europe/Amsterdam'
	});
	await putOnTeam(t.db, account.id, csm);
	const open = (priority: 'P1' | 'P2', at = WED) =>
		escalations.openEscalation(
			t.db,
			csm,
			account.id,
			{
				title: `${priority} incident`,
				description: '',
				priority,
				category: 'outage',
				external_ref: '',
				reported_via: 'phone',
				contact_id: null,
				owner_id: null,
				routed_to: null
			},
			at
		);
	return { csm, account, open };
}

const health = (accountId: number) =>
	t.db
		.selectFrom('account_health')
		.select(['score', 'support', 'coverage'])
		.where('account_id', '=', accountId)
		.executeTakeFirst();

const p1Flags = (accountId: number) =>
	t.db
		.selectFrom('churn_flags')
		.select(['id', 'condition_active', 'severity'])
		.where('account_id', '=', accountId)
		.where('rule', '=', 'p1_sla_breach')
		.execute();

describe(`escalations in account health on ${ENGINE}`, () => {
	it('scores support from open escalations in the transaction that opens or resolves one', async () => {
		const { csm, account, open } = await setup();
		// Never escalated: no support history, so no support score (not a perfect one).
		expect((await health(account.id))?.support ?? null).toBeNull();
		const id = await open('P2');
		expect((await health(account.id))?.support).toBe(100 - SUPPORT_PENALTY.P2);
		await escalations.changeStatus(t.db, csm, id, 1, 'resolved', 'Fixed', later(30));
		// Resolved in time: a support history with nothing open and no breach.
		expect((await health(account.id))?.support).toBe(100);
	});

	it('raises the P1 churn flag when the sweep finds a P1 past its first response, and clears it on resolution', async () => {
		const { csm, account, open } = await setup();
		const id = await open('P1');
		expect(await p1Flags(account.id)).toEqual([]);
		await runSlaSweep(t.db, later(61));
		const [flag] = await p1Flags(account.id);
		expect(flag).toMatchObject({ condition_active: true, severity: 'critical' });
		expect((await health(account.id))?.support).toBe(
			100 - SUPPORT_PENALTY.P1 - SUPPORT_PENALTY.breach
		);
		await escalations.changeStatus(t.db, csm, id, 1, 'resolved', 'Power back', later(90));
		expect(await p1Flags(account.id)).toEqual([
			expect.objectContaining({ id: flag!.id, condition_active: false })
		]);
	});
});
