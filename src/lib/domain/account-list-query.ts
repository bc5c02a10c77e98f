import { positiveInt } from './query-params';
import { LIFECYCLE_STAGES, REGIONS, SALES_CHANNELS, SEGMENTS, isOneOf } from './vocabulary';
import type { LifecycleStage, Region, SalesChannel, Segment } from './vocabulary';

/** Columns the list may sort by: an allow-list, so a URL can never name arbitrary SQL. */
export const ACCOUNT_SORTS = [
	'name',
	'arr',
	'renewal_date',
	'segment',
	'region',
	'lifecycle_stage'
] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const PAGE_SIZE = 25;

export interface AccountListQuery {
	q: string;
	csm: number | null;
	segment: Segment | null;
	region: Region | null;
	stage: LifecycleStage | null;
	channel: SalesChannel | null;
	renewalWithin: number | null;
	sort: AccountSort;
	dir: 'asc' | 'desc';
	page: number;
}

/** Reads the list's state from the URL; anything malformed falls back to the default. */
export function parseAccountListQuery(params: URLSearchParams): AccountListQuery {
	const pick = <T extends string>(list: readonly T[], name: string) => {
		const value = params.get(name);
		return isOneOf(list, value) ? value : null;
	};
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		csm: positiveInt(params.get('csm'), 2_147_483_647),
		segment: pick(SEGMENTS, 'segment'),
		region: pick(REGIONS, 'region'),
		stage: pick(LIFECYCLE_STAGES, 'stage'),
		channel: pick(SALES_CHANNELS, 'channel'),
		renewalWithin: positiveInt(params.get('renewal'), 3650),
		sort: pick(ACCOUNT_SORTS, 'sort') ?? 'name',
		dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}
