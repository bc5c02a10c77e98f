/**
 * Business reviews: their kinds and workflow, and the cadence rule that says which accounts are
 * due one. Pure: the reviews section asks here.
 */
import { addDays, addMonths } from './dates';
import type { Segment } from './vocabulary';

/** CBR (customer business review), OBR (operational), QBR, EBR, and operational survey reviews. */
export const REVIEW_KINDS = ['cbr', 'obr', 'qbr', 'ebr', 'survey_review'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** How often a segment's accounts should have a kind of review. */
export interface ReviewCadence {
	segment: Segment;
	kind: ReviewKind;
	everyMonths: number;
}

/**
 * Where an account stands against a cadence:
 * - `scheduled`: a review is planned on or before it is due;
 * - `late`: one is planned, but after it is due;
 * - `not_due`: none is planned, and it is due more than `SCHEDULE_LEAD_DAYS` away;
 * - `unscheduled`: none is planned, and it is due within `SCHEDULE_LEAD_DAYS`;
 * - `overdue`: none is planned, and it is past due.
 * `late`, `unscheduled` and `overdue` are the flags a CSM acts on.
 */
export type CadenceStanding = 'scheduled' | 'late' | 'not_due' | 'unscheduled' | 'overdue';

/** A review due within this many days should be in the diary already. */
export const SCHEDULE_LEAD_DAYS = 30;

export const FLAGGED_STANDINGS = [
	'late',
	'unscheduled',
	'overdue'
] as const satisfies CadenceStanding[];

/**
 * When the next review of a cadence is due: `everyMonths` after the last one held, or after the
 * account became a customer when none has been held yet. Days are the account's local days.
 */
export function reviewDueOn(everyMonths: number, lastHeld: string | null, since: string): string {
	return addMonths(lastHeld ?? since, everyMonths);
}

export function cadenceStanding(facts: {
	dueOn: string;
	/** The earliest review of the kind still planned, if any (a local day). */
	nextPlanned: string | null;
	today: string;
}): CadenceStanding {
	if (facts.nextPlanned !== null) return facts.nextPlanned <= facts.dueOn ? 'scheduled' : 'late';
	if (facts.today > facts.dueOn) return 'overdue';
	return addDays(facts.today, SCHEDULE_LEAD_DAYS) >= facts.dueOn ? 'unscheduled' : 'not_due';
}
