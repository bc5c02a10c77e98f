import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CsvReaderState, CsvSeparator } from '../../domain/csv-parse';
import type { ImportKind, ImportStatus } from '../../domain/import-kinds';
import type { ColumnMapping, RememberedMapping } from '../../domain/import-mapping';
import type { RowError } from '../../domain/import-rows';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string, read back as the value. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/**
 * Where an upload in parts stopped: the reader's state, or before the header line is whole (its
 * separator still unknown) the text of it so far; and the bytes of a character cut in two.
 */
export interface UploadState {
	reader: CsvReaderState | null;
	head: string;
	carry: number[];
}

export interface ImportTable {
	id: Generated<number>;
	kind: ImportKind;
	/** What the user calls where the file comes from ("Salesforce export"). */
	source: string;
	filename: Generated<string>;
	status: Generated<ImportStatus>;
	separator: CsvSeparator | null;
	header: NullableJson<string[]>;
	parse_state: NullableJson<UploadState>;
	bytes_received: Generated<number>;
	row_count: Generated<number>;
	mapping: NullableJson<ColumnMapping>;
	error_count: Generated<number>;
	create_count: Generated<number>;
	update_count: Generated<number>;
	unchanged_count: Generated<number>;
	created_by: number;
	committed_by: number | null;
	validated_at: Date | null;
	committed_at: Date | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}
export type Import = Selectable<ImportTable>;

export interface ImportRowTable {
	import_id: number;
	/** The file's line the record starts on (the header is line 1 in most files). */
	line: number;
	fields: Json<string[]>;
	errors: NullableJson<RowError[]>;
}

export interface ImportMappingTable {
	kind: ImportKind;
	source_key: string;
	source: string;
	mapping: Json<RememberedMapping>;
	updated_by: number | null;
	updated_at: UpdatedAt;
}
