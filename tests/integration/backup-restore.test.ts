import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPGlite, openPostgres, type OpenDatabase } from '../../src/lib/server/db/connect';
import type { Db } from '../../src/lib/server/db/database';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { seedDemo } from '../../src/lib/server/demo/demo-data';
import { dropWhenReleased, ENGINE, TEMPLATE_DATABASE } from '../support/test-database';

const TODAY = '2026-11-22';

interface Target {
	/** What the scripts need to find this database, as the app would. */
	env: NodeJS.ProcessEnv;
	open(): Promise<OpenDatabase>;
	cleanup(): Promise<void>;
}

/**
 * A data folder of its own, started from the run's migrated template (initdb on a new folder
 * costs seconds).
 */
async function embeddedTarget(folder: string): Promise<Target> {
	const dataDir = join(folder, 'pglite');
	const template = new Blob([await readFile(inject('pgliteTemplate'))]);
	await (await PGlite.create({ dataDir, loadDataDir: template })).close();
	const env: NodeJS.ProcessEnv = { ...process.env, KEEL_DATA_DIR: dataDir };
	delete env.DATABASE_URL;
	return { env, open: () => openPGlite(dataDir), cleanup: async () => {} };
}

/** A database of its own on DATABASE_URL's server (named so the run's teardown drops strays). */
async function serverTarget(): Promise<Target> {
	const name = `keel_test_backup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await admin.connect();
	await admin.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
	await admin.end();
	const url = new URL(process.env.DATABASE_URL!);
	url.pathname = `/${name}`;
	return {
		env: { ...process.env, DATABASE_URL: url.toString() },
		open: async () => openPostgres(url.toString(), 2),
		cleanup: () => dropWhenReleased(name)
	};
}

/** Runs `scripts/<name>.ts` as `npm run <name>` would, in a process of its own. */
function runScript(name: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv) {
	return new Promise<{ code: number; output: string }>((resolve) => {
		execFile(
			process.execPath,
			['--import', 'tsx', `scripts/${name}.ts`, ...args],
			{ env, encoding: 'utf8' },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` })
		);
	});
}

/**
 * Every table's row count and an md5 over its rows in a fixed order, and every sequence's
 * position (so ids handed out after a restore do not collide with restored rows).
 */
async function fingerprint(db: Db): Promise<Record<string, string>> {
	const result: Record<string, string> = {};
	const { rows: tables } = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
		order by table_name`.execute(db);
	for (const { name } of tables) {
		const { rows } = await sql<{ n: number; sum: string }>`
			select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum
			from ${sql.table(name)} as t`.execute(db);
		result[name] = `${rows[0]!.n} rows, md5 ${rows[0]!.sum}`;
	}
	const { rows: sequences } = await sql<{ name: string }>`
		select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = current_schema() and c.relkind = 'S'
		order by c.relname`.execute(db);
	for (const { name } of sequences) {
		const { rows } = await sql<{ at: string }>`
			select last_value::text || case when is_called then '' else ' (not called)' end as at
			from ${sql.table(name)}`.execute(db);
		result[`sequence ${name}`] = rows[0]!.at;
	}
	return result;
}

const changedKeys = (before: Record<string, string>, after: Record<string, string>) =>
	Object.keys(before).filter((key) => before[key] !== after[key]);

describe(`npm run backup and npm run restore on ${ENGINE}`, () => {
	let folder: string;
	let target: Target;
	let original: Record<string, string>;
	const backupFile = () => join(folder, ENGINE === 'pglite' ? 'keel.tar.gz' : 'keel.dump');

	async function withDatabase<T>(use: (db: Db) => Promise<T>): Promise<T> {
		const open = await target.open();
		try {
			return await use(open.db);
		} finally {
			await open.close();
		}
	}

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'keel-backup-test-'));
		target = ENGINE === 'pglite' ? await embeddedTarget(folder) : await serverTarget();
		original = await withDatabase(async (db) => {
			await migrateToLatest(db);
			await seedDemo(db, { accounts: 20, today: TODAY });
			return fingerprint(db);
		});
	});

	afterAll(async () => {
		await target?.cleanup();
		if (folder) await rm(folder, { recursive: true, force: true });
	});

	it('brings back every table and sequence after rows were changed, deleted and added', async () => {
		expect(Object.keys(original).length).toBeGreaterThan(50);
		const backup = await runScript('backup', ['--out', backupFile()], target.env);
		expect(backup.output).toContain('backed up');
		expect(backup.code).toBe(0);

		const changed = await withDatabase(async (db) => {
			await db
				.updateTable('accounts')
				.set({ name: sql`name || ' (renamed)'` })
				.where('id', 'in', db.selectFrom('accounts').select('id').orderBy('id').limit(3))
				.execute();
			await db.deleteFrom('feedback').execute();
			await db.insertInto('resellers').values({ name: 'Added after the backup' }).execute();
			return fingerprint(db);
		});
		expect(changedKeys(original, changed)).toEqual(
			expect.arrayContaining(['accounts', 'feedback', 'resellers', 'sequence resellers_id_seq'])
		);

		// A database that holds data is replaced only when asked to.
		const refused = await runScript('restore', [backupFile()], target.env);
		expect(refused.code).toBe(1);
		expect(refused.output).toMatch(/already holds data.*--yes/);
		expect(await withDatabase(fingerprint)).toEqual(changed);

		const restore = await runScript('restore', [backupFile(), '--yes'], target.env);
		expect(restore.output).toContain('restored');
		expect(restore.code).toBe(0);
		expect(await withDatabase(fingerprint)).toEqual(original);
	}, 60_000);

	it('refuses a damaged file, a file that is no backup, and the other engine’s kind, changing nothing', async () => {
		const whole = await readFile(backupFile());
		const damaged = join(folder, 'damaged');
		await writeFile(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
		const result = await runScript('restore', [damaged, '--yes'], target.env);
		expect(result.code).toBe(1);
		expect(result.output).toMatch(
			ENGINE === 'pglite' ? /is damaged or incomplete/ : /pg_restore failed/
		);

		const notBackup = join(folder, 'notes.txt');
		await writeFile(notBackup, 'not a backup');
		const none = await runScript('restore', [notBackup, '--yes'], target.env);
		expect(none.code).toBe(1);
		expect(none.output).toContain('is not a Keel backup');

		const otherKind = join(folder, 'other-kind');
		await writeFile(otherKind, ENGINE === 'pglite' ? 'PGDMP\u0001\u000e' : gzipSync('a tar'));
		const other = await runScript('restore', [otherKind, '--yes'], target.env);
		expect(other.code).toBe(1);
		expect(other.output).toContain(
			ENGINE === 'pglite'
				? 'is a backup of a PostgreSQL server, but Keel is set up for the embedded database'
				: 'is a backup of the embedded database, but Keel is set up for a PostgreSQL server'
		);

		expect(await withDatabase(fingerprint)).toEqual(original);
	}, 60_000);

	it.runIf(ENGINE === 'pglite')(
		'refuses to back up or restore the embedded database while another process has it open',
		async () => {
			await withDatabase(async () => {
				const backup = await runScript('backup', ['--out', join(folder, 'b.tar.gz')], target.env);
				expect(backup.code).toBe(1);
				expect(backup.output).toMatch(/already open in process \d+.*stop Keel/);
				const restore = await runScript('restore', [backupFile(), '--yes'], target.env);
				expect(restore.code).toBe(1);
				expect(restore.output).toMatch(/already open in process \d+.*Stop Keel before restoring/);
			});
		},
		60_000
	);
});
