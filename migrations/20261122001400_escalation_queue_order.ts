import { sql, type Kysely } from 'kysely';

// The queue's order with stopped escalations as the latest due, rather than as nulls: a key that
// is never null lets an export's keyset start each batch's index range at its position (an
// `or next_due_at is null` arm made every batch read the queue from the top).
export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index escalations_queue_order on escalations ((coalesce(next_due_at, 'infinity'::timestamptz)), priority, opened_at desc, id) include (status, owner_id, response_breached_at, resolution_breached_at, warned_at)`.execute(
		db
	);
	await sql`drop index escalations_queue`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`create index escalations_queue on escalations (next_due_at, priority, opened_at desc, id) include (status, owner_id, response_breached_at, resolution_breached_at, warned_at)`.execute(
		db
	);
	await sql`drop index escalations_queue_order`.execute(db);
}
