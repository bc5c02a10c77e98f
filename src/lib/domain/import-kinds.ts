/**
 * What a CSV import can bring in, and where it stands. Each kind is one module on the server
 * (its fields, how a row finds its record, how it is written). Accounts come first: every other
 * kind names its rows' accounts by their external id.
 */
export const IMPORT_KINDS = ['accounts', 'contacts', 'account_team', 'usage', 'feedback'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = [
	/** Parts of the file are still arriving (or the upload was abandoned). */
	'uploading',
	/** Every row is staged; columns can be matched to fields. */
	'uploaded',
	/** The last check found no problem: ready to commit. */
	'validated',
	/** The last check found problems in some rows. */
	'invalid',
	'committed'
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Rows one file may hold: far above a portfolio's accounts, well below what a check can hold. */
export const MAX_IMPORT_ROWS = 200_000;
/** Bytes one file may hold (a 200,000-row file of long rows). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/**
 * Characters one record may hold: an account's notes are at most 10,000; a record much longer
 * is a quote never closed, which would otherwise swallow the rest of the file.
 */
export const MAX_RECORD_CHARS = 100_000;
/**
 * The browser sends a file in parts of this many bytes, cut anywhere: each request stays under
 * adapter-node's default body limit (512 KB) and a proxy's usual one (1 MB), and the server holds
 * one part at a time.
 */
export const UPLOAD_PART_BYTES = 256 * 1024;
