import { sql } from 'kysely';
import type { Db } from './database';

/**
 * VACUUM ANALYZE after a bulk load: fresh planner statistics, and the visibility map that lets
 * covering indexes answer without reading the table. A PostgreSQL server's autovacuum gets there
 * on its own within minutes; embedded PGlite has no autovacuum, so a bulk loader must ask.
 * Must run outside a transaction.
 */
export async function refreshPlannerStatistics(db: Db) {
	await sql`vacuum analyze`.execute(db);
}
