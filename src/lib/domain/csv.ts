/** CSV as RFC 4180 writes it, safe to open in a spreadsheet. */

export type CsvCell = string | number | null;

/**
 * One cell: quoted when it holds a comma, quote or line break. Text that a spreadsheet would run
 * as a formula (starting with =, +, −, @, tab or carriage return) is prefixed with an apostrophe;
 * numbers are left as they are, negative ones included.
 */
export function csvCell(value: CsvCell): string {
	if (value === null) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, ended with CRLF as the RFC asks. */
export function csvLine(row: readonly CsvCell[]): string {
	return row.map(csvCell).join(',') + '\r\n';
}

/** Rows as CSV text. */
export function toCsv(rows: CsvCell[][]): string {
	return rows.map(csvLine).join('');
}
