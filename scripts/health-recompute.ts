/**
 * `npm run health:recompute`: recomputes every account's health in one set-based pass (current
 * score, today's snapshot, churn rule flags), in one transaction.
 *
 * DATABASE_URL selects a PostgreSQL server; without it the embedded database in KEEL_DATA_DIR
 * (default ./data/pglite) is used.
 */
import { openFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { refreshHealth } from '../src/lib/server/health/health-refresh';

async function main() {
	const open = await openFromEnv();
	try {
		await migrateToLatest(open.db);
		const started = performance.now();
		const { accounts } = await open.db
			.transaction()
			.execute((trx) => refreshHealth(trx, 'all', new Date()));
		const seconds = (performance.now() - started) / 1000;
		console.log(`[keel] health recomputed for ${accounts} accounts in ${seconds.toFixed(2)} s`);
	} finally {
		await open.close();
	}
}

main().catch((cause) => {
	console.error(`[keel] health recompute failed: ${(cause as Error).message}`);
	process.exitCode = 1;
});
