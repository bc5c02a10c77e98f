import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/lib/domain/errors';
import { parseFeedbackListQuery } from '../../src/lib/domain/feedback-list-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { exportAccountFeedback } from '../../src/lib/server/feedback/feedback-export';
import * as feedbackTab from '../../src/lib/server/feedback/feedback-tab.service';
import * as feedback from '../../src/lib/server/feedback/feedback.service';
import { downloadCsv } from '../support/csv';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// 18 November 2026, 09:00 in São Paulo. Every test makes its own account: rows are not rolled
// back between tests.
const NOW = new Date('2026-11-18T12:00:00Z');
const query = (params: Record<string, string> = {}) =>
	parseFeedbackListQuery(new URLSearchParams(params));

/** A CSM on the team of a fresh São Paulo account. */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		name: `Feedback ${uniqueTag()}`,
		time_zone: 'America/Sao_Paulo',
		segment: 'enterprise',
		region: 'latam',
		...values
	});
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

function capture(
	csm: SessionUser,
	accountId: number,
	overrides: Partial<feedback.FeedbackInput> = {}
) {
	return feedback.capture(
		t.db,
		csm,
		accountId,
		{
			kind: 'nps',
			score: 9,
			comment: 'Smooth migration to the new cage.',
			source: 'survey',
			contact_id: null,
			review_id: null,
			received_on: '2026-11-10',
			themes: [],
			tags: [],
			routed_team: null,
			status: 'new',
			...overrides
		},
		NOW
	);
}

/** The CSV a user downloads from the account's tab for these filters, two rows to a batch. */
async function download(
	user: SessionUser,
	accountId: number,
	params: Record<string, string> = {},
	batchSize = 2
) {
	return downloadCsv(
		await exportAccountFeedback(t.db, user, accountId, query(params), { now: NOW, batchSize })
	);
}

describe(`account feedback export on ${ENGINE}`, () => {
	it('writes every response the tab’s filters match, newest first, batch after batch', async () => {
		const { csm, account } = await setup();
		// Ties on the day, across the two-row batches.
		const days = ['2026-11-10', '2026-11-12', '2026-11-10', '2026-11-12', '2026-11-01'];
		for (const [i, received_on] of days.entries()) {
			await capture(csm, account.id, { received_on, comment: `r${i}` });
		}
		await capture(csm, account.id, { kind: 'csat', score: 5, comment: 'csat' });

		const tab = await feedbackTab.getForAccount(t.db, csm, account.id, query({ kind: 'nps' }), NOW);
		const { response, header, rows } = await download(csm, account.id, { kind: 'nps' });
		expect(header).toEqual([
			'Received on',
			'Kind',
			'Score',
			'Source',
			'Contact',
			'Review',
			'What the customer said',
			'Themes',
			'Routed to',
			'Status',
			'Follow-up owner',
			'Follow-up due',
			'Follow-up status'
		]);
		expect(rows.map((r) => r[6])).toEqual(['r3', 'r1', 'r2', 'r0', 'r4']);
		expect(rows.map((r) => r[6])).toEqual(tab.rows.map((r) => r.comment));
		expect(rows).toHaveLength(tab.total);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="keel-feedback-feedback-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		// Every response, whatever the batch size.
		for (const batchSize of [1, 1000]) {
			const all = await download(csm, account.id, {}, batchSize);
			expect(all.rows.map((r) => r[6])).toEqual(['r3', 'r1', 'csat', 'r2', 'r0', 'r4']);
		}
		expect((await download(csm, account.id, { status: 'routed' })).rows).toEqual([]);
	});

	it('labels each column, with the themes, routing and follow-up task', async () => {
		const { csm, account } = await setup();
		const contact = await t.db
			.insertInto('contacts')
			.values({ account_id: account.id, name: 'Ana Souza' })
			.returningAll()
			.executeTakeFirstOrThrow();
		await capture(csm, account.id, {
			score: 4,
			comment: 'Waited a week for the cross-connect, "again".',
			contact_id: contact.id,
			source: 'call',
			themes: ['delivery'],
			tags: ['lisbon site'],
			routed_team: 'site_operations',
			status: 'routed'
		});
		await capture(csm, account.id, { kind: 'comment', score: null, received_on: '2026-11-09' });
		const { rows } = await download(csm, account.id);
		expect(rows[0]).toEqual([
			'2026-11-10',
			'NPS',
			'4',
			'Call',
			'Ana Souza',
			'',
			'Waited a week for the cross-connect, "again".',
			'Delivery; lisbon site',
			'Site operations',
			'Routed',
			csm.name,
			'2026-11-20',
			'Open'
		]);
		expect(rows[1]!.slice(1, 3)).toEqual(['Comment', '']);
		expect(rows[1]!.slice(10)).toEqual(['', '', '']);
	});

	it('neutralises cells a spreadsheet would run, and words the file in the user’s language', async () => {
		const { csm, account } = await setup();
		const contact = await t.db
			.insertInto('contacts')
			.values({ account_id: account.id, name: '@import evil' })
			.returningAll()
			.executeTakeFirstOrThrow();
		await capture(csm, account.id, { comment: '=1+2', contact_id: contact.id });
		const { text, rows } = await download(csm, account.id);
		expect(rows[0]![4]).toBe(`'@import evil`);
		expect(rows[0]![6]).toBe(`'=1+2`);
		expect(text).toContain(`,'@import evil,,'=1+2,`);

		const portuguese = { ...csm, locale: 'pt-BR' as const };
		const { header, rows: linhas } = await download(portuguese, account.id);
		expect(header[0]).toBe('Recebido em');
		expect(header[10]).toBe('Responsável pelo retorno');
		expect(linhas[0]![3]).toBe('Pesquisa');
	});

	it('answers not found where the tab does: another reseller’s account, or none', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, account } = await setup({ reseller_id: reseller.id, sales_channel: 'reseller' });
		await capture(csm, account.id);
		const theirs = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const other = await makeUser(t.db, 'partner');
		for (const reader of [theirs, await makeUser(t.db, 'sales'), await makeUser(t.db, 'admin')]) {
			expect((await download(reader, account.id)).rows, reader.role).toHaveLength(1);
		}
		await expect(feedbackTab.getForAccount(t.db, other, account.id, query(), NOW)).rejects.toThrow(
			NotFoundError
		);
		await expect(exportAccountFeedback(t.db, other, account.id, query())).rejects.toThrow(
			NotFoundError
		);
		await expect(exportAccountFeedback(t.db, csm, 2_000_000_000, query())).rejects.toThrow(
			NotFoundError
		);
	});
});
