import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_SORTS,
	parseAccountListQuery,
	type AccountListQuery
} from '../../src/lib/domain/account-list-query';
import {
	LIFECYCLE_STAGES,
	REGIONS,
	SALES_CHANNELS,
	SEGMENTS
} from '../../src/lib/domain/vocabulary';

const parse = (query: string) => parseAccountListQuery(new URLSearchParams(query));

const DEFAULTS: AccountListQuery = {
	q: '',
	csm: null,
	segment: null,
	region: null,
	stage: null,
	channel: null,
	renewalWithin: null,
	sort: 'name',
	dir: 'asc',
	page: 1
};

describe('parseAccountListQuery', () => {
	it('gives the defaults for an empty query', () => {
		expect(parse('')).toEqual(DEFAULTS);
	});

	it('ignores parameters it does not know', () => {
		expect(parse('foo=bar&limit=1000&offset=5')).toEqual(DEFAULTS);
	});

	it('reads every filter together', () => {
		expect(
			parse(
				'q=acme&csm=12&segment=enterprise&region=latam&stage=renewal&channel=reseller&renewal=90&sort=arr&dir=desc&page=3'
			)
		).toEqual({
			q: 'acme',
			csm: 12,
			segment: 'enterprise',
			region: 'latam',
			stage: 'renewal',
			channel: 'reseller',
			renewalWithin: 90,
			sort: 'arr',
			dir: 'desc',
			page: 3
		});
	});

	describe('q', () => {
		it('trims the search text', () => {
			expect(parse('q=%20%20Acme%20Corp%20%20').q).toBe('Acme Corp');
		});

		it('keeps what SQL would find special as plain text, for the repository to bind', () => {
			expect(parse("q=O'Brien%25_").q).toBe("O'Brien%_");
		});

		it('caps the search text at 100 characters, after trimming', () => {
			expect(parse(`q=${'a'.repeat(100)}`).q).toBe('a'.repeat(100));
			expect(parse(`q=${'b'.repeat(250)}`).q).toBe('b'.repeat(100));
			expect(parse(`q=${'%20'.repeat(20)}${'c'.repeat(100)}`).q).toBe('c'.repeat(100));
		});

		it('gives the empty string for whitespace only', () => {
			expect(parse('q=%20%20').q).toBe('');
		});
	});

	describe.each([
		['segment', SEGMENTS],
		['region', REGIONS],
		['stage', LIFECYCLE_STAGES],
		['channel', SALES_CHANNELS]
	] as const)('%s', (name, list) => {
		const field = name as 'segment' | 'region' | 'stage' | 'channel';

		it.each([...list])(`reads ${name}=%s`, (value) => {
			expect(parse(`${name}=${value}`)[field]).toBe(value);
		});

		it.each(['', 'unknown', list[0].toUpperCase(), ` ${list[0]}`, `${list[0]};drop table`])(
			`falls back to no filter for ${name}=%j`,
			(value) => {
				expect(parse(`${name}=${encodeURIComponent(value)}`)[field]).toBeNull();
			}
		);
	});

	describe('csm', () => {
		it('reads a positive id', () => {
			expect(parse('csm=1').csm).toBe(1);
			expect(parse('csm=42').csm).toBe(42);
			expect(parse('csm=123456789').csm).toBe(123_456_789);
		});

		it.each(['', '0', '-1', 'abc', '1.5', '1e3', '12abc', ' 12', '0x1f', 'me'])(
			'falls back to no filter for csm=%j',
			(value) => {
				expect(parse(`csm=${encodeURIComponent(value)}`).csm).toBeNull();
			}
		);
	});

	describe('renewal', () => {
		it('reads a day count from 1 to 3650', () => {
			expect(parse('renewal=1').renewalWithin).toBe(1);
			expect(parse('renewal=30').renewalWithin).toBe(30);
			expect(parse('renewal=3650').renewalWithin).toBe(3650);
		});

		it.each(['3651', '99999', '0', '-30', 'soon', '30.5', ''])(
			'falls back to no filter for renewal=%j',
			(value) => {
				expect(parse(`renewal=${value}`).renewalWithin).toBeNull();
			}
		);
	});

	describe('sort and dir', () => {
		it.each([...ACCOUNT_SORTS])('sorts by the allowed column %s', (sort) => {
			expect(parse(`sort=${sort}`).sort).toBe(sort);
		});

		it.each([
			'name; drop table accounts',
			'name desc',
			'id',
			'password_hash',
			'NAME',
			'',
			'1',
			'arr,name'
		])('falls back to name for sort=%j', (value) => {
			expect(parse(`sort=${encodeURIComponent(value)}`).sort).toBe('name');
		});

		it('reads desc, and anything else as asc', () => {
			expect(parse('dir=desc').dir).toBe('desc');
			expect(parse('dir=asc').dir).toBe('asc');
			expect(parse('dir=DESC').dir).toBe('asc');
			expect(parse('dir=descending').dir).toBe('asc');
			expect(parse('dir=').dir).toBe('asc');
		});
	});

	describe('page', () => {
		it('reads a page number', () => {
			expect(parse('page=1').page).toBe(1);
			expect(parse('page=7').page).toBe(7);
			expect(parse('page=100000').page).toBe(100_000);
		});

		it.each(['0', '-1', 'abc', '', '2.5', '1e2', '100001', '9999999999'])(
			'falls back to page 1 for page=%j',
			(value) => {
				expect(parse(`page=${value}`).page).toBe(1);
			}
		);
	});

	it('takes the first of repeated parameters', () => {
		expect(parse('segment=smb&segment=enterprise').segment).toBe('smb');
		expect(parse('page=2&page=5').page).toBe(2);
	});

	it('keeps the good parameters when others are bad', () => {
		expect(parse('segment=smb&region=mars&page=-1&sort=drop&renewal=60')).toEqual({
			...DEFAULTS,
			segment: 'smb',
			renewalWithin: 60
		});
	});
});

describe('ten-digit ids', () => {
	it('accepts CSM ids up to the integer maximum', () => {
		expect(parseAccountListQuery(new URLSearchParams('csm=1000000000')).csm).toBe(1_000_000_000);
		expect(parseAccountListQuery(new URLSearchParams('csm=2147483647')).csm).toBe(2_147_483_647);
		expect(parseAccountListQuery(new URLSearchParams('csm=2147483648')).csm).toBeNull();
	});
});
