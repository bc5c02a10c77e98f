import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/domain/csv';

describe('csv', () => {
	it('leaves plain text and numbers as they are, and null empty', () => {
		expect(csvCell('Onboarding')).toBe('Onboarding');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(null)).toBe('');
		expect(csvCell(Number.NaN)).toBe('');
	});

	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
	});

	it('defuses text a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-detractor')).toBe("'-detractor");
		expect(csvCell('@sum')).toBe("'@sum");
	});

	it('joins cells with commas and ends every line with CRLF', () => {
		expect(
			toCsv([
				['month', 'nps'],
				['2026-11', 12]
			])
		).toBe('month,nps\r\n2026-11,12\r\n');
	});
});
