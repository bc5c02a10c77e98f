import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** What a notification is about; the text is worded when it is read, in the reader's language. */
export const NOTIFICATION_KINDS = [
	'task_assigned',
	'next_step_assigned',
	'escalation_assigned',
	'sla_warning',
	'sla_breach',
	'churn_critical'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationTable {
	id: Generated<number>;
	user_id: number;
	kind: NotificationKind;
	account_id: number;
	task_id: number | null;
	escalation_id: number | null;
	churn_flag_id: number | null;
	/** Which SLA clock warned or breached, for those two kinds. */
	clock: 'response' | 'resolution' | null;
	/** Who did it; null for rules and background work. */
	actor_id: number | null;
	read_at: Date | null;
	created_at: ColumnType<Date, Date | string | undefined, never>;
}

export type NotificationRow = Selectable<NotificationTable>;
export type NewNotification = Insertable<NotificationTable>;
