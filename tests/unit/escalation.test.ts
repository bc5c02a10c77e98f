import { describe, expect, it } from 'vitest';
import {
	allowedTransitions,
	AROUND_THE_CLOCK,
	clockAt,
	dueAfter,
	ESCALATION_STATUSES,
	escalationClocks,
	isReopen,
	needsPostmortem,
	nextWarningAt,
	PRIORITIES,
	type ClockInput,
	type EscalationStatus
} from '../../src/lib/domain/escalation';
import { CALENDAR_PRESETS, type SupportCalendar } from '../../src/lib/domain/sla';

// November 2026: Amsterdam is on +01:00 all month. Wednesday 18 November is an ordinary
// working day; Friday 20 to Monday 23 November spans a weekend.
const at = (iso: string) => new Date(iso);
const AMSTERDAM: SupportCalendar = {
	timeZone: 'Europe/Amsterdam',
	week: CALENDAR_PRESETS.business(),
	holidays: []
};

/** A 24×7 clock started Wednesday 10:00Z with a 120-minute target (due 12:00Z). */
function clock(overrides: Partial<ClockInput> = {}): ClockInput {
	return {
		startedAt: at('2026-11-18T10:00:00Z'),
		dueAt: at('2026-11-18T12:00:00Z'),
		calendar: AROUND_THE_CLOCK,
		pauses: [],
		pausedSince: null,
		stoppedAt: null,
		...overrides
	};
}

describe('the escalation workflow', () => {
	const expected: Record<EscalationStatus, EscalationStatus[]> = {
		new: ['acknowledged', 'in_progress', 'resolved'],
		acknowledged: ['in_progress', 'waiting_on_customer', 'resolved'],
		in_progress: ['waiting_on_customer', 'resolved'],
		waiting_on_customer: ['in_progress', 'resolved'],
		resolved: ['closed', 'in_progress'],
		closed: ['in_progress']
	};

	it.each(ESCALATION_STATUSES)('from %s allows exactly the documented moves', (from) => {
		expect([...allowedTransitions(from)].sort()).toEqual([...expected[from]].sort());
	});

	it('waits on the customer only after the first response', () => {
		expect(allowedTransitions('new')).not.toContain('waiting_on_customer');
		const reachable = ESCALATION_STATUSES.filter((s) =>
			allowedTransitions(s).includes('waiting_on_customer')
		);
		expect(reachable.sort()).toEqual(['acknowledged', 'in_progress']);
	});

	it('never moves back to new, and closes only from resolved', () => {
		for (const from of ESCALATION_STATUSES) {
			expect(allowedTransitions(from)).not.toContain('new');
			expect(allowedTransitions(from).includes('closed')).toBe(from === 'resolved');
		}
	});

	it('calls a move from resolved or closed back to work a reopen, and nothing else', () => {
		const reopens = ESCALATION_STATUSES.flatMap((from) =>
			allowedTransitions(from)
				.filter((to) => isReopen(from, to))
				.map((to) => `${from}→${to}`)
		);
		expect(reopens.sort()).toEqual(['closed→in_progress', 'resolved→in_progress']);
		expect(isReopen('resolved', 'closed')).toBe(false);
		expect(isReopen('waiting_on_customer', 'in_progress')).toBe(false);
	});

	it('asks a post-mortem of P1 and P2 only', () => {
		expect(PRIORITIES.filter(needsPostmortem)).toEqual(['P1', 'P2']);
	});
});

describe('clockAt', () => {
	it('runs until three quarters of its open time are gone', () => {
		expect(clockAt(clock(), at('2026-11-18T10:30:00Z'))).toEqual({
			state: 'running',
			dueAt: at('2026-11-18T12:00:00Z'),
			minutesLeft: 90,
			used: 0.25
		});
		expect(clockAt(clock(), at('2026-11-18T11:29:59Z')).state).toBe('running');
	});

	it('warns at exactly 75 % of its open time', () => {
		const state = clockAt(clock(), at('2026-11-18T11:30:00Z'));
		expect(state).toMatchObject({ state: 'warning', minutesLeft: 30, used: 0.75 });
	});

	it('shows a pause rather than a warning while waiting on the customer', () => {
		const paused = clock({ pausedSince: at('2026-11-18T10:30:00Z') });
		expect(clockAt(paused, at('2026-11-18T10:45:00Z')).state).toBe('paused');
		// Paused after the warning mark: still paused, not warning.
		const late = clock({ pausedSince: at('2026-11-18T11:40:00Z') });
		expect(clockAt(late, at('2026-11-18T11:50:00Z')).state).toBe('paused');
	});

	it('stands still while paused: used and minutes left do not move', () => {
		const paused = clock({ pausedSince: at('2026-11-18T11:00:00Z') });
		for (const now of ['2026-11-18T11:00:00Z', '2026-11-18T11:30:00Z', '2026-11-18T11:50:00Z']) {
			expect(clockAt(paused, at(now))).toMatchObject({
				state: 'paused',
				minutesLeft: 60,
				used: 0.5
			});
		}
	});

	it('is not breached while paused with time left, even past the stored due time', () => {
		const paused = clock({ pausedSince: at('2026-11-18T11:00:00Z') });
		expect(clockAt(paused, at('2026-11-18T13:00:00Z')).state).toBe('paused');
	});

	it('is breached at the due instant, and a pause begun after that does not hide it', () => {
		expect(clockAt(clock(), at('2026-11-18T12:00:00Z'))).toMatchObject({
			state: 'breached',
			minutesLeft: 0,
			used: 1
		});
		const pausedLate = clock({ pausedSince: at('2026-11-18T12:10:00Z') });
		expect(clockAt(pausedLate, at('2026-11-18T12:30:00Z')).state).toBe('breached');
	});

	it('counts minutes left below zero once overdue', () => {
		expect(clockAt(clock(), at('2026-11-18T12:30:00Z'))).toMatchObject({
			state: 'breached',
			minutesLeft: -30,
			used: 1.25
		});
	});

	it('is met when stopped at or before the due instant, missed after', () => {
		const later = at('2026-11-18T15:00:00Z');
		expect(clockAt(clock({ stoppedAt: at('2026-11-18T11:00:00Z') }), later)).toMatchObject({
			state: 'met',
			minutesLeft: 60,
			used: 0.5
		});
		expect(clockAt(clock({ stoppedAt: at('2026-11-18T12:00:00Z') }), later)).toMatchObject({
			state: 'met',
			minutesLeft: 0,
			used: 1
		});
		expect(clockAt(clock({ stoppedAt: at('2026-11-18T12:15:00Z') }), later)).toMatchObject({
			state: 'missed',
			minutesLeft: -15
		});
	});

	it('counts open time on a business-hours calendar, not wall-clock time', () => {
		// Friday 17:00 in Amsterdam with a 2-hour target: one hour on Friday, one on Monday.
		const startedAt = at('2026-11-20T16:00:00Z');
		const dueAt = dueAfter(startedAt, 120, AMSTERDAM);
		expect(dueAt).toEqual(at('2026-11-23T09:00:00Z')); // Monday 10:00 local
		const input = clock({ startedAt, dueAt, calendar: AMSTERDAM });

		const saturdayNoon = at('2026-11-21T11:00:00Z');
		const wallShare =
			(saturdayNoon.getTime() - startedAt.getTime()) / (dueAt.getTime() - startedAt.getTime());
		expect(wallShare).toBeLessThan(0.3);
		expect(clockAt(input, saturdayNoon)).toMatchObject({
			state: 'running',
			minutesLeft: 60,
			used: 0.5
		});
		// Monday 09:30 local: 90 of 120 open minutes, though nearly all the wall-clock time is gone.
		expect(clockAt(input, at('2026-11-23T08:30:00Z'))).toMatchObject({
			state: 'warning',
			minutesLeft: 30,
			used: 0.75
		});
	});
});

describe('escalationClocks', () => {
	// Opened Wednesday 10:00Z on a 24×7 clock: respond within 60 minutes, resolve within 240;
	// a finished pause 11:00–12:00 moved the resolution from 14:00Z to 15:00Z.
	const facts = {
		opened_at: at('2026-11-18T10:00:00Z'),
		response_due_at: at('2026-11-18T11:00:00Z'),
		resolution_due_at: at('2026-11-18T15:00:00Z'),
		acknowledged_at: at('2026-11-18T10:30:00Z'),
		resolved_at: null
	};
	const finished = { from_at: at('2026-11-18T11:00:00Z'), to_at: at('2026-11-18T12:00:00Z') };

	it('leaves finished pauses out of the open time', () => {
		const clocks = escalationClocks(
			facts,
			AROUND_THE_CLOCK,
			[finished],
			at('2026-11-18T13:30:00Z')
		);
		expect(clocks.response).toMatchObject({ state: 'met', minutesLeft: 30, used: 0.5 });
		// 150 of 240 open minutes (wall clock: 210 of 300).
		expect(clocks.resolution).toMatchObject({ state: 'running', minutesLeft: 90, used: 0.625 });
		const warned = escalationClocks(
			facts,
			AROUND_THE_CLOCK,
			[finished],
			at('2026-11-18T14:00:00Z')
		);
		expect(warned.resolution).toMatchObject({ state: 'warning', used: 0.75 });
	});

	it('shows the resolution paused while a pause is open; the met response stays met', () => {
		const open = { from_at: at('2026-11-18T13:00:00Z'), to_at: null };
		const clocks = escalationClocks(
			facts,
			AROUND_THE_CLOCK,
			[finished, open],
			at('2026-11-18T13:30:00Z')
		);
		expect(clocks.response.state).toBe('met');
		expect(clocks.resolution?.state).toBe('paused');
	});

	it('stops the resolution clock at resolved_at', () => {
		const clocks = escalationClocks(
			{ ...facts, resolved_at: at('2026-11-18T16:00:00Z') },
			AROUND_THE_CLOCK,
			[finished],
			at('2026-11-19T10:00:00Z')
		);
		expect(clocks.resolution).toMatchObject({ state: 'missed', minutesLeft: -60 });
	});

	it('has no resolution clock when the policy sets no resolution target', () => {
		const clocks = escalationClocks(
			{ ...facts, resolution_due_at: null, acknowledged_at: null },
			AROUND_THE_CLOCK,
			[],
			at('2026-11-18T10:15:00Z')
		);
		expect(clocks.resolution).toBeNull();
		expect(clocks.response).toMatchObject({ state: 'running', minutesLeft: 45, used: 0.25 });
	});
});

describe('nextWarningAt', () => {
	// Opened Wednesday 10:00Z on a 24×7 clock: respond within 60 minutes, resolve within 240.
	const facts = {
		opened_at: at('2026-11-18T10:00:00Z'),
		response_due_at: at('2026-11-18T11:00:00Z'),
		resolution_due_at: at('2026-11-18T14:00:00Z'),
		acknowledged_at: null,
		resolved_at: null
	};
	/** Where `escalationClocks` first says warning, minute by minute from the opening. */
	function firstWarningMinute(
		input: Parameters<typeof nextWarningAt>[0],
		calendar: SupportCalendar,
		pauses: { from_at: Date; to_at: Date | null }[]
	) {
		for (let minute = 0; minute < 7 * 24 * 60; minute++) {
			const now = new Date(input.opened_at.getTime() + minute * 60_000);
			const clocks = escalationClocks(input, calendar, pauses, now);
			if ([clocks.response, clocks.resolution].some((c) => c?.state === 'warning')) return now;
		}
		return null;
	}

	it('is the earlier clock at 75 %: the first response while it is not given', () => {
		expect(nextWarningAt(facts, AROUND_THE_CLOCK, [])).toEqual(at('2026-11-18T10:45:00Z'));
	});

	it('is the resolution once the first response is given', () => {
		const answered = { ...facts, acknowledged_at: at('2026-11-18T10:20:00Z') };
		expect(nextWarningAt(answered, AROUND_THE_CLOCK, [])).toEqual(at('2026-11-18T13:00:00Z'));
	});

	it('counts finished pauses out, as the clock does', () => {
		// The pause 11:00–12:00 moved the resolution to 15:00Z; 75 % of 240 open minutes is 14:00Z.
		const answered = {
			...facts,
			acknowledged_at: at('2026-11-18T10:20:00Z'),
			resolution_due_at: at('2026-11-18T15:00:00Z')
		};
		const pause = { from_at: at('2026-11-18T11:00:00Z'), to_at: at('2026-11-18T12:00:00Z') };
		expect(nextWarningAt(answered, AROUND_THE_CLOCK, [pause])).toEqual(at('2026-11-18T14:00:00Z'));
		expect(firstWarningMinute(answered, AROUND_THE_CLOCK, [pause])).toEqual(
			at('2026-11-18T14:00:00Z')
		);
	});

	it('follows working hours: a P3 opened late Friday warns on Monday', () => {
		// Friday 20 November 16:30 Amsterdam (15:30Z), 240 working minutes: 90 on Friday, then
		// 90 more of the 180 to 75 % on Monday, at 10:30 Amsterdam (09:30Z).
		const p3 = {
			opened_at: at('2026-11-20T15:30:00Z'),
			response_due_at: dueAfter(at('2026-11-20T15:30:00Z'), 240, AMSTERDAM),
			resolution_due_at: null,
			acknowledged_at: null,
			resolved_at: null
		};
		expect(nextWarningAt(p3, AMSTERDAM, [])).toEqual(at('2026-11-23T09:30:00Z'));
		expect(firstWarningMinute(p3, AMSTERDAM, [])).toEqual(at('2026-11-23T09:30:00Z'));
	});

	it('is null while waiting on the customer and when no clock runs', () => {
		const waiting = { from_at: at('2026-11-18T10:30:00Z'), to_at: null };
		expect(nextWarningAt(facts, AROUND_THE_CLOCK, [waiting])).toBeNull();
		const done = {
			...facts,
			acknowledged_at: at('2026-11-18T10:20:00Z'),
			resolved_at: at('2026-11-18T12:00:00Z')
		};
		expect(nextWarningAt(done, AROUND_THE_CLOCK, [])).toBeNull();
	});

	it('is the due time itself for a clock with no open time', () => {
		const instant = { ...facts, response_due_at: facts.opened_at, resolution_due_at: null };
		expect(nextWarningAt(instant, AROUND_THE_CLOCK, [])).toEqual(facts.opened_at);
	});
});
