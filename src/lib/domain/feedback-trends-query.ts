import { positiveInt } from './query-params';
import {
	REGIONS,
	SALES_CHANNELS,
	SEGMENTS,
	isOneOf,
	type Region,
	type SalesChannel,
	type Segment
} from './vocabulary';

/** How far back the trends reach, in months (the current month included). */
export const TREND_RANGES = [6, 12, 24] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

/** The customer groups the trends can be compared across. */
export const TREND_COMPARISONS = ['segment', 'region', 'channel', 'csm'] as const;
export type TrendComparison = (typeof TREND_COMPARISONS)[number];

/** The trends page's state, all of it in the URL. */
export interface FeedbackTrendsQuery {
	months: TrendRange;
	segment: Segment | null;
	region: Region | null;
	channel: SalesChannel | null;
	csm: number | null;
	compare: TrendComparison | null;
}

/** Reads the page's state from the URL; anything malformed falls back to the default. */
export function parseFeedbackTrendsQuery(params: URLSearchParams): FeedbackTrendsQuery {
	const months = Number(params.get('months'));
	const segment = params.get('segment');
	const region = params.get('region');
	const channel = params.get('channel');
	const compare = params.get('compare');
	return {
		months: isOneOf(TREND_RANGES.map(String), String(months)) ? (months as TrendRange) : 12,
		segment: isOneOf(SEGMENTS, segment) ? segment : null,
		region: isOneOf(REGIONS, region) ? region : null,
		channel: isOneOf(SALES_CHANNELS, channel) ? channel : null,
		csm: positiveInt(params.get('csm'), 2_147_483_647),
		compare: isOneOf(TREND_COMPARISONS, compare) ? compare : null
	};
}

/** The query as URL parameters, defaults left out: for links and CSV downloads. */
export function feedbackTrendsParams(query: FeedbackTrendsQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.months !== 12) params.set('months', String(query.months));
	if (query.segment) params.set('segment', query.segment);
	if (query.region) params.set('region', query.region);
	if (query.channel) params.set('channel', query.channel);
	if (query.csm !== null) params.set('csm', String(query.csm));
	if (query.compare) params.set('compare', query.compare);
	return params;
}
