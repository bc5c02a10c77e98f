import { describe, expect, it } from 'vitest';
import type { Contact } from '../../src/lib/server/accounts/account.table';
import {
	checkContactRow,
	type ContactImportContext
} from '../../src/lib/server/imports/contact-import';

const fresh = (): ContactImportContext => ({ primaries: new Map() });
const ROW = {
	account_external_id: 'SF-1',
	email: 'Ana@Example.com',
	name: 'Ana Souza',
	title: 'CTO',
	phone: '',
	is_primary: 'sim',
	onboarded_on: '2026-10-01'
};
const STORED: Contact = {
	id: 9,
	account_id: 4,
	name: 'Ana Souza',
	title: 'CTO',
	email: 'ana@example.com',
	phone: '+55 11 5555 0000',
	is_primary: true,
	onboarded_on: '2026-10-01',
	version: 2,
	created_at: new Date(),
	updated_at: new Date()
};

describe('a contact row against the contact form rules', () => {
	it('adds a contact to the account, reading yes/no in any language and the email as stored', () => {
		expect(checkContactRow(2, ROW, 4, [], fresh())).toEqual({
			line: 2,
			ok: true,
			action: 'create',
			row: {
				accountId: 4,
				existing: null,
				values: {
					name: 'Ana Souza',
					title: 'CTO',
					email: 'ana@example.com',
					phone: '',
					is_primary: true,
					onboarded_on: '2026-10-01'
				}
			}
		});
	});

	it('reports an account not in Keel, a bad email, a yes/no that is neither and a bad date', () => {
		const result = checkContactRow(
			3,
			{
				...ROW,
				account_external_id: 'NOPE',
				email: 'not-an-email',
				is_primary: 'maybe',
				onboarded_on: '2026-13-01'
			},
			null,
			[],
			fresh()
		);
		expect(!result.ok && result.errors).toEqual([
			{ field: 'email', key: 'error.email' },
			{ field: 'onboarded_on', key: 'error.date' },
			{ field: 'is_primary', key: 'import.error.yesNo', params: { value: 'maybe' } },
			{ field: 'account_external_id', key: 'import.error.accountUnknown', params: { id: 'NOPE' } }
		]);
	});

	it('updates the contact with that email, keeping what the file lacks', () => {
		const result = checkContactRow(
			4,
			{ account_external_id: 'SF-1', email: 'ANA@example.com', title: 'CEO' },
			4,
			[STORED],
			fresh()
		);
		expect(result).toMatchObject({
			ok: true,
			action: 'update',
			row: {
				existing: STORED,
				values: { title: 'CEO', phone: '+55 11 5555 0000', is_primary: true }
			}
		});
		expect(
			checkContactRow(4, { ...ROW, phone: '+55 11 5555 0000' }, 4, [STORED], fresh())
		).toMatchObject({
			ok: true,
			action: 'unchanged'
		});
	});

	it('needs the name to add a contact, and refuses an email two contacts share', () => {
		expect(
			checkContactRow(5, { account_external_id: 'SF-1', email: 'new@example.com' }, 4, [], fresh())
		).toMatchObject({
			ok: false,
			errors: [{ field: 'name', key: 'import.error.notMapped' }]
		});
		expect(checkContactRow(5, ROW, 4, [STORED, { ...STORED, id: 10 }], fresh())).toMatchObject({
			ok: false,
			errors: [{ field: 'email', key: 'import.error.contactAmbiguous' }]
		});
	});

	it('refuses a second primary contact for one account within a file', () => {
		const context = fresh();
		expect(checkContactRow(2, ROW, 4, [], context).ok).toBe(true);
		expect(
			checkContactRow(3, { ...ROW, email: 'other@example.com', is_primary: 'no' }, 4, [], context)
				.ok
		).toBe(true);
		expect(
			checkContactRow(4, { ...ROW, email: 'third@example.com', is_primary: 'yes' }, 4, [], context)
		).toMatchObject({
			ok: false,
			errors: [{ field: 'is_primary', key: 'import.error.twoPrimaries', params: { line: 2 } }]
		});
	});
});
