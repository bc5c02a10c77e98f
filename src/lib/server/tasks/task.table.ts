import type { ColumnType, Generated, Selectable } from 'kysely';
import type { TaskStatus } from '../../domain/vocabulary';

export interface TaskTable {
	id: Generated<number>;
	account_id: number;
	title: string;
	description: Generated<string>;
	owner_user_id: number | null;
	/** 'YYYY-MM-DD' */
	due_date: string | null;
	status: Generated<TaskStatus>;
	/** Which section made it: 'manual', 'onboarding', 'review', 'plan'. */
	source: Generated<string>;
	/** Why it was skipped; a skipped task without one does not count as settled. */
	skip_reason: string | null;
	notes: Generated<string>;
	completed_at: Date | null;
	completed_by: number | null;
	version: Generated<number>;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type Task = Selectable<TaskTable>;
