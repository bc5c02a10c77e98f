/**
 * An account's health inputs as read from its sections, kept so the daily pass need not
 * re-aggregate every task, objective and month of usage: only what does not depend on the day
 * is stored (dates, counts, readings), and `healthFactsOn` turns it into the facts of a given
 * day. The transaction that changes an input re-reads and re-stores that account's inputs.
 */
import { SENTIMENT_WINDOW_DAYS, sentimentFacts, type HealthFacts } from './health';

/** Months of adoption the trend compares: the last three against the three before. */
export const TREND_MONTHS = 6;

/**
 * The shape's version, stored first: a pass reads again the accounts whose stored inputs
 * predate the current shape (a new input added by a later release). Version 4 made them the
 * compact array below; the object of date strings before it has no version at that place.
 */
export const INPUTS_VERSION = 4;

/** Days the support component looks back for breaches, and for any support history at all. */
export const BREACH_WINDOW_DAYS = 90;
export const SUPPORT_HISTORY_DAYS = 365;

/**
 * A calendar day as whole days since 1970-01-01 (in SQL, `day - date '1970-01-01'`): compared
 * and subtracted as it is, where a 'YYYY-MM-DD' string costs a parse and an allocation.
 */
export type DayNumber = number;

/** An account's inputs by name, as `healthFactsOn` reads them. Lists marked ascending are sorted. */
export interface HealthInputs {
	/** The last task completed and the last meeting held, as days in the account's zone. */
	lastTaskDay: DayNumber | null;
	lastMeetingDay: DayNumber | null;
	/** The last business review held, as a day in the account's zone. */
	lastReviewDay: DayNumber | null;
	/** The first meeting still ahead when read (epoch ms), and its day: a touch once it begins. */
	nextMeetingAt: number | null;
	nextMeetingDay: DayNumber | null;
	onboardingActive: boolean;
	/** Objectives not achieved or dropped, and those of them at risk. */
	openObjectives: number;
	atRiskObjectives: number;
	/** Open escalations by priority, and open P1s past their first-response target. */
	openEscalations: Record<'P1' | 'P2' | 'P3' | 'P4', number>;
	breachedOpenP1: number;
	/** The day the latest escalation opened. */
	lastEscalationDay: DayNumber | null;
	/** Due days of the active onboarding's open items, ascending. */
	openItemDue: DayNumber[];
	/** Due days of the open objectives not already at risk, ascending. */
	openObjectiveDue: DayNumber[];
	/** Recent months' first days, ascending, and each one's adoption (0–1) at the same place. */
	adoptionMonths: DayNumber[];
	adoption: (number | null)[];
	/** Days of SLA breaches in the last year, in no particular order. */
	breachDays: DayNumber[];
	/** NPS and CSAT scores given in the sentiment window (and a day more): days ascending. */
	npsDays: DayNumber[];
	npsScores: number[];
	csatDays: DayNumber[];
	csatScores: number[];
}

/**
 * The stored form's places, in order: one flat JSON array per account, scalars first, then one
 * flat list of numbers per list (parallel lists for adoption and scores). Against the object of
 * date strings and [day, value] pairs it replaced, it is 40 % of the text, parses in less than
 * half the time, and with the facts worked from it allocates 40 % as much (the daily pass's
 * collector work). The SQL that writes it builds the array in this order, and
 * `decodeHealthInputs` reads it back; the version stays first whatever a later release adds.
 */
export const STORED_INPUTS = [
	'version',
	'lastTaskDay',
	'lastMeetingDay',
	'lastReviewDay',
	'nextMeetingAt',
	'nextMeetingDay',
	'onboardingActive',
	'openObjectives',
	'atRiskObjectives',
	'openP1',
	'openP2',
	'openP3',
	'openP4',
	'breachedOpenP1',
	'lastEscalationDay',
	'openItemDue',
	'openObjectiveDue',
	'adoptionMonths',
	'adoption',
	'breachDays',
	'npsDays',
	'npsScores',
	'csatDays',
	'csatScores'
] as const;

export type StoredInput = (typeof STORED_INPUTS)[number];

/** What each place holds: the named inputs, with open escalations one place per priority. */
type StoredValues = Omit<HealthInputs, 'openEscalations'> & {
	version: number;
	openP1: number;
	openP2: number;
	openP3: number;
	openP4: number;
};

type Positional<T extends readonly StoredInput[]> = {
	-readonly [I in keyof T]: StoredValues[T[I] & StoredInput];
};

/** The `health_inputs.inputs` column: `STORED_INPUTS`' values in that order. */
export type StoredHealthInputs = Positional<typeof STORED_INPUTS>;

/** The stored array by name (its lists shared, not copied). Only for the current version. */
export function decodeHealthInputs(stored: StoredHealthInputs): HealthInputs {
	return {
		lastTaskDay: stored[1],
		lastMeetingDay: stored[2],
		lastReviewDay: stored[3],
		nextMeetingAt: stored[4],
		nextMeetingDay: stored[5],
		onboardingActive: stored[6],
		openObjectives: stored[7],
		atRiskObjectives: stored[8],
		openEscalations: { P1: stored[9], P2: stored[10], P3: stored[11], P4: stored[12] },
		breachedOpenP1: stored[13],
		lastEscalationDay: stored[14],
		openItemDue: stored[15],
		openObjectiveDue: stored[16],
		adoptionMonths: stored[17],
		adoption: stored[18],
		breachDays: stored[19],
		npsDays: stored[20],
		npsScores: stored[21],
		csatDays: stored[22],
		csatScores: stored[23]
	};
}

/**
 * The facts the health model reads, on the account's `today` at instant `now`: the same facts,
 * strings included, as the inputs' sections would give.
 */
export function healthFactsOn(inputs: HealthInputs, today: string, now: Date): HealthFacts {
	const windows = windowsEnding(today);
	const day = windows.today;
	// The months from the first of the month `TREND_MONTHS` before now's (UTC; one more than the
	// trend reads, for a partial current month): the latest is the adoption, the last six the trend.
	const months = inputs.adoptionMonths;
	const values = inputs.adoption;
	const from = countBefore(months, monthsBefore(now));
	const first = Math.max(from, values.length - TREND_MONTHS);
	const meetingDay =
		inputs.nextMeetingAt !== null && inputs.nextMeetingAt <= now.getTime()
			? inputs.nextMeetingDay
			: inputs.lastMeetingDay;
	return {
		adoption: from < values.length ? (values[values.length - 1] ?? null) : null,
		adoptionMonth: from < months.length ? dayString(months[months.length - 1]!) : null,
		// Usually every month stored is in the trend: then the list itself, not a copy (nothing
		// downstream changes facts).
		adoptionHistory: first === 0 ? values : values.slice(first),
		touch: lastTouch(meetingDay, inputs.lastReviewDay, inputs.lastTaskDay, day),
		progress: {
			overdueItems: countBefore(inputs.openItemDue, day),
			openObjectives: inputs.openObjectives,
			atRiskObjectives: inputs.atRiskObjectives,
			overdueObjectives: countBefore(inputs.openObjectiveDue, day),
			onboardingActive: inputs.onboardingActive,
			hasWork: inputs.onboardingActive || inputs.openObjectives > 0
		},
		support: supportOn(inputs, windows),
		sentiment: sentimentFacts(
			scoresWithin(inputs.npsDays, inputs.npsScores, windows.sentimentSince, day),
			scoresWithin(inputs.csatDays, inputs.csatScores, windows.sentimentSince, day)
		)
	};
}

/** How many of the ascending `days` fall before `day`. */
function countBefore(days: DayNumber[], day: DayNumber) {
	let n = 0;
	while (n < days.length && days[n]! < day) n++;
	return n;
}

/**
 * Scores given in the window that ends today (a response leaves it 180 days on); `days`
 * ascending, `scores` at the same places. The list itself when all of it is in the window.
 */
function scoresWithin(days: DayNumber[], scores: number[], since: DayNumber, today: DayNumber) {
	let from = 0;
	while (from < days.length && days[from]! <= since) from++;
	let to = days.length;
	while (to > from && days[to - 1]! > today) to--;
	return from === 0 && to === scores.length ? scores : scores.slice(from, to);
}

function supportOn(inputs: HealthInputs, windows: Windows) {
	const open = inputs.openEscalations;
	const anyOpen = open.P1 + open.P2 + open.P3 + open.P4 > 0;
	let breaches = 0;
	for (const day of inputs.breachDays) if (day > windows.breachesSince) breaches++;
	return {
		open,
		breaches,
		hasData:
			anyOpen ||
			(inputs.lastEscalationDay !== null && inputs.lastEscalationDay > windows.supportSince)
	};
}

/** Today as a day number, and the day before each look-back window ending today opens. */
interface Windows {
	today: DayNumber;
	sentimentSince: DayNumber;
	breachesSince: DayNumber;
	supportSince: DayNumber;
}

/**
 * A pass has only a few todays (one per zone's date), so they are worked out once each instead
 * of once per account: date arithmetic was a tenth of a 100,000-account pass.
 */
function windowsEnding(today: string): Windows {
	let windows = windowsByToday.get(today);
	if (!windows) {
		if (windowsByToday.size > 8) windowsByToday.clear();
		const day = dayNumber(today);
		windows = {
			today: day,
			sentimentSince: day - SENTIMENT_WINDOW_DAYS,
			breachesSince: day - BREACH_WINDOW_DAYS,
			supportSince: day - SUPPORT_HISTORY_DAYS
		};
		windowsByToday.set(today, windows);
	}
	return windows;
}
const windowsByToday = new Map<string, Windows>();

/** The first day of the month `TREND_MONTHS` before `now`'s (UTC); a pass has one `now`. */
function monthsBefore(now: Date): DayNumber {
	const at = now.getTime();
	if (lastMonthsBefore.at !== at) {
		const month = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - TREND_MONTHS, 1);
		lastMonthsBefore.at = at;
		lastMonthsBefore.month = month / DAY_MS;
	}
	return lastMonthsBefore.month;
}
const lastMonthsBefore = { at: NaN, month: 0 };

/**
 * The latest touch of a meeting, a review and a task, in days; on a tie the earlier-listed kind
 * (a meeting before a review before a task).
 */
function lastTouch(
	meeting: DayNumber | null,
	review: DayNumber | null,
	task: DayNumber | null,
	today: DayNumber
): HealthFacts['touch'] {
	let kind: 'meeting' | 'review' | 'task' = 'meeting';
	let day = meeting;
	if (review !== null && (day === null || review > day)) {
		kind = 'review';
		day = review;
	}
	if (task !== null && (day === null || task > day)) {
		kind = 'task';
		day = task;
	}
	if (day === null) return null;
	return { kind, day: dayString(day), days: Math.max(0, today - day) };
}

const DAY_MS = 86_400_000;

/** The day number of a 'YYYY-MM-DD' day. */
export function dayNumber(day: string): DayNumber {
	return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;
}

/**
 * 'YYYY-MM-DD' of a day number, for the few facts that name a day. A pass names the same few
 * hundred days (touches, adoption months) over and over: each is formatted once and shared.
 */
export function dayString(day: DayNumber): string {
	let text = dayStrings.get(day);
	if (text === undefined) {
		if (dayStrings.size >= 4096) dayStrings.clear();
		text = new Date(day * DAY_MS).toISOString().slice(0, 10);
		dayStrings.set(day, text);
	}
	return text;
}
const dayStrings = new Map<DayNumber, string>();
