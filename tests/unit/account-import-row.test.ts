import { describe, expect, it } from 'vitest';
import type { Account } from '../../src/lib/server/accounts/account.table';
import {
	ACCOUNT_IMPORT_FIELDS,
	checkAccountRow,
	type AccountImportContext
} from '../../src/lib/server/imports/account-import';
import { everyCatalogue, vocabularyLookups } from '../../src/lib/server/imports/import-labels';

const context = (separator: ',' | ';' = ','): AccountImportContext => ({
	separator,
	vocabularies: vocabularyLookups(ACCOUNT_IMPORT_FIELDS, catalogues),
	resellers: new Map([['connectwave', 7]])
});
const catalogues = await everyCatalogue();

const FULL = {
	external_id: 'SF-1',
	name: 'Acme',
	segment: 'Mid-market',
	region: 'emea',
	time_zone: 'Europe/Lisbon',
	lifecycle_stage: 'Adoption',
	sales_channel: 'direct',
	reseller: '',
	support_package: 'standard',
	arr: '120,000',
	renewal_date: '2027-03-31',
	notes: ''
};

const STORED: Account = {
	id: 42,
	external_id: 'SF-1',
	name: 'Acme',
	segment: 'mid_market',
	region: 'emea',
	time_zone: 'Europe/Lisbon',
	sales_channel: 'direct',
	reseller_id: null,
	support_package: 'standard',
	support_calendar_id: null,
	arr: 120_000,
	currency: 'USD',
	renewal_date: '2027-03-31',
	lifecycle_stage: 'adoption',
	notes: 'Kept',
	version: 3,
	created_at: new Date(),
	updated_at: new Date()
};

describe('an account row against the form rules', () => {
	it('creates an account from a complete row, reading labels and thousands separators', () => {
		const result = checkAccountRow(2, FULL, null, context());
		expect(result).toEqual({
			line: 2,
			ok: true,
			action: 'create',
			row: {
				externalId: 'SF-1',
				existing: null,
				values: {
					name: 'Acme',
					segment: 'mid_market',
					region: 'emea',
					time_zone: 'Europe/Lisbon',
					lifecycle_stage: 'adoption',
					sales_channel: 'direct',
					reseller_id: null,
					support_package: 'standard',
					arr: 120_000,
					renewal_date: '2027-03-31',
					notes: ''
				}
			}
		});
	});

	it('reports every problem of the row, each on its field', () => {
		const result = checkAccountRow(
			5,
			{
				...FULL,
				name: '',
				segment: 'Huge',
				arr: '-5',
				renewal_date: '31/03/2027',
				time_zone: 'Mars/Base'
			},
			null,
			context()
		);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.errors).toEqual([
			{ field: 'name', key: 'error.required' },
			{ field: 'segment', key: 'import.error.choice', params: { value: 'Huge' } },
			{ field: 'time_zone', key: 'error.timeZone' },
			{ field: 'arr', key: 'error.min', params: { min: 0 } },
			{ field: 'renewal_date', key: 'error.date' }
		]);
	});

	it('needs every field a new account needs to have a column', () => {
		const { external_id, name, arr } = FULL;
		const result = checkAccountRow(3, { external_id, name, arr }, null, context());
		expect(!result.ok && result.errors.map((e) => e.field)).toEqual([
			'segment',
			'region',
			'time_zone',
			'lifecycle_stage',
			'sales_channel',
			'support_package'
		]);
		expect(!result.ok && result.errors[0]!.key).toBe('import.error.notMapped');
	});

	it('updates only the columns the file has, keeping the rest as stored', () => {
		const result = checkAccountRow(
			4,
			{ external_id: 'SF-1', arr: '1.500.000' },
			STORED,
			context(';')
		);
		expect(result).toMatchObject({
			ok: true,
			action: 'update',
			row: { existing: STORED, values: { arr: 1_500_000, notes: 'Kept', segment: 'mid_market' } }
		});
	});

	it('calls a row that changes nothing unchanged', () => {
		expect(checkAccountRow(4, { ...FULL, notes: 'Kept' }, STORED, context())).toMatchObject({
			ok: true,
			action: 'unchanged'
		});
	});

	it('finds the reseller by name, and applies the form rule that a reseller sale names one', () => {
		expect(
			checkAccountRow(
				2,
				{ ...FULL, sales_channel: 'Revendedor', reseller: ' ConnectWave ' },
				null,
				context()
			)
		).toMatchObject({ ok: true, row: { values: { sales_channel: 'reseller', reseller_id: 7 } } });
		expect(
			checkAccountRow(
				2,
				{ ...FULL, sales_channel: 'reseller', reseller: 'Nobody' },
				null,
				context()
			)
		).toMatchObject({
			ok: false,
			errors: [
				{ field: 'reseller', key: 'import.error.resellerUnknown', params: { name: 'Nobody' } }
			]
		});
		expect(
			checkAccountRow(2, { ...FULL, sales_channel: 'reseller', reseller: '' }, null, context())
		).toMatchObject({
			ok: false,
			errors: [{ field: 'reseller', key: 'import.error.resellerRequired' }]
		});
		// A direct sale drops the reseller, as the form does.
		expect(checkAccountRow(2, { ...FULL, reseller: 'ConnectWave' }, null, context())).toMatchObject(
			{ ok: true, row: { values: { reseller_id: null } } }
		);
	});

	it('requires the external id', () => {
		expect(checkAccountRow(2, { ...FULL, external_id: '  ' }, null, context())).toMatchObject({
			ok: false,
			errors: [{ field: 'external_id', key: 'error.required' }]
		});
	});
});
