/**
 * `npm run health:recompute`: recomputes every account's health in one set-based pass (current
 * score, today's snapshot, churn rule flags), split into ranges of accounts run side by side.
 * It scores the inputs kept by the changes that made them; `--reread` reads every account's
 * inputs again from its sections first (after data was loaded behind Keel's back, say).
 *
 *   npm run health:recompute [-- --reread]
 *
 * DATABASE_URL selects a PostgreSQL server; without it the embedded database in KEEL_DATA_DIR
 * (default ./data/pglite) is used.
 */
import { parseArgs } from 'node:util';
import { openFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { refreshAllHealth } from '../src/lib/server/health/health-refresh';

const { values: args } = parseArgs({ options: { reread: { type: 'boolean', default: false } } });

async function main() {
	const open = await openFromEnv();
	try {
		await migrateToLatest(open.db);
		const started = performance.now();
		const { accounts } = await refreshAllHealth(open.db, new Date(), { reread: args.reread });
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
