import type { Executor } from '../db/database';
import type { AuditAction, JsonRecord } from './audit.table';

export interface AuditInput {
	actorId: number | null;
	accountId: number | null;
	entity: string;
	entityId: number;
	action: AuditAction;
	before?: object | null;
	after?: object | null;
}

// Fields that never belong in an audit trail.
const SECRET_FIELDS = new Set(['password_hash']);

function snapshot(row: object | null | undefined): string | null {
	if (!row) return null;
	const copy: JsonRecord = {};
	for (const [key, value] of Object.entries(row)) {
		if (!SECRET_FIELDS.has(key)) copy[key] = value;
	}
	return JSON.stringify(copy);
}

function toRow(entry: AuditInput) {
	return {
		actor_id: entry.actorId,
		account_id: entry.accountId,
		entity: entry.entity,
		entity_id: entry.entityId,
		action: entry.action,
		before: snapshot(entry.before),
		after: snapshot(entry.after)
	};
}

/** Writes one audit row; call it inside the transaction that made the change. */
export async function writeAudit(db: Executor, entry: AuditInput) {
	await db.insertInto('audit_log').values(toRow(entry)).execute();
}

/** The newest audit rows of an account with the actor's name, for its Activity list. */
export function listAccountActivity(db: Executor, accountId: number, limit = 50) {
	return db
		.selectFrom('audit_log')
		.leftJoin('users', 'users.id', 'audit_log.actor_id')
		.select([
			'audit_log.id',
			'audit_log.at',
			'audit_log.entity',
			'audit_log.entity_id',
			'audit_log.action',
			'audit_log.before',
			'audit_log.after',
			'users.name as actor_name'
		])
		.where('audit_log.account_id', '=', accountId)
		.orderBy('audit_log.at', 'desc')
		.orderBy('audit_log.id', 'desc')
		.limit(limit)
		.execute();
}

/** Many audit rows in one statement per batch, for set-based passes (rule flags portfolio-wide). */
export async function writeAuditMany(db: Executor, entries: readonly AuditInput[]) {
	for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
		await db
			.insertInto('audit_log')
			.values(entries.slice(i, i + AUDIT_BATCH).map(toRow))
			.execute();
	}
}

/** Rows per insert: 7 parameters each, well under PostgreSQL's 65,535-parameter limit. */
const AUDIT_BATCH = 5000;
