import { describe, expect, it } from 'vitest';
import {
	parsePortfolioAdoptionQuery,
	type PortfolioAdoptionQuery
} from '../../src/lib/domain/portfolio-adoption-query';
import { REGIONS, SEGMENTS } from '../../src/lib/domain/vocabulary';

const parse = (query: string) => parsePortfolioAdoptionQuery(new URLSearchParams(query));

const DEFAULTS: PortfolioAdoptionQuery = {
	segment: null,
	region: null,
	csm: null,
	month: null,
	page: 1
};

describe('parsePortfolioAdoptionQuery', () => {
	it('gives the defaults for an empty query', () => {
		expect(parse('')).toEqual(DEFAULTS);
	});

	it('ignores parameters it does not know', () => {
		expect(parse('q=acme&sort=arr&limit=1000&offset=5')).toEqual(DEFAULTS);
	});

	it('reads every filter together', () => {
		expect(parse('segment=enterprise&region=latam&csm=12&month=2026-10&page=3')).toEqual({
			segment: 'enterprise',
			region: 'latam',
			csm: 12,
			month: '2026-10-01',
			page: 3
		});
	});

	it('keeps the other filters when one is malformed', () => {
		expect(parse('segment=enterprise&region=mars&csm=7&month=2026-13&page=2')).toEqual({
			segment: 'enterprise',
			region: null,
			csm: 7,
			month: null,
			page: 2
		});
	});

	describe('segment', () => {
		it('reads every known segment', () => {
			for (const segment of SEGMENTS) expect(parse(`segment=${segment}`).segment).toBe(segment);
		});

		it('falls back to all segments for anything else', () => {
			for (const raw of ['', 'Enterprise', 'ENTERPRISE', 'corporate', ' smb', 'smb%20']) {
				expect(parse(`segment=${raw}`).segment, raw).toBeNull();
			}
		});
	});

	describe('region', () => {
		it('reads every known region', () => {
			for (const region of REGIONS) expect(parse(`region=${region}`).region).toBe(region);
		});

		it('falls back to all regions for anything else', () => {
			for (const raw of ['', 'EMEA', 'europe', 'north-america', 'latam,emea']) {
				expect(parse(`region=${raw}`).region, raw).toBeNull();
			}
		});
	});

	describe('csm', () => {
		it('reads a user id', () => {
			expect(parse('csm=1').csm).toBe(1);
			expect(parse('csm=2147483647').csm).toBe(2_147_483_647);
		});

		it('falls back to every CSM for a malformed id', () => {
			for (const raw of ['', '0', 'abc', '-3', '1.5', '1e3', '12abc', '%2012', '0x1f']) {
				expect(parse(`csm=${raw}`).csm, raw).toBeNull();
			}
		});

		it('falls back for an id too large to exist', () => {
			expect(parse('csm=2147483648').csm).toBeNull();
			expect(parse('csm=99999999999999999999').csm).toBeNull();
		});
	});

	describe('month', () => {
		it('reads YYYY-MM as the first of that month', () => {
			expect(parse('month=2026-11').month).toBe('2026-11-01');
			expect(parse('month=2026-01').month).toBe('2026-01-01');
			expect(parse('month=2025-12').month).toBe('2025-12-01');
		});

		it('falls back to the newest month for anything else', () => {
			for (const raw of [
				'',
				'2026-13',
				'2026-00',
				'2026-1',
				'2026-11-01',
				'2026-11-05',
				'26-11',
				'2026/11',
				'latest',
				'0000-05',
				'1899-12'
			]) {
				expect(parse(`month=${raw}`).month, raw).toBeNull();
			}
		});
	});

	describe('page', () => {
		it('reads a page number', () => {
			expect(parse('page=1').page).toBe(1);
			expect(parse('page=42').page).toBe(42);
			expect(parse('page=100000').page).toBe(100_000);
		});

		it('falls back to the first page for a malformed number', () => {
			for (const raw of ['', '0', '-1', 'abc', '2.5', '1e2', '100001', '99999999999']) {
				expect(parse(`page=${raw}`).page, raw).toBe(1);
			}
		});
	});

	it('reads the first value when a parameter is repeated', () => {
		expect(parse('segment=smb&segment=enterprise&page=2&page=9')).toMatchObject({
			segment: 'smb',
			page: 2
		});
	});
});
