import {
	ESCALATION_STATUSES,
	OPEN_STATUSES,
	PRIORITIES,
	type EscalationStatus,
	type Priority
} from './escalation';
import { positiveInt } from './query-params';
import { REGIONS, isOneOf, type Region } from './vocabulary';

export const ESCALATION_QUEUE_PAGE_SIZE = 50;

/**
 * The critical view keeps a P1 or P2 breached this many days ago even once it is resolved, for
 * the follow-up (its post-mortem); older breaches are history, found with the breach filter.
 */
export const CRITICAL_BREACH_DAYS = 30;

/** Which escalations by state: the open ones (default), one status, or all of them. */
export const QUEUE_STATES = ['open', ...ESCALATION_STATUSES, 'all'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** Clocks past 75 %, or past due (either clock, now or ever). */
export const QUEUE_CLOCKS = ['warning', 'breached'] as const;
export type QueueClock = (typeof QUEUE_CLOCKS)[number];

/** The escalation queue: every filter in the URL, soonest due first. */
export interface EscalationQueueQuery {
	/** 'critical': P1 and P2 that are open or breached in the last 30 days, the managers' view. */
	critical: boolean;
	priority: Priority | null;
	state: QueueState;
	owner: number | null;
	region: Region | null;
	clock: QueueClock | null;
	page: number;
}

export function parseEscalationQueueQuery(params: URLSearchParams): EscalationQueueQuery {
	const priority = params.get('priority');
	const state = params.get('state');
	const region = params.get('region');
	const clock = params.get('clock');
	return {
		critical: params.get('view') === 'critical',
		priority: isOneOf(PRIORITIES, priority) ? priority : null,
		state: isOneOf(QUEUE_STATES, state) ? state : 'open',
		owner: positiveInt(params.get('owner'), 2_147_483_647),
		region: isOneOf(REGIONS, region) ? region : null,
		clock: isOneOf(QUEUE_CLOCKS, clock) ? clock : null,
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}

/** The statuses a queue state stands for. */
export function statusesOf(state: QueueState): readonly EscalationStatus[] | null {
	if (state === 'all') return null;
	if (state === 'open') return OPEN_STATUSES;
	return [state];
}
