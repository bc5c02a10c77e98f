/**
 * An account's health inputs as read from its sections, kept so the daily pass need not
 * re-aggregate every task, objective and month of usage: only what does not depend on the day
 * is stored (dates, counts, readings), and `healthFactsOn` turns it into the facts of a given
 * day. The transaction that changes an input re-reads and re-stores that account's inputs.
 */
import { addDays, daysBetween } from './dates';
import { SENTIMENT_WINDOW_DAYS, sentimentFacts, type HealthFacts } from './health';

/** Months of adoption the trend compares: the last three against the three before. */
export const TREND_MONTHS = 6;

/**
 * The shape's version, stored with the inputs: a pass reads again the accounts whose stored
 * inputs predate the current shape (a new input added by a later release).
 */
export const INPUTS_VERSION = 3;

export interface StoredHealthInputs {
	/** The last task completed and the last meeting held, as days in the account's zone. */
	lastTaskDay: string | null;
	lastMeetingDay: string | null;
	/** The last business review held, as a day in the account's zone. */
	lastReviewDay: string | null;
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
	/** NPS and CSAT scores given in the sentiment window (and a day more), as [day, score]. */
	npsScores: [string, number][];
	csatScores: [string, number][];
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
		touch: lastTouch(
			[
				{ kind: 'meeting', day: meetingDay },
				{ kind: 'review', day: stored.lastReviewDay },
				{ kind: 'task', day: stored.lastTaskDay }
			],
			today
		),
		progress: {
			overdueItems,
			openObjectives: stored.openObjectives,
			atRiskObjectives: stored.atRiskObjectives,
			overdueObjectives,
			onboardingActive: stored.onboardingActive,
			hasWork: stored.onboardingActive || stored.openObjectives > 0
		},
		support: supportFacts(stored, today),
		sentiment: sentimentOn(stored, today)
	};
}

/** Scores given in the window that ends today: a response leaves it 180 days on. */
function sentimentOn(stored: StoredHealthInputs, today: string) {
	const since = windowsEnding(today).sentimentSince;
	const within = (scores: [string, number][]) =>
		scores.filter(([day]) => day > since && day <= today).map(([, score]) => score);
	return sentimentFacts(within(stored.npsScores), within(stored.csatScores));
}

function supportFacts(stored: StoredHealthInputs, today: string) {
	const open = stored.openEscalations;
	const anyOpen = open.P1 + open.P2 + open.P3 + open.P4 > 0;
	const { breachesSince, supportSince } = windowsEnding(today);
	return {
		open,
		breaches: stored.breachDays.filter((day) => day > breachesSince).length,
		hasData:
			anyOpen || (stored.lastEscalationDay !== null && stored.lastEscalationDay > supportSince)
	};
}

/**
 * The day before each look-back window ending `today` opens. A pass has only a few todays (one
 * per zone's date), so they are worked out once each instead of once per account: date
 * arithmetic was a tenth of a 100,000-account pass.
 */
function windowsEnding(today: string) {
	let windows = windowsByToday.get(today);
	if (!windows) {
		if (windowsByToday.size > 8) windowsByToday.clear();
		windows = {
			sentimentSince: addDays(today, -SENTIMENT_WINDOW_DAYS),
			breachesSince: addDays(today, -BREACH_WINDOW_DAYS),
			supportSince: addDays(today, -SUPPORT_HISTORY_DAYS)
		};
		windowsByToday.set(today, windows);
	}
	return windows;
}
const windowsByToday = new Map<
	string,
	{ sentimentSince: string; breachesSince: string; supportSince: string }
>();

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

/**
 * The latest touch of those given, in days; on a tie the earlier-listed kind (a meeting before
 * a review before a task).
 */
function lastTouch(
	touches: { kind: 'meeting' | 'review' | 'task'; day: string | null }[],
	today: string
) {
	let latest: { kind: 'meeting' | 'review' | 'task'; day: string } | null = null;
	for (const { kind, day } of touches) {
		if (day !== null && (latest === null || day > latest.day)) latest = { kind, day };
	}
	if (!latest) return null;
	return { ...latest, days: Math.max(0, daysBetween(latest.day, today)) };
}
