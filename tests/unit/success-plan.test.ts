import { describe, expect, it } from 'vitest';
import {
	OBJECTIVE_STATUSES,
	attentionFor,
	criterionMet,
	criterionOf,
	isClosed,
	isOverdue,
	needsReason,
	objectiveProblem,
	objectiveProgress,
	planSummary,
	statusProblem,
	type Criterion,
	type MetricValue,
	type ObjectiveDraft,
	type ObjectiveStatus,
	type TaskState
} from '../../src/lib/domain/success-plan';

const TODAY = '2026-11-22';
const cabinets = (target: number): Criterion => ({
	kind: 'metric',
	metric: 'colocation_cabinets',
	target
});
const outcome: Criterion = { kind: 'outcome', outcome: 'Exec sponsor signs off the QBR' };
const reading = (used: number, month = '2026-10-01'): MetricValue => ({ month, used });
const done: TaskState = { status: 'done', skipReason: null };
const open: TaskState = { status: 'open', skipReason: null };
const skipped = (skipReason: string | null): TaskState => ({ status: 'skipped', skipReason });
const objective = (status: ObjectiveStatus, dueDate: string | null = '2026-11-01') => ({
	status,
	dueDate
});
const draft = (over: Partial<ObjectiveDraft> = {}): ObjectiveDraft => ({
	criterion_kind: 'metric',
	metric: 'colocation_cabinets',
	target_value: 10,
	outcome: '',
	status: 'on_track',
	status_reason: '',
	...over
});

describe('statuses', () => {
	it('asks for a reason only for at risk and dropped', () => {
		expect(OBJECTIVE_STATUSES.filter(needsReason)).toEqual(['at_risk', 'dropped']);
	});

	it('treats achieved and dropped as closed', () => {
		expect(OBJECTIVE_STATUSES.filter(isClosed)).toEqual(['achieved', 'dropped']);
	});
});

describe('objectiveProgress', () => {
	describe('from a bound metric', () => {
		it('is the latest reading over the target, with the reading', () => {
			const latest = reading(4);
			expect(objectiveProgress(cabinets(10), latest, [])).toEqual({
				ratio: 0.4,
				source: 'metric',
				latest,
				tasksSettled: 0,
				tasksTotal: 0
			});
		});

		it('caps at 100 % once the target is passed', () => {
			expect(objectiveProgress(cabinets(10), reading(25), []).ratio).toBe(1);
			expect(objectiveProgress(cabinets(10), reading(10), []).ratio).toBe(1);
		});

		it('never goes below 0', () => {
			expect(objectiveProgress(cabinets(10), reading(-3), []).ratio).toBe(0);
			expect(objectiveProgress(cabinets(10), reading(0), []).ratio).toBe(0);
		});

		it('reads a zero target as reached instead of dividing by zero', () => {
			expect(objectiveProgress(cabinets(0), reading(0), []).ratio).toBe(1);
			expect(criterionMet(cabinets(0), reading(0))).toBe(true);
		});

		it('wins over the tasks, which are still counted', () => {
			const progress = objectiveProgress(cabinets(10), reading(5), [done, open, open, open]);
			expect(progress.source).toBe('metric');
			expect(progress.ratio).toBe(0.5);
			expect(progress.tasksSettled).toBe(1);
			expect(progress.tasksTotal).toBe(4);
		});

		it('falls back to the tasks while the metric has no reading yet', () => {
			expect(objectiveProgress(cabinets(10), null, [done, open])).toEqual({
				ratio: 0.5,
				source: 'tasks',
				latest: null,
				tasksSettled: 1,
				tasksTotal: 2
			});
		});

		it('invents nothing with neither a reading nor tasks', () => {
			expect(objectiveProgress(cabinets(10), null, [])).toEqual({
				ratio: null,
				source: 'none',
				latest: null,
				tasksSettled: 0,
				tasksTotal: 0
			});
		});
	});

	describe('for an outcome', () => {
		it('comes from the tasks, ignoring any metric reading passed in', () => {
			expect(objectiveProgress(outcome, reading(99), [done, done, open])).toEqual({
				ratio: 2 / 3,
				source: 'tasks',
				latest: null,
				tasksSettled: 2,
				tasksTotal: 3
			});
		});

		it('is 0 with every task open and 100 % with every task done', () => {
			expect(objectiveProgress(outcome, null, [open, open]).ratio).toBe(0);
			expect(objectiveProgress(outcome, null, [done, done]).ratio).toBe(1);
		});

		it('is unmeasured without tasks', () => {
			const progress = objectiveProgress(outcome, null, []);
			expect(progress.ratio).toBeNull();
			expect(progress.source).toBe('none');
		});
	});

	it('settles a skipped task only when it says why', () => {
		const progress = objectiveProgress(outcome, null, [
			skipped('Customer runs its own hands'),
			skipped(null),
			skipped(''),
			skipped('   ')
		]);
		expect(progress.tasksSettled).toBe(1);
		expect(progress.tasksTotal).toBe(4);
		expect(progress.ratio).toBe(0.25);
	});
});

describe('criterionMet', () => {
	it('is met when the latest reading reaches the target', () => {
		expect(criterionMet(cabinets(10), reading(10))).toBe(true);
		expect(criterionMet(cabinets(10), reading(12))).toBe(true);
	});

	it('is not met just short of the target', () => {
		expect(criterionMet(cabinets(10), reading(9.99))).toBe(false);
	});

	it('is not met without a reading', () => {
		expect(criterionMet(cabinets(10), null)).toBe(false);
	});

	it('is never met by measurement for an outcome', () => {
		expect(criterionMet(outcome, reading(1_000_000))).toBe(false);
	});
});

describe('isOverdue', () => {
	it('is an open objective due before today', () => {
		expect(isOverdue(objective('on_track', '2026-11-21'), TODAY)).toBe(true);
		expect(isOverdue(objective('not_started', '2025-01-01'), TODAY)).toBe(true);
		expect(isOverdue(objective('at_risk', '2026-11-21'), TODAY)).toBe(true);
	});

	it('is not overdue on its due date, or before it', () => {
		expect(isOverdue(objective('on_track', TODAY), TODAY)).toBe(false);
		expect(isOverdue(objective('on_track', '2026-12-01'), TODAY)).toBe(false);
	});

	it('is never overdue without a due date', () => {
		expect(isOverdue(objective('on_track', null), TODAY)).toBe(false);
	});

	it('is never overdue once achieved or dropped', () => {
		expect(isOverdue(objective('achieved', '2020-01-01'), TODAY)).toBe(false);
		expect(isOverdue(objective('dropped', '2020-01-01'), TODAY)).toBe(false);
	});
});

describe('attentionFor', () => {
	it('asks to mark achieved an open objective whose measured target is met', () => {
		for (const status of ['not_started', 'on_track', 'at_risk'] as const) {
			expect(attentionFor(objective(status, null), cabinets(10), reading(10), TODAY), status).toBe(
				'target_met'
			);
		}
	});

	it('says target met rather than overdue when both apply', () => {
		expect(
			attentionFor(objective('on_track', '2026-01-01'), cabinets(10), reading(11), TODAY)
		).toBe('target_met');
	});

	it('flags an open objective past its due date whose target is not met', () => {
		expect(attentionFor(objective('on_track', '2026-11-01'), cabinets(10), reading(3), TODAY)).toBe(
			'overdue'
		);
		expect(attentionFor(objective('not_started', '2026-11-01'), outcome, null, TODAY)).toBe(
			'overdue'
		);
	});

	it('does not flag again as overdue an objective already flagged at risk', () => {
		expect(attentionFor(objective('at_risk', '2026-11-01'), cabinets(10), reading(3), TODAY)).toBe(
			null
		);
		expect(attentionFor(objective('at_risk', '2026-11-01'), outcome, null, TODAY)).toBeNull();
	});

	it('never asks anything of an achieved or dropped objective', () => {
		for (const status of ['achieved', 'dropped'] as const) {
			const o = objective(status, '2020-01-01');
			expect(attentionFor(o, cabinets(10), reading(50), TODAY), status).toBeNull();
			expect(attentionFor(o, cabinets(10), reading(1), TODAY), status).toBeNull();
			expect(attentionFor(o, outcome, null, TODAY), status).toBeNull();
		}
	});

	it('needs nothing for an open objective on schedule and short of target', () => {
		expect(attentionFor(objective('on_track', '2026-12-31'), cabinets(10), reading(3), TODAY)).toBe(
			null
		);
		expect(attentionFor(objective('on_track', TODAY), outcome, null, TODAY)).toBeNull();
		expect(attentionFor(objective('on_track', null), cabinets(10), null, TODAY)).toBeNull();
	});
});

describe('planSummary', () => {
	it('counts objectives by status, with every status present', () => {
		expect(
			planSummary([
				{ status: 'on_track' },
				{ status: 'on_track' },
				{ status: 'at_risk' },
				{ status: 'achieved' }
			])
		).toEqual({
			total: 4,
			counts: { not_started: 0, on_track: 2, at_risk: 1, achieved: 1, dropped: 0 }
		});
	});

	it('gives zeros for an empty plan', () => {
		expect(planSummary([])).toEqual({
			total: 0,
			counts: { not_started: 0, on_track: 0, at_risk: 0, achieved: 0, dropped: 0 }
		});
	});
});

describe('objectiveProblem', () => {
	it('accepts a complete metric objective', () => {
		expect(objectiveProblem(draft())).toBeNull();
	});

	it('asks a metric objective for its metric, then its target', () => {
		expect(objectiveProblem(draft({ metric: null }))).toEqual({
			field: 'metric',
			key: 'error.metricRequired'
		});
		expect(objectiveProblem(draft({ target_value: null }))).toEqual({
			field: 'target_value',
			key: 'error.targetRequired'
		});
		expect(objectiveProblem(draft({ metric: null, target_value: null }))?.field).toBe('metric');
	});

	it('does not ask a metric objective for an outcome text', () => {
		expect(objectiveProblem(draft({ outcome: '' }))).toBeNull();
	});

	it('asks an outcome objective to write its outcome out', () => {
		const outcomeDraft = draft({ criterion_kind: 'outcome', metric: null, target_value: null });
		expect(objectiveProblem({ ...outcomeDraft, outcome: '' })).toEqual({
			field: 'outcome',
			key: 'error.outcomeRequired'
		});
		expect(objectiveProblem({ ...outcomeDraft, outcome: '  \n ' })).toEqual({
			field: 'outcome',
			key: 'error.outcomeRequired'
		});
		expect(objectiveProblem({ ...outcomeDraft, outcome: 'QBR signed off' })).toBeNull();
	});

	it('does not ask an outcome objective for a metric or target', () => {
		expect(
			objectiveProblem(
				draft({ criterion_kind: 'outcome', metric: null, target_value: null, outcome: 'Go live' })
			)
		).toBeNull();
	});

	it('asks why an objective is at risk or dropped', () => {
		for (const status of ['at_risk', 'dropped'] as const) {
			expect(objectiveProblem(draft({ status, status_reason: '' })), status).toEqual({
				field: 'status_reason',
				key: 'error.statusReasonRequired'
			});
			expect(
				objectiveProblem(draft({ status, status_reason: 'Budget frozen' })),
				status
			).toBeNull();
		}
	});

	it('reports the criterion before the missing reason', () => {
		expect(objectiveProblem(draft({ metric: null, status: 'at_risk' }))?.field).toBe('metric');
	});
});

describe('statusProblem', () => {
	it('needs a reason for at risk and dropped, and whitespace is no reason', () => {
		for (const status of ['at_risk', 'dropped'] as const) {
			for (const reason of ['', '   ', '\t\n']) {
				expect(statusProblem(status, reason), `${status} ${JSON.stringify(reason)}`).toEqual({
					field: 'status_reason',
					key: 'error.statusReasonRequired'
				});
			}
			expect(statusProblem(status, 'Champion left')).toBeNull();
		}
	});

	it('needs no reason for the other statuses', () => {
		for (const status of ['not_started', 'on_track', 'achieved'] as const) {
			expect(statusProblem(status, ''), status).toBeNull();
		}
	});
});

describe('criterionOf', () => {
	it('reads a metric criterion from its metric and target', () => {
		expect(
			criterionOf({
				criterion_kind: 'metric',
				metric: 'fabric_ports',
				target_value: 4,
				outcome: 'left over from an edit'
			})
		).toEqual({ kind: 'metric', metric: 'fabric_ports', target: 4 });
	});

	it('reads an outcome criterion from its text, ignoring a stale metric', () => {
		expect(
			criterionOf({
				criterion_kind: 'outcome',
				metric: 'fabric_ports',
				target_value: 4,
				outcome: 'Go live in Frankfurt'
			})
		).toEqual({ kind: 'outcome', outcome: 'Go live in Frankfurt' });
	});

	it('keeps a target of 0 as a metric criterion', () => {
		expect(
			criterionOf({
				criterion_kind: 'metric',
				metric: 'fabric_ports',
				target_value: 0,
				outcome: ''
			})
		).toEqual({ kind: 'metric', metric: 'fabric_ports', target: 0 });
	});

	it('falls back to an outcome when a metric row is incomplete', () => {
		expect(
			criterionOf({ criterion_kind: 'metric', metric: null, target_value: 4, outcome: '' }).kind
		).toBe('outcome');
		expect(
			criterionOf({
				criterion_kind: 'metric',
				metric: 'fabric_ports',
				target_value: null,
				outcome: ''
			}).kind
		).toBe('outcome');
	});
});
