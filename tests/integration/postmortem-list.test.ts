import { describe, expect, it } from 'vitest';
import { parsePostmortemQuery } from '../../src/lib/domain/postmortem-query';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { listPostmortems } from '../../src/lib/server/escalations/postmortem-list';
import * as postmortems from '../../src/lib/server/escalations/postmortem.service';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const WED = new Date('2026-11-18T10:00:00Z');
const query = (params: Record<string, string> = {}) =>
	parsePostmortemQuery(new URLSearchParams(params));

/** A P1 with a written post-mortem on a fresh account (a reseller's, if given). */
async function withPostmortem(title: string, rootCause: string, resellerId?: number) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		region: 'emea',
		support_package: 'premium',
		...(resellerId ? { sales_channel: 'reseller' as const, reseller_id: resellerId } : {})
	});
	await putOnTeam(t.db, account.id, csm);
	const id = await escalations.openEscalation(
		t.db,
		csm,
		account.id,
		{
			title,
			description: '',
			priority: 'P1',
			category: 'outage',
			external_ref: '',
			reported_via: 'phone',
			contact_id: null,
			owner_id: null,
			routed_to: null
		},
		WED
	);
	await postmortems.savePostmortem(t.db, csm, id, 0, {
		root_cause: rootCause,
		summary: 'Fixed and monitored for a week.'
	});
	return id;
}

describe(`the post-mortem list on ${ENGINE}`, () => {
	it('finds post-mortems by words of the root cause or the title', async () => {
		const breaker = await withPostmortem('Rack lost power', 'A breaker tripped on feed B');
		const bgp = await withPostmortem('Upstream BGP flap', 'Route leak from a transit peer');
		const manager = await makeUser(t.db, 'manager');
		const ids = async (q: string) =>
			(await listPostmortems(t.db, manager, query({ q }))).rows.map((r) => r.id);
		expect(await ids('breaker')).toContain(breaker);
		expect(await ids('breaker')).not.toContain(bgp);
		expect(await ids('BGP')).toContain(bgp);
		expect(await ids('transit peer')).toEqual([bgp]);
		// Wildcards are words, not patterns.
		expect(await ids('%')).toEqual([]);
	});

	it("shows a partner only their reseller's customers' post-mortems", async () => {
		const reseller = await makeReseller(t.db);
		const ours = await withPostmortem('Cross connect down', 'Patch panel mislabelled', reseller.id);
		const direct = await withPostmortem('Cross connect down', 'Patch panel mislabelled');
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { rows, total } = await listPostmortems(t.db, partner, query({ q: 'patch panel' }));
		expect(rows.map((r) => r.id)).toEqual([ours]);
		expect(rows.map((r) => r.id)).not.toContain(direct);
		expect(total).toBe(1);
	});
});
