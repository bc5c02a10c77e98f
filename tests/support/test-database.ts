import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Db } from '../../src/lib/server/db/database';
import {
	openPGliteInMemory,
	openPostgres,
	type OpenDatabase
} from '../../src/lib/server/db/connect';

export const TEMPLATE_DATABASE = 'keel_test_template';

/**
 * Drops a test database once its connections are gone. pg's pool.end() resolves before the
 * server has ended its backends; dropping WITH (FORCE) then kills them mid-goodbye, and the
 * closing clients report "terminating connection" (57P01) as unhandled errors. So: plain DROP,
 * retried while PostgreSQL still says the database is in use (55006).
 */
export async function dropWhenReleased(name: string) {
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
	await admin.connect();
	try {
		for (let attempt = 0; ; attempt++) {
			try {
				await admin.query(`drop database if exists ${name}`);
				return;
			} catch (error) {
				if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		}
	} finally {
		await admin.end();
	}
}

export const ENGINE = (process.env.KEEL_TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A migrated database of this test file's own: PGlite loaded from the run's template dump, or
 * a PostgreSQL database cloned from the template. Tests in one file share it, so each test
 * makes the rows it needs.
 */
export function useTestDatabase() {
	let open: OpenDatabase | undefined;
	let dropName: string | undefined;

	beforeAll(async () => {
		if (ENGINE === 'pglite') {
			const tar = await readFile(inject('pgliteTemplate'));
			open = await openPGliteInMemory(new Blob([tar]));
			return;
		}
		const url = new URL(process.env.DATABASE_URL!);
		dropName = `keel_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
		const admin = new pg.Client({ connectionString: url.toString() });
		await admin.connect();
		await admin.query(`create database ${dropName} template ${TEMPLATE_DATABASE}`);
		await admin.end();
		url.pathname = `/${dropName}`;
		open = openPostgres(url.toString(), 5);
	});

	afterAll(async () => {
		await open?.close();
		if (dropName) await dropWhenReleased(dropName);
	});

	return {
		get db(): Db {
			if (!open) throw new Error('useTestDatabase: the database is opened in beforeAll');
			return open.db;
		}
	};
}
