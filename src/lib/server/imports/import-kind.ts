import type { Transaction } from 'kysely';
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
