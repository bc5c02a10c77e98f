import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../domain/access';
import type { CsvSeparator } from '../../domain/csv-parse';
import type { ImportKind } from '../../domain/import-kinds';
import type { ImportFieldSpec } from '../../domain/import-mapping';
import type { MappedValues, RowError } from '../../domain/import-rows';
import type { MessageKey } from '../../i18n/catalogue';
import { writeAuditMany } from '../audit/audit.repository';
import type { Database, Executor } from '../db/database';

/** A field of an import kind as the matching form and the problem report show it. */
export interface ImportFieldDef extends ImportFieldSpec {
	/**
	 * Message keys naming the field: the first labels it on the matching form; all of them, in
	 * every language, are header names the field is guessed from (so a Keel export re-imports).
	 */
	labels: readonly MessageKey[];
	/** More header names other systems use ("Account ID"). */
	aliases?: readonly string[];
	/** A closed vocabulary: a cell may hold the code or its label in any language. */
	vocabulary?: { codes: readonly string[]; prefix: string };
	/** What the matching form says of the field, when its need alone does not say enough. */
	hint?: MessageKey;
}

export type RowAction = 'create' | 'update' | 'unchanged';

/**
 * What committing a checked row does: create a record none matched, or update the matched one,
 * unless every column the import writes already holds the row's value.
 */
export function rowAction<E extends object, V extends object>(
	existing: E | null,
	values: V,
	written: readonly (keyof E & keyof V)[]
): RowAction {
	if (!existing) return 'create';
	return written.every((column) => (existing[column] as unknown) === values[column])
		? 'unchanged'
		: 'update';
}

/** A row after its check: what it would do, or what is wrong with it. */
export type CheckedRow<Row> =
	| { line: number; ok: true; action: RowAction; row: Row }
	| { line: number; ok: false; errors: RowError[] };

export interface StagedValues {
	line: number;
	values: MappedValues;
}

/**
 * One kind of file (accounts, contacts, account team, usage, feedback): its fields, how a
 * row finds the record it updates, and how a batch of rows is checked and written. The import
 * service runs every kind the same way: batches of staged rows, checked, then written in one
 * transaction.
 */
export interface ImportKindModule<Context, Row> {
	kind: ImportKind;
	fields: readonly ImportFieldDef[];
	/** Where and how a second row for one record is reported (the field, a message key). */
	duplicate: { field: string; key: string };
	/**
	 * What checking any row needs, read once per pass (reference names, vocabularies); it lives
	 * for the pass, so it may also remember what earlier rows held. `now` decides what is in the
	 * future (a month of usage, a response's date), as the forms' rules do.
	 */
	prepare(db: Executor, separator: CsvSeparator, now: Date): Promise<Context>;
	/**
	 * The key that finds a row's record, to refuse a second row for it (a vocabulary's label read
	 * as its code, with `context`); null when empty.
	 */
	matchKey(values: MappedValues, context: Context): string | null;
	/**
	 * Checks a batch against the form's rules and the stored records (read in a fixed number of
	 * queries; `lock`ed when committing, so nothing changes them before the write).
	 */
	check(
		db: Executor,
		rows: readonly StagedValues[],
		context: Context,
		lock: boolean
	): Promise<CheckedRow<Row>[]>;
	/**
	 * Writes a batch of rows that create or change a record, with what the form's service does
	 * beside each write (audit rows, totals, follow-up tasks); returns the ids `finish` needs: the
	 * records', or for kinds that are an account's health inputs, their accounts'.
	 */
	write(
		trx: Transaction<Database>,
		actor: Actor,
		rows: readonly { action: 'create' | 'update'; row: Row }[],
		now: Date
	): Promise<number[]>;
	/** Once every batch is written: what depends on all the records changed (health scores). */
	finish(trx: Transaction<Database>, changedIds: readonly number[], now: Date): Promise<void>;
}

/**
 * Audits what one batch of an import wrote, as the forms do: each created record, and each
 * updated one beside what it was (`before`, by id).
 */
export function auditWritten<R extends { id: number }>(
	trx: Executor,
	actor: Actor,
	entity: string,
	accountIdOf: (record: R) => number,
	written: { created: R[]; updated: R[]; before: ReadonlyMap<number, R> }
) {
	const audit = (record: R, action: 'create' | 'update') => ({
		actorId: actor.id,
		accountId: accountIdOf(record),
		entity,
		entityId: record.id,
		action,
		...(action === 'update' ? { before: written.before.get(record.id) } : {}),
		after: record
	});
	return writeAuditMany(trx, [
		...written.created.map((record) => audit(record, 'create')),
		...written.updated.map((record) => audit(record, 'update'))
	]);
}

/** A batch's rows that create a record, and those that update one, each as its plan. */
export function splitByAction<Row>(rows: readonly { action: 'create' | 'update'; row: Row }[]) {
	return {
		creates: rows.filter((r) => r.action === 'create').map((r) => r.row),
		updates: rows.filter((r) => r.action === 'update').map((r) => r.row)
	};
}

/**
 * Updates a batch of `table`'s rows by id in one statement: each row's `columns` (name → SQL
 * type) from its record, and its version moved on as a form save's would (and `updated_at`,
 * for tables that keep one). Returns the rows as written. The column names and types are the
 * import kind's own constants, never the file's.
 */
export async function updateFromRecords<R>(
	trx: Executor,
	table: 'accounts' | 'contacts' | 'account_team_members' | 'usage_records' | 'feedback',
	columns: Readonly<Record<string, string>>,
	records: readonly ({ id: number } & Record<string, unknown>)[],
	{ touchesUpdatedAt = true } = {}
): Promise<R[]> {
	if (records.length === 0) return [];
	const names = Object.keys(columns);
	const set = sql.join(names.map((name) => sql`${sql.id(name)} = ${sql.ref(`v.${name}`)}`));
	const types = sql.raw(
		['id int', ...names.map((name) => `${JSON.stringify(name)} ${columns[name]}`)].join(', ')
	);
	const { rows } = await sql<R>`
		update ${sql.table(table)} t set ${set}, version = t.version + 1
			${touchesUpdatedAt ? sql`, updated_at = now()` : sql``}
		from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${types})
		where t.id = v.id
		returning t.*`.execute(trx);
	return rows;
}
