import { sql } from 'kysely';
import type { ImportKind } from '../../domain/import-kinds';
import type { ColumnMapping, RememberedMapping } from '../../domain/import-mapping';
import type { RowError } from '../../domain/import-rows';
import type { Executor } from '../db/database';
import type { StageProgress } from './import-stage';

export async function insertImport(
	db: Executor,
	values: { kind: ImportKind; source: string; filename: string; createdBy: number }
) {
	const row = await db
		.insertInto('imports')
		.values({
			kind: values.kind,
			source: values.source,
			filename: values.filename,
			created_by: values.createdBy
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export function findImport(db: Executor, id: number) {
	return db
		.selectFrom('imports')
		.leftJoin('users', 'users.id', 'imports.created_by')
		.selectAll('imports')
		.select('users.name as created_by_name')
		.where('imports.id', '=', id)
		.executeTakeFirst();
}

/** The import, locked for the transaction that stages into it, checks it or commits it. */
export function lockImport(db: Executor, id: number) {
	return db.selectFrom('imports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listRecentImports(db: Executor, limit: number) {
	return db
		.selectFrom('imports')
		.leftJoin('users', 'users.id', 'imports.created_by')
		.select([
			'imports.id',
			'imports.kind',
			'imports.source',
			'imports.filename',
			'imports.status',
			'imports.row_count',
			'imports.error_count',
			'imports.create_count',
			'imports.update_count',
			'imports.unchanged_count',
			'imports.created_at',
			'users.name as created_by_name'
		])
		.orderBy('imports.created_at', 'desc')
		.orderBy('imports.id', 'desc')
		.limit(limit)
		.execute();
}

/** Sources files have come from, per kind, for the new-import form to offer. */
export function listSources(db: Executor) {
	return db.selectFrom('import_mappings').select(['kind', 'source']).orderBy('source').execute();
}

export async function saveProgress(
	db: Executor,
	id: number,
	progress: StageProgress,
	final: boolean
) {
	await db
		.updateTable('imports')
		.set({
			header: progress.header ? JSON.stringify(progress.header) : null,
			separator: progress.separator,
			parse_state: final ? null : JSON.stringify(progress.state),
			row_count: progress.rowCount,
			bytes_received: progress.bytes,
			status: final ? 'uploaded' : 'uploading',
			updated_at: sql<Date>`now()`
		})
		.where('id', '=', id)
		.execute();
}

export async function deleteImport(db: Executor, id: number) {
	await db.deleteFrom('imports').where('id', '=', id).execute();
}

/**
 * Uploads nobody finished (the browser closed mid-file) are of no use once a day old: their rows
 * go with them.
 */
export async function deleteAbandonedUploads(db: Executor, now: Date) {
	await db
		.deleteFrom('imports')
		.where('status', '=', 'uploading')
		.where('updated_at', '<', new Date(now.getTime() - 24 * 60 * 60 * 1000))
		.execute();
}

/** The staged rows after `afterLine`, in file order: one batch of a pass over the file. */
export function stagedRows(db: Executor, importId: number, afterLine: number, size: number) {
	return db
		.selectFrom('import_rows')
		.select(['line', 'fields', 'errors'])
		.where('import_id', '=', importId)
		.where('line', '>', afterLine)
		.orderBy('line')
		.limit(size)
		.execute();
}

/** The rows with problems after `afterLine`, in file order. */
export function rowsWithErrors(db: Executor, importId: number, afterLine: number, size: number) {
	return db
		.selectFrom('import_rows')
		.select(['line', 'fields', 'errors'])
		.where('import_id', '=', importId)
		.where('errors', 'is not', null)
		.where('line', '>', afterLine)
		.orderBy('line')
		.limit(size)
		.execute();
}

export async function clearRowErrors(db: Executor, importId: number) {
	await db
		.updateTable('import_rows')
		.set({ errors: null })
		.where('import_id', '=', importId)
		.where('errors', 'is not', null)
		.execute();
}

/** Records each row's problems in one statement for the batch. */
export async function saveRowErrors(
	db: Executor,
	importId: number,
	rows: readonly { line: number; errors: RowError[] }[]
) {
	if (rows.length === 0) return;
	await sql`
		update import_rows r set errors = v.errors
		from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(line int, errors jsonb)
		where r.import_id = ${importId} and r.line = v.line`.execute(db);
}

export async function deleteStagedRows(db: Executor, importId: number) {
	await db.deleteFrom('import_rows').where('import_id', '=', importId).execute();
}

export async function findRememberedMapping(db: Executor, kind: ImportKind, sourceKey: string) {
	const row = await db
		.selectFrom('import_mappings')
		.select('mapping')
		.where('kind', '=', kind)
		.where('source_key', '=', sourceKey)
		.executeTakeFirst();
	return row?.mapping ?? null;
}

export async function rememberMapping(
	db: Executor,
	values: {
		kind: ImportKind;
		sourceKey: string;
		source: string;
		mapping: RememberedMapping;
		userId: number;
	}
) {
	await db
		.insertInto('import_mappings')
		.values({
			kind: values.kind,
			source_key: values.sourceKey,
			source: values.source,
			mapping: JSON.stringify(values.mapping),
			updated_by: values.userId
		})
		.onConflict((oc) =>
			oc.columns(['kind', 'source_key']).doUpdateSet({
				source: values.source,
				mapping: JSON.stringify(values.mapping),
				updated_by: values.userId,
				updated_at: sql<Date>`now()`
			})
		)
		.execute();
}

export async function saveCheck(
	db: Executor,
	id: number,
	values: {
		mapping: ColumnMapping;
		errorCount: number;
		create: number;
		update: number;
		unchanged: number;
	}
) {
	await db
		.updateTable('imports')
		.set({
			mapping: JSON.stringify(values.mapping),
			status: values.errorCount > 0 ? 'invalid' : 'validated',
			error_count: values.errorCount,
			create_count: values.create,
			update_count: values.update,
			unchanged_count: values.unchanged,
			validated_at: sql<Date>`now()`,
			version: sql<number>`version + 1`,
			updated_at: sql<Date>`now()`
		})
		.where('id', '=', id)
		.execute();
}

export async function saveCommit(
	db: Executor,
	id: number,
	values: { create: number; update: number; unchanged: number; userId: number }
) {
	await db
		.updateTable('imports')
		.set({
			status: 'committed',
			create_count: values.create,
			update_count: values.update,
			unchanged_count: values.unchanged,
			committed_by: values.userId,
			committed_at: sql<Date>`now()`,
			version: sql<number>`version + 1`,
			updated_at: sql<Date>`now()`
		})
		.where('id', '=', id)
		.execute();
}
