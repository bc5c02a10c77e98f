import { describe, expect, it } from 'vitest';
import {
	addWorkingMinutes,
	CALENDAR_PRESETS,
	isOpenAt,
	validateCalendar,
	workingMinutesBetween,
	type Pause,
	type SupportCalendar
} from '../../src/lib/domain/sla';

// 2026 daylight-saving changes (checked with Intl):
//   Europe/Amsterdam     29 Mar 02:00 → 03:00 (+01 → +02)      25 Oct 03:00 → 02:00
//   America/New_York      8 Mar 02:00 → 03:00 (−05 → −04)       1 Nov 02:00 → 01:00
//   Australia/Sydney      5 Apr 03:00 → 02:00 (+11 → +10)       4 Oct 02:00 → 03:00
//   Australia/Lord_Howe   5 Apr 02:00 → 01:30 (+11 → +10:30)    4 Oct 02:00 → 02:30
// The week of Monday 8 June 2026 is an ordinary summer week in Amsterdam (+02:00).

type Week = SupportCalendar['week'];

const calendar = (timeZone: string, week: Week, holidays: string[] = []): SupportCalendar => ({
	timeZone,
	week,
	holidays
});
const allWeek = (zone: string, holidays: string[] = []) =>
	calendar(zone, CALENDAR_PRESETS['24x7'](), holidays);
const business = (zone: string, holidays: string[] = []) =>
	calendar(zone, CALENDAR_PRESETS.business(), holidays);
const everyDay = (open: string, close: string): Week =>
	([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, open, close }));

const AMS = 'Europe/Amsterdam';
const at = (iso: string) => new Date(iso);
const pause = (from: string, to: string): Pause => ({ from: at(from), to: at(to) });

/** Compares instants; `expected` is written with the local offset so the wall time reads off it. */
function expectInstant(actual: Date, expected: string) {
	expect(actual.toISOString()).toBe(new Date(expected).toISOString());
}

describe('24×7: real elapsed time across daylight-saving changes', () => {
	it.each([
		// [zone, start, one hour later]
		[AMS, '2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00'], // 01:30 → 03:30 (spring)
		[AMS, '2026-10-25T02:30:00+02:00', '2026-10-25T02:30:00+01:00'], // 02:30 → 02:30 again
		['America/New_York', '2026-03-08T01:30:00-05:00', '2026-03-08T03:30:00-04:00'], // 01:30 → 03:30
		['America/New_York', '2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00'], // 01:30 twice
		['Australia/Sydney', '2026-04-05T02:30:00+11:00', '2026-04-05T02:30:00+10:00'], // April: back
		['Australia/Sydney', '2026-10-04T01:30:00+10:00', '2026-10-04T03:30:00+11:00'], // October: forward
		['Australia/Lord_Howe', '2026-10-04T01:45:00+10:30', '2026-10-04T03:15:00+11:00'], // 30-min jump
		['Australia/Lord_Howe', '2026-04-05T01:45:00+11:00', '2026-04-05T02:15:00+10:30'] // 30-min fall
	])('P1 "1 hour, 24×7" in %s from %s is exactly one real hour later', (zone, start, expected) => {
		expectInstant(addWorkingMinutes(at(start), 60, allWeek(zone)), expected);
	});

	it('P1 starting at local midnight of a change day is one real hour later', () => {
		// 00:00 CET on the spring-forward day → 01:00 CET.
		expectInstant(
			addWorkingMinutes(at('2026-03-29T00:00:00+01:00'), 60, allWeek(AMS)),
			'2026-03-29T01:00:00+01:00'
		);
	});

	it.each([
		[AMS, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 1380], // 23-hour day
		[AMS, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 1500], // 25-hour day
		['America/New_York', '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', 1380],
		['America/New_York', '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', 1500],
		['Australia/Sydney', '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00', 1500],
		['Australia/Sydney', '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00', 1380],
		['Australia/Lord_Howe', '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30', 1470],
		['Australia/Lord_Howe', '2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00', 1410]
	])(
		'a 00:00–24:00 change day in %s from %s lasts its real length',
		(zone, start, end, minutes) => {
			expect(workingMinutesBetween(at(start), at(end), allWeek(zone))).toBe(minutes);
		}
	);

	it('minutes between equal the elapsed minutes across both changes, in several zones', () => {
		for (const zone of [AMS, 'America/New_York', 'Australia/Sydney', 'Australia/Lord_Howe']) {
			const start = at('2026-01-15T10:17:00Z');
			const end = at('2026-12-02T05:03:00Z');
			expect(workingMinutesBetween(start, end, allWeek(zone)), zone).toBe(
				(end.getTime() - start.getTime()) / 60_000
			);
		}
	});

	it('a day open 00:00–24:00 loses no minute at midnight', () => {
		// Monday 23:59:30 → Tuesday 00:00:30 local.
		expect(
			workingMinutesBetween(
				at('2026-06-08T23:59:30+02:00'),
				at('2026-06-09T00:00:30+02:00'),
				allWeek(AMS)
			)
		).toBe(1);
		// Monday 23:30 + 60 → Tuesday 00:30.
		expectInstant(
			addWorkingMinutes(at('2026-06-08T23:30:00+02:00'), 60, allWeek(AMS)),
			'2026-06-09T00:30:00+02:00'
		);
		expect(isOpenAt(at('2026-06-09T00:00:00+02:00'), allWeek(AMS))).toBe(true);
	});
});

describe('24×5', () => {
	const cal = calendar(AMS, CALENDAR_PRESETS['24x5']());

	it('Friday evening + 4h: two hours until Friday 24:00, the rest from Monday 00:00', () => {
		// Friday 22:00 CET; DST starts on the Sunday in between: Monday 02:00 CEST.
		expectInstant(
			addWorkingMinutes(at('2026-03-27T22:00:00+01:00'), 240, cal),
			'2026-03-30T02:00:00+02:00'
		);
	});

	it('counts nothing over the weekend', () => {
		// Friday 23:00 → Monday 01:00: one hour each side of the weekend.
		expect(
			workingMinutesBetween(at('2026-06-12T23:00:00+02:00'), at('2026-06-15T01:00:00+02:00'), cal)
		).toBe(120);
	});
});

describe('business hours Mon–Fri 09:00–18:00 (Europe/Amsterdam)', () => {
	const cal = business(AMS);

	it.each([
		['before opening', '2026-06-08T07:30:00+02:00', '2026-06-08T10:00:00+02:00'], // Mon 07:30 → Mon 10:00
		['at opening', '2026-06-08T09:00:00+02:00', '2026-06-08T10:00:00+02:00'], // Mon 09:00 → Mon 10:00
		['mid-day', '2026-06-08T13:15:00+02:00', '2026-06-08T14:15:00+02:00'], // Mon 13:15 → Mon 14:15
		['exactly at closing', '2026-06-08T18:00:00+02:00', '2026-06-09T10:00:00+02:00'], // → Tue 10:00
		['after closing', '2026-06-08T20:00:00+02:00', '2026-06-09T10:00:00+02:00'], // Mon 20:00 → Tue 10:00
		['on Saturday', '2026-06-13T11:00:00+02:00', '2026-06-15T10:00:00+02:00'] // Sat 11:00 → Mon 10:00
	])('one hour starting %s', (_case, start, expected) => {
		expectInstant(addWorkingMinutes(at(start), 60, cal), expected);
	});

	it('Friday 17:00 + 2h is Monday 10:00', () => {
		expectInstant(
			addWorkingMinutes(at('2026-06-12T17:00:00+02:00'), 120, cal),
			'2026-06-15T10:00:00+02:00'
		);
	});

	it('P4: Friday 17:30 + 8h is Monday 16:30', () => {
		// Half an hour on Friday, seven and a half on Monday.
		expectInstant(
			addWorkingMinutes(at('2026-06-12T17:30:00+02:00'), 480, cal),
			'2026-06-15T16:30:00+02:00'
		);
	});

	it('one business day (9h) from Wednesday 14:00 is Thursday 14:00', () => {
		expectInstant(
			addWorkingMinutes(at('2026-06-10T14:00:00+02:00'), 540, cal),
			'2026-06-11T14:00:00+02:00'
		);
	});

	it('a due time ending exactly at closing is the closing instant, not the next opening', () => {
		// Monday 10:00 + 8h → Monday 18:00.
		expectInstant(
			addWorkingMinutes(at('2026-06-08T10:00:00+02:00'), 480, cal),
			'2026-06-08T18:00:00+02:00'
		);
	});

	it('counts minutes between over nights and weekends', () => {
		// Monday 17:00 → Tuesday 10:00, Friday 17:00 → Monday 10:00: two hours each.
		expect(
			workingMinutesBetween(at('2026-06-08T17:00:00+02:00'), at('2026-06-09T10:00:00+02:00'), cal)
		).toBe(120);
		expect(
			workingMinutesBetween(at('2026-06-12T17:00:00+02:00'), at('2026-06-15T10:00:00+02:00'), cal)
		).toBe(120);
		// A whole week: 5 × 9h.
		expect(
			workingMinutesBetween(at('2026-06-08T00:00:00+02:00'), at('2026-06-15T00:00:00+02:00'), cal)
		).toBe(2700);
	});

	it('counts nothing between two instants of the same night', () => {
		expect(
			workingMinutesBetween(at('2026-06-08T18:00:00+02:00'), at('2026-06-09T09:00:00+02:00'), cal)
		).toBe(0);
	});
});

describe('holidays', () => {
	it('skips a single midweek holiday', () => {
		// Ascension Thursday 14 May. Wednesday 17:00 + 2h → Friday 10:00.
		expectInstant(
			addWorkingMinutes(at('2026-05-13T17:00:00+02:00'), 120, business(AMS, ['2026-05-14'])),
			'2026-05-15T10:00:00+02:00'
		);
	});

	it('skips consecutive holidays and the weekend after them', () => {
		// Christmas Eve and Day (Thu, Fri). Wednesday 23 Dec 17:00 + 2h → Monday 28 Dec 10:00.
		const cal = business(AMS, ['2026-12-24', '2026-12-25']);
		expectInstant(
			addWorkingMinutes(at('2026-12-23T17:00:00+01:00'), 120, cal),
			'2026-12-28T10:00:00+01:00'
		);
	});

	it('skips a holiday on the Monday after a weekend', () => {
		// King's Day, Monday 27 April. Friday 17:00 + 2h → Tuesday 10:00.
		expectInstant(
			addWorkingMinutes(at('2026-04-24T17:00:00+02:00'), 120, business(AMS, ['2026-04-27'])),
			'2026-04-28T10:00:00+02:00'
		);
	});

	it('reads holidays as local dates in Pacific/Auckland, where the UTC date is a day behind', () => {
		// Waitangi Day, Friday 6 February. Friday 10:00 NZDT is still Thursday 5 Feb in UTC.
		const cal = business('Pacific/Auckland', ['2026-02-06']);
		expect(isOpenAt(at('2026-02-05T21:00:00Z'), cal)).toBe(false);
		// Thursday 17:00 + 2h → Monday 9 Feb 10:00.
		expectInstant(
			addWorkingMinutes(at('2026-02-05T17:00:00+13:00'), 120, cal),
			'2026-02-09T10:00:00+13:00'
		);
	});

	it('reads holidays as local dates in America/Los_Angeles late in the evening', () => {
		// Friday 3 July is the holiday; Thursday 17:30 PDT is already 3 July in UTC.
		const cal = business('America/Los_Angeles', ['2026-07-03']);
		expect(isOpenAt(at('2026-07-02T17:30:00-07:00'), cal)).toBe(true);
		// Thursday 17:30 + 1h: half an hour on Thursday, the rest on Monday 6 July → 09:30.
		expectInstant(
			addWorkingMinutes(at('2026-07-02T17:30:00-07:00'), 60, cal),
			'2026-07-06T09:30:00-07:00'
		);
	});

	it('closes a 24-hour day exactly from local midnight to local midnight', () => {
		const cal = allWeek('America/Los_Angeles', ['2026-07-03']);
		// Thursday 2 July 00:00 → Saturday 4 July 00:00 local: only Thursday counts.
		expect(
			workingMinutesBetween(at('2026-07-02T00:00:00-07:00'), at('2026-07-04T00:00:00-07:00'), cal)
		).toBe(1440);
	});

	it('changes nothing when the holiday falls on a closed day', () => {
		// Saturday 13 June as a holiday; Friday 17:00 + 2h is still Monday 10:00.
		expectInstant(
			addWorkingMinutes(at('2026-06-12T17:00:00+02:00'), 120, business(AMS, ['2026-06-13'])),
			'2026-06-15T10:00:00+02:00'
		);
	});
});

describe('split days (lunch break 12:00–13:00)', () => {
	const lunch = calendar(
		AMS,
		([1, 2, 3, 4, 5] as const).flatMap((day) => [
			{ day, open: '09:00', close: '12:00' },
			{ day, open: '13:00', close: '18:00' }
		])
	);

	it('an hour from 11:30 ends at 13:30, after lunch', () => {
		expectInstant(
			addWorkingMinutes(at('2026-06-08T11:30:00+02:00'), 60, lunch),
			'2026-06-08T13:30:00+02:00'
		);
	});

	it('a due time ending at the start of lunch is 12:00', () => {
		expectInstant(
			addWorkingMinutes(at('2026-06-08T11:30:00+02:00'), 30, lunch),
			'2026-06-08T12:00:00+02:00'
		);
	});

	it('lunch does not count between 11:00 and 14:00', () => {
		expect(
			workingMinutesBetween(at('2026-06-08T11:00:00+02:00'), at('2026-06-08T14:00:00+02:00'), lunch)
		).toBe(120);
	});

	it('is closed over lunch and open again at 13:00', () => {
		expect(isOpenAt(at('2026-06-08T12:00:00+02:00'), lunch)).toBe(false);
		expect(isOpenAt(at('2026-06-08T12:30:00+02:00'), lunch)).toBe(false);
		expect(isOpenAt(at('2026-06-08T13:00:00+02:00'), lunch)).toBe(true);
	});

	it('touching intervals (09–12, 12–18) join with no gap at 12:00', () => {
		const joined = calendar(AMS, [
			{ day: 1, open: '12:00', close: '18:00' },
			{ day: 1, open: '09:00', close: '12:00' }
		]);
		expect(isOpenAt(at('2026-06-08T12:00:00+02:00'), joined)).toBe(true);
		expectInstant(
			addWorkingMinutes(at('2026-06-08T11:30:00+02:00'), 60, joined),
			'2026-06-08T12:30:00+02:00'
		);
	});
});

describe('daylight-saving days with opening hours', () => {
	it('09:00–18:00 is nine hours on a change day, while 00:00–24:00 is 23 or 25', () => {
		const nineToSix = calendar(AMS, everyDay('09:00', '18:00'));
		const spring = [at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00')] as const;
		const autumn = [at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00')] as const;
		expect(workingMinutesBetween(...spring, nineToSix)).toBe(540);
		expect(workingMinutesBetween(...autumn, nineToSix)).toBe(540);
		expect(workingMinutesBetween(...spring, allWeek(AMS))).toBe(1380);
		expect(workingMinutesBetween(...autumn, allWeek(AMS))).toBe(1500);
	});

	it('opens at local 09:00 after the change: Saturday 17:00 CET + 2h → Sunday 10:00 CEST', () => {
		expectInstant(
			addWorkingMinutes(
				at('2026-03-28T17:00:00+01:00'),
				120,
				calendar(AMS, everyDay('09:00', '18:00'))
			),
			'2026-03-29T10:00:00+02:00'
		);
	});

	describe('an opening time in the spring-forward gap (America/New_York, 8 March)', () => {
		const NY = 'America/New_York';
		// 02:30 does not exist on 8 March: clocks jump from 02:00 EST to 03:00 EDT.
		const early = calendar(NY, everyDay('02:30', '05:00'));

		it('opens at the first instant after the gap (03:00 EDT), so the day has 120 minutes', () => {
			expect(isOpenAt(at('2026-03-08T03:00:00-04:00'), early)).toBe(true);
			expect(isOpenAt(at('2026-03-08T06:59:59.999Z'), early)).toBe(false);
			expect(
				workingMinutesBetween(
					at('2026-03-08T00:00:00-05:00'),
					at('2026-03-09T00:00:00-04:00'),
					early
				)
			).toBe(120);
			// An ordinary day has the full 150.
			expect(
				workingMinutesBetween(
					at('2026-03-07T00:00:00-05:00'),
					at('2026-03-08T00:00:00-05:00'),
					early
				)
			).toBe(150);
		});

		it('starts the clock at 03:00 EDT: Saturday 23:00 EST + 30 min → Sunday 03:30 EDT', () => {
			expectInstant(
				addWorkingMinutes(at('2026-03-07T23:00:00-05:00'), 30, early),
				'2026-03-08T03:30:00-04:00'
			);
		});

		it('closes a 01:00–02:30 interval at 03:00 EDT, one real hour after opening', () => {
			const cal = calendar(NY, everyDay('01:00', '02:30'));
			expect(
				workingMinutesBetween(at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'), cal)
			).toBe(60);
		});
	});

	it('opens at the first of a repeated time: 01:30–03:00 on 1 November (New York) is 150 min', () => {
		// 01:30 EDT (first 01:30) → 03:00 EST, 2.5 real hours.
		const cal = calendar('America/New_York', everyDay('01:30', '03:00'));
		expect(isOpenAt(at('2026-11-01T01:30:00-04:00'), cal)).toBe(true);
		expect(
			workingMinutesBetween(at('2026-11-01T00:00:00-04:00'), at('2026-11-02T00:00:00-05:00'), cal)
		).toBe(150);
	});
});

describe('zones with unusual offsets', () => {
	it('follows half-hour offsets (Asia/Kolkata, +05:30)', () => {
		const cal = business('Asia/Kolkata');
		expect(isOpenAt(at('2026-06-08T09:00:00+05:30'), cal)).toBe(true);
		expect(isOpenAt(at('2026-06-08T08:59:59+05:30'), cal)).toBe(false);
		// Monday 17:30 + 1h → Tuesday 09:30.
		expectInstant(
			addWorkingMinutes(at('2026-06-08T17:30:00+05:30'), 60, cal),
			'2026-06-09T09:30:00+05:30'
		);
	});

	it('follows 30-minute daylight-saving shifts (Australia/Lord_Howe)', () => {
		// Open 01:00–03:00 every day: 4 October loses 02:00–02:30 (90 min), 5 April repeats
		// 01:30–02:00 (150 min).
		const cal = calendar('Australia/Lord_Howe', everyDay('01:00', '03:00'));
		expect(
			workingMinutesBetween(at('2026-10-04T00:00:00+10:30'), at('2026-10-05T00:00:00+11:00'), cal)
		).toBe(90);
		expect(
			workingMinutesBetween(at('2026-04-05T00:00:00+11:00'), at('2026-04-06T00:00:00+10:30'), cal)
		).toBe(150);
	});
});

describe('pauses', () => {
	const cal = business(AMS);
	const monday9 = at('2026-06-08T09:00:00+02:00');

	it('a pause inside open hours pushes the due time out by its length', () => {
		// Monday 09:00 + 2h, paused 10:00–10:30 → 11:30.
		expectInstant(
			addWorkingMinutes(monday9, 120, cal, [
				pause('2026-06-08T10:00:00+02:00', '2026-06-08T10:30:00+02:00')
			]),
			'2026-06-08T11:30:00+02:00'
		);
	});

	it('a pause spanning the night and weekend only consumes open time', () => {
		// Friday 16:00 + 3h, paused Friday 17:00 → Monday 10:00: 1h Friday, 2h from Monday 10:00.
		const pauses = [pause('2026-06-12T17:00:00+02:00', '2026-06-15T10:00:00+02:00')];
		expectInstant(
			addWorkingMinutes(at('2026-06-12T16:00:00+02:00'), 180, cal, pauses),
			'2026-06-15T12:00:00+02:00'
		);
		expect(
			workingMinutesBetween(
				at('2026-06-12T16:00:00+02:00'),
				at('2026-06-15T12:00:00+02:00'),
				cal,
				pauses
			)
		).toBe(180);
	});

	it('a pause outside open hours changes nothing', () => {
		// Monday 17:00 + 2h → Tuesday 10:00, with or without a pause over the night.
		expectInstant(
			addWorkingMinutes(at('2026-06-08T17:00:00+02:00'), 120, cal, [
				pause('2026-06-08T19:00:00+02:00', '2026-06-09T08:00:00+02:00')
			]),
			'2026-06-09T10:00:00+02:00'
		);
	});

	it('overlapping pauses count their overlap once', () => {
		// Paused 10:00–11:00 and 10:30–11:30: 90 minutes in all. 09:00 + 2h → 12:30.
		const pauses = [
			pause('2026-06-08T10:00:00+02:00', '2026-06-08T11:00:00+02:00'),
			pause('2026-06-08T10:30:00+02:00', '2026-06-08T11:30:00+02:00')
		];
		expectInstant(addWorkingMinutes(monday9, 120, cal, pauses), '2026-06-08T12:30:00+02:00');
		// 09:00–18:00 minus 90 minutes paused.
		expect(workingMinutesBetween(monday9, at('2026-06-08T18:00:00+02:00'), cal, pauses)).toBe(450);
	});

	it('a pause nested inside another, or sharing its end, counts once', () => {
		// Paused 10:00–12:00, 10:30–11:00 inside it, and 11:00–12:00 ending with it. 09:00 + 2h → 13:00.
		const pauses = [
			pause('2026-06-08T10:00:00+02:00', '2026-06-08T12:00:00+02:00'),
			pause('2026-06-08T10:30:00+02:00', '2026-06-08T11:00:00+02:00'),
			pause('2026-06-08T11:00:00+02:00', '2026-06-08T12:00:00+02:00')
		];
		expectInstant(addWorkingMinutes(monday9, 120, cal, pauses), '2026-06-08T13:00:00+02:00');
	});

	it('unordered pauses give the same result as ordered ones', () => {
		// Paused 14:00–15:00 and 10:00–11:00. 09:00 + 5h: 09–10, 11–14, 15–16 → 16:00.
		const ordered = [
			pause('2026-06-08T10:00:00+02:00', '2026-06-08T11:00:00+02:00'),
			pause('2026-06-08T14:00:00+02:00', '2026-06-08T15:00:00+02:00')
		];
		const unordered = [...ordered].reverse();
		expectInstant(addWorkingMinutes(monday9, 300, cal, unordered), '2026-06-08T16:00:00+02:00');
		expect(addWorkingMinutes(monday9, 300, cal, unordered)).toEqual(
			addWorkingMinutes(monday9, 300, cal, ordered)
		);
	});

	it('a pause starting before the start only counts from the start', () => {
		// Paused from Sunday until Monday 10:00. Monday 09:00 + 1h → 11:00.
		expectInstant(
			addWorkingMinutes(monday9, 60, cal, [
				pause('2026-06-07T12:00:00+02:00', '2026-06-08T10:00:00+02:00')
			]),
			'2026-06-08T11:00:00+02:00'
		);
	});

	it('a pause covering the due time pushes it out by the open time the pause consumed', () => {
		// Due 11:00 unpaused; paused 10:30–12:00 (90 min) → 12:30.
		expectInstant(
			addWorkingMinutes(monday9, 120, cal, [
				pause('2026-06-08T10:30:00+02:00', '2026-06-08T12:00:00+02:00')
			]),
			'2026-06-08T12:30:00+02:00'
		);
	});

	it('a due time landing on the start of a pause is that instant', () => {
		// 09:00 + 1h, paused from 10:00: due at 10:00 exactly.
		expectInstant(
			addWorkingMinutes(monday9, 60, cal, [
				pause('2026-06-08T10:00:00+02:00', '2026-06-08T15:00:00+02:00')
			]),
			'2026-06-08T10:00:00+02:00'
		);
	});

	it('a pause extending past the result changes nothing before it', () => {
		expectInstant(
			addWorkingMinutes(monday9, 60, cal, [
				pause('2026-06-08T12:00:00+02:00', '2026-06-20T12:00:00+02:00')
			]),
			'2026-06-08T10:00:00+02:00'
		);
	});

	it('zero-length and inverted pauses are ignored', () => {
		const pauses = [
			pause('2026-06-08T10:00:00+02:00', '2026-06-08T10:00:00+02:00'),
			pause('2026-06-08T10:30:00+02:00', '2026-06-08T10:00:00+02:00')
		];
		expectInstant(addWorkingMinutes(monday9, 120, cal, pauses), '2026-06-08T11:00:00+02:00');
		expect(workingMinutesBetween(monday9, at('2026-06-08T11:00:00+02:00'), cal, pauses)).toBe(120);
	});

	it('an open-ended pause resumes when it ends, decades later', () => {
		// 1h on Monday, then paused until Friday 1 January 2100 00:00 CET: 09:00 + 1h → 10:00.
		expectInstant(
			addWorkingMinutes(monday9, 120, cal, [
				pause('2026-06-08T10:00:00+02:00', '2100-01-01T00:00:00+01:00')
			]),
			'2100-01-01T10:00:00+01:00'
		);
	});

	it('pauses also apply on a 24×7 calendar', () => {
		// Saturday 22:00 + 1h, paused 22:30–23:45 → Sunday 00:15.
		expectInstant(
			addWorkingMinutes(at('2026-06-13T22:00:00+02:00'), 60, allWeek(AMS), [
				pause('2026-06-13T22:30:00+02:00', '2026-06-13T23:45:00+02:00')
			]),
			'2026-06-14T00:15:00+02:00'
		);
	});
});

describe('edge cases', () => {
	const cal = business(AMS);

	it('minutes = 0 returns start unchanged, even when closed (no roll to the next opening)', () => {
		const saturday = at('2026-06-13T11:00:00+02:00');
		expectInstant(addWorkingMinutes(saturday, 0, cal), '2026-06-13T11:00:00+02:00');
		expectInstant(
			addWorkingMinutes(at('2026-06-08T18:00:00+02:00'), 0, cal),
			'2026-06-08T18:00:00+02:00'
		);
		expect(addWorkingMinutes(saturday, 0, cal)).not.toBe(saturday); // a copy, not the caller's Date
	});

	it('negative or non-finite minutes throw a RangeError', () => {
		const start = at('2026-06-08T09:00:00+02:00');
		expect(() => addWorkingMinutes(start, -1, cal)).toThrow(RangeError);
		expect(() => addWorkingMinutes(start, Number.NaN, cal)).toThrow(RangeError);
		expect(() => addWorkingMinutes(start, Number.POSITIVE_INFINITY, cal)).toThrow(RangeError);
	});

	it('an invalid start date or calendar throws a RangeError', () => {
		expect(() => addWorkingMinutes(new Date(Number.NaN), 60, cal)).toThrow(RangeError);
		expect(() =>
			addWorkingMinutes(at('2026-06-08T09:00:00Z'), 60, { ...cal, timeZone: 'Mars/Olympus' })
		).toThrow(RangeError);
		expect(() =>
			workingMinutesBetween(at('2026-06-08T09:00:00Z'), at('2026-06-09T09:00:00Z'), {
				...cal,
				week: [{ day: 1, open: '9:00', close: '18:00' }]
			})
		).toThrow(RangeError);
	});

	it('an empty week throws rather than hangs, for minutes > 0 only', () => {
		const closed = calendar(AMS, []);
		const start = at('2026-06-08T09:00:00+02:00');
		expect(() => addWorkingMinutes(start, 60, closed)).toThrow(RangeError);
		expectInstant(addWorkingMinutes(start, 0, closed), '2026-06-08T09:00:00+02:00');
		expect(workingMinutesBetween(start, at('2030-01-01T00:00:00Z'), closed)).toBe(0);
		expect(isOpenAt(start, closed)).toBe(false);
	});

	it('gives up with a RangeError after about three years without an open day', () => {
		// Open on Mondays only, and every Monday for four years is a holiday.
		const mondays = Array.from({ length: 4 * 53 }, (_, week) =>
			new Date(Date.UTC(2026, 5, 8 + 7 * week)).toISOString().slice(0, 10)
		);
		const cal = calendar(AMS, [{ day: 1, open: '09:00', close: '17:00' }], mondays);
		expect(() => addWorkingMinutes(at('2026-06-07T12:00:00+02:00'), 60, cal)).toThrow(
			/No open time/
		);
	});

	it('workingMinutesBetween is 0 when end <= start', () => {
		const start = at('2026-06-08T12:00:00+02:00');
		expect(workingMinutesBetween(start, start, cal)).toBe(0);
		expect(workingMinutesBetween(start, at('2026-06-08T10:00:00+02:00'), cal)).toBe(0);
	});

	it('workingMinutesBetween is fractional for instants that are not whole minutes apart', () => {
		// 09:00:00 → 09:00:30 is half a minute; 17:59:59.400 → 18:05 counts only to 18:00.
		expect(workingMinutesBetween(monday('09:00:00'), monday('09:00:30'), cal)).toBe(0.5);
		expect(workingMinutesBetween(monday('17:59:59.400'), monday('18:05:00'), cal)).toBe(0.01);
	});

	function monday(time: string) {
		return at(`2026-06-08T${time}+02:00`);
	}
});

describe('isOpenAt', () => {
	const cal = business(AMS);

	it('is open at the opening instant and closed at the closing instant', () => {
		expect(isOpenAt(at('2026-06-08T09:00:00+02:00'), cal)).toBe(true);
		expect(isOpenAt(at('2026-06-08T08:59:59.999+02:00'), cal)).toBe(false);
		expect(isOpenAt(at('2026-06-08T17:59:59.999+02:00'), cal)).toBe(true);
		expect(isOpenAt(at('2026-06-08T18:00:00+02:00'), cal)).toBe(false);
	});

	it('is closed at weekends and on holidays', () => {
		expect(isOpenAt(at('2026-06-13T11:00:00+02:00'), cal)).toBe(false);
		expect(isOpenAt(at('2026-06-08T11:00:00+02:00'), business(AMS, ['2026-06-08']))).toBe(false);
	});

	it('is always open on a 24×7 calendar, across a change', () => {
		for (const iso of ['2026-03-29T01:59:59+01:00', '2026-03-29T03:00:00+02:00']) {
			expect(isOpenAt(at(iso), allWeek(AMS)), iso).toBe(true);
		}
	});
});

describe('validateCalendar', () => {
	it('accepts the presets and a split day', () => {
		for (const week of [
			CALENDAR_PRESETS['24x7'](),
			CALENDAR_PRESETS['24x5'](),
			CALENDAR_PRESETS.business(),
			[
				{ day: 1, open: '09:00', close: '12:00' },
				{ day: 1, open: '13:00', close: '18:00' }
			] satisfies Week
		]) {
			expect(validateCalendar(calendar(AMS, week, ['2026-12-25']))).toEqual([]);
		}
	});

	it.each([
		['timeZone.invalid', 'an unknown zone', calendar('Mars/Olympus', CALENDAR_PRESETS.business())],
		['timeZone.invalid', 'an empty zone', calendar('', CALENDAR_PRESETS.business())],
		// Intl would quietly use the server's zone for a missing one.
		[
			'timeZone.invalid',
			'a missing zone',
			calendar(undefined as unknown as string, CALENDAR_PRESETS.business())
		],
		['week.empty', 'no open hours at all', calendar(AMS, [])],
		['week.time', 'a one-digit hour', calendar(AMS, [{ day: 1, open: '9:00', close: '18:00' }])],
		['week.time', 'minute 60', calendar(AMS, [{ day: 1, open: '09:00', close: '18:60' }])],
		['week.time', 'opening at 24:00', calendar(AMS, [{ day: 1, open: '24:00', close: '24:00' }])],
		[
			'week.time',
			'closing after 24:00',
			calendar(AMS, [{ day: 1, open: '09:00', close: '24:01' }])
		],
		[
			'week.order',
			'closing before opening',
			calendar(AMS, [{ day: 1, open: '18:00', close: '09:00' }])
		],
		[
			'week.order',
			'closing at opening',
			calendar(AMS, [{ day: 1, open: '09:00', close: '09:00' }])
		],
		[
			'week.overlap',
			'overlapping intervals on one day',
			calendar(AMS, [
				{ day: 2, open: '09:00', close: '13:00' },
				{ day: 2, open: '12:00', close: '18:00' }
			])
		],
		[
			'holidays.date',
			'a date that does not exist',
			calendar(AMS, CALENDAR_PRESETS.business(), ['2026-02-30'])
		],
		[
			'holidays.date',
			'a date not in YYYY-MM-DD',
			calendar(AMS, CALENDAR_PRESETS.business(), ['25-12-2026'])
		]
	])('reports %s for %s', (code, _case, cal) => {
		expect(validateCalendar(cal)).toEqual([code]);
	});

	it('reports a weekday outside 1–7 as week.day', () => {
		const week = [{ day: 8, open: '09:00', close: '18:00' }] as unknown as Week;
		expect(validateCalendar(calendar(AMS, week))).toEqual(['week.day']);
	});

	it('allows 24:00 as a closing time only', () => {
		expect(validateCalendar(calendar(AMS, [{ day: 1, open: '18:00', close: '24:00' }]))).toEqual(
			[]
		);
	});

	it('reports each problem once, several at a time', () => {
		const cal = calendar(
			'Nowhere/Special',
			[
				{ day: 1, open: '9', close: '18:00' },
				{ day: 2, open: '9', close: '18:00' },
				{ day: 3, open: '18:00', close: '09:00' }
			],
			['2026-13-01']
		);
		expect(validateCalendar(cal)).toEqual([
			'timeZone.invalid',
			'week.time',
			'week.order',
			'holidays.date'
		]);
	});
});

describe('CALENDAR_PRESETS', () => {
	it('describe 24×7, 24×5 and business hours', () => {
		expect(CALENDAR_PRESETS['24x7']()).toHaveLength(7);
		expect(CALENDAR_PRESETS['24x5']().map((d) => d.day)).toEqual([1, 2, 3, 4, 5]);
		expect(CALENDAR_PRESETS.business()[0]).toEqual({ day: 1, open: '09:00', close: '18:00' });
		// Monday 00:00 → next Monday 00:00.
		const range = [at('2026-06-08T00:00:00+02:00'), at('2026-06-15T00:00:00+02:00')] as const;
		const minutes = (week: Week) => workingMinutesBetween(...range, calendar(AMS, week));
		expect(minutes(CALENDAR_PRESETS['24x7']())).toBe(7 * 1440);
		expect(minutes(CALENDAR_PRESETS['24x5']())).toBe(5 * 1440);
		expect(minutes(CALENDAR_PRESETS.business())).toBe(5 * 540);
	});

	it('give a fresh week each time, so editing one cannot change the preset', () => {
		const week = CALENDAR_PRESETS.business();
		week[0]!.open = '07:00';
		week.pop();
		expect(CALENDAR_PRESETS.business()).toHaveLength(5);
		expect(CALENDAR_PRESETS.business()[0]!.open).toBe('09:00');
	});
});

describe('properties over random cases', () => {
	/** mulberry32: a tiny deterministic PRNG, so a failure reproduces. */
	function prng(seed: number) {
		let a = seed >>> 0;
		return () => {
			a = (a + 0x6d2b79f5) >>> 0;
			let t = a;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}

	const zones = [
		AMS,
		'America/New_York',
		'America/Los_Angeles',
		'Australia/Sydney',
		'Australia/Lord_Howe',
		'Asia/Kolkata',
		'Pacific/Auckland'
	];
	const weeks: Week[] = [
		CALENDAR_PRESETS['24x7'](),
		CALENDAR_PRESETS['24x5'](),
		CALENDAR_PRESETS.business(),
		([1, 2, 3, 4, 5] as const).flatMap((day) => [
			{ day, open: '08:30', close: '12:00' },
			{ day, open: '13:00', close: '17:30' }
		]),
		everyDay('02:30', '05:00'), // opens in New York's spring-forward gap
		[
			{ day: 6, open: '10:00', close: '14:00' },
			{ day: 7, open: '00:00', close: '24:00' }
		]
	];
	// Starts cluster around the 2026 changes (and the turn of the year) to hit the hard days.
	const anchors = [
		'2026-03-08T07:00:00Z',
		'2026-03-29T01:00:00Z',
		'2026-04-04T16:00:00Z',
		'2026-10-03T16:00:00Z',
		'2026-10-25T01:00:00Z',
		'2026-11-01T06:00:00Z',
		'2026-12-31T12:00:00Z'
	].map(Date.parse);

	const random = prng(20260329);
	const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
	const minuteAligned = (ms: number) => Math.floor(ms / 60_000) * 60_000;
	const cases = Array.from({ length: 400 }, () => {
		const start = minuteAligned(pick(anchors) + (random() - 0.5) * 6 * 86_400_000);
		const pauses = Array.from({ length: Math.floor(random() * 4) }, () => {
			const from = minuteAligned(start + (random() - 0.3) * 5 * 86_400_000);
			// Some pauses are inverted or empty, to be ignored.
			return { from: new Date(from), to: new Date(from + (random() - 0.1) * 2 * 86_400_000) };
		});
		const holidays =
			random() < 0.3 ? [new Date(start + 86_400_000).toISOString().slice(0, 10)] : [];
		return {
			cal: calendar(pick(zones), pick(weeks), holidays),
			start: new Date(start),
			minutes: Math.floor(random() * 3000),
			pauses
		};
	});

	it('workingMinutesBetween(s, addWorkingMinutes(s, m)) === m', () => {
		for (const { cal, start, minutes, pauses } of cases) {
			const due = addWorkingMinutes(start, minutes, cal, pauses);
			const label = JSON.stringify({ cal, start, minutes, pauses });
			expect(workingMinutesBetween(start, due, cal, pauses), label).toBe(minutes);
			expect(due.getTime(), label).toBeGreaterThanOrEqual(start.getTime());
		}
	});

	it('adding m1 then m2 is adding m1 + m2', () => {
		for (const { cal, start, minutes, pauses } of cases.slice(0, 100)) {
			const first = Math.floor(minutes / 3);
			const label = JSON.stringify({ cal, start, minutes, pauses });
			expect(
				addWorkingMinutes(
					addWorkingMinutes(start, first, cal, pauses),
					minutes - first,
					cal,
					pauses
				),
				label
			).toEqual(addWorkingMinutes(start, minutes, cal, pauses));
		}
	});

	it('a 24×7 calendar counts exactly the elapsed time, in any zone', () => {
		for (const { cal, start, minutes } of cases) {
			const zone = calendar(cal.timeZone, CALENDAR_PRESETS['24x7']());
			const end = new Date(start.getTime() + minutes * 60_000 + 1234);
			expect(addWorkingMinutes(start, minutes, zone).getTime()).toBe(
				start.getTime() + minutes * 60_000
			);
			expect(workingMinutesBetween(start, end, zone)).toBe(
				(end.getTime() - start.getTime()) / 60_000
			);
		}
	});
});
