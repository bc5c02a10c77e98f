/**
 * Churn risk: the reason library, the flag workflow and the rules that raise flags by
 * themselves. Pure: the health service gathers each account's facts and asks here.
 */
import type { HealthBand } from './health';

/** Why a customer might leave: a maintained library, so flags can be counted by reason. */
export const CHURN_REASONS = [
	'budget_cut',
	'competitor',
	'product_gap',
	'service_quality',
	'outage_or_incident',
	'executive_sponsor_left',
	'champion_left',
	'merger_acquisition',
	'consolidation',
	'moving_to_cloud',
	'low_adoption',
	'declining_health',
	'billing_dispute',
	'price_increase',
	'contract_terms',
	'poor_onboarding',
	'disengaged',
	'relationship',
	'business_closure',
	'relocation',
	'other'
] as const;
export type ChurnReason = (typeof CHURN_REASONS)[number];

export const CHURN_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type ChurnSeverity = (typeof CHURN_SEVERITIES)[number];

/**
 * The flag workflow. `dismissed` is for a rule's flag a CSM judges wrong (with a reason); people
 * resolve or lose the customer through the other statuses.
 */
export const CHURN_STATUSES = ['open', 'mitigating', 'resolved', 'churned', 'dismissed'] as const;
export type ChurnStatus = (typeof CHURN_STATUSES)[number];
/** Statuses a flag still needs work in. */
export const ACTIVE_CHURN_STATUSES = ['open', 'mitigating'] as const satisfies ChurnStatus[];

/** Whether a flag still needs work; every other status has closed it. */
export function isActiveChurnStatus(status: ChurnStatus): boolean {
	return (ACTIVE_CHURN_STATUSES as readonly ChurnStatus[]).includes(status);
}

/** Statuses a person may set by hand; `dismissed` only applies to rule flags. */
export function allowedStatuses(origin: 'rule' | 'manual'): ChurnStatus[] {
	return origin === 'rule' ? [...CHURN_STATUSES] : CHURN_STATUSES.filter((s) => s !== 'dismissed');
}

/** Statuses that need a note saying why. */
export function statusNeedsReason(status: ChurnStatus) {
	return status === 'dismissed' || status === 'churned';
}

export const CHURN_RULES = ['health_red', 'health_drop', 'renewal_red', 'p1_sla_breach'] as const;
export type ChurnRule = (typeof CHURN_RULES)[number];

/** Points a score must fall within the window to raise `health_drop`. */
export const DROP_POINTS = 15;
export const DROP_WINDOW_DAYS = 30;
/** Renewals this close while red raise `renewal_red`. */
export const RENEWAL_WINDOW_DAYS = 90;

/** The drop rule's high: the highest score seen in its window, and the day it was seen. */
export interface RecentHigh {
	high: number;
	/** 'YYYY-MM-DD' */
	on: string;
}

/**
 * The high once `score` has been seen on `today`: a higher score (or the first) takes over;
 * an equal one leaves the older day, so a plateau leaves the window when its first day does.
 */
export function withScore(high: RecentHigh | null, score: number | null, today: string) {
	if (score !== null && (high === null || score > high.high)) return { high: score, on: today };
	return high;
}

export interface RuleFacts {
	score: number | null;
	band: HealthBand | null;
	/** The highest score seen in the last DROP_WINDOW_DAYS days before this one, if any. */
	recentHigh: number | null;
	/** Days from today to the renewal date; negative once past; null with none. */
	daysToRenewal: number | null;
	/** Open P1 escalations past their response target (0 until escalations land). */
	breachedP1: number;
}

export interface RuleHit {
	rule: ChurnRule;
	severity: ChurnSeverity;
	reason: ChurnReason;
	/** Numbers a person needs to see why it fired; the page words them. */
	detail: Record<string, number | string>;
}

/**
 * Every rule that holds for an account today. A rule's flag lives for as long as its condition
 * does: the caller updates the flag of a condition that still holds instead of raising another.
 */
export function evaluateRules(facts: RuleFacts): RuleHit[] {
	const hits: RuleHit[] = [];
	const { score, band } = facts;
	if (band === 'red' && score !== null) {
		hits.push({
			rule: 'health_red',
			severity: 'high',
			reason: 'declining_health',
			detail: { score }
		});
	}
	if (score !== null && facts.recentHigh !== null && facts.recentHigh - score >= DROP_POINTS) {
		const drop = facts.recentHigh - score;
		hits.push({
			rule: 'health_drop',
			severity: drop >= 2 * DROP_POINTS ? 'high' : 'medium',
			reason: 'declining_health',
			detail: { from: facts.recentHigh, to: score, drop, days: DROP_WINDOW_DAYS }
		});
	}
	if (
		band === 'red' &&
		score !== null &&
		facts.daysToRenewal !== null &&
		facts.daysToRenewal >= 0 &&
		facts.daysToRenewal <= RENEWAL_WINDOW_DAYS
	) {
		hits.push({
			rule: 'renewal_red',
			severity: 'critical',
			reason: 'declining_health',
			detail: { score, days: facts.daysToRenewal }
		});
	}
	if (facts.breachedP1 > 0) {
		hits.push({
			rule: 'p1_sla_breach',
			severity: 'critical',
			reason: 'service_quality',
			detail: { count: facts.breachedP1 }
		});
	}
	return hits;
}

/** Renewal checkpoints the sales view marks: six and three months out. */
export const RENEWAL_CHECKPOINTS = [180, 90] as const;

/** The nearest checkpoint a renewal has reached (180 or 90 days), or null if further out or past. */
export function renewalCheckpoint(daysToRenewal: number | null): 180 | 90 | null {
	if (daysToRenewal === null || daysToRenewal < 0) return null;
	return RENEWAL_CHECKPOINTS.findLast((days) => daysToRenewal <= days) ?? null;
}
