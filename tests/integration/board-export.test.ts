import { describe, expect, it } from 'vitest';
import { parseBoardQuery } from '../../src/lib/domain/onboarding-board-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { exportBoard } from '../../src/lib/server/onboarding/board-export';
import * as onboardingBoard from '../../src/lib/server/onboarding/board.service';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import { downloadCsv } from '../support/csv';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Today is 18 November 2026 (test users are on UTC). Rows are not rolled back between tests,
// so each test makes its own CSM and the board, as a CSM's, shows only theirs.
const NOW = new Date('2026-11-18T12:00:00Z');
const query = (params: Record<string, string> = {}) => parseBoardQuery(new URLSearchParams(params));

/**
 * An onboarding for `csm` started on `start` from the fixture template (phase targets 7, 14 and
 * 30 days; two items a phase): in phase 1, or in phase 2 with pre-onboarding skipped.
 */
async function onboardingFor(
	csm: SessionUser,
	start: string,
	options: { skipPre?: boolean; name?: string; resellerId?: number } = {}
) {
	const account = await makeAccount(t.db, {
		name: options.name ?? `Onboarding ${uniqueTag()}`,
		reseller_id: options.resellerId ?? null,
		time_zone: 'UTC'
	});
	await putOnTeam(t.db, account.id, csm);
	await onboarding.start(t.db, csm, account.id, {
		template_version_id: await makeTemplate(t.db),
		start_date: start,
		target_go_live: '2099-01-01',
		skip_pre_onboarding: options.skipPre ?? false,
		skip_reason: options.skipPre ? 'Small scope' : ''
	});
	return account;
}

/** The CSV a user downloads for these board filters, two rows to a batch. */
async function download(user: SessionUser, params: Record<string, string> = {}, batchSize = 2) {
	return downloadCsv(await exportBoard(t.db, user, query(params), { now: NOW, batchSize }));
}

describe(`onboarding board export on ${ENGINE}`, () => {
	it('writes every card phase by phase, longest over target first, as the board orders them', async () => {
		const csm = await makeUser(t.db, 'csm');
		const a = await onboardingFor(csm, '2026-11-08'); // 10 days of 7
		const b = await onboardingFor(csm, '2026-11-15'); // 3 of 7
		const c = await onboardingFor(csm, '2026-11-08'); // 10 of 7: a tie with A
		const d = await onboardingFor(csm, '2026-10-29', { skipPre: true }); // 20 of 14
		const e = await onboardingFor(csm, '2026-11-17', { skipPre: true }); // 1 of 14

		const board = await onboardingBoard.board(t.db, csm, query(), NOW);
		const cards = board.columns.flatMap((column) => column.cards);
		for (const batchSize of [1, 2, 1000]) {
			const { rows } = await download(csm, {}, batchSize);
			expect(
				rows.map((r) => r[1]),
				`batches of ${batchSize}`
			).toEqual([a, c, b, d, e].map((x) => x.name));
			expect(rows.map((r) => r[1])).toEqual(cards.map((card) => card.account_name));
		}

		const { response, header, rows } = await download(csm);
		expect(rows).toHaveLength(board.total);
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="keel-onboarding-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		expect(header).toEqual([
			'Current phase',
			'Name',
			'Segment',
			'Region',
			'CSM',
			'Target go-live',
			'Phase started',
			'Days in phase',
			'Phase target (days)',
			'Items',
			'Items done or skipped',
			'Items overdue',
			'At risk'
		]);
		// Phase 1's items were due 2 and 5 days in; the rest are not due yet.
		expect(rows[0]).toEqual([
			'Pre-onboarding',
			a.name,
			'Mid-market',
			'EMEA',
			csm.name,
			'2099-01-01',
			'2026-11-08',
			'10',
			'7',
			'6',
			'0',
			'2',
			'At risk: phase over target; At risk: required items overdue'
		]);
		const card = cards.find((x) => x.account_id === d.id)!;
		expect(rows[3]).toEqual([
			'Kick-off',
			d.name,
			'Mid-market',
			'EMEA',
			csm.name,
			'2099-01-01',
			'2026-10-29',
			String(card.daysInPhase),
			String(card.target_days),
			String(card.total),
			String(card.settled),
			String(card.overdue),
			'At risk: phase over target; At risk: required items overdue'
		]);
		expect(rows[4]!.slice(7, 9)).toEqual(['1', '14']);
		expect(rows[4]![12]).toBe('');
	});

	it('writes every onboarding the filters find, not only the 25 a column shows', async () => {
		const csm = await makeUser(t.db, 'csm');
		for (let i = 0; i < 27; i++) await onboardingFor(csm, '2026-11-10');
		const board = await onboardingBoard.board(t.db, csm, query(), NOW);
		expect([board.columns[0]!.cards.length, board.total]).toEqual([25, 27]);
		const { rows } = await download(csm, {}, 10);
		expect(rows).toHaveLength(27);
		expect(rows.slice(0, 25).map((r) => r[1])).toEqual(
			board.columns[0]!.cards.map((card) => card.account_name)
		);
		// Filtered out by region: none of this CSM's accounts is in APAC.
		expect((await download(csm, { region: 'apac' })).rows).toEqual([]);
	});

	it('gives a partner only their reseller’s onboardings, and a CSM everyone’s on request', async () => {
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const csm = await makeUser(t.db, 'csm');
		const resold = await onboardingFor(csm, '2026-11-10', { resellerId: reseller.id });
		const direct = await onboardingFor(csm, '2026-11-10');
		const partnerRows = (await download(partner, { csm: 'all' })).rows.map((r) => r[1]);
		expect(partnerRows).toEqual([resold.name]);
		const board = await onboardingBoard.board(t.db, partner, query({ csm: 'all' }), NOW);
		expect(board.total).toBe(1);

		const other = await makeUser(t.db, 'csm');
		expect((await download(other)).rows).toEqual([]);
		const everyone = (await download(other, { csm: 'all' }, 1000)).rows.map((r) => r[1]);
		expect(everyone).toEqual(expect.arrayContaining([resold.name, direct.name]));
	});

	it('neutralises cells a spreadsheet would run, and words the file in the user’s language', async () => {
		const csm = await makeUser(t.db, 'csm');
		const account = await onboardingFor(csm, '2026-11-16', { name: `-2+3 ${uniqueTag()}` });
		const { rows } = await download(csm);
		expect(rows[0]![1]).toBe(`'${account.name}`);

		const spanish = { ...csm, locale: 'es' as const };
		const { header, rows: filas } = await download(spanish);
		expect(header.slice(0, 2)).toEqual(['Fase actual', 'Nombre']);
		expect(header[7]).toBe('Días en la fase');
		expect(filas[0]![2]).toBe('Mediana empresa');
	});
});
