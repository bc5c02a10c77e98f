import { addDays, daysBetween } from './dates';
import type { ItemOwner, Phase } from './onboarding-template';
import type { TaskStatus, TeamRole } from './vocabulary';

/**
 * The onboarding method's rules, pure: time is passed in as today's date in the account's
 * zone. Progress and risk are always derived from the items; only the moment a phase gate
 * passes is recorded, because it happened.
 */
export interface ItemState {
	phase: Phase;
	required: boolean;
	status: TaskStatus;
	skipReason: string | null;
	/** 'YYYY-MM-DD' */
	dueDate: string | null;
}

export interface PhaseState {
	phase: Phase;
	targetDays: number;
	/** 'YYYY-MM-DD' the phase began, null while it has not. */
	startedOn: string | null;
	completedOn: string | null;
	/** Pre-onboarding may be skipped at the start, with a reason. */
	skipped: boolean;
	criteriaChecked: boolean[];
}

/** Done, or skipped with a reason a colleague can read. */
export function isSettled(item: Pick<ItemState, 'status' | 'skipReason'>): boolean {
	return item.status === 'done' || (item.status === 'skipped' && !!item.skipReason?.trim());
}

export function isOverdue(item: Pick<ItemState, 'status' | 'dueDate'>, today: string): boolean {
	return item.status === 'open' && item.dueDate !== null && item.dueDate < today;
}

/** A phase may close when every required item is settled and every exit criterion ticked. */
export function gateOpen(items: ItemState[], phase: PhaseState): boolean {
	const required = items.filter((i) => i.phase === phase.phase && i.required);
	return required.every(isSettled) && phase.criteriaChecked.every(Boolean);
}

export interface Progress {
	total: number;
	settled: number;
	/** 0–100, whole; 100 for a phase with no items. */
	percent: number;
}

export function progressOf(items: ItemState[]): Progress {
	const total = items.length;
	const settled = items.filter(isSettled).length;
	return { total, settled, percent: total === 0 ? 100 : Math.floor((settled / total) * 100) };
}

/** The phase being worked on: the first neither completed nor skipped; null once all are done. */
export function currentPhase(phases: PhaseState[]): PhaseState | null {
	return phases.find((p) => !p.completedOn && !p.skipped) ?? null;
}

export function daysInPhase(phase: PhaseState, today: string): number {
	if (!phase.startedOn) return 0;
	return daysBetween(phase.startedOn, phase.completedOn ?? today);
}

export type RiskReason = 'phaseOverrun' | 'requiredOverdue';

/** The one definition of "at risk", from what a list already knows about an onboarding. */
export function riskFromSummary(summary: {
	daysInPhase: number | null;
	targetDays: number | null;
	requiredOverdue: boolean;
}): RiskReason[] {
	const reasons: RiskReason[] = [];
	const { daysInPhase: days, targetDays } = summary;
	if (days !== null && targetDays !== null && days > targetDays) reasons.push('phaseOverrun');
	if (summary.requiredOverdue) reasons.push('requiredOverdue');
	return reasons;
}

/** At risk when the current phase has run past its target or a required item is overdue. */
export function riskOf(phases: PhaseState[], items: ItemState[], today: string): RiskReason[] {
	const current = currentPhase(phases);
	return riskFromSummary({
		daysInPhase: current ? daysInPhase(current, today) : null,
		targetDays: current?.targetDays ?? null,
		requiredOverdue: items.some((i) => i.required && isOverdue(i, today))
	});
}

export interface PhaseTransition {
	phase: Phase;
	completedOn: string;
	/** The phase that starts on the same day. */
	next: Phase;
}

/**
 * Closes every phase whose gate is open, in order, starting the next one the same day, and
 * returns the transitions to record (empty when nothing moves). The last phase never closes
 * here: finishing an onboarding is a handoff, a deliberate act with a note (see canHandOff).
 */
export function advance(
	phases: PhaseState[],
	items: ItemState[],
	today: string
): PhaseTransition[] {
	const transitions: PhaseTransition[] = [];
	const open = phases.filter((p) => !p.completedOn && !p.skipped);
	for (const [index, phase] of open.entries()) {
		const next = open[index + 1];
		if (!next || !gateOpen(items, phase)) break;
		transitions.push({ phase: phase.phase, completedOn: today, next: next.phase });
	}
	return transitions;
}

/** The handoff may happen once only the last phase is open and its gate is open too. */
export function canHandOff(phases: PhaseState[], items: ItemState[]): boolean {
	const open = phases.filter((p) => !p.completedOn && !p.skipped);
	return open.length === 1 && gateOpen(items, open[0]!);
}

export function dueDateFor(startDate: string, offsetDays: number): string {
	return addDays(startDate, offsetDays);
}

/**
 * The person who owns an item on this account: the team member in that role (the first, if
 * several), null when the team lacks the role or the customer owns it.
 */
export function resolveOwner(
	owner: ItemOwner,
	team: { team_role: TeamRole; user_id: number }[]
): number | null {
	if (owner === 'CUSTOMER') return null;
	return team.find((member) => member.team_role === owner)?.user_id ?? null;
}
