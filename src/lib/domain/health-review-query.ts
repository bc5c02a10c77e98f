import { HEALTH_BANDS, type HealthBand } from './health';
import { positiveInt } from './query-params';
import { REGIONS, SEGMENTS, isOneOf, type Region, type Segment } from './vocabulary';

export const HEALTH_REVIEW_PAGE_SIZE = 25;

/** How the review's account list is ordered. */
export const HEALTH_REVIEW_SORTS = ['score', 'arr', 'change'] as const;
export type HealthReviewSort = (typeof HEALTH_REVIEW_SORTS)[number];

/** The managers' health review, all of its state in the URL. */
export interface HealthReviewQuery {
	segment: Segment | null;
	region: Region | null;
	csm: number | null;
	band: HealthBand | null;
	/** 'score': worst first; 'arr': largest first; 'change': biggest fall this week first. */
	sort: HealthReviewSort;
	page: number;
}

/** Reads the review's state from the URL; anything malformed falls back to the default. */
export function parseHealthReviewQuery(params: URLSearchParams): HealthReviewQuery {
	const segment = params.get('segment');
	const region = params.get('region');
	const band = params.get('band');
	const sort = params.get('sort');
	return {
		segment: isOneOf(SEGMENTS, segment) ? segment : null,
		region: isOneOf(REGIONS, region) ? region : null,
		csm: positiveInt(params.get('csm'), 2_147_483_647),
		band: isOneOf(HEALTH_BANDS, band) ? band : null,
		sort: isOneOf(HEALTH_REVIEW_SORTS, sort) ? sort : 'score',
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}

/** The review's small tables an export can take instead of its accounts: bands and groups. */
export const HEALTH_REVIEW_TABLES = ['bands', 'csm', 'segment', 'region'] as const;
export type HealthReviewTable = (typeof HEALTH_REVIEW_TABLES)[number];

/** Which table an export asks for (`?table=`); null for the accounts list. */
export function parseHealthReviewTable(params: URLSearchParams): HealthReviewTable | null {
	const table = params.get('table');
	return isOneOf(HEALTH_REVIEW_TABLES, table) ? table : null;
}
