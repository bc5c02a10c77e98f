import {
	CsvReader,
	CsvSyntaxError,
	detectSeparator,
	type CsvRecord,
	type CsvSeparator
} from '../../domain/csv-parse';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_RECORD_CHARS } from '../../domain/import-kinds';
import { isBlankRecord, looksBinary, readHeader, wholeCharacters } from '../../domain/import-rows';
import type { Executor } from '../db/database';
import type { Import, UploadState } from './import.table';

/** A file Keel cannot take, with a message key for the form: nothing of it is kept. */
export class UploadError extends Error {
	constructor(
		readonly key: string,
		readonly params: Record<string, string | number> = {}
	) {
		super(key);
		this.name = 'UploadError';
	}
}

/** Rows per insert while staging: a few hundred kilobytes per statement. */
const STAGE_BATCH = 1000;

/** How far an upload has come; stored on the import between parts. */
export interface StageProgress {
	header: string[] | null;
	separator: CsvSeparator | null;
	state: UploadState;
	rowCount: number;
	bytes: number;
}

export const NOTHING_STAGED: StageProgress = {
	header: null,
	separator: null,
	state: { reader: null, head: '', carry: [] },
	rowCount: 0,
	bytes: 0
};

export function progressOf(row: Import): StageProgress {
	return {
		header: row.header,
		separator: row.separator,
		state: row.parse_state ?? { reader: null, head: '', carry: [] },
		rowCount: row.row_count,
		bytes: row.bytes_received
	};
}

/** A web stream's chunks, read one at a time. */
export async function* chunksOf(stream: ReadableStream<Uint8Array> | null) {
	if (!stream) return;
	const reader = stream.getReader();
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) return;
			yield value;
		}
	} finally {
		reader.releaseLock();
	}
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(bytes: Uint8Array): string {
	try {
		return decoder.decode(bytes);
	} catch {
		// Excel's plain "CSV" is Windows-1252 or Mac Roman: say how to save it as UTF-8.
		throw new UploadError('import.error.notUtf8');
	}
}

/**
 * Stages the next bytes of an import's file into `import_rows`, 1,000 rows per insert, carrying
 * on from `start` (where the previous part stopped, a record cut in two included). Memory holds one
 * chunk, one batch and the record being read, whatever the file's size. `final`: these are the
 * file's last bytes, so what is still open must end here.
 */
export async function stageRows(
	db: Executor,
	importId: number,
	start: StageProgress,
	chunks: AsyncIterable<Uint8Array>,
	final: boolean
): Promise<StageProgress> {
	let { header, separator, rowCount, bytes } = start;
	let carry = Uint8Array.from(start.state.carry);
	let reader =
		start.state.reader && separator ? CsvReader.resume(separator, start.state.reader) : null;
	// Text of the first line until it is whole: the separator is read from the header line.
	let head = start.state.head;
	const batch: { import_id: number; line: number; fields: string }[] = [];

	const flush = async () => {
		if (batch.length > 0) await db.insertInto('import_rows').values(batch.splice(0)).execute();
	};

	const take = async (records: CsvRecord[]) => {
		for (const record of records) {
			if (isBlankRecord(record.fields)) continue;
			if (header === null) {
				const read = readHeader(record.fields);
				if (!read.ok) throw new UploadError(read.error.key, read.error.params);
				header = read.header;
				continue;
			}
			if (++rowCount > MAX_IMPORT_ROWS) {
				throw new UploadError('import.error.tooManyRows', { max: MAX_IMPORT_ROWS });
			}
			batch.push({ import_id: importId, line: record.line, fields: JSON.stringify(record.fields) });
			if (batch.length >= STAGE_BATCH) await flush();
		}
	};

	const startReading = (text: string) => {
		separator = detectSeparator(headerLine(text) ?? text.trim());
		return new CsvReader(separator);
	};

	const feed = async (text: string, last: boolean) => {
		if (looksBinary(text)) throw new UploadError('import.error.notCsv');
		if (!reader) {
			// The byte-order mark Excel writes before "CSV UTF-8" is not part of the header.
			head += head === '' && text.startsWith('\uFEFF') ? text.slice(1) : text;
			if (!last && headerLine(head) === null) {
				if (head.length > MAX_RECORD_CHARS) {
					throw new UploadError('import.error.recordTooLong', { line: 1, max: MAX_RECORD_CHARS });
				}
				return;
			}
			reader = startReading(head);
			text = head;
			head = '';
		}
		await take(reader.push(text));
		if (reader.pendingLength > MAX_RECORD_CHARS) {
			throw new UploadError('import.error.recordTooLong', {
				line: reader.currentRecordLine,
				max: MAX_RECORD_CHARS
			});
		}
	};

	try {
		for await (const chunk of chunks) {
			bytes += chunk.byteLength;
			if (bytes > MAX_IMPORT_BYTES) {
				throw new UploadError('import.error.tooLarge', {
					max: Math.round(MAX_IMPORT_BYTES / 1024 / 1024)
				});
			}
			const joined = carry.length === 0 ? chunk : concat(carry, chunk);
			const whole = wholeCharacters(joined);
			carry = joined.slice(whole);
			await feed(decode(joined.subarray(0, whole)), false);
		}
		if (final) {
			// Bytes still waiting here are a character the file cuts off: not UTF-8.
			await feed(decode(carry), true);
			carry = new Uint8Array(0);
			await take(reader!.end());
		}
		await flush();
	} catch (cause) {
		if (cause instanceof CsvSyntaxError) {
			throw new UploadError(
				cause.reason === 'unclosed_quote'
					? 'import.error.unclosedQuote'
					: 'import.error.textAfterQuote',
				{ line: cause.line }
			);
		}
		throw cause;
	}

	if (final && header === null) throw new UploadError('import.error.empty');
	if (final && rowCount === 0) throw new UploadError('import.error.headerOnly');
	return {
		header,
		separator,
		state: {
			reader: final || !reader ? null : reader.state(),
			head,
			carry: [...carry]
		},
		rowCount,
		bytes
	};
}

/** The first line with text, once it has ended (blank lines before a header are skipped). */
function headerLine(text: string): string | null {
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '\n' && text[i] !== '\r') continue;
		const line = text.slice(start, i);
		if (line.trim() !== '') return line;
		start = i + 1;
	}
	return null;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const joined = new Uint8Array(a.length + b.length);
	joined.set(a, 0);
	joined.set(b, a.length);
	return joined;
}
