import type { Db } from '../../src/lib/server/db/database';

/** A flag's log, oldest first. */
export function flagEvents(db: Db, flagId: number) {
	return db
		.selectFrom('churn_flag_events')
		.selectAll()
		.where('flag_id', '=', flagId)
		.orderBy('id')
		.execute();
}

/** The audit rows of one flag, oldest first. */
export function flagAuditRows(db: Db, flagId: number) {
	return db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', 'churn_flag')
		.where('entity_id', '=', flagId)
		.orderBy('id')
		.execute();
}
