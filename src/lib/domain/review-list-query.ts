import { positiveInt } from './query-params';
import { REVIEW_KINDS, type ReviewKind } from './review';
import { REGIONS, SEGMENTS, isOneOf, type Region, type Segment } from './vocabulary';

export const REVIEW_LIST_PAGE_SIZE = 25;

/**
 * The three lists on /reviews: reviews still planned from now on, reviews still planned whose
 * time has passed (held or not, nobody recorded them), and accounts behind their segment's cadence.
 */
export const REVIEW_VIEWS = ['upcoming', 'overdue', 'cadence'] as const;
export type ReviewView = (typeof REVIEW_VIEWS)[number];

/** The reviews list: every filter in the URL. */
export interface ReviewListQuery {
	view: ReviewView;
	kind: ReviewKind | null;
	/** A CSM's user id; 'all' shows everyone's; null: the default (a CSM's own, else all). */
	csm: number | 'all' | null;
	segment: Segment | null;
	region: Region | null;
	page: number;
}

export function parseReviewListQuery(params: URLSearchParams): ReviewListQuery {
	const view = params.get('view');
	const kind = params.get('kind');
	const csm = params.get('csm');
	const segment = params.get('segment');
	const region = params.get('region');
	return {
		view: isOneOf(REVIEW_VIEWS, view) ? view : 'upcoming',
		kind: isOneOf(REVIEW_KINDS, kind) ? kind : null,
		csm: csm === 'all' ? 'all' : positiveInt(csm, 2_147_483_647),
		segment: isOneOf(SEGMENTS, segment) ? segment : null,
		region: isOneOf(REGIONS, region) ? region : null,
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}

/** A page number within the account's own review history (newest first). */
export const ACCOUNT_REVIEWS_PAGE_SIZE = 20;
