import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/lib/domain/csv';
import {
	CsvReader,
	CsvSyntaxError,
	detectSeparator,
	type CsvSeparator
} from '../../src/lib/domain/csv-parse';

/** Every record of `text`, pushed in chunks of `size` characters. */
function read(text: string, separator: CsvSeparator = ',', size = text.length || 1) {
	const reader = new CsvReader(separator);
	const records = [];
	for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
	records.push(...reader.end());
	return records;
}
const fields = (text: string, separator: CsvSeparator = ',', size?: number) =>
	read(text, separator, size).map((r) => r.fields);

describe('reading CSV', () => {
	it('reads plain records with CRLF, LF or no final line break', () => {
		expect(fields('a,b\r\n1,2\r\n')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
		expect(fields('a,b\n1,2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('reads quoted fields with separators, doubled quotes and line breaks', () => {
		expect(fields('name,notes\r\n"Acme, Inc.","said ""hi""\r\nthen left"\r\n')).toEqual([
			['name', 'notes'],
			['Acme, Inc.', 'said "hi"\r\nthen left']
		]);
	});

	it('keeps empty fields, skips blank lines, and keeps a quote inside an unquoted field', () => {
		expect(fields('a,,c\r\n\r\n,\r\n5" rack,x\r\n""\r\n')).toEqual([
			['a', '', 'c'],
			['', ''],
			['5" rack', 'x'],
			['']
		]);
	});

	it('reads semicolon-separated files', () => {
		expect(fields('nome;arr\r\n"Padaria; Ltda";1,5\r\n', ';')).toEqual([
			['nome', 'arr'],
			['Padaria; Ltda', '1,5']
		]);
	});

	it('gives the same records whatever the chunk size, CRLF split included', () => {
		const text =
			'id,name,notes\r\n1,"Zé ""Pequeno""","line one\r\nline two"\r\n2,Ana,\r\n3,"a,b",c';
		const whole = fields(text);
		for (const size of [1, 2, 3, 5, 7, 16]) expect(fields(text, ',', size)).toEqual(whole);
	});

	it('numbers each record by the line it starts on, counting line breaks inside quotes', () => {
		const records = read('h\r\n"two\r\nlines"\r\n\r\nlast\r\n', ',', 3);
		expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
			[1, 'h'],
			[2, 'two\r\nlines'],
			[5, 'last']
		]);
	});

	it('reads back what the exporter writes', () => {
		const rows = [
			['Name', 'Notes', 'ARR'],
			['Acme, "the" best', '=1+1', 1200],
			['Ünïcode', 'two\nlines', null]
		];
		expect(fields(toCsv(rows))).toEqual([
			['Name', 'Notes', 'ARR'],
			['Acme, "the" best', "'=1+1", '1200'],
			['Ünïcode', 'two\nlines', '']
		]);
	});

	it('refuses an unclosed quote and text after a closing quote, naming the line', () => {
		expect(() => read('a\r\n"open\r\nstill open')).toThrow(CsvSyntaxError);
		try {
			read('a\r\n"open\r\nstill open');
		} catch (error) {
			expect((error as CsvSyntaxError).line).toBe(2);
			expect((error as CsvSyntaxError).reason).toBe('unclosed_quote');
		}
		expect(() => read('a\r\n"x"y,z\r\n')).toThrow(/text after quote on line 2/);
	});
});

describe('detecting the separator', () => {
	it('picks the one used more outside quotes', () => {
		expect(detectSeparator('name,segment,arr')).toBe(',');
		expect(detectSeparator('nome;segmento;"arr, anual"')).toBe(';');
		expect(detectSeparator('"a;b;c",d')).toBe(',');
		expect(detectSeparator('name')).toBe(',');
	});
});
