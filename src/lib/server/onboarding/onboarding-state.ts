import type { ItemState, PhaseState } from '../../domain/onboarding-rules';
import type { Phase } from '../../domain/onboarding-template';
import type { TaskStatus } from '../../domain/vocabulary';
import type { ExitCriterion } from './onboarding.table';

/** Rows as the pure rules see them. */
export function toPhaseState(row: {
	phase: Phase;
	target_days: number;
	started_on: string | null;
	completed_on: string | null;
	skipped: boolean;
	exit_criteria: ExitCriterion[];
}): PhaseState {
	return {
		phase: row.phase,
		targetDays: row.target_days,
		startedOn: row.started_on,
		completedOn: row.completed_on,
		skipped: row.skipped,
		criteriaChecked: row.exit_criteria.map((c) => c.checkedAt !== null)
	};
}

export function toItemState(row: {
	phase: Phase;
	required: boolean;
	status: TaskStatus;
	skip_reason: string | null;
	due_date: string | null;
}): ItemState {
	return {
		phase: row.phase,
		required: row.required,
		status: row.status,
		skipReason: row.skip_reason,
		dueDate: row.due_date
	};
}
