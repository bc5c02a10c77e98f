/**
 * Writes deterministic demo data.
 *
 *   npm run seed -- --accounts 200 [--seed 42] [--today 2026-11-22] [--reset]
 *
 * DATABASE_URL selects a PostgreSQL server; without it the embedded database in KEEL_DATA_DIR
 * (default ./data/pglite) is used. --reset empties every app table first.
 */
import { sql, type Kysely } from 'kysely';
import { parseArgs } from 'node:util';
import { openFromEnv, type OpenDatabase } from '../src/lib/server/db/connect';
import type { Database } from '../src/lib/server/db/database';
import { refreshPlannerStatistics } from '../src/lib/server/db/maintenance';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { DEMO_PASSWORD, DemoDataError, seedDemo } from '../src/lib/server/demo/demo-data';

const USAGE = 'usage: npm run seed -- --accounts N [--seed S] [--today YYYY-MM-DD] [--reset]';

class UsageError extends Error {}

function parseWhole(name: string, value: string | undefined, fallback?: number): number {
	if (value === undefined) {
		if (fallback === undefined) throw new UsageError(`--${name} is required`);
		return fallback;
	}
	if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
		throw new UsageError(`--${name} must be a whole number, got "${value}"`);
	}
	return Number(value);
}

/** Empties every table of the app's schema except Kysely's migration bookkeeping. */
async function resetAppTables(db: Kysely<Database>) {
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
			and table_name not like 'kysely\\_migration%'
		order by table_name`.execute(db);
	if (rows.length === 0) return;
	const tables = sql.join(rows.map((r) => sql.id(r.table_name)));
	await sql`truncate table ${tables} restart identity cascade`.execute(db);
}

async function main(): Promise<number> {
	let args;
	try {
		args = parseArgs({
			options: {
				accounts: { type: 'string', short: 'n' },
				seed: { type: 'string', short: 's' },
				today: { type: 'string' },
				reset: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			},
			strict: true,
			allowPositionals: false
		}).values;
		if (args.help) {
			console.log(USAGE);
			return 0;
		}
	} catch (error) {
		console.error(`seed: ${(error as Error).message}\n${USAGE}`);
		return 2;
	}

	let database: OpenDatabase | undefined;
	try {
		const accounts = parseWhole('accounts', args.accounts);
		const seed = parseWhole('seed', args.seed, 42);
		const started = performance.now();
		database = await openFromEnv();
		await migrateToLatest(database.db);
		if (args.reset) await resetAppTables(database.db);
		const counts = await seedDemo(database.db, { accounts, seed, today: args.today });
		await refreshPlannerStatistics(database.db);
		const seconds = ((performance.now() - started) / 1000).toFixed(2);
		console.log(
			`seeded ${counts.accounts} accounts, ${counts.users} users, ${counts.resellers} resellers, ` +
				`${counts.teamMembers} team members, ${counts.contacts} contacts, ` +
				`${counts.onboardings} onboardings, ${counts.tasks} onboarding tasks, ` +
				`${counts.usageRecords} usage records, ${counts.objectives} objectives, ` +
				`${counts.planTasks} plan tasks ` +
				`(seed ${seed}) into ${database.engine} ${database.location} in ${seconds} s; ` +
				`sign in as csm1@keel.demo / ${DEMO_PASSWORD}`
		);
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`seed: ${error.message}\n${USAGE}`);
			return 2;
		}
		if (error instanceof DemoDataError && /not empty/.test(error.message)) {
			console.error(`seed: ${error.message} Pass --reset to empty it first.`);
			return 1;
		}
		console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	} finally {
		await database?.close();
	}
}

process.exitCode = await main();
