/**
 * `npm run backup [-- --out FILE]`: a backup of the database the app uses.
 *
 * - With DATABASE_URL: `pg_dump --format=custom` of that database, while Keel keeps running
 *   (pg_dump reads one consistent snapshot). pg_dump must be the server's major version or
 *   newer; KEEL_PG_BIN names the folder of another version's tools.
 * - Without: the embedded database in KEEL_DATA_DIR (default ./data/pglite), written by
 *   PGlite's own `dumpDataDir` as a .tar.gz. PGlite runs inside one process, so only the
 *   process holding the data directory can copy it consistently: the backup opens it itself,
 *   and refuses while Keel has it open (its lock file), rather than copy files in mid-write.
 *
 * The default file is backups/keel-<engine>-<UTC timestamp>.(tar.gz|dump). It is written
 * beside its final name and renamed once complete, so a file under that name is a whole backup.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirLockedError, openPGlite } from '../src/lib/server/db/connect';
import {
	BackupError,
	connectTo,
	defaultBackupFile,
	describeUrl,
	formatBytes,
	libpqConnection,
	pgTool,
	runMain,
	runTool,
	serverMajor,
	targetFromEnv,
	toolMajor,
	userPath
} from './backup-common';

const USAGE = 'usage: npm run backup [-- --out FILE]';

async function backUpEmbedded(dataDir: string, file: string) {
	const dir = resolve(dataDir);
	// Opening an empty folder would create a fresh database and back that up.
	if (!existsSync(join(dir, 'PG_VERSION'))) {
		throw new BackupError(`There is no embedded database in ${dir} (KEEL_DATA_DIR) to back up.`);
	}
	let open;
	try {
		open = await openPGlite(dir);
	} catch (cause) {
		if (!(cause instanceof DataDirLockedError)) throw cause;
		throw new BackupError(
			`${cause.message.replace(/ Stop that process.*$/, '')} A backup of the embedded database ` +
				'needs it to itself, so that the copy is consistent: stop Keel, run the backup, then ' +
				'start Keel again.'
		);
	}
	try {
		// Write everything to the data files first, so the copy needs no WAL replay when loaded.
		await open.pglite.exec('checkpoint');
		const tarball = await open.pglite.dumpDataDir('gzip');
		writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
	} finally {
		await open.close();
	}
	return dir;
}

async function backUpServer(url: string, file: string) {
	const tool = pgTool('pg_dump');
	const client = await connectTo(url);
	let server: number;
	try {
		server = await serverMajor(client);
	} finally {
		await client.end();
	}
	const major = toolMajor(tool);
	if (major < server) {
		throw new BackupError(
			`pg_dump is version ${major} but the server runs PostgreSQL ${server}, and pg_dump cannot ` +
				`dump a newer server. Install the PostgreSQL ${server} client tools (Debian: ` +
				`postgresql-client-${server}) and set KEEL_PG_BIN to their folder, for example ` +
				`/usr/lib/postgresql/${server}/bin.`
		);
	}
	if (major > server) {
		console.warn(
			`[keel] note: pg_dump ${major} is newer than the server (PostgreSQL ${server}). The dump ` +
				`works, but restoring it needs pg_restore ${major} or newer.`
		);
	} else {
		console.log(`[keel] pg_dump ${major} matches the server's PostgreSQL ${server}`);
	}
	const { dbname, env } = libpqConnection(url);
	runTool(tool, ['--format=custom', `--file=${file}`, `--dbname=${dbname}`], env);
	return describeUrl(url);
}

async function main() {
	let out: string | undefined;
	try {
		const { values } = parseArgs({
			options: { out: { type: 'string', short: 'o' } },
			strict: true,
			allowPositionals: false
		});
		out = values.out;
	} catch (cause) {
		throw new BackupError(`${(cause as Error).message}\n${USAGE}`);
	}
	const target = targetFromEnv();
	const file = out ? userPath(out) : resolve(defaultBackupFile(target.engine));
	if (existsSync(file)) throw new BackupError(`${file} already exists; choose another --out.`);
	mkdirSync(dirname(file), { recursive: true });
	const partial = `${file}.partial`;
	const started = performance.now();
	let source: string;
	try {
		source =
			target.engine === 'pglite'
				? await backUpEmbedded(target.dataDir, partial)
				: await backUpServer(target.url, partial);
		renameSync(partial, file);
	} catch (cause) {
		rmSync(partial, { force: true });
		throw cause;
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`[keel] backed up ${target.engine === 'pglite' ? 'the embedded database in ' : ''}${source} ` +
			`to ${file} (${formatBytes(statSync(file).size)}) in ${seconds} s`
	);
}

runMain('backup', main);
