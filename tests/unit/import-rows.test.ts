import { describe, expect, it } from 'vitest';
import { CsvReader } from '../../src/lib/domain/csv-parse';
import {
	DuplicateKeys,
	fieldCountError,
	isBlankRecord,
	looksBinary,
	mapRecord,
	parseMapped,
	readHeader,
	remembered,
	wholeCharacters
} from '../../src/lib/domain/import-rows';
import { integer, text } from '../../src/lib/domain/validation';

describe('records of a file', () => {
	it('skips records with no text at all', () => {
		expect(isBlankRecord(['', ' ', ''])).toBe(true);
		expect(isBlankRecord(['', 'x'])).toBe(false);
	});

	it('refuses a record whose number of cells differs from the header', () => {
		expect(fieldCountError(['a', 'b'], 2)).toBeNull();
		expect(fieldCountError(['a', 'b', 'c'], 2)).toEqual({
			field: null,
			key: 'import.error.fieldCount',
			params: { count: 3, expected: 2 }
		});
	});

	it('picks cells by the column matching, leaving unmatched fields undefined', () => {
		expect(mapRecord(['7', 'Acme'], { external_id: 0, name: 1, notes: null })).toEqual({
			external_id: '7',
			name: 'Acme',
			notes: undefined
		});
	});

	it("reads only the matched fields, with the schema's own rules", () => {
		const schema = { name: text({ required: true }), arr: integer({ required: true }) };
		expect(parseMapped(schema, { name: ' Acme ', arr: undefined })).toEqual({
			data: { name: 'Acme' },
			errors: []
		});
		expect(parseMapped(schema, { name: '', arr: 'x' })).toEqual({
			data: {},
			errors: [
				{ field: 'name', key: 'error.required' },
				{ field: 'arr', key: 'error.integer' }
			]
		});
	});

	it('remembers the first line of each key', () => {
		const keys = new DuplicateKeys();
		expect(keys.firstLine('A-1', 2)).toBeNull();
		expect(keys.firstLine('A-2', 3)).toBeNull();
		expect(keys.firstLine('A-1', 9)).toBe(2);
	});
});

describe('the header', () => {
	it('trims names and allows unnamed columns', () => {
		expect(readHeader([' Id', 'Name ', '', ''])).toEqual({
			ok: true,
			header: ['Id', 'Name', '', '']
		});
	});

	it('refuses two columns of one name, whatever the case', () => {
		expect(readHeader(['Name', 'ARR', 'name'])).toEqual({
			ok: false,
			error: { field: null, key: 'import.error.duplicateHeader', params: { name: 'name' } }
		});
	});
});

describe('files that are not text', () => {
	it('recognises control characters no CSV holds', () => {
		expect(looksBinary('PK\u0003\u0004xl/workbook.xml')).toBe(true);
		expect(looksBinary('a\u0000b')).toBe(true);
		expect(looksBinary('a,b\tc\r\n"d\ne"\f')).toBe(false);
	});
});

describe('parts cut inside a character', () => {
	const bytes = new TextEncoder().encode('aé€😀');

	it('keeps back the bytes of a character cut in two', () => {
		// a (1 byte), é (2), € (3), 😀 (4): every cut inside a character is held back to its start.
		const starts = [0, 1, 3, 6, 10];
		for (let cut = 0; cut <= bytes.length; cut++) {
			const whole = wholeCharacters(bytes.subarray(0, cut));
			expect(whole, `cut at ${cut}`).toBe(Math.max(...starts.filter((s) => s <= cut)));
		}
	});
});

describe('a reader resumed from its state', () => {
	it('reads on as if it had never stopped, wherever the text was cut', () => {
		const text = 'id;notes\r\n1;"line one\r\nline ""two"""\r\n2;plain\r\n';
		for (let cut = 0; cut <= text.length; cut++) {
			const first = new CsvReader(';');
			const records = first.push(text.slice(0, cut));
			const second = CsvReader.resume(';', JSON.parse(JSON.stringify(first.state())));
			records.push(...second.push(text.slice(cut)), ...second.end());
			expect(records, `cut at ${cut}`).toEqual([
				{ line: 1, fields: ['id', 'notes'] },
				{ line: 2, fields: ['1', 'line one\r\nline "two"'] },
				{ line: 4, fields: ['2', 'plain'] }
			]);
		}
	});

	it('tells how much of an unfinished record it holds, and where it began', () => {
		const reader = new CsvReader(',');
		reader.push('a,b\n1,"never closed');
		expect(reader.pendingLength).toBe('1'.length + 'never closed'.length);
		expect(reader.currentRecordLine).toBe(2);
	});
});

describe('a remembered rule', () => {
	it('answers as the rule does, asking it once per text', () => {
		let calls = 0;
		const rule = remembered((raw) => {
			calls++;
			return raw === 'ok' ? { ok: true, value: 1 } : { ok: false, error: { key: 'error.choice' } };
		}, 2);
		expect(rule('ok')).toEqual({ ok: true, value: 1 });
		expect(rule('ok')).toEqual({ ok: true, value: 1 });
		expect(rule('no')).toEqual({ ok: false, error: { key: 'error.choice' } });
		expect(calls).toBe(2);
		// Past its size it starts over rather than grow.
		rule('third');
		rule('ok');
		expect(calls).toBe(4);
	});
});
