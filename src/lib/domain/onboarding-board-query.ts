import { REGIONS, SEGMENTS, isOneOf, type Region, type Segment } from './vocabulary';

export interface BoardQuery {
	/** A CSM's user id; 'all' shows everyone's. */
	csm: number | 'all' | null;
	region: Region | null;
	segment: Segment | null;
}

/** The board's filters from the URL; a CSM with no csm parameter sees their own. */
export function parseBoardQuery(params: URLSearchParams): BoardQuery {
	const csm = params.get('csm');
	const region = params.get('region');
	const segment = params.get('segment');
	return {
		csm: csm === 'all' ? 'all' : csm && /^\d{1,10}$/.test(csm) ? Number(csm) : null,
		region: isOneOf(REGIONS, region) ? region : null,
		segment: isOneOf(SEGMENTS, segment) ? segment : null
	};
}
