/**
 * Rows of an import as the form's rules see them: the file's record, its cells picked by the
 * column matching, each mapped cell read by the field's parser. Pure: the server adds what only
 * the database knows (the record a row updates, names of resellers).
 */
import type { ColumnMapping } from './import-mapping';
import type { FieldError, FieldParser, FieldResult, Parsed, Schema } from './validation';

/** One problem with one row: its field (null for the row as a whole) and a message key. */
export interface RowError {
	field: string | null;
	key: string;
	params?: Record<string, string | number>;
}

/** A field's cell, or undefined when no column is matched to the field. */
export type MappedValues = Record<string, string | undefined>;

/** A record with no text at all (",,,," that spreadsheets leave below the data): not a row. */
export function isBlankRecord(fields: readonly string[]): boolean {
	return fields.every((field) => field.trim() === '');
}

/** A record with more or fewer cells than the header has columns: its cells cannot be trusted. */
export function fieldCountError(fields: readonly string[], expected: number): RowError | null {
	if (fields.length === expected) return null;
	return {
		field: null,
		key: 'import.error.fieldCount',
		params: { count: fields.length, expected }
	};
}

/** The record's cells by field name; a field without a column is left undefined. */
export function mapRecord(fields: readonly string[], mapping: ColumnMapping): MappedValues {
	const values: MappedValues = {};
	for (const [field, column] of Object.entries(mapping)) {
		values[field] = column === null ? undefined : (fields[column] ?? '');
	}
	return values;
}

/**
 * Reads the mapped fields with the schema's parsers (the form's own). Fields without a column
 * are not read at all: on an update they keep what is stored, which the caller decides.
 */
export function parseMapped<S extends Schema>(
	schema: S,
	values: MappedValues
): { data: Partial<Parsed<S>>; errors: RowError[] } {
	const data: Record<string, unknown> = {};
	const errors: RowError[] = [];
	for (const [field, parse] of Object.entries(schema) as [keyof S & string, S[keyof S]][]) {
		const raw = values[field];
		if (raw === undefined) continue;
		const result = parse(raw);
		if (result.ok) data[field] = result.value;
		else errors.push(fieldError(field, result.error));
	}
	return { data: data as Partial<Parsed<S>>, errors };
}

export function fieldError(field: string, error: FieldError): RowError {
	return error.params ? { field, key: error.key, params: error.params } : { field, key: error.key };
}

/**
 * Tracks the match key of every row read so far (an account's external id): a second row with
 * the same key would write the record twice in one import, so it is a problem of that row.
 */
export class DuplicateKeys {
	private readonly seen = new Map<string, number>();

	/** The line the key was first seen on, or null (and the key is remembered at `line`). */
	firstLine(key: string, line: number): number | null {
		const first = this.seen.get(key);
		if (first !== undefined) return first;
		this.seen.set(key, line);
		return null;
	}
}

/**
 * The header record as column names (trimmed), or the problem with it: two columns of one name
 * (compared without case) could not be told apart when matching. Unnamed columns are allowed; the
 * matching form shows them by position.
 */
export function readHeader(
	fields: readonly string[]
): { ok: true; header: string[] } | { ok: false; error: RowError } {
	const header = fields.map((name) => name.trim());
	const seen = new Set<string>();
	for (const name of header) {
		if (name === '') continue;
		const key = name.toLowerCase();
		if (seen.has(key))
			return {
				ok: false,
				error: { field: null, key: 'import.error.duplicateHeader', params: { name } }
			};
		seen.add(key);
	}
	return { ok: true, header };
}

/**
 * Text no CSV holds: control characters other than tab and line breaks mean a binary file (an
 * .xlsx workbook is a zip, and its first bytes are already "PK\x03\x04").
 */
export function looksBinary(text: string): boolean {
	// eslint-disable-next-line no-control-regex
	return /[\u0000-\u0008\u000b\u000e-\u001f]/.test(text);
}

/**
 * How many leading bytes of `bytes` are whole UTF-8 characters: a file sent in parts is cut
 * anywhere, and the bytes of a character cut in two wait for the next part.
 */
export function wholeCharacters(bytes: Uint8Array): number {
	const end = bytes.length;
	// The last lead byte (not 10xxxxxx) within a character's length of the end.
	for (let i = end - 1; i >= 0 && i >= end - 4; i--) {
		const byte = bytes[i]!;
		if ((byte & 0xc0) === 0x80) continue;
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		return end - i < length ? i : end;
	}
	return end;
}

/**
 * A field rule that remembers its answer per cell text, for rules that are slow per call (the
 * time-zone rule builds an Intl formatter, ~50 µs) over columns that repeat a few values across a
 * file's 100,000 rows. Forgets everything past `size` texts, so a column of distinct values
 * costs no more memory than that.
 */
export function remembered<T>(parse: FieldParser<T>, size = 1000): FieldParser<T> {
	const answers = new Map<string, FieldResult<T>>();
	return (raw) => {
		if (typeof raw !== 'string') return parse(raw);
		let answer = answers.get(raw);
		if (!answer) {
			if (answers.size >= size) answers.clear();
			answer = parse(raw);
			answers.set(raw, answer);
		}
		return answer;
	};
}
