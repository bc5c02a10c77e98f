/**
 * `npm run restore -- FILE [--yes]`: puts a backup from `npm run backup` back into the database
 * the app uses. A database that already holds data is replaced only with --yes.
 *
 * - With DATABASE_URL: `pg_restore --clean --if-exists --no-owner --single-transaction` into
 *   that database (created first if it does not exist yet). In one transaction, a restore that
 *   fails part-way leaves the database as it was. Stop Keel first: the restore drops and
 *   recreates its tables under it.
 * - Without: the embedded database in KEEL_DATA_DIR. The backup is checked whole, loaded into
 *   a new folder beside the data directory and opened once; only then is the old folder moved
 *   aside, the new one put in its place, and the old one deleted. Refused while Keel has the
 *   data directory open.
 */
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { acquireLock, DataDirLockedError } from '../src/lib/server/db/connect';
import {
	BackupError,
	backupKind,
	connectTo,
	describeUrl,
	ENGINE_NAMES,
	libpqConnection,
	pgTool,
	readEmbeddedBackup,
	runMain,
	runTool,
	targetFromEnv,
	toolMajor,
	userPath
} from './backup-common';

const USAGE = 'usage: npm run restore -- FILE [--yes]';

const notEmptyMessage = (what: string) =>
	`${what} already holds data, and restoring replaces all of it. Run again with --yes to go ahead.`;

async function restoreEmbedded(file: string, dataDir: string, yes: boolean) {
	const dir = resolve(dataDir);
	mkdirSync(dirname(dir), { recursive: true });
	const lockFile = `${dir}.lock`;
	try {
		acquireLock(lockFile, dir);
	} catch (cause) {
		if (!(cause instanceof DataDirLockedError)) throw cause;
		throw new BackupError(
			`${cause.message.replace(/ Stop that process.*$/, '')} Stop Keel before restoring.`
		);
	}
	try {
		const present = existsSync(dir) && readdirSync(dir).length > 0;
		if (present && !yes) throw new BackupError(notEmptyMessage(`The embedded database in ${dir}`));
		const tar = readEmbeddedBackup(file);

		const stamp = Date.now().toString(36);
		const staging = `${dir}.restoring-${stamp}`;
		let tables: number;
		try {
			const restored = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([tar]) });
			try {
				const { rows } = await restored.query<{ n: number }>(
					`select count(*)::int as n from information_schema.tables
					 where table_schema = 'public' and table_type = 'BASE TABLE'`
				);
				tables = rows[0]!.n;
			} finally {
				await restored.close();
			}
		} catch (cause) {
			rmSync(staging, { recursive: true, force: true });
			throw new BackupError(
				`${file} could not be opened as a database (${(cause as Error).message}); ` +
					`the embedded database in ${dir} is unchanged.`
			);
		}

		// The old folder stays aside until the new one is in place.
		const previous = `${dir}.before-restore-${stamp}`;
		if (existsSync(dir)) renameSync(dir, previous);
		try {
			renameSync(staging, dir);
		} catch (cause) {
			if (existsSync(previous)) renameSync(previous, dir);
			rmSync(staging, { recursive: true, force: true });
			throw cause;
		}
		rmSync(previous, { recursive: true, force: true });
		return `the embedded database in ${dir} (${tables} tables)`;
	} finally {
		rmSync(lockFile, { force: true });
	}
}

/** Connects to the target database, creating it when the server does not have it yet. */
async function openOrCreate(url: string): Promise<{ client: pg.Client; created: boolean }> {
	try {
		return { client: await connectTo(url), created: false };
	} catch (cause) {
		if ((cause as { code?: string }).code !== '3D000') throw cause;
	}
	const name = decodeURIComponent(new URL(url).pathname.slice(1));
	const maintenance = new URL(url);
	maintenance.pathname = '/postgres';
	const admin = await connectTo(maintenance.toString());
	try {
		await admin.query(`create database ${pg.escapeIdentifier(name)}`);
	} finally {
		await admin.end();
	}
	return { client: await connectTo(url), created: true };
}

async function restoreServer(file: string, url: string, yes: boolean) {
	const tool = pgTool('pg_restore');
	toolMajor(tool); // says clearly when the client tools are missing
	const { dbname, env } = libpqConnection(url);
	// Reads the archive's table of contents: a file pg_restore cannot read stops here.
	runTool(tool, ['--list', file], env, 'ignore');

	const { client, created } = await openOrCreate(url);
	try {
		if (!created) {
			const { rows } = await client.query<{ n: number }>(
				`select count(*)::int as n from pg_tables
				 where schemaname not in ('pg_catalog', 'information_schema')`
			);
			if (rows[0]!.n > 0 && !yes) throw new BackupError(notEmptyMessage(describeUrl(url)));
		}
		runTool(
			tool,
			[
				'--clean',
				'--if-exists',
				'--no-owner',
				'--single-transaction',
				'--exit-on-error',
				`--dbname=${dbname}`,
				file
			],
			env
		);
		// pg_restore brings no planner statistics; without them the first pages plan blind.
		await client.query('analyze');
	} finally {
		await client.end();
	}
	return `${created ? 'the new database ' : ''}${describeUrl(url)}`;
}

async function main() {
	let file: string;
	let yes: boolean;
	try {
		const { values, positionals } = parseArgs({
			options: { yes: { type: 'boolean', short: 'y', default: false } },
			strict: true,
			allowPositionals: true
		});
		if (positionals.length !== 1) throw new Error('name one backup file');
		file = userPath(positionals[0]!);
		yes = values.yes;
	} catch (cause) {
		throw new BackupError(`${(cause as Error).message}\n${USAGE}`);
	}
	if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);

	const target = targetFromEnv();
	const kind = backupKind(file);
	if (kind === null) {
		throw new BackupError(
			`${file} is not a Keel backup: expected a .tar.gz of the embedded database or a ` +
				'PostgreSQL custom-format dump, both as `npm run backup` writes them.'
		);
	}
	if (kind !== target.engine) {
		const where =
			kind === 'postgres'
				? 'set DATABASE_URL to the server to restore it there'
				: 'unset DATABASE_URL to restore it into the embedded database (KEEL_DATA_DIR)';
		throw new BackupError(
			`${file} is a backup of ${ENGINE_NAMES[kind]}, but Keel is set up for ` +
				`${ENGINE_NAMES[target.engine]}: ${where}.`
		);
	}
	const started = performance.now();
	const restored =
		target.engine === 'pglite'
			? await restoreEmbedded(file, target.dataDir, yes)
			: await restoreServer(file, target.url, yes);
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(`[keel] restored ${file} into ${restored} in ${seconds} s`);
}

runMain('restore', main);
