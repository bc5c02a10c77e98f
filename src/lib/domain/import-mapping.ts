/**
 * Matching a file's columns to an import kind's fields: guessed from the header's names (a
 * field's name or its label in any of Keel's languages), or recalled from the last file of the
 * same source, and read back from the matching form.
 */
import { looseKey } from './import-values';
import type { FieldError } from './validation';

export interface ImportFieldSpec {
	name: string;
	/**
	 * 'key': finds the row's record (an account's external id), so every file must have it;
	 * 'new': needed to create a record (an update keeps the stored value when the file lacks it);
	 * 'optional'.
	 */
	need: 'key' | 'new' | 'optional';
}

/** Field name → the column (0-based) of this file that holds it, or null. */
export type ColumnMapping = Record<string, number | null>;
/** Field name → the header name of the column that held it last time, or null. */
export type RememberedMapping = Record<string, string | null>;

function columnNamed(header: readonly string[], name: string, taken: Set<number>): number | null {
	const wanted = looseKey(name);
	if (wanted === '') return null;
	const index = header.findIndex((title, i) => !taken.has(i) && looseKey(title) === wanted);
	return index === -1 ? null : index;
}

/**
 * Each field's column, by its names (`names[field]`: the field's own name, then its labels and
 * aliases), in the order of `fields`; a column serves one field.
 */
export function guessMapping(
	header: readonly string[],
	fields: readonly string[],
	names: Readonly<Record<string, readonly string[]>>
): ColumnMapping {
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	for (const field of fields) {
		mapping[field] = null;
		for (const name of [field, ...(names[field] ?? [])]) {
			const column = columnNamed(header, name, taken);
			if (column !== null) {
				mapping[field] = column;
				taken.add(column);
				break;
			}
		}
	}
	return mapping;
}

/**
 * The matching to offer for a file: the one remembered for its source, where this file still has
 * those columns (a field remembered as "not in the file" stays so), and a guess for the rest.
 */
export function suggestMapping(
	header: readonly string[],
	fields: readonly string[],
	names: Readonly<Record<string, readonly string[]>>,
	remembered: RememberedMapping | null
): { mapping: ColumnMapping; origin: 'remembered' | 'guessed' } {
	if (!remembered) return { mapping: guessMapping(header, fields, names), origin: 'guessed' };
	const taken = new Set<number>();
	const mapping: ColumnMapping = {};
	const open: string[] = [];
	for (const field of fields) {
		const title = remembered[field];
		if (title === null) {
			mapping[field] = null;
			continue;
		}
		const exact = title === undefined ? -1 : header.findIndex((h) => h.trim() === title);
		const column =
			exact !== -1 && !taken.has(exact)
				? exact
				: title === undefined
					? null
					: columnNamed(header, title, taken);
		if (column === null) {
			open.push(field);
			continue;
		}
		mapping[field] = column;
		taken.add(column);
	}
	const guessed = guessMapping(
		header.map((title, i) => (taken.has(i) ? '' : title)),
		open,
		names
	);
	return { mapping: { ...mapping, ...guessed }, origin: 'remembered' };
}

/** The matching by header names, to remember for the next file from the same source. */
export function rememberMapping(
	header: readonly string[],
	mapping: ColumnMapping
): RememberedMapping {
	return Object.fromEntries(
		Object.entries(mapping).map(([field, column]) => [
			field,
			column === null ? null : (header[column]?.trim() ?? null)
		])
	);
}

/** The form's field for a field's column: `map.<field>`. */
export const mappingInputName = (field: string) => `map.${field}`;

/**
 * The matching as the form sent it: a column index per field, or '' for "not in this file". The
 * key field must have a column, and a column may serve only one field.
 */
export function readMappingForm(
	get: (name: string) => string | null,
	fields: readonly ImportFieldSpec[],
	header: readonly string[]
): { ok: true; mapping: ColumnMapping } | { ok: false; errors: Record<string, FieldError> } {
	const mapping: ColumnMapping = {};
	const errors: Record<string, FieldError> = {};
	const usedBy = new Map<number, string>();
	for (const field of fields) {
		const raw = (get(mappingInputName(field.name)) ?? '').trim();
		if (raw === '') {
			mapping[field.name] = null;
			if (field.need === 'key') errors[field.name] = { key: 'import.error.keyNotMapped' };
			continue;
		}
		const column = /^\d+$/.test(raw) ? Number(raw) : -1;
		if (column < 0 || column >= header.length) {
			errors[field.name] = { key: 'error.choice' };
			continue;
		}
		if (usedBy.has(column)) {
			errors[field.name] = {
				key: 'import.error.columnTwice',
				params: { name: header[column] || `#${column + 1}` }
			};
			continue;
		}
		usedBy.set(column, field.name);
		mapping[field.name] = column;
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, mapping };
}
