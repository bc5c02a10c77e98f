import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { csvDownload } from '../../src/lib/server/export/csv-download';
import { exportMyWork } from '../../src/lib/server/tasks/my-work-export';
import { myWork } from '../../src/lib/server/tasks/my-work.service';
import { makeAccount, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Wednesday 18 November 2026, noon in UTC: My work runs to Tuesday the 24th.
const WED = new Date('2026-11-18T12:00:00Z');

/** A user in UTC, so "today" is the 18th whatever the default zone. */
async function user(role: 'csm' | 'partner' = 'csm', locale: 'en' | 'es' = 'en') {
	return { ...(await makeUser(t.db, role)), timeZone: 'UTC', locale };
}

/** The CSV a user downloads from My work, as records, header first. */
async function download(viewer: SessionUser, batchSize = 2) {
	const { filename, header, batches } = await exportMyWork(t.db, viewer, { now: WED, batchSize });
	const response = csvDownload(filename, header, batches);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
	expect(text.startsWith('\uFEFF')).toBe(true);
	return { response, records: text.slice(1).trimEnd().split('\r\n') };
}

async function task(
	accountId: number,
	owner: SessionUser,
	title: string,
	due_date: string,
	status: 'open' | 'done' = 'open'
) {
	const row = await t.db
		.insertInto('tasks')
		.values({ account_id: accountId, owner_user_id: owner.id, title, due_date, status })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

describe(`My work export on ${ENGINE}`, () => {
	it('writes the user’s open tasks due by the week’s end, in the page’s order, batch after batch', async () => {
		const tag = `Work ${uniqueTag()}`;
		const csm = await user();
		const colleague = await user();
		const a = await makeAccount(t.db, { name: `${tag} A` });
		const b = await makeAccount(t.db, { name: `${tag} B` });
		await putOnTeam(t.db, b.id, csm);
		await task(a.id, csm, `${tag} t1`, '2026-11-20');
		await task(a.id, csm, `${tag} t2`, '2026-11-15');
		// Same account and day as t1: by id, and a batch ends between them.
		await task(a.id, csm, `${tag} t3`, '2026-11-20');
		await task(a.id, csm, `${tag} after the week`, '2026-11-25');
		await task(a.id, csm, `${tag} done`, '2026-11-16', 'done');
		await task(a.id, colleague, `${tag} a colleague's`, '2026-11-16');
		await task(b.id, csm, `${tag} t6`, '2026-11-18');
		// A post-mortem's corrective action: the file says where it comes from, as the page does.
		const escalationId = await escalations.openEscalation(
			t.db,
			csm,
			b.id,
			{
				title: `${tag} outage`,
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
		const t7 = await task(b.id, csm, `${tag} t7`, '2026-11-10');
		await t.db
			.insertInto('escalation_actions')
			.values({ task_id: t7, escalation_id: escalationId })
			.execute();

		const { response, records } = await download(csm);
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="keel-my-work-2026-11-18.csv"'
		);
		const [header, ...rows] = records;
		expect(header).toBe('Account,Task,From,Due date,Days overdue');
		expect(rows).toEqual([
			`${tag} A,${tag} t2,,2026-11-15,3`,
			`${tag} A,${tag} t1,,2026-11-20,`,
			`${tag} A,${tag} t3,,2026-11-20,`,
			`${tag} B,${tag} t7,Post-mortem · ${tag} outage,2026-11-10,8`,
			`${tag} B,${tag} t6,,2026-11-18,`
		]);
		// The page lists the same tasks, in the same order.
		const page = await myWork(t.db, csm, WED);
		expect(page.groups.flatMap((g) => g.tasks.map((task) => task.title))).toEqual(
			rows.map((r) => r.split(',')[1])
		);
		expect(rows).toHaveLength(page.total);
	});

	it('has only the user’s own tasks: a colleague’s file has none of them', async () => {
		const tag = `Mine ${uniqueTag()}`;
		const csm = await user();
		const partner = await user('partner');
		const account = await makeAccount(t.db, { name: tag });
		await task(account.id, csm, `${tag} csm's`, '2026-11-19');
		await task(account.id, partner, `${tag} partner's`, '2026-11-19');
		const theirs = await download(partner);
		expect(theirs.records.slice(1)).toEqual([`${tag},${tag} partner's,,2026-11-19,`]);
		const stranger = await download(await user());
		expect(stranger.records).toHaveLength(1);
	});

	it('neutralises cells a spreadsheet would run as formulas', async () => {
		const csm = await user();
		const account = await makeAccount(t.db, { name: `@Account ${uniqueTag()}` });
		await task(account.id, csm, '=1+1, then "call"', '2026-11-19');
		const { records } = await download(csm);
		expect(records[1]).toBe(`'${account.name},"'=1+1, then ""call""",,2026-11-19,`);
	});

	it('labels the columns in the user’s language', async () => {
		const csm = await user('csm', 'es');
		const account = await makeAccount(t.db);
		await task(account.id, csm, 'Llamar', '2026-11-17');
		const { records } = await download(csm);
		expect(records[0]).toBe('Cuenta,Tarea,Origen,Fecha límite,Días de retraso');
		expect(records[1]).toBe(`${account.name},Llamar,,2026-11-17,1`);
	});
});
