/**
 * CSV as people's spreadsheets write it, read incrementally: RFC 4180 quoting (fields in double
 * quotes may hold separators, quotes doubled, and line breaks), CRLF or LF line ends, and a `,`
 * or `;` separator (the one Excel writes where the comma is the decimal mark). Text arrives in
 * chunks of any size and complete records come out, so a file of any length is read with the
 * memory of one record.
 */

export type CsvSeparator = ',' | ';';

/** A record and the line of the file it starts on (1-based), for a per-row error report. */
export interface CsvRecord {
	line: number;
	fields: string[];
}

/** The file is not CSV we can read: an opened quote never closed, say. */
export class CsvSyntaxError extends Error {
	constructor(
		readonly line: number,
		readonly reason: 'unclosed_quote' | 'text_after_quote'
	) {
		super(`CSV ${reason.replace(/_/g, ' ')} on line ${line}`);
	}
}

/**
 * The separator of a file from its header line: whichever of `;` and `,` occurs more outside
 * quotes (a header of one column has neither, and reads the same either way).
 */
export function detectSeparator(headerLine: string): CsvSeparator {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (const char of headerLine) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && char === ',') commas++;
		else if (!quoted && char === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

/**
 * Where a reader stopped, as plain data: a file uploaded in several requests is read by a new
 * reader per request, each resuming where the last one stopped (the record it was in the middle
 * of included), so parts may be cut anywhere.
 */
export interface CsvReaderState {
	field: string;
	fields: string[];
	quoted: boolean;
	afterQuote: boolean;
	pendingCr: boolean;
	line: number;
	recordLine: number;
	started: boolean;
	closedQuote: boolean;
}

/** Reads records from text pushed in chunks; `end()` flushes the last one. */
export class CsvReader {
	private field = '';
	private fields: string[] = [];
	/** Inside a quoted field; `afterQuote`: just read a quote in one (closing, or doubled). */
	private quoted = false;
	private afterQuote = false;
	/** The previous chunk ended on CR: an LF starting this one belongs to it. */
	private pendingCr = false;
	/** The line being read, and the line the current record began on. */
	private line = 1;
	private recordLine = 1;
	/** A field has begun on this record (so an empty line is not a record of one empty field). */
	private started = false;
	/** A quoted field has closed: only a separator or a line break may follow. */
	private closedQuote = false;

	constructor(private readonly separator: CsvSeparator = ',') {}

	/** A reader that carries on from `state` (see `state()`), as if it had read the text before. */
	static resume(separator: CsvSeparator, state: CsvReaderState): CsvReader {
		const reader = new CsvReader(separator);
		reader.field = state.field;
		reader.fields = [...state.fields];
		reader.quoted = state.quoted;
		reader.afterQuote = state.afterQuote;
		reader.pendingCr = state.pendingCr;
		reader.line = state.line;
		reader.recordLine = state.recordLine;
		reader.started = state.started;
		reader.closedQuote = state.closedQuote;
		return reader;
	}

	/** Where this reader stands between two pushes. */
	state(): CsvReaderState {
		return {
			field: this.field,
			fields: [...this.fields],
			quoted: this.quoted,
			afterQuote: this.afterQuote,
			pendingCr: this.pendingCr,
			line: this.line,
			recordLine: this.recordLine,
			started: this.started,
			closedQuote: this.closedQuote
		};
	}

	/**
	 * Characters held for the record not yet complete: a caller caps it, since a quote never closed
	 * would otherwise hold the rest of the file.
	 */
	get pendingLength(): number {
		return this.fields.reduce((sum, field) => sum + field.length, this.field.length);
	}

	/** The line the record being read started on (where an unclosed quote opened). */
	get currentRecordLine(): number {
		return this.recordLine;
	}

	push(text: string): CsvRecord[] {
		const out: CsvRecord[] = [];
		for (let i = 0; i < text.length; i++) {
			const char = text[i]!;
			if (this.pendingCr) {
				this.pendingCr = false;
				if (char === '\n') continue;
			}
			if (this.quoted) {
				if (this.afterQuote) {
					this.afterQuote = false;
					if (char === '"') {
						this.field += '"';
						continue;
					}
					// The quote closed the field: what follows must end it.
					this.quoted = false;
					this.closedQuote = true;
				} else {
					if (char === '"') this.afterQuote = true;
					else {
						// A line break inside quotes is part of the field, and a line of the file.
						if (char === '\n') this.line++;
						this.field += char;
					}
					continue;
				}
			}
			if (char === this.separator) {
				this.endField();
			} else if (char === '\r' || char === '\n') {
				if (char === '\r') this.pendingCr = true;
				this.endRecord(out);
				this.line++;
				this.recordLine = this.line;
			} else if (char === '"' && this.field === '' && !this.closedQuote) {
				this.quoted = true;
				this.started = true;
			} else if (this.closedQuote) {
				throw new CsvSyntaxError(this.line, 'text_after_quote');
			} else {
				// A quote inside an unquoted field is kept as written, as spreadsheets do.
				this.field += char;
				this.started = true;
			}
		}
		return out;
	}

	/** The last record, when the file does not end with a line break. */
	end(): CsvRecord[] {
		if (this.quoted && !this.afterQuote)
			throw new CsvSyntaxError(this.recordLine, 'unclosed_quote');
		this.quoted = false;
		this.afterQuote = false;
		const out: CsvRecord[] = [];
		this.endRecord(out);
		return out;
	}

	private endField() {
		this.fields.push(this.field);
		this.field = '';
		this.closedQuote = false;
		this.started = true;
	}

	private endRecord(out: CsvRecord[]) {
		if (this.started || this.field !== '') {
			this.fields.push(this.field);
			out.push({ line: this.recordLine, fields: this.fields });
		}
		this.field = '';
		this.fields = [];
		this.closedQuote = false;
		this.started = false;
	}
}
