import { positiveInt } from './query-params';
import { REGIONS, SEGMENTS, isOneOf, type Region, type Segment } from './vocabulary';

export const PORTFOLIO_PAGE_SIZE = 25;

/** The view's tables a CSV can be downloaded for (`/adoption/export.csv?table=…`). */
export const PORTFOLIO_TABLES = ['least-adopted', 'utilisation'] as const;
export type PortfolioTable = (typeof PORTFOLIO_TABLES)[number];

/** The portfolio adoption view's state, all of it in the URL. */
export interface PortfolioAdoptionQuery {
	segment: Segment | null;
	region: Region | null;
	csm: number | null;
	/** 'YYYY-MM-01', or null for the newest month with data. */
	month: string | null;
	page: number;
}

/** Reads the view's state from the URL; anything malformed falls back to the default. */
export function parsePortfolioAdoptionQuery(params: URLSearchParams): PortfolioAdoptionQuery {
	const segment = params.get('segment');
	const region = params.get('region');
	const month = params.get('month') ?? '';
	// From 1900, as the month field takes it: PostgreSQL has no year 0, so '0000-05' would fail.
	const monthOk = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && Number(month.slice(0, 4)) >= 1900;
	return {
		segment: isOneOf(SEGMENTS, segment) ? segment : null,
		region: isOneOf(REGIONS, region) ? region : null,
		csm: positiveInt(params.get('csm'), 2_147_483_647),
		month: monthOk ? `${month}-01` : null,
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}
