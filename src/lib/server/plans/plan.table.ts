import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MetricKey } from '../../domain/adoption';
import type { ObjectiveStatus } from '../../domain/success-plan';

export interface PlanObjectiveTable {
	id: Generated<number>;
	account_id: number;
	title: string;
	/** Why it matters to the customer. */
	why: Generated<string>;
	criterion_kind: 'metric' | 'outcome';
	/** With criterion_kind 'metric': the usage metric and the value it must reach. */
	metric: MetricKey | null;
	target_value: number | null;
	/** With criterion_kind 'outcome': the yes/no outcome, in words. */
	outcome: Generated<string>;
	owner_user_id: number | null;
	/** 'YYYY-MM-DD' */
	due_date: string | null;
	status: Generated<ObjectiveStatus>;
	/** Why it is at risk or was dropped; required for those two. */
	status_reason: string | null;
	created_by: number | null;
	version: Generated<number>;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A plan task is a row of `tasks` plus the objective it serves. */
export interface ObjectiveTaskTable {
	task_id: number;
	objective_id: number;
}

export type PlanObjective = Selectable<PlanObjectiveTable>;
