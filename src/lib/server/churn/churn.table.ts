import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ChurnReason, ChurnRule, ChurnSeverity, ChurnStatus } from '../../domain/churn';

export type RuleDetail = Record<string, number | string>;

export interface ChurnFlagTable {
	id: Generated<number>;
	account_id: number;
	/** The rule that raised it; null for a flag a person raised. */
	rule: ChurnRule | null;
	/** The rule's condition still holds; one flag per rule and account while it does. */
	condition_active: Generated<boolean>;
	rule_detail: JSONColumnType<RuleDetail | null, string | null, string | null>;
	severity: ChurnSeverity;
	reason: ChurnReason;
	arr_at_risk: number;
	summary: Generated<string>;
	next_step: Generated<string>;
	next_step_owner_id: number | null;
	/** 'YYYY-MM-DD' */
	next_step_due: string | null;
	status: Generated<ChurnStatus>;
	status_reason: string | null;
	raised_by: number | null;
	closed_at: Date | null;
	version: Generated<number>;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export const CHURN_EVENT_KINDS = [
	'raised',
	'rule_update',
	'condition_cleared',
	'edited',
	'status',
	'mitigation',
	'comment',
	'acknowledged'
] as const;
export type ChurnEventKind = (typeof CHURN_EVENT_KINDS)[number];

/** The flag's log: what the rule saw, what people did, said and acknowledged. */
export interface ChurnFlagEventTable {
	id: Generated<number>;
	flag_id: number;
	kind: ChurnEventKind;
	actor_id: number | null;
	body: Generated<string>;
	data: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
	at: ColumnType<Date, Date | string | undefined, never>;
}
