import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from '../../../../migrations';

export class MigrationFailedError extends Error {
	constructor(
		readonly migration: string | undefined,
		cause: unknown
	) {
		super(`Migration ${migration ?? '(unknown)'} failed: ${String(cause)}`, { cause });
		this.name = 'MigrationFailedError';
	}
}

/** Brings the schema to the newest migration, logging each step; throws on the first failure. */
export async function migrateToLatest<DB>(
	db: Kysely<DB>,
	log: (line: string) => void = () => {}
): Promise<MigrationResultSet> {
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => MIGRATIONS }
	});
	const result = await migrator.migrateToLatest();
	for (const step of result.results ?? []) {
		log(`migration ${step.migrationName}: ${step.status}`);
	}
	if (result.error) {
		const failed = result.results?.find((step) => step.status === 'Error');
		throw new MigrationFailedError(failed?.migrationName, result.error);
	}
	return result;
}
