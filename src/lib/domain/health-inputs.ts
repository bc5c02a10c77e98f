/**
 * An account's health inputs as read from its sections, kept so the daily pass need not
 * re-aggregate every task, objective and month of usage: only what does not depend on the day
 * is stored (dates, counts, readings), and `healthFactsOn` turns it into the facts of a given
 * day. The transaction that changes an input re-reads and re-stores that account's inputs.
 */
import { addDays, daysBetween } from './dates';
import type { HealthFacts } from './health';

/** Months of adoption the trend compares: the last three against the three before. */
export const TREND_MONTHS = 6;

/**
 * The shape's version, stored with the inputs: a pass reads again the accounts whose stored
 * inputs predate the current shape (a new input added by a later release).
 */
export const INPUTS_VERSION = 2;

export interface StoredHealthInputs {
	/** The last task completed and the last meeting held, as days in the account's zone. */
	lastTaskDay: string | null;
	lastMeetingDay: string | null;
	/** The first meeting still ahead when read: a touch from the day it begins. */
	nextMeeting: { at: string; day: string } | null;
	onboardingActive: boolean;
	/** Due dates of the active onboarding's open items. */
	openItemDue: string[];
	/** Objectives not achieved or dropped, and those of them at risk. */
	openObjectives: number;
	atRiskObjectives: number;
	/** Due dates of the open objectives not already at risk. */
	openObjectiveDue: string[];
	/** Recent months' adoption, oldest first: [first day of the month, adoption 0–1]. */
	adoption: [string, number | null][];
	/** Open escalations by priority, and open P1s past their first-response target. */
	openEscalations: Record<'P1' | 'P2' | 'P3' | 'P4', number>;
	breachedOpenP1: number;
	/** Days of SLA breaches in the last year, and the day the latest escalation opened. */
	breachDays: string[];
	lastEscalationDay: string | null;
}

/** Days the support component looks back for breaches, and for any support history at all. */
export const BREACH_WINDOW_DAYS = 90;
export const SUPPORT_HISTORY_DAYS = 365;

/** The facts the health model reads, on the account's `today` at instant `now`. */
export function healthFactsOn(stored: StoredHealthInputs, today: string, now: Date): HealthFacts {
	// One more month than the trend reads, for a partial current month.
	const since = monthsBefore(now, TREND_MONTHS);
	const recent =
		stored.adoption.length > 0 && stored.adoption[0]![0] >= since
			? stored.adoption
			: stored.adoption.filter(([month]) => month >= since);
	const history = recent.map(([, adoption]) => adoption).slice(-TREND_MONTHS);
	const meetingDay =
		stored.nextMeeting && new Date(stored.nextMeeting.at) <= now
			? stored.nextMeeting.day
			: stored.lastMeetingDay;
	const overdueItems = stored.openItemDue.filter((due) => due < today).length;
	const overdueObjectives = stored.openObjectiveDue.filter((due) => due < today).length;
	return {
		adoption: history.at(-1) ?? null,
		adoptionMonth: recent.at(-1)?.[0] ?? null,
		adoptionHistory: history,
		touch: lastTouch(meetingDay, stored.lastTaskDay, today),
		progress: {
			overdueItems,
			openObjectives: stored.openObjectives,
			atRiskObjectives: stored.atRiskObjectives,
			overdueObjectives,
			onboardingActive: stored.onboardingActive,
			hasWork: stored.onboardingActive || stored.openObjectives > 0
		},
		support: supportFacts(stored, today)
	};
}

function supportFacts(stored: StoredHealthInputs, today: string) {
	const open = stored.openEscalations;
	const anyOpen = open.P1 + open.P2 + open.P3 + open.P4 > 0;
	const breachesSince = addDays(today, -BREACH_WINDOW_DAYS);
	return {
		open,
		breaches: stored.breachDays.filter((day) => day > breachesSince).length,
		hasData:
			anyOpen ||
			(stored.lastEscalationDay !== null &&
				stored.lastEscalationDay > addDays(today, -SUPPORT_HISTORY_DAYS))
	};
}

/** 'YYYY-MM-01' of the month `n` months before `now`'s (UTC); a pass asks once per account. */
function monthsBefore(now: Date, n: number) {
	const key = `${now.getUTCFullYear()}-${now.getUTCMonth()}-${n}`;
	if (lastMonthsBefore.key !== key) {
		const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
		Object.assign(lastMonthsBefore, { key, month: month.toISOString().slice(0, 10) });
	}
	return lastMonthsBefore.month;
}
const lastMonthsBefore = { key: '', month: '' };

/** The later of the last meeting and the last completed task (a meeting on a tie), in days. */
function lastTouch(meetingDay: string | null, taskDay: string | null, today: string) {
	const latest =
		meetingDay && (!taskDay || meetingDay >= taskDay)
			? { kind: 'meeting' as const, day: meetingDay }
			: taskDay
				? { kind: 'task' as const, day: taskDay }
				: null;
	if (!latest) return null;
	return { ...latest, days: Math.max(0, daysBetween(latest.day, today)) };
}
