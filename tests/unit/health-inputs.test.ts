import { describe, expect, it } from 'vitest';
import {
	TREND_MONTHS,
	healthFactsOn,
	type StoredHealthInputs
} from '../../src/lib/domain/health-inputs';

/** An account with no inputs at all; override what the test is about. */
const stored = (overrides: Partial<StoredHealthInputs> = {}): StoredHealthInputs => ({
	lastTaskDay: null,
	lastMeetingDay: null,
	lastReviewDay: null,
	nextMeeting: null,
	onboardingActive: false,
	openItemDue: [],
	openObjectives: 0,
	atRiskObjectives: 0,
	openObjectiveDue: [],
	adoption: [],
	openEscalations: { P1: 0, P2: 0, P3: 0, P4: 0 },
	breachedOpenP1: 0,
	breachDays: [],
	lastEscalationDay: null,
	npsScores: [],
	csatScores: [],
	...overrides
});

const TODAY = '2026-11-22';
const NOW = new Date('2026-11-22T12:00:00Z');

const on = (overrides: Partial<StoredHealthInputs>, today = TODAY, now = NOW) =>
	healthFactsOn(stored(overrides), today, now);

/** Months from 2026-`from` to 2026-`to` (1-based), each with the value `value(month)`. */
const months = (from: number, to: number, value: (m: number) => number | null = (m) => m / 100) =>
	Array.from({ length: to - from + 1 }, (_, i): [string, number | null] => {
		const m = from + i;
		return [`2026-${String(m).padStart(2, '0')}-01`, value(m)];
	});

describe('healthFactsOn', () => {
	describe('adoption', () => {
		it('gives null adoption, no month and an empty history without readings', () => {
			const facts = on({ adoption: [] });
			expect(facts.adoption).toBeNull();
			expect(facts.adoptionMonth).toBeNull();
			expect(facts.adoptionHistory).toEqual([]);
		});

		it("keeps months from the first of the month six before now's and drops older ones", () => {
			const facts = on({
				adoption: [
					['2026-04-01', 0.4],
					['2026-05-01', 0.5],
					['2026-06-01', 0.6]
				]
			});
			expect(facts.adoptionHistory).toEqual([0.5, 0.6]);
		});

		it('gives nothing when every month is older than the window', () => {
			const facts = on({ adoption: months(1, 4) });
			expect(facts.adoption).toBeNull();
			expect(facts.adoptionMonth).toBeNull();
			expect(facts.adoptionHistory).toEqual([]);
		});

		it('keeps every month when the oldest is already in the window', () => {
			expect(on({ adoption: months(5, 8) }).adoptionHistory).toEqual([0.05, 0.06, 0.07, 0.08]);
		});

		it(`reads at most the last ${TREND_MONTHS} values, oldest first`, () => {
			// 2026-04 is out of the window; 2026-05 is in it but one month more than the trend reads.
			const facts = on({ adoption: months(4, 11) });
			expect(facts.adoptionHistory).toHaveLength(TREND_MONTHS);
			expect(facts.adoptionHistory).toEqual([0.06, 0.07, 0.08, 0.09, 0.1, 0.11]);
		});

		it('takes the latest value as the adoption and its month as the adoption month', () => {
			const facts = on({ adoption: months(7, 10) });
			expect(facts.adoption).toBe(0.1);
			expect(facts.adoptionMonth).toBe('2026-10-01');
		});

		it('keeps months without a reading in the history as null', () => {
			const facts = on({ adoption: months(8, 11, (m) => (m === 9 ? null : m / 100)) });
			expect(facts.adoptionHistory).toEqual([0.08, null, 0.1, 0.11]);
			expect(facts.adoption).toBe(0.11);
		});

		it('gives null adoption but still names the month when the latest month has no reading', () => {
			const facts = on({ adoption: months(9, 11, (m) => (m === 11 ? null : m / 100)) });
			expect(facts.adoption).toBeNull();
			expect(facts.adoptionMonth).toBe('2026-11-01');
		});

		it("moves the window with now's UTC month, not with today", () => {
			const adoption = months(5, 11);
			const lastOfNovember = on({ adoption }, '2026-11-30', new Date('2026-11-30T23:59:00Z'));
			const firstOfDecember = on({ adoption }, '2026-11-30', new Date('2026-12-01T00:00:00Z'));
			// November: the window opens on 2026-05-01, so all seven months are in it.
			expect(lastOfNovember.adoptionHistory).toEqual([0.06, 0.07, 0.08, 0.09, 0.1, 0.11]);
			// December: it opens on 2026-06-01; the history is unchanged, being the last six anyway.
			expect(firstOfDecember.adoptionHistory).toEqual([0.06, 0.07, 0.08, 0.09, 0.1, 0.11]);

			const short = [['2026-05-01', 0.5] as [string, number]];
			expect(on({ adoption: short }, '2026-11-30', new Date('2026-11-30T23:59:00Z'))).toMatchObject(
				{ adoption: 0.5, adoptionMonth: '2026-05-01', adoptionHistory: [0.5] }
			);
			expect(on({ adoption: short }, '2026-11-30', new Date('2026-12-01T00:00:00Z'))).toMatchObject(
				{ adoption: null, adoptionMonth: null, adoptionHistory: [] }
			);
		});

		it('crosses a year boundary', () => {
			const now = new Date('2027-02-10T08:00:00Z');
			const adoption = months(7, 9);
			// Six months before February 2027 is August 2026.
			expect(healthFactsOn(stored({ adoption }), '2027-02-10', now).adoptionHistory).toEqual([
				0.08, 0.09
			]);
		});
	});

	describe('progress', () => {
		it('counts only items and objectives due strictly before today as overdue', () => {
			const { progress } = on({
				onboardingActive: true,
				openItemDue: ['2026-11-20', '2026-11-21', TODAY, '2026-11-23'],
				openObjectives: 3,
				openObjectiveDue: ['2026-01-01', TODAY, '2027-01-01']
			});
			expect(progress.overdueItems).toBe(2);
			expect(progress.overdueObjectives).toBe(1);
		});

		it('counts nothing overdue when everything is due today or later', () => {
			const { progress } = on({ openItemDue: [TODAY], openObjectiveDue: [TODAY, '2026-12-01'] });
			expect(progress.overdueItems).toBe(0);
			expect(progress.overdueObjectives).toBe(0);
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
			expect(on({ openItemDue: ['2026-01-01'] }).progress.hasWork).toBe(false);
		});
	});

	describe('touch', () => {
		it('is null with neither a meeting nor a task', () => {
			expect(on({}).touch).toBeNull();
		});

		it('is the meeting when it is later than the task', () => {
			expect(on({ lastMeetingDay: '2026-11-20', lastTaskDay: '2026-11-10' }).touch).toEqual({
				kind: 'meeting',
				day: '2026-11-20',
				days: 2
			});
		});

		it('is the task when it is later than the meeting', () => {
			expect(on({ lastMeetingDay: '2026-10-01', lastTaskDay: '2026-11-12' }).touch).toEqual({
				kind: 'task',
				day: '2026-11-12',
				days: 10
			});
		});

		it('is the meeting on a tie', () => {
			expect(on({ lastMeetingDay: '2026-11-15', lastTaskDay: '2026-11-15' }).touch).toEqual({
				kind: 'meeting',
				day: '2026-11-15',
				days: 7
			});
		});

		it('is whichever of the two is known', () => {
			expect(on({ lastMeetingDay: '2026-11-01' }).touch).toEqual({
				kind: 'meeting',
				day: '2026-11-01',
				days: 21
			});
			expect(on({ lastTaskDay: '2026-11-01' }).touch).toEqual({
				kind: 'task',
				day: '2026-11-01',
				days: 21
			});
		});

		it('counts days from today, across a month', () => {
			expect(on({ lastTaskDay: '2026-10-22' }).touch?.days).toBe(31);
			expect(on({ lastTaskDay: TODAY }).touch?.days).toBe(0);
		});

		it('never counts negative days: a day after today gives 0', () => {
			expect(on({ lastTaskDay: '2026-11-23' }).touch).toEqual({
				kind: 'task',
				day: '2026-11-23',
				days: 0
			});
		});

		it('counts a next meeting that has begun as the meeting, even over an older last meeting', () => {
			const touch = on({
				lastMeetingDay: '2026-09-01',
				lastTaskDay: '2026-11-01',
				nextMeeting: { at: '2026-11-22T09:00:00Z', day: TODAY }
			}).touch;
			expect(touch).toEqual({ kind: 'meeting', day: TODAY, days: 0 });
		});

		it('counts a next meeting beginning exactly now', () => {
			const touch = on({ nextMeeting: { at: NOW.toISOString(), day: TODAY } }).touch;
			expect(touch).toEqual({ kind: 'meeting', day: TODAY, days: 0 });
		});

		it('does not count a next meeting still ahead', () => {
			const ahead = { at: '2026-11-22T12:00:01Z', day: TODAY };
			expect(
				on({ lastMeetingDay: '2026-09-01', lastTaskDay: '2026-11-01', nextMeeting: ahead }).touch
			).toEqual({ kind: 'task', day: '2026-11-01', days: 21 });
			expect(on({ nextMeeting: ahead }).touch).toBeNull();
		});
	});

	describe('business reviews', () => {
		it('counts a review held as the touch when it is the latest', () => {
			expect(
				on({ lastMeetingDay: '2026-09-01', lastReviewDay: '2026-11-10', lastTaskDay: '2026-11-01' })
					.touch
			).toEqual({ kind: 'review', day: '2026-11-10', days: 12 });
		});

		it('prefers a meeting to a review, and a review to a task, on the same day', () => {
			const day = '2026-11-10';
			expect(on({ lastMeetingDay: day, lastReviewDay: day, lastTaskDay: day }).touch?.kind).toBe(
				'meeting'
			);
			expect(on({ lastReviewDay: day, lastTaskDay: day }).touch?.kind).toBe('review');
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

		it('reads the scores of the last 180 days, today included', () => {
			const sentiment = on({
				npsScores: [
					['2026-05-25', 10], // 181 days ago: out
					['2026-05-26', 3], // 180 days ago: out, the window is the 180 days up to today
					['2026-05-27', 9],
					[TODAY, 7],
					['2026-11-23', 0] // tomorrow in this zone: not given yet
				],
				csatScores: [
					['2026-06-01', 5],
					['2026-11-01', 2]
				]
			}).sentiment;
			expect(sentiment.npsCounts).toEqual({ promoters: 1, passives: 1, detractors: 0 });
			expect(sentiment.nps).toBe(50);
			expect(sentiment).toMatchObject({ csatResponses: 2, csat: 3.5 });
		});
	});
});
