import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPGliteInMemory } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { TEMPLATE_DATABASE } from '../support/test-database';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}

/**
 * Migrates once per run: a dumped PGlite data dir that every test file loads, and on
 * PostgreSQL a template database that every test file clones.
 */
export default async function setup(project: TestProject) {
	// Each engine is its own Vitest project (see vite.config.ts); this runs once for each.
	if (project.name === 'integration-postgres') return setupPostgres();

	const dir = await mkdtemp(join(tmpdir(), 'keel-test-'));
	const open = await openPGliteInMemory();
	await migrateToLatest(open.db);
	const dump = await open.pglite.dumpDataDir('none');
	const file = join(dir, 'template.tar');
	await writeFile(file, Buffer.from(await dump.arrayBuffer()));
	await open.close();
	project.provide('pgliteTemplate', file);
	return () => rm(dir, { recursive: true, force: true });
}

async function setupPostgres() {
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('KEEL_TEST_ENGINE=postgres needs DATABASE_URL');
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
	await admin.query(`create database ${TEMPLATE_DATABASE}`);
	await admin.end();

	const templateUrl = new URL(url);
	templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
	const { openPostgres } = await import('../../src/lib/server/db/connect');
	const open = openPostgres(templateUrl.toString(), 1);
	await migrateToLatest(open.db);
	await open.close();
	return async () => {
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		const { rows } = await client.query<{ datname: string }>(
			`select datname from pg_database where datname like 'keel_test_%'`
		);
		for (const { datname } of rows)
			await client.query(`drop database if exists ${datname} with (force)`);
		await client.end();
	};
}
