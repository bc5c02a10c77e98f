import { describe, expect, it } from 'vitest';
import { parseEscalationQueueQuery } from '../../src/lib/domain/escalation-queue-query';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { queue } from '../../src/lib/server/escalations/escalation-queue.service';
import { runSlaSweep } from '../../src/lib/server/jobs/sla-sweep';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Wednesday 18 November 2026, 10:00Z: 11:00 in Amsterdam, inside business hours.
const WED = new Date('2026-11-18T10:00:00Z');
const query = (params: Record<string, string> = {}) =>
	parseEscalationQueueQuery(new URLSearchParams(params));

/** An escalation of the given priority on a fresh EMEA premium account (a reseller's if given). */
async function escalation(
	priority: 'P1' | 'P2' | 'P3' | 'P4',
	options: { resellerId?: number; openedAt?: Date; region?: 'emea' | 'apac' } = {}
) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		region: options.region ?? 'emea',
		support_package: 'premium',
		...(options.resellerId
			? { sales_channel: 'reseller' as const, reseller_id: options.resellerId }
			: {})
	});
	await putOnTeam(t.db, account.id, csm);
	const id = await escalations.openEscalation(
		t.db,
		csm,
		account.id,
		{
			title: `${priority} on ${account.name}`,
			description: '',
			priority,
			category: 'outage',
			external_ref: '',
			reported_via: 'phone',
			contact_id: null,
			owner_id: csm.id,
			routed_to: null
		},
		options.openedAt ?? WED
	);
	return { id, csm, account };
}

describe(`the escalation queue on ${ENGINE}`, () => {
	it('lists open escalations soonest due first, each with its clocks', async () => {
		const p4 = await escalation('P4');
		const p1 = await escalation('P1');
		const p2 = await escalation('P2');
		const manager = await makeUser(t.db, 'manager');
		const { rows } = await queue(t.db, manager, query(), WED);
		const mine = rows.filter((r) => [p4.id, p1.id, p2.id].includes(r.id)).map((r) => r.id);
		// P1 due in 60 minutes, P2 in 2 working hours, P4 in 8.
		expect(mine).toEqual([p1.id, p2.id, p4.id]);
		const first = rows.find((r) => r.id === p1.id)!;
		expect(first.clocks.response.state).toBe('running');
		expect(first.account_name).toBeTruthy();
	});

	it('shows a partner only the escalations of their reseller’s customers', async () => {
		const reseller = await makeReseller(t.db);
		const other = await makeReseller(t.db);
		const ours = await escalation('P3', { resellerId: reseller.id });
		const theirs = await escalation('P3', { resellerId: other.id });
		const direct = await escalation('P3');
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { rows, total } = await queue(t.db, partner, query({ state: 'all' }), WED);
		const ids = rows.map((r) => r.id);
		expect(ids).toContain(ours.id);
		expect(ids).not.toContain(theirs.id);
		expect(ids).not.toContain(direct.id);
		expect(total).toBe(rows.length);
	});

	it('filters by priority, owner, region and state', async () => {
		const apac = await escalation('P3', { region: 'apac' });
		const emea = await escalation('P2');
		const manager = await makeUser(t.db, 'manager');
		const ids = async (params: Record<string, string>) =>
			(await queue(t.db, manager, query({ state: 'all', ...params }), WED)).rows.map((r) => r.id);
		expect(await ids({ region: 'apac' })).toContain(apac.id);
		expect(await ids({ region: 'apac' })).not.toContain(emea.id);
		expect(await ids({ priority: 'P2', owner: String(emea.csm.id) })).toEqual([emea.id]);
		await escalations.changeStatus(t.db, emea.csm, emea.id, 1, 'resolved', '', WED);
		expect(await ids({ state: 'resolved', owner: String(emea.csm.id) })).toEqual([emea.id]);
		expect((await queue(t.db, manager, query({ owner: String(emea.csm.id) }), WED)).rows).toEqual(
			[]
		);
	});

	it('raises P1 and P2 that are open or breached to the critical view, and filters breaches', async () => {
		const p1 = await escalation('P1', { openedAt: new Date('2026-11-18T07:00:00Z') });
		const p3 = await escalation('P3', { openedAt: new Date('2026-11-17T09:00:00Z') });
		const p2 = await escalation('P2');
		await escalations.changeStatus(t.db, p2.csm, p2.id, 1, 'resolved', '', WED);
		await runSlaSweep(t.db, WED);
		const manager = await makeUser(t.db, 'manager');
		const critical = (await queue(t.db, manager, query({ view: 'critical' }), WED)).rows.map(
			(r) => r.id
		);
		expect(critical).toContain(p1.id);
		expect(critical).not.toContain(p3.id);
		// Resolved in time and never breached: no longer critical.
		expect(critical).not.toContain(p2.id);
		const breached = (await queue(t.db, manager, query({ clock: 'breached' }), WED)).rows.map(
			(r) => r.id
		);
		expect(breached).toEqual(expect.arrayContaining([p1.id, p3.id]));
		expect(breached).not.toContain(p2.id);
	});

	it('keeps a resolved P1 in the critical view for 30 days after its breach', async () => {
		const openedAt = new Date('2026-10-01T09:00:00Z');
		const p1 = await escalation('P1', { openedAt });
		const breachedAt = new Date('2026-10-01T12:00:00Z');
		await runSlaSweep(t.db, breachedAt);
		await escalations.changeStatus(t.db, p1.csm, p1.id, 1, 'resolved', '', breachedAt);
		const manager = await makeUser(t.db, 'manager');
		const criticalOn = async (now: Date) =>
			(await queue(t.db, manager, query({ view: 'critical' }), now)).rows.map((r) => r.id);
		expect(await criticalOn(new Date('2026-10-30T09:00:00Z'))).toContain(p1.id);
		expect(await criticalOn(new Date('2026-11-01T09:00:00Z'))).not.toContain(p1.id);
		// Still found among the breached.
		const breached = await queue(t.db, manager, query({ clock: 'breached', state: 'all' }), WED);
		expect(breached.rows.map((r) => r.id)).toContain(p1.id);
	});

	it('costs the same number of queries for 1 escalation as for 20', async () => {
		const manager = await makeUser(t.db, 'manager');
		const first = await escalation('P4');
		const counter = new QueryCounter();
		const db = t.db.withPlugin(counter);
		await queue(db, manager, query({ owner: String(first.csm.id) }), WED);
		const forOne = counter.count;
		for (let i = 0; i < 19; i++) await escalation('P4');
		counter.count = 0;
		const { rows } = await queue(db, manager, query({ priority: 'P4' }), WED);
		expect(rows.length).toBeGreaterThanOrEqual(20);
		expect(counter.count).toBe(forOne);
	});
});
