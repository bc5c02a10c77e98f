import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type {
	ClockKind,
	EscalationCategory,
	EscalationEventKind,
	EscalationRoute,
	EscalationStatus,
	Priority,
	ReportChannel
} from '../../domain/escalation';
import type { SupportPackage } from '../../domain/vocabulary';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface EscalationTable {
	id: Generated<number>;
	account_id: number;
	title: string;
	description: Generated<string>;
	priority: Priority;
	category: EscalationCategory;
	external_ref: Generated<string>;
	reported_via: ReportChannel;
	contact_id: number | null;
	status: Generated<EscalationStatus>;
	owner_id: number | null;
	routed_to: EscalationRoute | null;
	/** The clocks' start: due times are always counted from here. */
	opened_at: Date;
	opened_by: number | null;
	/** The policy that set the clocks (at opening, or an explicit recompute). */
	support_package: SupportPackage;
	response_minutes: number;
	resolution_minutes: number | null;
	clock: ClockKind;
	/** The calendar an 'account' clock counts on; null for around the clock. */
	calendar_id: number | null;
	response_due_at: Date;
	resolution_due_at: Date | null;
	acknowledged_at: Date | null;
	resolved_at: Date | null;
	closed_at: Date | null;
	warned_at: Date | null;
	/**
	 * No earlier than the running clocks can reach their warning share: the sweep measures the
	 * escalation from then on. Null when no clock runs, or while it waits on the customer.
	 */
	warn_at: Date | null;
	/** The clock that runs next (generated): the queue's order. */
	next_due_at: ColumnType<Date | null, never, never>;
	response_breached_at: Date | null;
	resolution_breached_at: Date | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

/** Waiting on the customer: the clocks stop from `from_at` until `to_at` (null while waiting). */
export interface EscalationPauseTable {
	id: Generated<number>;
	escalation_id: number;
	from_at: Date;
	to_at: Date | null;
}

export interface EscalationEventTable {
	id: Generated<number>;
	escalation_id: number;
	kind: EscalationEventKind;
	actor_id: number | null;
	body: Generated<string>;
	data: JSONColumnType<Record<string, string | number | null> | null, string | null, never>;
	at: Generated<Date>;
}

export interface PostmortemTable {
	escalation_id: number;
	root_cause: string;
	summary: string;
	written_by: number | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

/** A corrective action: a task (so it is in My work) belonging to an escalation's post-mortem. */
export interface EscalationActionTable {
	task_id: number;
	escalation_id: number;
}

export type Escalation = Selectable<EscalationTable>;
