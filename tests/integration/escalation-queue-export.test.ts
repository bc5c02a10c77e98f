import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseEscalationQueueQuery } from '../../src/lib/domain/escalation-queue-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { exportEscalationQueue } from '../../src/lib/server/escalations/escalation-queue-export';
import { queue } from '../../src/lib/server/escalations/escalation-queue.service';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { csvDownload } from '../../src/lib/server/export/csv-download';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Wednesday 18 November 2026, 10:00Z: the one `now` of every export here.
const WED = new Date('2026-11-18T10:00:00Z');
const at = (iso: string) => sql<Date>`${iso}::timestamptz`;
const query = (params: Record<string, string>) =>
	parseEscalationQueueQuery(new URLSearchParams(params));

/** The CSV a user downloads for these queue parameters, read back as records, header first. */
async function download(user: SessionUser, params: Record<string, string>, batchSize = 2) {
	const { filename, header, batches } = await exportEscalationQueue(t.db, user, query(params), {
		now: WED,
		batchSize
	});
	const response = csvDownload(filename, header, batches);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
	expect(text.startsWith('\uFEFF')).toBe(true);
	return { response, records: text.slice(1).trimEnd().split('\r\n') };
}

const titles = (records: string[]) => records.slice(1).map((r) => r.split(',')[1]);

/** A P3 escalation owned by `owner` on a fresh EMEA account of its own (a reseller's, if given). */
async function escalation(owner: SessionUser, title: string, resellerId?: number) {
	const account = await makeAccount(t.db, {
		support_package: 'premium',
		...(resellerId ? { reseller_id: resellerId } : {})
	});
	await putOnTeam(t.db, account.id, owner);
	const id = await escalations.openEscalation(
		t.db,
		owner,
		account.id,
		{
			title,
			description: '',
			priority: 'P3',
			category: 'outage',
			external_ref: '',
			reported_via: 'phone',
			contact_id: null,
			owner_id: owner.id,
			routed_to: null
		},
		new Date('2026-11-18T09:00:00Z')
	);
	return { id, account };
}

/** Sets an escalation's sort keys and clocks outright: around the clock, so minutes are plain. */
async function shape(
	id: number,
	values: {
		priority: 'P1' | 'P2' | 'P3' | 'P4';
		opened: string;
		responseDue: string;
		resolutionDue?: string | null;
	}
) {
	await t.db
		.updateTable('escalations')
		.set({
			priority: values.priority,
			clock: '24x7',
			calendar_id: null,
			opened_at: at(values.opened),
			response_due_at: at(values.responseDue),
			resolution_due_at: values.resolutionDue ? at(values.resolutionDue) : null
		})
		.where('id', '=', id)
		.execute();
}

describe(`escalation queue export on ${ENGINE}`, () => {
	it('writes every matching escalation in the queue’s order, batch after batch', async () => {
		const tag = `Queue ${uniqueTag()}`;
		const owner = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const made: Record<string, Awaited<ReturnType<typeof escalation>>> = {};
		for (const name of ['r1', 'r2', 'rX', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8']) {
			made[name] = await escalation(owner, `${tag} ${name}`);
		}
		const id = (name: string) => made[name]!.id;
		await shape(id('r1'), {
			priority: 'P2',
			opened: '2026-11-18T09:00:00Z',
			responseDue: '2026-11-18T11:00:00Z',
			resolutionDue: '2026-11-18T15:00:00Z'
		});
		await shape(id('r2'), {
			priority: 'P1',
			opened: '2026-11-18T09:00:00Z',
			responseDue: '2026-11-18T12:00:00Z'
		});
		// Same due time and priority: newest first, by the microsecond. r4 and r3 were opened
		// within one millisecond; a batch ends on r4, and r3 must still come next.
		await shape(id('rX'), {
			priority: 'P2',
			opened: '2026-11-18T09:00:01Z',
			responseDue: '2026-11-18T12:00:00Z'
		});
		await shape(id('r4'), {
			priority: 'P2',
			opened: '2026-11-18T09:00:00.000700Z',
			responseDue: '2026-11-18T12:00:00Z'
		});
		await shape(id('r3'), {
			priority: 'P2',
			opened: '2026-11-18T09:00:00.000200Z',
			responseDue: '2026-11-18T12:00:00Z'
		});
		// Tied on every key: by id.
		for (const name of ['r5', 'r6']) {
			await shape(id(name), {
				priority: 'P3',
				opened: '2026-11-18T09:00:00Z',
				responseDue: '2026-11-18T13:00:00Z'
			});
		}
		// Both clocks stopped: no next due time, so last; P1 before P3 among them.
		for (const [name, priority] of [
			['r7', 'P3'],
			['r8', 'P1']
		] as const) {
			await shape(id(name), {
				priority,
				opened: '2026-11-18T09:00:00Z',
				responseDue: '2026-11-18T09:30:00Z',
				resolutionDue: '2026-11-18T15:00:00Z'
			});
			await t.db
				.updateTable('escalations')
				.set({
					status: 'resolved',
					acknowledged_at: at('2026-11-18T09:40:00Z'),
					resolved_at: at('2026-11-18T09:50:00Z'),
					response_breached_at: at('2026-11-18T09:30:00Z')
				})
				.where('id', '=', id(name))
				.execute();
		}

		const params = { owner: String(owner.id), state: 'all' };
		const { response, records } = await download(manager, params);
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="keel-escalations-2026-11-18.csv"'
		);
		const expected = ['r1', 'r2', 'rX', 'r4', 'r3', 'r5', 'r6', 'r8', 'r7'];
		expect(titles(records)).toEqual(expected.map((name) => `${tag} ${name}`));
		// The page lists them in the same order.
		const page = await queue(t.db, manager, query(params), WED);
		expect(page.rows.map((r) => r.id)).toEqual(expected.map(id));
		expect(records.length - 1).toBe(page.total);

		expect(records[0]).toBe(
			'Priority,Title,Account,Region,Status,Owner,Routed to,Ticket reference,Opened (UTC),' +
				'First response SLA,First response due (UTC),First response: support minutes left (negative: late),First response breached (UTC),' +
				'Resolution SLA,Resolution due (UTC),Resolution: support minutes left (negative: late),Resolution breached (UTC)'
		);
		const account = (name: string) => made[name]!.account.name;
		// An hour gone of two: on time, an hour left; the resolution has five of six left.
		expect(records[1]).toBe(
			`P2,${tag} r1,${account('r1')},EMEA,New,${owner.name},,,2026-11-18T09:00:00Z,` +
				'On time,2026-11-18T11:00:00Z,60,,On time,2026-11-18T15:00:00Z,300,'
		);
		// Answered ten minutes late (the breach recorded), resolved with 310 minutes to spare.
		expect(records[9]).toBe(
			`P3,${tag} r7,${account('r7')},EMEA,Resolved,${owner.name},,,2026-11-18T09:00:00Z,` +
				'Missed,2026-11-18T09:30:00Z,-10,2026-11-18T09:30:00Z,Met,2026-11-18T15:00:00Z,310,'
		);
	});

	it('applies the page’s filters as of one instant: the critical view and breached clocks', async () => {
		const tag = `Critical ${uniqueTag()}`;
		const owner = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const open = await escalation(owner, `${tag} open P1`);
		const recent = await escalation(owner, `${tag} resolved P2 breached 29 days ago`);
		const old = await escalation(owner, `${tag} resolved P1 breached 31 days ago`);
		const p3 = await escalation(owner, `${tag} open P3`);
		await shape(open.id, {
			priority: 'P1',
			opened: '2026-11-18T09:00:00Z',
			responseDue: '2026-11-18T10:00:00Z'
		});
		for (const [row, priority, breached] of [
			[recent, 'P2', '2026-10-20T10:00:00Z'],
			[old, 'P1', '2026-10-18T10:00:00Z']
		] as const) {
			await t.db
				.updateTable('escalations')
				.set({
					priority,
					status: 'resolved',
					acknowledged_at: at('2026-11-18T09:10:00Z'),
					resolved_at: at('2026-11-18T09:20:00Z'),
					resolution_breached_at: at(breached)
				})
				.where('id', '=', row.id)
				.execute();
		}

		for (const params of [
			{ view: 'critical', owner: String(owner.id) } as Record<string, string>,
			{ clock: 'breached', state: 'all', owner: String(owner.id) }
		]) {
			const { records } = await download(manager, params, 1);
			const page = await queue(t.db, manager, query(params), WED);
			expect(titles(records)).toEqual(page.rows.map((r) => r.title));
		}
		const critical = await download(manager, { view: 'critical', owner: String(owner.id) });
		expect(titles(critical.records).sort()).toEqual(
			[`${tag} open P1`, `${tag} resolved P2 breached 29 days ago`].sort()
		);
		expect(titles(critical.records)).not.toContain(`${tag} open P3`);
		expect(p3.id).toBeGreaterThan(0);
	});

	it('neutralises cells a spreadsheet would run as formulas', async () => {
		const owner = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const { id } = await escalation(owner, '=HYPERLINK("http://evil.example","click")');
		await t.db
			.updateTable('escalations')
			.set({ external_ref: '+cmd|calc', routed_to: 'gem' })
			.where('id', '=', id)
			.execute();
		const { records } = await download(manager, { owner: String(owner.id) });
		expect(records).toHaveLength(2);
		expect(records[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
		expect(records[1]).toContain(`,GEM (global escalation management),'+cmd|calc,`);
	});

	it('gives a partner only their reseller’s customers’ escalations, as the queue does', async () => {
		const tag = `Partner ${uniqueTag()}`;
		const reseller = await makeReseller(t.db);
		const other = await makeReseller(t.db);
		const owner = await makeUser(t.db, 'csm');
		await escalation(owner, `${tag} theirs`, reseller.id);
		await escalation(owner, `${tag} another reseller's`, other.id);
		await escalation(owner, `${tag} direct`);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { records } = await download(partner, { owner: String(owner.id), state: 'all' });
		expect(titles(records)).toEqual([`${tag} theirs`]);
		const page = await queue(t.db, partner, query({ owner: String(owner.id), state: 'all' }), WED);
		expect(page.total).toBe(1);
	});

	it('labels the columns and values in the user’s language', async () => {
		const owner = await makeUser(t.db, 'csm');
		const manager = { ...(await makeUser(t.db, 'manager')), locale: 'es' as const };
		await escalation(owner, `Idioma ${uniqueTag()}`);
		const { response, records } = await download(manager, { owner: String(owner.id) });
		expect(response.headers.get('content-disposition')).toContain('keel-escalations-');
		const [header, row] = records;
		expect(header).toContain('Prioridad');
		expect(header).toContain('Abierto (UTC)');
		expect(row).toContain(',Nuevo,');
	});
});
