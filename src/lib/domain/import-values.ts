/**
 * Cells as spreadsheets write them, turned into the plain text the form's rules read, so an
 * imported row obeys exactly what the form would accept: a label instead of a code, a number
 * with thousands separators. Anything these cannot read is passed on as typed, and the form's
 * rule refuses it with its own message.
 */
import type { CsvSeparator } from './csv-parse';

/**
 * Text compared loosely: case, accents, spaces and punctuation ignored, so "Mid-market",
 * "mid_market", "MID MARKET" and "Mid‑Market" all read "midmarket".
 */
export function looseKey(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A closed vocabulary's codes, each with its labels (any language). */
export type VocabularyLabels = Record<string, readonly string[]>;

/** Looks codes up by the code itself or any of its labels, loosely. */
export type VocabularyLookup = ReadonlyMap<string, string>;

/**
 * The lookup for one vocabulary. Two codes whose code or labels read alike would make a cell
 * ambiguous; the first code keeps the key and the test over the real catalogues rules it out.
 */
export function vocabularyLookup(
	codes: readonly string[],
	labels: VocabularyLabels
): VocabularyLookup {
	const lookup = new Map<string, string>();
	for (const code of codes) {
		for (const name of [code, ...(labels[code] ?? [])]) {
			const key = looseKey(name);
			if (key !== '' && !lookup.has(key)) lookup.set(key, code);
		}
	}
	return lookup;
}

/** Names that read alike for two codes of one vocabulary (for the catalogues' test). */
export function vocabularyClashes(codes: readonly string[], labels: VocabularyLabels): string[] {
	const owner = new Map<string, string>();
	const clashes: string[] = [];
	for (const code of codes) {
		for (const name of [code, ...(labels[code] ?? [])]) {
			const key = looseKey(name);
			const other = owner.get(key);
			if (other !== undefined && other !== code) clashes.push(`${name}: ${other} / ${code}`);
			owner.set(key, code);
		}
	}
	return clashes;
}

/** The stored code a cell names; text that names none is returned as typed. */
export function vocabularyCode(raw: string, lookup: VocabularyLookup): string {
	return lookup.get(looseKey(raw)) ?? raw.trim();
}

/**
 * A number in the convention of the file's separator, as plain "1234.5":
 * - a `,` file writes 1,234,567.89 (comma thousands, point decimals);
 * - a `;` file is what a spreadsheet writes where the comma is the decimal mark: 1.234.567,89;
 * - either may group thousands with spaces (also the no-break spaces French and Portuguese
 *   locales use): 1 234 567.
 * Thousands separators count only in groups of three ("1,5" in a `,` file is not 15), and a
 * whole number's zero decimals are dropped ("1.200,00" is 1200), so a whole-number rule accepts
 * what a spreadsheet formatted with cents.
 */
export function plainNumber(raw: string, separator: CsvSeparator): string {
	let text = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
	const [thousands, decimal] = separator === ';' ? ['.', ','] : [',', '.'];
	const t = `\\${thousands}`;
	const d = `\\${decimal}`;
	if (new RegExp(`^-?\\d{1,3}(${t}\\d{3})+(${d}\\d+)?$`).test(text)) {
		text = text.split(thousands).join('');
	}
	if (decimal === ',' && /^-?\d*,\d+$/.test(text)) text = text.replace(',', '.');
	return text.replace(/^(-?\d+)\.0+$/, '$1');
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'sim', 's', 'si', 'verdadeiro', 'verdadero']);
const NO = new Set(['', 'no', 'n', 'false', '0', 'nao', 'falso']);

/**
 * A yes/no cell in any of Keel's languages ("Yes", "sim", "Sí", "x", "1"; "No", "não", "0", or
 * empty), as the form's checkbox rule reads it: 'true' or ''. Null when the cell says neither,
 * which the form's rule would quietly read as "no".
 */
export function yesNo(raw: string): 'true' | '' | null {
	const key = looseKey(raw);
	if (YES.has(key)) return 'true';
	if (NO.has(key)) return '';
	return null;
}
