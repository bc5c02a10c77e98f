import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import type { Database } from './database';
import { PGliteDialect } from './pglite-dialect';
import { TYPE_PARSERS } from './type-parsers';

export type Engine = 'postgres' | 'pglite';

export interface OpenDatabase {
	db: Kysely<Database>;
	engine: Engine;
	/** Where the data lives, for messages: the server URL without password, or the folder. */
	location: string;
	close(): Promise<void>;
}

export class DataDirLockedError extends Error {
	constructor(dir: string, pid: number) {
		super(
			`The embedded database in ${dir} is already open in process ${pid}. ` +
				'Stop that process first, or point KEEL_DATA_DIR at another folder.'
		);
		this.name = 'DataDirLockedError';
	}
}

/**
 * Opening a connection to a server that is down or unreachable gives up after this long, so a
 * page answers 503 within about a second instead of hanging.
 */
const CONNECT_TIMEOUT_MS = 1_000;
/**
 * Waiting for a free pooled connection gives up after this long: the server accepts but does not
 * answer. Longer than the connect bound, so a burst of requests queueing behind a busy pool is
 * served rather than refused.
 */
const POOL_WAIT_TIMEOUT_MS = 5_000;

/** pg's pool applies its timeout to both waits; the connect bound goes on each client instead. */
class BoundedClient extends pg.Client {
	constructor(config: pg.ClientConfig = {}) {
		super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
	}
}

export function openPostgres(url: string, poolSize = 10): OpenDatabase {
	const pool = new pg.Pool({
		connectionString: url,
		max: poolSize,
		Client: BoundedClient,
		connectionTimeoutMillis: POOL_WAIT_TIMEOUT_MS,
		// A page's queries are short, but a planner's estimate over a lateral join or window can
		// pass jit_above_cost, and compiling then costs more (20–30 ms) than the query itself.
		options: '-c jit=off',
		types: {
			getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
				TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
		}
	});
	// An idle connection the server drops (restart, failover) is reported here; without a
	// listener Node would end the process. The pool has already discarded it, and the next
	// request opens a fresh one.
	pool.on('error', (error) => {
		console.error('[keel] database connection lost:', error.message);
	});
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
	return { db, engine: 'postgres', location, close: () => db.destroy() };
}

/** An in-memory embedded database, optionally loaded from a dumped data dir (tests). */
export async function openPGliteInMemory(
	loadDataDir?: Blob
): Promise<OpenDatabase & { pglite: PGlite }> {
	const pglite = await PGlite.create({ parsers: TYPE_PARSERS, loadDataDir });
	const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
	return { db, engine: 'pglite', location: 'memory', close: () => db.destroy(), pglite };
}

/**
 * Opens (creating if needed) the embedded database in `dataDir`. Two processes on one data
 * folder lose writes, so a lock file beside it refuses a second opener.
 */
export async function openPGlite(dataDir: string) {
	const dir = resolve(dataDir);
	mkdirSync(dirname(dir), { recursive: true });
	const lockFile = `${dir}.lock`;
	acquireLock(lockFile, dir);
	try {
		const pglite = await PGlite.create({
			dataDir: dir,
			parsers: TYPE_PARSERS
		});
		const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
		const close = async () => {
			await db.destroy();
			rmSync(lockFile, { force: true });
		};
		return { db, engine: 'pglite', location: dir, close, pglite } satisfies OpenDatabase & {
			pglite: PGlite;
		};
	} catch (error) {
		rmSync(lockFile, { force: true });
		throw error;
	}
}

export function acquireLock(lockFile: string, dir: string) {
	try {
		const fd = openSync(lockFile, 'wx');
		writeFileSync(fd, String(process.pid));
		closeSync(fd);
		return;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	const holder = Number(readFileSync(lockFile, 'utf8'));
	if (holder && holder !== process.pid && isAlive(holder))
		throw new DataDirLockedError(dir, holder);
	// A stale lock from a process that died: take it over.
	writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function defaultDataDir() {
	return process.env.KEEL_DATA_DIR || join(process.cwd(), 'data', 'pglite');
}

/** The database the environment asks for: a PostgreSQL server with DATABASE_URL, else PGlite. */
export async function openFromEnv(): Promise<OpenDatabase> {
	const url = process.env.DATABASE_URL;
	if (url) return openPostgres(url, Number(process.env.KEEL_DB_POOL_SIZE) || 10);
	return openPGlite(defaultDataDir());
}
