import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parsePostmortemQuery } from '../../src/lib/domain/postmortem-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { exportPostmortems } from '../../src/lib/server/escalations/postmortem-export';
import { listPostmortems } from '../../src/lib/server/escalations/postmortem-list';
import * as postmortems from '../../src/lib/server/escalations/postmortem.service';
import { csvDownload } from '../../src/lib/server/export/csv-download';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const WED = new Date('2026-11-18T10:00:00Z');
const query = (params: Record<string, string>) => parsePostmortemQuery(new URLSearchParams(params));

/** The CSV a user downloads for these list parameters, as records, header first. */
async function download(user: SessionUser, params: Record<string, string>, batchSize = 2) {
	const { filename, header, batches } = await exportPostmortems(t.db, user, query(params), {
		now: WED,
		batchSize
	});
	const response = csvDownload(filename, header, batches);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
	expect(text.startsWith('\uFEFF')).toBe(true);
	return { response, records: text.slice(1).trimEnd().split('\r\n') };
}

const titles = (records: string[]) => records.slice(1).map((r) => r.split(',')[1]);

/** A P1 with a post-mortem on a fresh account (a reseller's, if given); its id and csm. */
async function withPostmortem(
	title: string,
	options: { resellerId?: number; rootCause?: string; summary?: string } = {}
) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		support_package: 'premium',
		...(options.resellerId ? { reseller_id: options.resellerId } : {})
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
		root_cause: options.rootCause ?? 'A breaker tripped',
		summary: options.summary ?? 'Fixed and monitored for a week.'
	});
	return { id, csm, account };
}

describe(`post-mortem export on ${ENGINE}`, () => {
	it('writes every matching post-mortem newest first, batch after batch, ties by escalation', async () => {
		const tag = `pm${uniqueTag()}`;
		const made: Record<string, Awaited<ReturnType<typeof withPostmortem>>> = {};
		for (const name of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) {
			made[name] = await withPostmortem(`${tag} ${name}`);
		}
		// p2 and p3 were saved within one millisecond, and a batch ends on p2; p4 and p5 at the
		// same instant, the later escalation first.
		for (const [name, saved] of [
			['p1', '2026-11-18T12:00:00Z'],
			['p2', '2026-11-18T11:00:00.000700Z'],
			['p3', '2026-11-18T11:00:00.000200Z'],
			['p4', '2026-11-18T10:00:00Z'],
			['p5', '2026-11-18T10:00:00Z'],
			['p6', '2026-11-18T09:00:00Z']
		] as const) {
			await t.db
				.updateTable('postmortems')
				.set({ updated_at: sql<Date>`${saved}::timestamptz` })
				.where('escalation_id', '=', made[name]!.id)
				.execute();
		}
		// Another search's post-mortem, left out.
		await withPostmortem(`other${uniqueTag()}`);

		const manager = await makeUser(t.db, 'manager');
		const { response, records } = await download(manager, { q: tag });
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="keel-postmortems-2026-11-18.csv"'
		);
		const expected = ['p1', 'p2', 'p3', 'p5', 'p4', 'p6'];
		expect(titles(records)).toEqual(expected.map((name) => `${tag} ${name}`));
		const page = await listPostmortems(t.db, manager, query({ q: tag }));
		expect(page.rows.map((r) => r.id)).toEqual(expected.map((name) => made[name]!.id));
		expect(records.length - 1).toBe(page.total);

		expect(records[0]).toBe(
			'Priority,Title,Account,Opened (UTC),Root cause,What happened and what changes,Written by,Last saved (UTC)'
		);
		const { account, csm } = made.p1!;
		expect(records[1]).toBe(
			`P1,${tag} p1,${account.name},2026-11-18T10:00:00Z,A breaker tripped,Fixed and monitored for a week.,${csm.name},2026-11-18T12:00:00Z`
		);
	});

	it('neutralises cells a spreadsheet would run as formulas, and quotes what needs it', async () => {
		const tag = `formula${uniqueTag()}`;
		await withPostmortem(`${tag} loss`, {
			rootCause: '-2+3 volts on feed B',
			summary: '@SUM(A1), then "fixed"'
		});
		const manager = await makeUser(t.db, 'manager');
		const { records } = await download(manager, { q: tag });
		expect(records).toHaveLength(2);
		expect(records[1]).toContain(`,'-2+3 volts on feed B,"'@SUM(A1), then ""fixed""",`);
	});

	it('gives a partner only their reseller’s customers’ post-mortems, as the list does', async () => {
		const tag = `partner${uniqueTag()}`;
		const reseller = await makeReseller(t.db);
		await withPostmortem(`${tag} theirs`, { resellerId: reseller.id });
		await withPostmortem(`${tag} direct`);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { records } = await download(partner, { q: tag });
		expect(titles(records)).toEqual([`${tag} theirs`]);
	});

	it('labels the columns in the user’s language', async () => {
		const tag = `idioma${uniqueTag()}`;
		await withPostmortem(`${tag} caída`);
		const manager = { ...(await makeUser(t.db, 'manager')), locale: 'es' as const };
		const { records } = await download(manager, { q: tag });
		expect(records[0]).toContain('Redactado por');
		expect(records[0]).toContain('Abierto (UTC)');
		expect(records).toHaveLength(2);
	});
});
