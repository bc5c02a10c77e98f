import { describe, expect, it } from 'vitest';
import {
	BREACH_WINDOW_DAYS,
	INPUTS_VERSION,
	STORED_INPUTS,
	SUPPORT_HISTORY_DAYS,
	TREND_MONTHS,
	dayNumber,
	dayString,
	decodeHealthInputs,
	healthFactsOn,
	type HealthInputs,
	type StoredHealthInputs
} from '../../src/lib/domain/health-inputs';
import { SENTIMENT_WINDOW_DAYS } from '../../src/lib/domain/health';
import { addDays } from '../../src/lib/domain/dates';

/** A 'YYYY-MM-DD' day as the day number the inputs hold. */
const d = dayNumber;

/** An account with no inputs at all; override what the test is about. */
const inputs = (overrides: Partial<HealthInputs> = {}): HealthInputs => ({
	lastTaskDay: null,
	lastMeetingDay: null,
	lastReviewDay: null,
	nextMeetingAt: null,
	nextMeetingDay: null,
	onboardingActive: false,
	openObjectives: 0,
	atRiskObjectives: 0,
	openEscalations: { P1: 0, P2: 0, P3: 0, P4: 0 },
	breachedOpenP1: 0,
	lastEscalationDay: null,
	openItemDue: [],
	openObjectiveDue: [],
	adoptionMonths: [],
	adoption: [],
	breachDays: [],
	npsDays: [],
	npsScores: [],
	csatDays: [],
	csatScores: [],
	...overrides
});

const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T12:00:00Z');

const on = (overrides: Partial<HealthInputs>, today = TODAY, now = NOW) =>
	healthFactsOn(inputs(overrides), today, now);

/** Months from 2026-`from` to 2026-`to` (1-based), each with the value `value(month)`. */
const months = (from: number, to: number, value: (m: number) => number | null = (m) => m / 100) => {
	const list = Array.from({ length: to - from + 1 }, (_, i) => from + i);
	return {
		adoptionMonths: list.map((m) => d(`2026-${String(m).padStart(2, '0')}-01`)),
		adoption: list.map(value)
	};
};

/** [day, score] pairs as the parallel lists the inputs hold. */
const scores = (pairs: [string, number][]) => ({
	days: pairs.map(([day]) => d(day)),
	scores: pairs.map(([, score]) => score)
});

describe('day numbers', () => {
	it('counts days from 1970-01-01, as SQL does with date - 1970-01-01', () => {
		expect(d('1970-01-01')).toBe(0);
		expect(d('1970-01-02')).toBe(1);
		expect(d('2026-11-22')).toBe(20_779);
		expect(d('2028-03-01') - d('2028-02-28')).toBe(2);
	});

	it('names each day number back as its day, across a leap day and a year', () => {
		for (const day of ['1970-01-01', '2024-02-29', '2026-11-22', '2026-12-31', '2027-01-01']) {
			expect(dayString(d(day))).toBe(day);
		}
		expect(dayString(d('2026-12-31') + 1)).toBe('2027-01-01');
	});
});

describe('decodeHealthInputs', () => {
	it('reads each named input from its place in STORED_INPUTS', () => {
		// A different value at every place; lists hold their place so a swap shows.
		const stored = STORED_INPUTS.map((name, i) =>
			/Due|Days|Months|Scores|^adoption$/.test(name) ? [i] : i
		) as unknown as StoredHealthInputs;
		const decoded = decodeHealthInputs(stored) as unknown as Record<string, unknown>;
		STORED_INPUTS.forEach((name, i) => {
			if (name === 'version') return;
			const open = /^open(P[1-4])$/.exec(name);
			if (open) expect(decoded.openEscalations).toHaveProperty(open[1]!, i);
			else expect(decoded[name]).toEqual(stored[i]);
		});
		// Every named input comes from a place, and nothing else is added.
		expect(Object.keys(decoded).sort()).toEqual(Object.keys(inputs()).sort());
	});

	it('keeps the version first, where a pass looks for it', () => {
		expect(STORED_INPUTS[0]).toBe('version');
		expect(INPUTS_VERSION).toBeGreaterThan(3);
	});
});

describe('healthFactsOn', () => {
	describe('adoption', () => {
		it('gives null adoption, no month and an empty history without readings', () => {
			const facts = on({});
			expect(facts.adoption).toBeNull();
			expect(facts.adoptionMonth).toBeNull();
			expect(facts.adoptionHistory).toEqual([]);
		});

		it("keeps months from the first of the month six before now's and drops older ones", () => {
			const facts = on(months(4, 6, (m) => m / 10));
			expect(facts.adoptionHistory).toEqual([0.5, 0.6]);
			expect(facts.adoptionMonth).toBe('2026-06-01');
		});

		it('gives nothing when every month is older than the window', () => {
			const facts = on(months(1, 4));
			expect(facts.adoption).toBeNull();
			expect(facts.adoptionMonth).toBeNull();
			expect(facts.adoptionHistory).toEqual([]);
		});

		it('keeps every month when the oldest is already in the window', () => {
			expect(on(months(5, 8)).adoptionHistory).toEqual([0.05, 0.06, 0.07, 0.08]);
		});

		it(`reads at most the last ${TREND_MONTHS} values, oldest first`, () => {
			// 2026-04 is out of the window; 2026-05 is in it but one month more than the trend reads.
			const facts = on(months(4, 11));
			expect(facts.adoptionHistory).toHaveLength(TREND_MONTHS);
			expect(facts.adoptionHistory).toEqual([0.06, 0.07, 0.08, 0.09, 0.1, 0.11]);
		});

		it('takes the latest value as the adoption and its month as the adoption month', () => {
			const facts = on(months(7, 10));
			expect(facts.adoption).toBe(0.1);
			expect(facts.adoptionMonth).toBe('2026-10-01');
		});

		it('keeps months without a reading in the history as null', () => {
			const facts = on(months(8, 11, (m) => (m === 9 ? null : m / 100)));
			expect(facts.adoptionHistory).toEqual([0.08, null, 0.1, 0.11]);
			expect(facts.adoption).toBe(0.11);
		});

		it('gives null adoption but still names the month when the latest month has no reading', () => {
			const facts = on(months(9, 11, (m) => (m === 11 ? null : m / 100)));
			expect(facts.adoption).toBeNull();
			expect(facts.adoptionMonth).toBe('2026-11-01');
		});

		it("moves the window with now's UTC month, not with today", () => {
			const adoption = months(5, 11);
			const lastOfNovember = on(adoption, '2026-11-30', new Date('2026-11-30T23:59:00Z'));
			const firstOfDecember = on(adoption, '2026-11-30', new Date('2026-12-01T00:00:00Z'));
			// November: the window opens on 2026-05-01, so all seven months are in it.
			expect(lastOfNovember.adoptionHistory).toEqual([0.06, 0.07, 0.08, 0.09, 0.1, 0.11]);
			// December: it opens on 2026-06-01; the history is unchanged, being the last six anyway.
			expect(firstOfDecember.adoptionHistory).toEqual([0.06, 0.07, 0.08, 0.09, 0.1, 0.11]);

			const short = months(5, 5, () => 0.5);
			expect(on(short, '2026-11-30', new Date('2026-11-30T23:59:00Z'))).toMatchObject({
				adoption: 0.5,
				adoptionMonth: '2026-05-01',
				adoptionHistory: [0.5]
			});
			expect(on(short, '2026-11-30', new Date('2026-12-01T00:00:00Z'))).toMatchObject({
				adoption: null,
				adoptionMonth: null,
				adoptionHistory: []
			});
			// And back: each now's window is its own.
			expect(on(short, '2026-11-30', new Date('2026-11-30T23:59:00Z')).adoption).toBe(0.5);
		});

		it('crosses a year boundary', () => {
			const now = new Date('2027-02-10T08:00:00Z');
			// Six months before February 2027 is August 2026.
			expect(on(months(7, 9), '2027-02-10', now).adoptionHistory).toEqual([0.08, 0.09]);
		});
	});

	describe('progress', () => {
		it('counts only items and objectives due strictly before today as overdue', () => {
			const { progress } = on({
				onboardingActive: true,
				openItemDue: ['2026-11-20', '2026-11-21', TODAY, '2026-11-23'].map(d),
				openObjectives: 3,
				openObjectiveDue: ['2026-01-01', TODAY, '2027-01-01'].map(d)
			});
			expect(progress.overdueItems).toBe(2);
			expect(progress.overdueObjectives).toBe(1);
		});

		it('counts nothing overdue when everything is due today or later', () => {
			const { progress } = on({
				openItemDue: [d(TODAY)],
				openObjectiveDue: [d(TODAY), d('2026-12-01')]
			});
			expect(progress.overdueItems).toBe(0);
			expect(progress.overdueObjectives).toBe(0);
		});

		it("counts against the account's own today: a day later, today's items are overdue", () => {
			const due = { openItemDue: [d(TODAY)], openObjectiveDue: [d(TODAY), d(TODAY)] };
			expect(on(due, '2026-11-23').progress).toMatchObject({
				overdueItems: 1,
				overdueObjectives: 2
			});
			expect(on(due, '2026-11-21').progress).toMatchObject({
				overdueItems: 0,
				overdueObjectives: 0
			});
		});

		it('passes the objective counts and onboarding state through', () => {
			expect(
				on({ onboardingActive: true, openObjectives: 4, atRiskObjectives: 2 }).progress
			).toEqual({
				overdueItems: 0,
				openObjectives: 4,
				atRiskObjectives: 2,
				overdueObjectives: 0,
				onboardingActive: true,
				hasWork: true
			});
		});

		it('has work with an active onboarding', () => {
			expect(on({ onboardingActive: true }).progress.hasWork).toBe(true);
		});

		it('has work with open objectives', () => {
			expect(on({ openObjectives: 1 }).progress.hasWork).toBe(true);
		});

		it('has no work with neither an active onboarding nor open objectives', () => {
			expect(on({}).progress.hasWork).toBe(false);
			// Due dates alone (never stored without their onboarding or objectives) are no work.
			expect(on({ openItemDue: [d('2026-01-01')] }).progress.hasWork).toBe(false);
		});
	});

	describe('touch', () => {
		it('is null with neither a meeting nor a task', () => {
			expect(on({}).touch).toBeNull();
		});

		it('is the meeting when it is later than the task', () => {
			expect(on({ lastMeetingDay: d('2026-11-20'), lastTaskDay: d('2026-11-10') }).touch).toEqual({
				kind: 'meeting',
				day: '2026-11-20',
				days: 2
			});
		});

		it('is the task when it is later than the meeting', () => {
			expect(on({ lastMeetingDay: d('2026-10-01'), lastTaskDay: d('2026-11-12') }).touch).toEqual({
				kind: 'task',
				day: '2026-11-12',
				days: 10
			});
		});

		it('is the meeting on a tie', () => {
			expect(on({ lastMeetingDay: d('2026-11-15'), lastTaskDay: d('2026-11-15') }).touch).toEqual({
				kind: 'meeting',
				day: '2026-11-15',
				days: 7
			});
		});

		it('is whichever of the two is known', () => {
			expect(on({ lastMeetingDay: d('2026-11-01') }).touch).toEqual({
				kind: 'meeting',
				day: '2026-11-01',
				days: 21
			});
			expect(on({ lastTaskDay: d('2026-11-01') }).touch).toEqual({
				kind: 'task',
				day: '2026-11-01',
				days: 21
			});
		});

		it('counts days from today, across a month and a year', () => {
			expect(on({ lastTaskDay: d('2026-10-22') }).touch?.days).toBe(31);
			expect(on({ lastTaskDay: d(TODAY) }).touch?.days).toBe(0);
			expect(on({ lastTaskDay: d('2026-12-30') }, '2027-01-02').touch).toEqual({
				kind: 'task',
				day: '2026-12-30',
				days: 3
			});
		});

		it('never counts negative days: a day after today gives 0', () => {
			expect(on({ lastTaskDay: d('2026-11-23') }).touch).toEqual({
				kind: 'task',
				day: '2026-11-23',
				days: 0
			});
		});

		it('counts a next meeting that has begun as the meeting, even over an older last meeting', () => {
			const touch = on({
				lastMeetingDay: d('2026-09-01'),
				lastTaskDay: d('2026-11-01'),
				nextMeetingAt: Date.parse('2026-11-22T09:00:00Z'),
				nextMeetingDay: d(TODAY)
			}).touch;
			expect(touch).toEqual({ kind: 'meeting', day: TODAY, days: 0 });
		});

		it("names the next meeting's day in the account's zone, not the UTC day it begins", () => {
			// 23:30 UTC on the 21st is already the 22nd in the account's zone.
			const touch = on({
				nextMeetingAt: Date.parse('2026-11-21T23:30:00Z'),
				nextMeetingDay: d(TODAY)
			}).touch;
			expect(touch).toEqual({ kind: 'meeting', day: TODAY, days: 0 });
		});

		it('counts a next meeting beginning exactly now', () => {
			const touch = on({ nextMeetingAt: NOW.getTime(), nextMeetingDay: d(TODAY) }).touch;
			expect(touch).toEqual({ kind: 'meeting', day: TODAY, days: 0 });
		});

		it('does not count a next meeting still ahead, by a millisecond', () => {
			const ahead = { nextMeetingAt: NOW.getTime() + 1, nextMeetingDay: d(TODAY) };
			expect(
				on({ lastMeetingDay: d('2026-09-01'), lastTaskDay: d('2026-11-01'), ...ahead }).touch
			).toEqual({ kind: 'task', day: '2026-11-01', days: 21 });
			expect(on(ahead).touch).toBeNull();
		});
	});

	describe('business reviews', () => {
		it('counts a review held as the touch when it is the latest', () => {
			expect(
				on({
					lastMeetingDay: d('2026-09-01'),
					lastReviewDay: d('2026-11-10'),
					lastTaskDay: d('2026-11-01')
				}).touch
			).toEqual({ kind: 'review', day: '2026-11-10', days: 12 });
		});

		it('prefers a meeting to a review, and a review to a task, on the same day', () => {
			const day = d('2026-11-10');
			expect(on({ lastMeetingDay: day, lastReviewDay: day, lastTaskDay: day }).touch?.kind).toBe(
				'meeting'
			);
			expect(on({ lastReviewDay: day, lastTaskDay: day }).touch?.kind).toBe('review');
			expect(on({ lastReviewDay: day, lastTaskDay: day + 1 }).touch?.kind).toBe('task');
		});
	});

	describe('support', () => {
		const since = (days: number) => d(addDays(TODAY, -days));

		it('has no data, no breaches and nothing open without escalations', () => {
			expect(on({}).support).toEqual({
				open: { P1: 0, P2: 0, P3: 0, P4: 0 },
				breaches: 0,
				hasData: false
			});
		});

		it('passes open escalations by priority through, and has data with any open', () => {
			const open = { P1: 1, P2: 0, P3: 2, P4: 0 };
			expect(on({ openEscalations: open }).support).toEqual({ open, breaches: 0, hasData: true });
			expect(on({ openEscalations: { P1: 0, P2: 0, P3: 0, P4: 1 } }).support.hasData).toBe(true);
		});

		it(`counts breaches of the last ${BREACH_WINDOW_DAYS} days only, in any order`, () => {
			const breachDays = [
				d(TODAY),
				since(BREACH_WINDOW_DAYS), // 90 days ago: out
				since(BREACH_WINDOW_DAYS - 1), // 89 days ago: in
				since(200),
				d(TODAY)
			];
			expect(on({ breachDays }).support.breaches).toBe(3);
			// A day later, the 89-day-old breach has left the window too.
			expect(on({ breachDays }, addDays(TODAY, 1)).support.breaches).toBe(2);
		});

		it(`has data with an escalation opened in the last ${SUPPORT_HISTORY_DAYS} days`, () => {
			expect(on({ lastEscalationDay: since(SUPPORT_HISTORY_DAYS - 1) }).support.hasData).toBe(true);
			expect(on({ lastEscalationDay: since(SUPPORT_HISTORY_DAYS) }).support.hasData).toBe(false);
			// Breaches alone, with no escalation in the year, are not history.
			expect(on({ breachDays: [d(TODAY)] }).support).toMatchObject({ breaches: 1, hasData: false });
		});
	});

	describe('sentiment', () => {
		it('has no scores and no NPS or CSAT without feedback', () => {
			expect(on({}).sentiment).toEqual({
				npsCounts: { promoters: 0, passives: 0, detractors: 0 },
				nps: null,
				csatResponses: 0,
				csat: null
			});
		});

		it(`reads the scores of the last ${SENTIMENT_WINDOW_DAYS} days, today included`, () => {
			const nps = scores([
				['2026-05-25', 10], // 181 days ago: out
				['2026-05-26', 3], // 180 days ago: out, the window is the 180 days up to today
				['2026-05-27', 9],
				[TODAY, 7],
				['2026-11-23', 0] // tomorrow in this zone: not given yet
			]);
			const csat = scores([
				['2026-06-01', 5],
				['2026-11-01', 2]
			]);
			const sentiment = on({
				npsDays: nps.days,
				npsScores: nps.scores,
				csatDays: csat.days,
				csatScores: csat.scores
			}).sentiment;
			expect(sentiment.npsCounts).toEqual({ promoters: 1, passives: 1, detractors: 0 });
			expect(sentiment.nps).toBe(50);
			expect(sentiment).toMatchObject({ csatResponses: 2, csat: 3.5 });
		});

		it("moves the window with the account's today: a response leaves it 180 days on", () => {
			const nps = scores([
				['2026-05-27', 9],
				['2026-05-27', 0],
				['2026-11-23', 10]
			]);
			const read = (today: string) =>
				on({ npsDays: nps.days, npsScores: nps.scores }, today).sentiment.npsCounts;
			// The 27th's two are in; the 23rd's not yet given.
			expect(read('2026-11-22')).toEqual({ promoters: 1, passives: 0, detractors: 1 });
			// The 27th's have left, the 23rd's is in.
			expect(read('2026-11-23')).toEqual({ promoters: 1, passives: 0, detractors: 0 });
			// Back to an earlier today: each today's window is its own.
			expect(read('2026-11-21')).toEqual({ promoters: 1, passives: 0, detractors: 1 });
		});

		it('keeps every score when all are in the window', () => {
			const csat = scores([
				['2026-10-01', 1],
				['2026-10-01', 5],
				[TODAY, 3]
			]);
			expect(on({ csatDays: csat.days, csatScores: csat.scores }).sentiment).toMatchObject({
				csatResponses: 3,
				csat: 3
			});
		});
	});
});
