import { describe, expect, it } from 'vitest';
import {
	advance,
	canHandOff,
	currentPhase,
	daysInPhase,
	dueDateFor,
	gateOpen,
	isOverdue,
	isSettled,
	progressOf,
	resolveOwner,
	riskOf,
	type ItemState,
	type PhaseState
} from '../../src/lib/domain/onboarding-rules';

const item = (over: Partial<ItemState> = {}): ItemState => ({
	phase: 1,
	required: true,
	status: 'open',
	skipReason: null,
	dueDate: '2026-11-30',
	...over
});
const phase = (n: 1 | 2 | 3, over: Partial<PhaseState> = {}): PhaseState => ({
	phase: n,
	targetDays: 14,
	startedOn: null,
	completedOn: null,
	skipped: false,
	criteriaChecked: [false],
	...over
});

describe('isSettled', () => {
	it('counts done, and skipped only with a reason someone can read', () => {
		expect(isSettled(item({ status: 'done' }))).toBe(true);
		expect(isSettled(item({ status: 'skipped', skipReason: 'Not in scope' }))).toBe(true);
		expect(isSettled(item({ status: 'skipped', skipReason: '   ' }))).toBe(false);
		expect(isSettled(item({ status: 'skipped', skipReason: null }))).toBe(false);
		expect(isSettled(item())).toBe(false);
	});
});

describe('isOverdue', () => {
	it('is open and due before today; due today is not overdue', () => {
		expect(isOverdue(item({ dueDate: '2026-11-21' }), '2026-11-22')).toBe(true);
		expect(isOverdue(item({ dueDate: '2026-11-22' }), '2026-11-22')).toBe(false);
		expect(isOverdue(item({ dueDate: '2026-11-01', status: 'done' }), '2026-11-22')).toBe(false);
		expect(isOverdue(item({ dueDate: null }), '2026-11-22')).toBe(false);
	});
});

describe('gateOpen', () => {
	const p1 = phase(1, { criteriaChecked: [true, true] });
	it('opens when required items are settled and every criterion is ticked; optional items do not block', () => {
		expect(gateOpen([item({ status: 'done' }), item({ required: false })], p1)).toBe(true);
	});
	it('stays shut for an open required item, an unticked criterion, or a reasonless skip', () => {
		expect(gateOpen([item()], p1)).toBe(false);
		expect(gateOpen([item({ status: 'done' })], { ...p1, criteriaChecked: [true, false] })).toBe(
			false
		);
		expect(gateOpen([item({ status: 'skipped' })], p1)).toBe(false);
	});
	it('looks only at its own phase', () => {
		expect(gateOpen([item({ status: 'done' }), item({ phase: 2 })], p1)).toBe(true);
	});
});

describe('progressOf', () => {
	it('derives a whole percentage from settled items', () => {
		expect(progressOf([item({ status: 'done' }), item(), item()])).toEqual({
			total: 3,
			settled: 1,
			percent: 33
		});
		expect(progressOf([])).toEqual({ total: 0, settled: 0, percent: 100 });
	});
});

describe('phases over time', () => {
	it('finds the current phase, skipping skipped and completed ones', () => {
		const phases = [phase(1, { skipped: true }), phase(2, { startedOn: '2026-11-01' }), phase(3)];
		expect(currentPhase(phases)?.phase).toBe(2);
		expect(currentPhase(phases.map((p) => ({ ...p, completedOn: '2026-11-20' })))).toBeNull();
	});

	it('counts days in phase up to today, or to its completion', () => {
		expect(daysInPhase(phase(1, { startedOn: '2026-11-01' }), '2026-11-22')).toBe(21);
		expect(
			daysInPhase(phase(1, { startedOn: '2026-11-01', completedOn: '2026-11-05' }), '2026-11-22')
		).toBe(4);
		expect(daysInPhase(phase(1), '2026-11-22')).toBe(0);
		// Across the DST change in Europe: still whole calendar days.
		expect(daysInPhase(phase(1, { startedOn: '2026-03-28' }), '2026-03-30')).toBe(2);
	});

	it('is at risk when the current phase overruns or a required item is overdue', () => {
		const running = [phase(1, { startedOn: '2026-11-01', targetDays: 14 }), phase(2), phase(3)];
		expect(riskOf(running, [item({ dueDate: '2026-12-01' })], '2026-11-10')).toEqual([]);
		expect(riskOf(running, [item({ dueDate: '2026-12-01' })], '2026-11-16')).toEqual([
			'phaseOverrun'
		]);
		expect(riskOf(running, [item({ dueDate: '2026-11-05' })], '2026-11-10')).toEqual([
			'requiredOverdue'
		]);
		expect(
			riskOf(running, [item({ dueDate: '2026-11-05', required: false })], '2026-11-10')
		).toEqual([]);
	});
});

describe('advance and handoff', () => {
	const done = (phaseNo: 1 | 2 | 3) => item({ phase: phaseNo, status: 'done' });

	it('closes an open gate and starts the next phase the same day', () => {
		const phases = [
			phase(1, { startedOn: '2026-11-01', criteriaChecked: [true] }),
			phase(2),
			phase(3)
		];
		expect(advance(phases, [done(1), item({ phase: 2 })], '2026-11-22')).toEqual([
			{ phase: 1, completedOn: '2026-11-22', next: 2 }
		]);
	});

	it('cascades through phases whose gates are already open, but never closes the last one', () => {
		const phases = [
			phase(1, { criteriaChecked: [true] }),
			phase(2, { criteriaChecked: [true] }),
			phase(3, { criteriaChecked: [true] })
		];
		const items = [done(1), done(2), done(3)];
		expect(advance(phases, items, '2026-11-22').map((t) => t.phase)).toEqual([1, 2]);
		expect(canHandOff(phases, items)).toBe(false); // phases 1 and 2 are still open here
		const closed = [
			{ ...phases[0]!, completedOn: '2026-11-22' },
			{ ...phases[1]!, completedOn: '2026-11-22' },
			phases[2]!
		];
		expect(canHandOff(closed, items)).toBe(true);
		expect(canHandOff(closed, [...items, item({ phase: 3 })])).toBe(false);
	});

	it('treats a skipped pre-onboarding as passed', () => {
		const phases = [phase(1, { skipped: true }), phase(2, { criteriaChecked: [true] }), phase(3)];
		expect(advance(phases, [done(2)], '2026-11-22')).toEqual([
			{ phase: 2, completedOn: '2026-11-22', next: 3 }
		]);
	});
});

describe('due dates and owners', () => {
	it('counts due offsets in calendar days from the start, across month and year ends', () => {
		expect(dueDateFor('2026-11-22', 0)).toBe('2026-11-22');
		expect(dueDateFor('2026-12-25', 10)).toBe('2027-01-04');
		expect(dueDateFor('2028-02-20', 10)).toBe('2028-03-01');
	});

	it('resolves an owner role from the team, the first if several, none for the customer', () => {
		const team = [
			{ team_role: 'AM' as const, user_id: 4 },
			{ team_role: 'CSM' as const, user_id: 7 },
			{ team_role: 'CSM' as const, user_id: 9 }
		];
		expect(resolveOwner('CSM', team)).toBe(7);
		expect(resolveOwner('AM', team)).toBe(4);
		expect(resolveOwner('TAM', team)).toBeNull();
		expect(resolveOwner('CUSTOMER', team)).toBeNull();
	});
});
