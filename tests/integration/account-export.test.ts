import { describe, expect, it } from 'vitest';
import { parseAccountListQuery } from '../../src/lib/domain/account-list-query';
import { exportAccounts } from '../../src/lib/server/accounts/account-export';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { downloadCsv } from '../support/csv';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const query = (params: Record<string, string>) =>
	parseAccountListQuery(new URLSearchParams(params));

/** The CSV a user downloads for these list parameters: the response, its text and records. */
const download = async (user: SessionUser, params: Record<string, string>, batchSize = 2) =>
	downloadCsv(await exportAccounts(t.db, user, query(params), { batchSize }));

describe(`account export on ${ENGINE}`, () => {
	it('writes every matching account in the list’s sort, batch after batch, nulls last', async () => {
		const tag = `Export ${uniqueTag()}`;
		const manager = await makeUser(t.db, 'manager');
		const renewals = [
			'2027-05-01',
			null,
			'2027-01-15',
			'2027-05-01',
			null,
			'2026-12-31',
			'2027-03-01'
		];
		const made = [];
		for (const [i, renewal_date] of renewals.entries()) {
			made.push(await makeAccount(t.db, { name: `${tag} ${i}`, renewal_date }));
		}
		// Another segment, filtered out.
		await makeAccount(t.db, { name: `${tag} other`, segment: 'smb' });

		const { response, header, rows } = await download(manager, {
			q: tag,
			segment: 'mid_market',
			sort: 'renewal_date',
			dir: 'desc'
		});

		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="keel-accounts-\d{4}-\d{2}-\d{2}\.csv"$/
		);
		expect(header).toEqual([
			'External id',
			'Name',
			'Segment',
			'Region',
			'Lifecycle stage',
			'Sales channel',
			'Reseller',
			'ARR',
			'Currency',
			'Renewal',
			'CSM'
		]);
		// Latest renewal first; ties by creation; accounts without a renewal date at the end.
		expect(rows.map((r) => r[1])).toEqual([0, 3, 6, 2, 5, 1, 4].map((i) => `${tag} ${i}`));
		expect(rows[0]).toEqual([
			'',
			`${tag} 0`,
			'Mid-market',
			'EMEA',
			'Adoption',
			'Direct',
			'',
			'120000',
			made[0]!.currency,
			'2027-05-01',
			''
		]);
	});

	it('neutralises cells a spreadsheet would run as formulas, and quotes what needs it', async () => {
		const tag = `Formula ${uniqueTag()}`;
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db, {
			name: `=HYPERLINK("http://evil.example","${tag}")`,
			external_id: '+cmd|calc'
		});
		await putOnTeam(t.db, account.id, csm);

		const { text, rows } = await download(manager, { q: tag });
		// As written: behind an apostrophe, and the name quoted with its quotes doubled.
		expect(text).toContain(`\r\n'+cmd|calc,"'=HYPERLINK(""http://evil.example"",""${tag}"")",`);
		expect(rows[0]).toEqual([
			"'+cmd|calc",
			`'=HYPERLINK("http://evil.example","${tag}")`,
			'Mid-market',
			'EMEA',
			'Adoption',
			'Direct',
			'',
			'120000',
			account.currency,
			'2027-03-31',
			csm.name
		]);
	});

	it('gives a partner only their reseller’s customers, as the list does', async () => {
		const tag = `Partner ${uniqueTag()}`;
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		await makeAccount(t.db, { name: `${tag} theirs`, reseller_id: reseller.id });
		await makeAccount(t.db, { name: `${tag} direct` });
		const { rows } = await download(partner, { q: tag });
		expect(rows.map((r) => r[1])).toEqual([`${tag} theirs`]);
	});

	it('labels the columns and values in the user’s language', async () => {
		const tag = `Idioma ${uniqueTag()}`;
		const manager = { ...(await makeUser(t.db, 'manager')), locale: 'es' as const };
		await makeAccount(t.db, { name: tag });
		const { header, rows } = await download(manager, { q: tag });
		expect(header).toContain('Segmento');
		expect(rows[0]).toContain('Mediana empresa');
	});
});
