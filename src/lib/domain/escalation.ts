/**
 * Escalations: priorities and what qualifies for each (from the seeds), the status workflow, and
 * the SLA clocks' state at a given instant.
 */
import {
	CALENDAR_PRESETS,
	addWorkingMinutes,
	workingMinutesBetween,
	type Pause,
	type SupportCalendar
} from './sla';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The seeds' urgency per priority; the words and "what qualifies" live in the catalogues. */
export const URGENCY: Record<Priority, 'critical' | 'high' | 'medium' | 'low'> = {
	P1: 'critical',
	P2: 'high',
	P3: 'medium',
	P4: 'low'
};

export const ESCALATION_STATUSES = [
	'new',
	'acknowledged',
	'in_progress',
	'waiting_on_customer',
	'resolved',
	'closed'
] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const OPEN_STATUSES = [
	'new',
	'acknowledged',
	'in_progress',
	'waiting_on_customer'
] as const satisfies readonly EscalationStatus[];

/** Where the clocks have stopped. Queries say "not in" these, as the open-only indexes do. */
export const STOPPED_STATUSES = [
	'resolved',
	'closed'
] as const satisfies readonly EscalationStatus[];

export const isOpen = (status: EscalationStatus) =>
	(OPEN_STATUSES as readonly EscalationStatus[]).includes(status);

export const CATEGORIES = [
	'outage',
	'degraded_service',
	'connectivity',
	'access',
	'provisioning',
	'hardware',
	'security',
	'billing',
	'shipment',
	'other'
] as const;
export type EscalationCategory = (typeof CATEGORIES)[number];

/** Where an escalation can be routed: GEM (global escalation management) or a functional team. */
export const ROUTES = [
	'gem',
	'service_desk',
	'site_operations',
	'network_operations',
	'engineering',
	'product',
	'billing',
	'security'
] as const;
export type EscalationRoute = (typeof ROUTES)[number];

/** How it reached us; the seeds have P1s reported by phone. */
export const CHANNELS = ['phone', 'email', 'portal', 'chat', 'meeting'] as const;
export type ReportChannel = (typeof CHANNELS)[number];

export const EVENT_KINDS = [
	'opened',
	'status',
	'priority',
	'owner',
	'routed',
	'comment',
	'edited',
	'recomputed',
	'warning',
	'breach',
	'postmortem'
] as const;
export type EscalationEventKind = (typeof EVENT_KINDS)[number];

export const CLOCKS = ['account', '24x7'] as const;
export type ClockKind = (typeof CLOCKS)[number];

/**
 * The workflow: the first move out of 'new' is the first response; 'waiting on customer' stops
 * the clock; a resolved or closed escalation can be reopened (back to in progress).
 */
const NEXT: Record<EscalationStatus, readonly EscalationStatus[]> = {
	new: ['acknowledged', 'in_progress', 'resolved'],
	acknowledged: ['in_progress', 'waiting_on_customer', 'resolved'],
	in_progress: ['waiting_on_customer', 'resolved'],
	waiting_on_customer: ['in_progress', 'resolved'],
	resolved: ['closed', 'in_progress'],
	closed: ['in_progress']
};

export function allowedTransitions(from: EscalationStatus): readonly EscalationStatus[] {
	return NEXT[from];
}

/** A move back from resolved or closed is a reopen: the log and the audit call it that. */
export const isReopen = (from: EscalationStatus, to: EscalationStatus) =>
	!isOpen(from) && isOpen(to);

/** P1 and P2 cannot be closed without a post-mortem. */
export const needsPostmortem = (priority: Priority) => priority === 'P1' || priority === 'P2';

/** Every minute counts: P1's clock, "24×7 until downgraded". */
export const AROUND_THE_CLOCK: SupportCalendar = {
	timeZone: 'UTC',
	week: CALENDAR_PRESETS['24x7'](),
	holidays: []
};

/** The share of a clock's time gone at which it warns. */
export const WARNING_SHARE = 0.75;

export type ClockState = 'running' | 'warning' | 'paused' | 'breached' | 'met' | 'missed';

export interface Clock {
	state: ClockState;
	dueAt: Date;
	/** Open minutes until due (negative once overdue); for a stopped clock, what was left. */
	minutesLeft: number;
	/** Share of the target's open time used, 0 upwards (1 = due). */
	used: number;
}

export interface ClockInput {
	startedAt: Date;
	/**
	 * The due time as stored: set when the clock started (and when a pause ended, or the priority
	 * changed), and kept when a policy or calendar changes later, as the seeds promise.
	 */
	dueAt: Date;
	calendar: SupportCalendar;
	/** Finished pauses: waiting on the customer. */
	pauses: Pause[];
	/** The start of a pause still going on, or null. */
	pausedSince: Date | null;
	/** When the clock stopped (the first response, or the resolution), or null while it runs. */
	stoppedAt: Date | null;
}

/**
 * Where a clock stands at `now`: running, warning from 75 % of its open time, paused, breached,
 * or, once stopped, met or missed. Open time is counted on the calendar without the finished
 * pauses (the stored due time already allows for them); a pause in progress stands the clock
 * still at its start, and the due time moves out by it when it ends.
 */
export function clockAt(input: ClockInput, now: Date): Clock {
	const { startedAt, dueAt, calendar, pauses, stoppedAt, pausedSince } = input;
	const open = (from: Date, to: Date) =>
		to <= from ? 0 : workingMinutesBetween(from, to, calendar, pauses);
	const total = open(startedAt, dueAt);
	const until = stoppedAt ?? pausedSince ?? now;
	const elapsed = open(startedAt, until);
	const minutesLeft = total - elapsed;
	const used = total > 0 ? elapsed / total : until < dueAt ? 0 : 1;
	if (stoppedAt) return { state: stoppedAt <= dueAt ? 'met' : 'missed', dueAt, minutesLeft, used };
	if (pausedSince) return { state: used >= 1 ? 'breached' : 'paused', dueAt, minutesLeft, used };
	if (now >= dueAt) return { state: 'breached', dueAt, minutesLeft, used };
	return { state: used >= WARNING_SHARE ? 'warning' : 'running', dueAt, minutesLeft, used };
}

/** When `minutes` of open time after `startedAt` have passed, finished pauses excluded. */
export function dueAfter(
	startedAt: Date,
	minutes: number,
	calendar: SupportCalendar,
	pauses: Pause[] = []
) {
	return addWorkingMinutes(startedAt, minutes, calendar, pauses);
}

export interface EscalationClockFacts {
	opened_at: Date;
	response_due_at: Date;
	resolution_due_at: Date | null;
	acknowledged_at: Date | null;
	resolved_at: Date | null;
}

/** Both clocks of an escalation: the first response, and the resolution (if the policy sets one). */
export function escalationClocks(
	escalation: EscalationClockFacts,
	calendar: SupportCalendar,
	pauses: { from_at: Date; to_at: Date | null }[],
	now: Date
) {
	const finished = pauses.filter((p) => p.to_at).map((p) => ({ from: p.from_at, to: p.to_at! }));
	const pausedSince = pauses.find((p) => !p.to_at)?.from_at ?? null;
	const base = { startedAt: escalation.opened_at, calendar, pauses: finished, pausedSince };
	return {
		response: clockAt(
			{ ...base, dueAt: escalation.response_due_at, stoppedAt: escalation.acknowledged_at },
			now
		),
		resolution: escalation.resolution_due_at
			? clockAt(
					{ ...base, dueAt: escalation.resolution_due_at, stoppedAt: escalation.resolved_at },
					now
				)
			: null
	};
}

/**
 * The earliest instant the SLA sweep can find either running clock at its warning share (or
 * past due), on the pauses so far: a pause still to come only puts it later, so the sweep need
 * not look at the escalation before then. Null when no clock runs (answered and resolved) or
 * while it waits on the customer: the move that ends the wait sets the clocks again.
 */
export function nextWarningAt(
	escalation: EscalationClockFacts,
	calendar: SupportCalendar,
	pauses: { from_at: Date; to_at: Date | null }[]
): Date | null {
	if (pauses.some((p) => !p.to_at)) return null;
	const finished = pauses.map((p) => ({ from: p.from_at, to: p.to_at! }));
	const start = escalation.opened_at;
	const running = [
		escalation.acknowledged_at ? null : escalation.response_due_at,
		escalation.resolved_at ? null : escalation.resolution_due_at
	].filter((due) => due !== null);
	if (running.length === 0) return null;
	// The warning share of each clock's open time, as `clockAt` measures it, from the start.
	const warnings = running.map((due) => {
		const total = due <= start ? 0 : workingMinutesBetween(start, due, calendar, finished);
		return total === 0 ? due : dueAfter(start, total * WARNING_SHARE, calendar, finished);
	});
	return new Date(Math.min(...warnings.map((w) => w.getTime())));
}
