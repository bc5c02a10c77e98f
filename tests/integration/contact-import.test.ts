import { describe, expect, it } from 'vitest';
import * as imports from '../../src/lib/server/imports/import.service';
import { makeAccount, makeUser, uniqueTag } from '../support/factories';
import { checkAsOffered, uploadCsv } from '../support/imports';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const HEADER = 'Account ID;E-mail;Contact name;Job title;Phone;Primary contact;Onboarded on';

async function contactsOf(accountId: number) {
	return t.db
		.selectFrom('contacts')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('id')
		.execute();
}

describe(`contact import on ${ENGINE}`, () => {
	it('adds contacts to accounts found by external id, then updates them by email on re-import', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const other = await makeAccount(t.db, { external_id: `${tag}-B` });
		const old = await t.db
			.insertInto('contacts')
			.values({
				account_id: account.id,
				name: 'Old Primary',
				email: 'old@example.com',
				is_primary: true
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		const source = `Contacts ${tag}`;
		const file = [
			HEADER,
			`${tag}-A;Ana@Example.com;Ana Souza;CTO;;Sim;2026-10-01`,
			`${tag}-A;bruno@example.com;Bruno Lima;;"+55 11 5555-0000";não;`,
			`${tag}-B;carla@example.com;Carla Ruiz;CFO;;;`
		].join('\r\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'contacts', source });
		const { page, result, after } = await checkAsOffered(t.db, manager, id);
		expect(page.mappingOrigin).toBe('guessed');
		expect(page.mapping).toEqual({
			account_external_id: 0,
			email: 1,
			name: 2,
			title: 3,
			phone: 4,
			is_primary: 5,
			onboarded_on: 6
		});
		expect(result).toEqual({ ok: true, totals: { errors: 0, create: 3, update: 0, unchanged: 0 } });
		await imports.commit(t.db, manager, id, after.import.version);

		const contacts = await contactsOf(account.id);
		expect(contacts.map((c) => [c.name, c.email, c.is_primary, c.phone])).toEqual([
			// Ana became the primary contact, so the one before her no longer is (and moved on).
			['Old Primary', 'old@example.com', false, ''],
			['Ana Souza', 'ana@example.com', true, ''],
			['Bruno Lima', 'bruno@example.com', false, '+55 11 5555-0000']
		]);
		expect(contacts[0]!.version).toBe(old.version + 1);
		expect((await contactsOf(other.id)).map((c) => c.name)).toEqual(['Carla Ruiz']);
		const audits = await t.db
			.selectFrom('audit_log')
			.select(['action', 'account_id'])
			.where('entity', '=', 'contact')
			.where('account_id', 'in', [account.id, other.id])
			.execute();
		expect(audits).toHaveLength(3);

		// The same people again, the email in another case: one new title, nothing duplicated.
		const again = [
			HEADER,
			`${tag}-A;ANA@example.com;Ana Souza;CEO;;sim;2026-10-01`,
			`${tag}-A;bruno@example.com;Bruno Lima;;"+55 11 5555-0000";no;`,
			`${tag}-B;carla@example.com;Carla Ruiz;CFO;;;`
		].join('\n');
		const second = await uploadCsv(t.db, manager, again, { kind: 'contacts', source });
		const checked = await checkAsOffered(t.db, manager, second);
		expect(checked.page.mappingOrigin).toBe('remembered');
		expect(checked.result).toMatchObject({
			ok: true,
			totals: { create: 0, update: 1, unchanged: 2 }
		});
		await imports.commit(t.db, manager, second, checked.after.import.version);
		const updated = await contactsOf(account.id);
		expect(updated.map((c) => [c.name, c.title])).toEqual([
			['Old Primary', ''],
			['Ana Souza', 'CEO'],
			['Bruno Lima', '']
		]);
	});

	it('reports rows for unknown accounts, duplicates and a second primary, and commits nothing', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const file = [
			HEADER,
			`${tag}-A;one@example.com;One;;;yes;`,
			`${tag}-Z;two@example.com;Two;;;;`,
			`${tag}-A;ONE@example.com;One Again;;;;`,
			`${tag}-A;three@example.com;Three;;;yes;`,
			`${tag}-A;four@example;Four;;;perhaps;`
		].join('\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'contacts' });
		const { after } = await checkAsOffered(t.db, manager, id);
		expect(after.import).toMatchObject({ status: 'invalid', errorCount: 4 });
		expect(after.problems.map((p) => [p.line, p.column, p.message])).toEqual([
			[3, 'Account ID', `No account has the external id "${tag}-Z".`],
			[4, 'E-mail', 'Line 2 has the same account and email.'],
			[
				5,
				'Primary contact',
				'Line 2 already makes another contact of this account its primary contact.'
			],
			[6, 'E-mail', 'Enter an email address like name@example.com.'],
			[6, 'Primary contact', '"perhaps" is neither yes nor no.']
		]);
		await expect(imports.commit(t.db, manager, id, after.import.version)).rejects.toMatchObject({
			messageKey: 'import.error.notReady'
		});
		expect(await contactsOf(account.id)).toEqual([]);
	});
});
