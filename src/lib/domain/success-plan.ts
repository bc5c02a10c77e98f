/**
 * The success plan's rules: objectives, what their success criterion is, and how far along
 * they are. Progress is derived (from a bound usage metric, otherwise from the objective's
 * tasks), never typed in.
 */
import type { MetricKey } from './adoption';
import type { TaskStatus } from './vocabulary';

export const OBJECTIVE_STATUSES = [
	'not_started',
	'on_track',
	'at_risk',
	'achieved',
	'dropped'
] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** Statuses a person must explain: why it is at risk, why it was dropped. */
export const STATUSES_NEEDING_REASON: readonly ObjectiveStatus[] = ['at_risk', 'dropped'];

export function needsReason(status: ObjectiveStatus): boolean {
	return STATUSES_NEEDING_REASON.includes(status);
}

/** Closed objectives no longer count as work in progress. */
export function isClosed(status: ObjectiveStatus): boolean {
	return status === 'achieved' || status === 'dropped';
}

/**
 * The success criterion: a usage metric reaching a target value, or a yes/no outcome that the
 * status 'achieved' records.
 */
export type Criterion =
	{ kind: 'metric'; metric: MetricKey; target: number } | { kind: 'outcome'; outcome: string };

export const CRITERION_KINDS = ['metric', 'outcome'] as const;

export interface MetricValue {
	/** 'YYYY-MM-01' */
	month: string;
	used: number;
}

export type ProgressSource = 'metric' | 'tasks' | 'none';

export interface Progress {
	/** 0–1, or null when nothing measures it yet. */
	ratio: number | null;
	source: ProgressSource;
	/** For metric progress: the latest reading and its month. */
	latest: MetricValue | null;
	/** For task progress: settled (done, or skipped with a reason) of all tasks. */
	tasksSettled: number;
	tasksTotal: number;
}

export interface TaskState {
	status: TaskStatus;
	skipReason: string | null;
}

/** A done task, or one skipped for a stated reason, no longer stands in the way. */
const settled = (t: TaskState) =>
	t.status === 'done' || (t.status === 'skipped' && (t.skipReason ?? '').trim() !== '');

/**
 * How far the objective is: from the bound metric's latest value when it has one (reaching the
 * target is 100 %), otherwise from its tasks. A metric with no reading yet falls back to tasks,
 * so progress is never invented.
 */
export function objectiveProgress(
	criterion: Criterion,
	latest: MetricValue | null,
	tasks: readonly TaskState[]
): Progress {
	const tasksTotal = tasks.length;
	const tasksSettled = tasks.filter(settled).length;
	if (criterion.kind === 'metric' && latest !== null) {
		const ratio = criterion.target > 0 ? clamp(latest.used / criterion.target) : 1;
		return { ratio, source: 'metric', latest, tasksSettled, tasksTotal };
	}
	if (tasksTotal > 0) {
		return {
			ratio: tasksSettled / tasksTotal,
			source: 'tasks',
			latest: null,
			tasksSettled,
			tasksTotal
		};
	}
	return { ratio: null, source: 'none', latest: null, tasksSettled, tasksTotal };
}

/** The measured target is met, whatever status the objective carries. */
export function criterionMet(criterion: Criterion, latest: MetricValue | null): boolean {
	return criterion.kind === 'metric' && latest !== null && latest.used >= criterion.target;
}

/** An open objective past its due date. */
export function isOverdue(
	objective: { status: ObjectiveStatus; dueDate: string | null },
	today: string
): boolean {
	return !isClosed(objective.status) && objective.dueDate !== null && objective.dueDate < today;
}

/**
 * What the plan needs a person to look at: the measured target is met but the objective is not
 * marked achieved, or it is overdue while not flagged at risk.
 */
export function attentionFor(
	objective: { status: ObjectiveStatus; dueDate: string | null },
	criterion: Criterion,
	latest: MetricValue | null,
	today: string
): 'target_met' | 'overdue' | null {
	if (!isClosed(objective.status) && criterionMet(criterion, latest)) return 'target_met';
	if (objective.status !== 'at_risk' && isOverdue(objective, today)) return 'overdue';
	return null;
}

/** Plan-level counts for the header and the printable review. */
export function planSummary(objectives: readonly { status: ObjectiveStatus }[]) {
	const counts = Object.fromEntries(OBJECTIVE_STATUSES.map((s) => [s, 0])) as Record<
		ObjectiveStatus,
		number
	>;
	for (const o of objectives) counts[o.status] += 1;
	return { total: objectives.length, counts };
}

function clamp(x: number): number {
	return Math.max(0, Math.min(1, x));
}

export interface ObjectiveDraft {
	criterion_kind: (typeof CRITERION_KINDS)[number];
	metric: MetricKey | null;
	target_value: number | null;
	outcome: string;
	status: ObjectiveStatus;
	status_reason: string;
}

/**
 * The rules one field cannot check alone: a metric criterion names its metric and target, an
 * outcome is written out, and at-risk or dropped says why. The first problem, by field.
 */
export function objectiveProblem(draft: ObjectiveDraft): { field: string; key: string } | null {
	if (draft.criterion_kind === 'metric') {
		if (draft.metric === null) return { field: 'metric', key: 'error.metricRequired' };
		if (draft.target_value === null) return { field: 'target_value', key: 'error.targetRequired' };
	} else if (draft.outcome.trim() === '') {
		return { field: 'outcome', key: 'error.outcomeRequired' };
	}
	return statusProblem(draft.status, draft.status_reason);
}

export function statusProblem(
	status: ObjectiveStatus,
	reason: string
): { field: string; key: string } | null {
	if (needsReason(status) && reason.trim() === '') {
		return { field: 'status_reason', key: 'error.statusReasonRequired' };
	}
	return null;
}

/** The criterion as stored: only the half that applies to its kind. */
export function criterionOf(row: {
	criterion_kind: 'metric' | 'outcome';
	metric: MetricKey | null;
	target_value: number | null;
	outcome: string;
}): Criterion {
	if (row.criterion_kind === 'metric' && row.metric !== null && row.target_value !== null) {
		return { kind: 'metric', metric: row.metric, target: row.target_value };
	}
	return { kind: 'outcome', outcome: row.outcome };
}
