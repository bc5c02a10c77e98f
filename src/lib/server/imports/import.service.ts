import { canImport, type Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import {
	IMPORT_KINDS,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_ROWS,
	UPLOAD_PART_BYTES,
	type ImportKind
} from '../../domain/import-kinds';
import {
	readMappingForm,
	rememberMapping,
	suggestMapping,
	type ColumnMapping
} from '../../domain/import-mapping';
import { DuplicateKeys, fieldCountError, mapRecord, type RowError } from '../../domain/import-rows';
import type { FieldError } from '../../domain/validation';
import type { CsvCell } from '../../domain/csv';
import { loadCatalogue, type MessageKey } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Db, Executor } from '../db/database';
import { assertVersion } from '../db/versioned';
import type { CheckedRow, ImportKindModule, StagedValues } from './import-kind';
import { kindModule } from './import-kinds';
import { everyCatalogue, headerNames } from './import-labels';
import { describeProblem } from './import-problems';
import * as repo from './import.repository';
import type { Import } from './import.table';
import { NOTHING_STAGED, UploadError, progressOf, stageRows } from './import-stage';

/** Rows per batch of a pass over a file (check, commit, report). */
const PASS_BATCH = 1000;
const PREVIEW_ROWS = 10;
/** Problems listed on the page; the report has all of them. */
const PROBLEMS_SHOWN = 50;
const RECENT_IMPORTS = 50;

export interface NewImport {
	kind: ImportKind;
	source: string;
}

function mayImport(actor: Actor) {
	if (!canImport(actor)) throw new ForbiddenError();
}

/** "Salesforce export" and "salesforce export " are one source of files. */
const sourceKey = (source: string) => source.trim().toLowerCase();

/** The imports page: recent imports and what the new-import form offers. */
export async function list(db: Db, actor: Actor) {
	mayImport(actor);
	const [imports, sources] = await Promise.all([
		repo.listRecentImports(db, RECENT_IMPORTS),
		repo.listSources(db)
	]);
	return {
		imports,
		sources,
		kinds: IMPORT_KINDS,
		limits: { rows: MAX_IMPORT_ROWS, bytes: MAX_IMPORT_BYTES, partBytes: UPLOAD_PART_BYTES }
	};
}

/**
 * Starts an import whose file the browser then sends in parts (uploadPart). Uploads abandoned
 * more than a day ago are swept here, the one place new ones begin.
 */
export async function create(
	db: Db,
	actor: Actor,
	input: NewImport,
	filename: string,
	now = new Date()
): Promise<number> {
	mayImport(actor);
	await repo.deleteAbandonedUploads(db, now);
	return repo.insertImport(db, { ...input, filename, createdBy: actor.id });
}

/** A part arrived out of order (a part resent, two tabs uploading): the upload cannot go on. */
export class UploadOrderError extends Error {
	constructor() {
		super('Upload part out of order');
		this.name = 'UploadOrderError';
	}
}

/**
 * Stages the part of the file that starts at byte `offset`, in one transaction with the import
 * locked, so parts apply once and in order. The last part (`final`) makes the rows usable. A
 * file Keel cannot take (UploadError) deletes the import with what was staged of it, so nothing
 * half-read is left to match or commit.
 */
export async function uploadPart(
	db: Db,
	actor: Actor,
	id: number,
	part: { offset: number; final: boolean },
	chunks: AsyncIterable<Uint8Array>
): Promise<{ rowCount: number; done: boolean }> {
	mayImport(actor);
	try {
		return await db.transaction().execute(async (trx) => {
			const row = await repo.lockImport(trx, id);
			if (!row) throw new NotFoundError('import');
			// The file is the uploader's until it is whole.
			if (row.created_by !== actor.id) throw new ForbiddenError();
			if (row.status !== 'uploading' || row.bytes_received !== part.offset) {
				throw new UploadOrderError();
			}
			const progress = await stageRows(trx, id, progressOf(row), chunks, part.final);
			await repo.saveProgress(trx, id, progress, part.final);
			return { rowCount: progress.rowCount, done: part.final };
		});
	} catch (cause) {
		if (cause instanceof UploadError) await repo.deleteImport(db, id);
		throw cause;
	}
}

/**
 * An import from a whole file in one request (the form without JavaScript, whose body SvelteKit
 * has already read): created and staged in one transaction, so a file refused leaves nothing.
 */
export async function uploadWhole(
	db: Db,
	actor: Actor,
	input: NewImport,
	file: { name: string; chunks: AsyncIterable<Uint8Array> }
): Promise<number> {
	mayImport(actor);
	return db.transaction().execute(async (trx) => {
		const id = await repo.insertImport(trx, { ...input, filename: file.name, createdBy: actor.id });
		const progress = await stageRows(trx, id, NOTHING_STAGED, file.chunks, true);
		await repo.saveProgress(trx, id, progress, true);
		return id;
	});
}

async function findOr404(db: Executor, id: number) {
	const row = await repo.findImport(db, id);
	if (!row) throw new NotFoundError('import');
	return row;
}

const NEED_HINTS = {
	key: 'imports.needKey',
	new: 'imports.needNew',
	optional: 'imports.needOptional'
} as const satisfies Record<string, MessageKey>;

/** Each field as the matching form shows it: its label, its need, and what to say of it. */
function fieldsOf(module: ImportKindModule<unknown, unknown>) {
	return module.fields.map((field) => ({
		name: field.name,
		label: field.labels[0]!,
		need: field.need,
		hint: field.hint ?? NEED_HINTS[field.need]
	}));
}

/** The import's page: its state, the column matching to show, a preview and the first problems. */
export async function get(db: Db, actor: SessionUser, id: number) {
	mayImport(actor);
	const row = await findOr404(db, id);
	const module = kindModule(row.kind);
	const header = row.header ?? [];
	const staged = row.status !== 'uploading' && row.status !== 'committed';

	let mapping: ColumnMapping | null = row.mapping;
	let mappingOrigin: 'saved' | 'remembered' | 'guessed' = 'saved';
	if (!mapping && staged) {
		const [remembered, catalogues] = await Promise.all([
			repo.findRememberedMapping(db, row.kind, sourceKey(row.source)),
			everyCatalogue()
		]);
		const suggestion = suggestMapping(
			header,
			module.fields.map((f) => f.name),
			headerNames(module.fields, catalogues),
			remembered
		);
		mapping = suggestion.mapping;
		mappingOrigin = suggestion.origin;
	}

	const [preview, withErrors, m] = await Promise.all([
		staged ? repo.stagedRows(db, id, 0, PREVIEW_ROWS) : [],
		row.status === 'invalid' ? repo.rowsWithErrors(db, id, 0, PROBLEMS_SHOWN) : [],
		loadCatalogue(actor.locale)
	]);
	const words = { m, locale: actor.locale, fields: module.fields, header, mapping };
	const found = withErrors.flatMap((r) =>
		(r.errors ?? []).map((error) => ({ line: r.line, field: error.field, error }))
	);
	const problems = found
		.slice(0, PROBLEMS_SHOWN)
		.map(({ line, field, error }) => ({ line, field, ...describeProblem(error, words) }));
	// More rows have problems than were read, or those read have more than are shown.
	const moreProblems = withErrors.length < row.error_count || found.length > PROBLEMS_SHOWN;

	return {
		import: {
			id: row.id,
			kind: row.kind,
			source: row.source,
			filename: row.filename,
			status: row.status,
			separator: row.separator,
			rowCount: row.row_count,
			errorCount: row.error_count,
			createCount: row.create_count,
			updateCount: row.update_count,
			unchangedCount: row.unchanged_count,
			createdAt: row.created_at,
			createdByName: row.created_by_name,
			committedAt: row.committed_at,
			version: row.version
		},
		header,
		fields: fieldsOf(module),
		mapping,
		mappingOrigin,
		preview: preview.map((r) => ({
			line: r.line,
			fields: r.fields,
			errorFields: (r.errors ?? []).map((e) => e.field)
		})),
		problems,
		moreProblems
	};
}

/** Totals of a pass over the file. */
interface PassTotals {
	errors: number;
	create: number;
	update: number;
	unchanged: number;
}

/**
 * One pass over the staged rows in file order, a batch at a time: each record's shape (its number
 * of cells), then the kind's check, then a second row for the same record. `onBatch` gets each
 * batch's outcome (the check stores problems, the commit writes).
 */
async function passOverRows(
	db: Executor,
	row: Import,
	module: ImportKindModule<unknown, unknown>,
	mapping: ColumnMapping,
	lock: boolean,
	now: Date,
	onBatch: (rows: CheckedRow<unknown>[]) => Promise<void>
): Promise<PassTotals> {
	const context = await module.prepare(db, row.separator ?? ',', now);
	const seen = new DuplicateKeys();
	const width = row.header?.length ?? 0;
	const totals: PassTotals = { errors: 0, create: 0, update: 0, unchanged: 0 };
	for (let after = 0; ;) {
		const staged = await repo.stagedRows(db, row.id, after, PASS_BATCH);
		if (staged.length === 0) break;
		after = staged.at(-1)!.line;
		const shape = new Map<number, RowError>();
		const values: StagedValues[] = [];
		for (const record of staged) {
			const problem = fieldCountError(record.fields, width);
			if (problem) shape.set(record.line, problem);
			else values.push({ line: record.line, values: mapRecord(record.fields, mapping) });
		}
		const checked = await module.check(db, values, context, lock);
		const outcome: CheckedRow<unknown>[] = [];
		let next = 0;
		for (const record of staged) {
			const problem = shape.get(record.line);
			if (problem) {
				outcome.push({ line: record.line, ok: false, errors: [problem] });
				continue;
			}
			const result = checked[next]!;
			const key = module.matchKey(values[next]!.values, context);
			next++;
			const first = key === null ? null : seen.firstLine(key, record.line);
			if (first === null) {
				outcome.push(result);
				continue;
			}
			const twice: RowError = {
				field: module.duplicate.field,
				key: module.duplicate.key,
				params: { line: first }
			};
			outcome.push({
				line: record.line,
				ok: false,
				errors: result.ok ? [twice] : [...result.errors, twice]
			});
		}
		for (const result of outcome) {
			if (!result.ok) totals.errors++;
			else totals[result.action]++;
		}
		await onBatch(outcome);
		if (staged.length < PASS_BATCH) break;
	}
	return totals;
}

export type CheckResult =
	{ ok: true; totals: PassTotals } | { ok: false; errors: Record<string, FieldError> };

/**
 * Saves the column matching (also remembered for the file's source) and checks every row
 * against it, storing each row's problems: one transaction with the import locked, so a commit
 * always follows the check it was offered after.
 */
export async function check(
	db: Db,
	actor: Actor,
	id: number,
	expectedVersion: number,
	form: (name: string) => string | null,
	now = new Date()
): Promise<CheckResult> {
	mayImport(actor);
	return db.transaction().execute(async (trx) => {
		const row = assertVersion(await repo.lockImport(trx, id), expectedVersion, 'import');
		if (row.status === 'committed') throw new ConflictError('mapping', 'import.error.committed');
		if (row.status === 'uploading') throw new ConflictError('mapping', 'import.error.incomplete');
		const module = kindModule(row.kind);
		const header = row.header ?? [];
		const read = readMappingForm(form, module.fields, header);
		if (!read.ok) return { ok: false, errors: read.errors };

		await repo.rememberMapping(trx, {
			kind: row.kind,
			sourceKey: sourceKey(row.source),
			source: row.source.trim(),
			mapping: rememberMapping(header, read.mapping),
			userId: actor.id
		});
		await repo.clearRowErrors(trx, id);
		const totals = await passOverRows(trx, row, module, read.mapping, false, now, (rows) =>
			repo.saveRowErrors(
				trx,
				id,
				rows.flatMap((r) => (r.ok ? [] : [{ line: r.line, errors: r.errors }]))
			)
		);
		await repo.saveCheck(trx, id, {
			mapping: read.mapping,
			errorCount: totals.errors,
			create: totals.create,
			update: totals.update,
			unchanged: totals.unchanged
		});
		return { ok: true, totals };
	});
}

/**
 * Writes every row of a clean check, all or nothing: one transaction, the import locked and its
 * version checked (two people committing one import: the second is refused), every row checked
 * again against the records as they are now (locked), written a batch at a time with their audit
 * rows, then the health of every account created or changed, in one pass.
 */
export async function commit(
	db: Db,
	actor: Actor,
	id: number,
	expectedVersion: number,
	now = new Date()
): Promise<PassTotals> {
	mayImport(actor);
	return db.transaction().execute(async (trx) => {
		const row = assertVersion(await repo.lockImport(trx, id), expectedVersion, 'import');
		if (row.status === 'committed') throw new ConflictError('commit', 'import.error.committed');
		if (row.status !== 'validated' || !row.mapping) {
			throw new ConflictError('commit', 'import.error.notReady');
		}
		const module = kindModule(row.kind);
		const changed: number[] = [];
		const totals = await passOverRows(trx, row, module, row.mapping, true, now, async (rows) => {
			// Something changed since the check (a reseller renamed, another import): check again.
			if (rows.some((r) => !r.ok)) throw new ConflictError('commit', 'import.error.changed');
			const writes = rows.flatMap((r) =>
				r.ok && r.action !== 'unchanged' ? [{ action: r.action, row: r.row }] : []
			);
			if (writes.length > 0) changed.push(...(await module.write(trx, actor, writes, now)));
		});
		await module.finish(trx, changed, now);
		// The file's rows are of no more use once they are in; the import keeps its counts.
		await repo.deleteStagedRows(trx, id);
		await repo.saveCommit(trx, id, { ...totals, userId: actor.id });
		return totals;
	});
}

/** Drops an import that will not be committed, with its staged rows. */
export async function discard(db: Db, actor: Actor, id: number) {
	mayImport(actor);
	await db.transaction().execute(async (trx) => {
		const row = await repo.lockImport(trx, id);
		if (!row) throw new NotFoundError('import');
		if (row.status === 'committed') throw new ConflictError('discard', 'import.error.committed');
		await repo.deleteImport(trx, id);
	});
}

/**
 * Every problem of the last check as CSV, one line per problem, in the user's language: the
 * file's line, the column, the message, then the row's cells as the file had them, under the
 * file's own header. Read in batches, so its size does not matter.
 */
export async function problemReport(db: Db, actor: SessionUser, id: number, now = new Date()) {
	mayImport(actor);
	const row = await findOr404(db, id);
	const module = kindModule(row.kind);
	const m = await loadCatalogue(actor.locale);
	const header = row.header ?? [];
	const words = { m, locale: actor.locale, fields: module.fields, header, mapping: row.mapping };
	async function* batches(): AsyncGenerator<CsvCell[][]> {
		for (let after = 0; ;) {
			const rows = await repo.rowsWithErrors(db, id, after, PASS_BATCH);
			if (rows.length === 0) return;
			yield rows.flatMap((r) =>
				(r.errors ?? []).map((error) => {
					const { column, message } = describeProblem(error, words);
					return [r.line, column, message, ...r.fields];
				})
			);
			if (rows.length < PASS_BATCH) return;
			after = rows.at(-1)!.line;
		}
	}
	return {
		filename: `keel-import-${id}-problems-${todayIn(actor.timeZone, now)}.csv`,
		header: [m['imports.line'], m['imports.column'], m['imports.problem'], ...header],
		batches: batches()
	};
}
