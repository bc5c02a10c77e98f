import type { Db } from './database';
import { openFromEnv, type OpenDatabase } from './connect';
import { migrateToLatest } from './migrate';

let opening: Promise<OpenDatabase> | undefined;

/**
 * The app's database, opened and migrated once per process. A failed open is not cached:
 * the next request tries again, so a database that comes back is picked up.
 */
export function openAppDatabase(): Promise<OpenDatabase> {
	opening ??= (async () => {
		const open = await openFromEnv();
		try {
			await migrateToLatest(open.db, (line) => console.log(`[keel] ${line}`));
			return open;
		} catch (error) {
			await open.close().catch(() => {});
			throw error;
		}
	})();
	opening.catch(() => (opening = undefined));
	return opening;
}

export async function getDb(): Promise<Db> {
	return (await openAppDatabase()).db;
}

export async function closeAppDatabase() {
	const current = opening;
	opening = undefined;
	if (current) await (await current.catch(() => undefined))?.close();
}
