import { CHURN_SEVERITIES, type ChurnSeverity } from './churn';
import { positiveInt } from './query-params';
import { isOneOf } from './vocabulary';

export const RISK_LIST_PAGE_SIZE = 25;

export const RISK_SORTS = ['arr', 'renewal'] as const;
export type RiskSort = (typeof RISK_SORTS)[number];

/** Which flags: those needing work (open, mitigating) or those closed. */
export const RISK_STATES = ['active', 'closed'] as const;
export type RiskState = (typeof RISK_STATES)[number];

/** The churn risk list (sales and managers), all of its state in the URL. */
export interface RiskListQuery {
	state: RiskState;
	severity: ChurnSeverity | null;
	/** Renewals within this many days: the 6- and 3-month checkpoints. */
	renewal: 180 | 90 | null;
	/** Managers only: one CSM's accounts. */
	csm: number | null;
	/** 'arr': most ARR at risk first; 'renewal': soonest renewal first. */
	sort: RiskSort;
	page: number;
}

export function parseRiskListQuery(params: URLSearchParams): RiskListQuery {
	const state = params.get('state');
	const severity = params.get('severity');
	const sort = params.get('sort');
	const renewal = params.get('renewal');
	return {
		state: isOneOf(RISK_STATES, state) ? state : 'active',
		severity: isOneOf(CHURN_SEVERITIES, severity) ? severity : null,
		renewal: renewal === '180' ? 180 : renewal === '90' ? 90 : null,
		csm: positiveInt(params.get('csm'), 2_147_483_647),
		sort: isOneOf(RISK_SORTS, sort) ? sort : 'arr',
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}
