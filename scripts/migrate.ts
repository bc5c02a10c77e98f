// `npm run migrate`: brings the database named by the environment to the newest schema.
import { openFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';

const open = await openFromEnv();
try {
	console.log(`[keel] migrating ${open.engine} at ${open.location}`);
	const result = await migrateToLatest(open.db, (line) => console.log(`[keel] ${line}`));
	if ((result.results ?? []).length === 0) console.log('[keel] already up to date');
} catch (error) {
	console.error(`[keel] ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await open.close();
}
