/**
 * What `npm run backup` and `npm run restore` share: which database the environment names (as
 * the app chooses it), what kind of backup a file holds, and the PostgreSQL client tools.
 *
 * Two kinds of file, one per engine:
 * - embedded (PGlite): a gzipped tar of the data directory, as PGlite's own `dumpDataDir`
 *   writes it and its `loadDataDir` reads it back;
 * - PostgreSQL server: a `pg_dump --format=custom` archive, restored by `pg_restore`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { defaultDataDir } from '../src/lib/server/db/connect';

/** A failure explained to the person at the terminal: printed as is, exit status 1. */
export class BackupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BackupError';
	}
}

export type Target = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };

/** The database the app would open: DATABASE_URL, else the embedded one in KEEL_DATA_DIR. */
export function targetFromEnv(): Target {
	const url = process.env.DATABASE_URL;
	return url ? { engine: 'postgres', url } : { engine: 'pglite', dataDir: defaultDataDir() };
}

/** The server URL without its password, for messages. */
export function describeUrl(url: string) {
	return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export const ENGINE_NAMES = {
	pglite: 'the embedded database',
	postgres: 'a PostgreSQL server'
} as const;

/** A path the user typed: npm runs scripts from the project folder, not where they typed it. */
export function userPath(path: string) {
	return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** backups/keel-pglite-20261122T093000Z.tar.gz or backups/keel-postgres-….dump */
export function defaultBackupFile(engine: Target['engine'], now = new Date()) {
	const stamp = now
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/[-:]/g, '');
	return join('backups', `keel-${engine}-${stamp}${engine === 'pglite' ? '.tar.gz' : '.dump'}`);
}

/** Which engine's backup `file` is, from its first bytes; null when it is neither. */
export function backupKind(file: string): Target['engine'] | null {
	const head = Buffer.alloc(5);
	const fd = openSync(file, 'r');
	let length: number;
	try {
		length = readSync(fd, head, 0, head.length, 0);
	} finally {
		closeSync(fd);
	}
	if (length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
	if (length === 5 && head.toString('latin1') === 'PGDMP') return 'postgres';
	return null;
}

/**
 * The tar inside an embedded backup, checked whole before anything is replaced: gzip's CRC
 * catches a damaged or truncated file, and the tar must hold a PostgreSQL data directory.
 */
export function readEmbeddedBackup(file: string): Uint8Array<ArrayBuffer> {
	let tar: Buffer;
	try {
		tar = gunzipSync(readFileSync(file));
	} catch (cause) {
		throw new BackupError(`${file} is damaged or incomplete: ${(cause as Error).message}.`);
	}
	const names = tarEntryNames(tar, file);
	if (!names.some((name) => name.replace(/^\.?\/+/, '') === 'PG_VERSION')) {
		throw new BackupError(`${file} is a tar archive but not of a database data directory.`);
	}
	// zlib's output never lives in a SharedArrayBuffer; a Blob part needs that said.
	return new Uint8Array(tar.buffer as ArrayBuffer, tar.byteOffset, tar.byteLength);
}

function tarEntryNames(tar: Buffer, file: string): string[] {
	const names: string[] = [];
	const field = (from: number, to: number, at: number) =>
		tar
			.subarray(at + from, at + to)
			.toString('utf8')
			.replace(/\0.*$/s, '');
	let offset = 0;
	while (offset < tar.length) {
		if (offset + 512 > tar.length) break;
		if (tar.subarray(offset, offset + 512).every((byte) => byte === 0)) return names;
		const size = parseInt(field(124, 136, offset).trim() || '0', 8);
		if (!Number.isSafeInteger(size) || size < 0) break;
		names.push(field(0, 100, offset));
		offset += 512 + Math.ceil(size / 512) * 512;
	}
	if (offset === tar.length) return names;
	// Ran past the end, or a header that is not one: not the tar PGlite writes.
	throw new BackupError(`${file} is damaged: its archive ends mid-entry.`);
}

/** A PostgreSQL client tool: from KEEL_PG_BIN when set (e.g. /usr/lib/postgresql/16/bin). */
export function pgTool(name: 'pg_dump' | 'pg_restore') {
	const bin = process.env.KEEL_PG_BIN;
	return bin ? join(bin, name) : name;
}

/** The major version of a client tool, from `--version` ("pg_dump (PostgreSQL) 15.20 …"). */
export function toolMajor(tool: string): number {
	const run = spawnSync(tool, ['--version'], { encoding: 'utf8' });
	if (run.error || run.status !== 0) {
		throw new BackupError(
			`${tool} was not found. Install the PostgreSQL client tools of your server's major ` +
				'version (Debian: postgresql-client-NN), or set KEEL_PG_BIN to the folder that holds them.'
		);
	}
	const major = /\(PostgreSQL\)\s+(\d+)/.exec(run.stdout)?.[1];
	if (!major) throw new BackupError(`Could not read the version of ${tool}: ${run.stdout.trim()}`);
	return Number(major);
}

/** Connects to `url` with a short timeout; a clear error when the server cannot be reached. */
export async function connectTo(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
	try {
		await client.connect();
		return client;
	} catch (cause) {
		await client.end().catch(() => {});
		throw Object.assign(
			new BackupError(`Cannot reach ${describeUrl(url)}: ${(cause as Error).message}`),
			{ code: (cause as { code?: string }).code }
		);
	}
}

export async function serverMajor(client: pg.Client): Promise<number> {
	const { rows } = await client.query<{ v: number }>(
		"select current_setting('server_version_num')::int as v"
	);
	return Math.floor(rows[0]!.v / 10_000);
}

/**
 * How to hand `url` to libpq tools: the password goes in PGPASSWORD, not on the command line,
 * where every local user could read it with `ps`.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
	const parsed = new URL(url);
	const env: NodeJS.ProcessEnv = { ...process.env };
	if (parsed.password) {
		env.PGPASSWORD = decodeURIComponent(parsed.password);
		parsed.password = '';
	}
	return { dbname: parsed.toString(), env };
}

/** Runs a client tool to completion; its error output becomes the message when it fails. */
export function runTool(
	tool: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	stdout: 'inherit' | 'ignore' = 'inherit'
) {
	const run = spawnSync(tool, args, { env, encoding: 'utf8', stdio: ['ignore', stdout, 'pipe'] });
	if (run.error) throw new BackupError(`${tool} could not be started: ${run.error.message}`);
	if (run.status !== 0) {
		throw new BackupError(
			`${tool} failed (exit ${run.status ?? run.signal}):\n${run.stderr.trim()}`
		);
	}
	if (run.stderr.trim()) process.stderr.write(run.stderr);
}

export function formatBytes(bytes: number) {
	return bytes >= 1024 * 1024
		? `${(bytes / 1024 / 1024).toFixed(1)} MB`
		: `${(bytes / 1024).toFixed(0)} KB`;
}

/**
 * Runs a script's main: a BackupError prints without a stack trace. Exits explicitly because a
 * closed PGlite leaves its PostgreSQL's timers (the statistics flush, ~10 s) keeping Node alive.
 */
export function runMain(name: string, main: () => Promise<void>) {
	main().then(
		() => process.exit(0),
		(cause: unknown) => {
			const message = cause instanceof Error ? cause.message : String(cause);
			console.error(`[keel] ${name}: ${message}`);
			if (!(cause instanceof BackupError) && cause instanceof Error && cause.stack)
				console.error(cause.stack);
			process.exit(1);
		}
	);
}
