import type { ColumnType, Generated, Selectable } from 'kysely';

export type AuditAction = 'create' | 'update' | 'delete';
export type JsonRecord = { [key: string]: unknown };

export interface AuditLogTable {
	id: Generated<number>;
	at: ColumnType<Date, Date | string | undefined, never>;
	actor_id: number | null;
	account_id: number | null;
	entity: string;
	entity_id: number;
	action: AuditAction;
	before: ColumnType<JsonRecord | null, string | null, never>;
	after: ColumnType<JsonRecord | null, string | null, never>;
}

export type AuditEntry = Selectable<AuditLogTable>;
