import { describe, expect, it } from 'vitest';
import {
	guessMapping,
	mappingInputName,
	readMappingForm,
	rememberMapping,
	suggestMapping,
	type ImportFieldSpec
} from '../../src/lib/domain/import-mapping';

const FIELDS = ['external_id', 'name', 'segment', 'arr', 'notes'];
const NAMES = {
	external_id: ['External id', 'ID externo', 'account id'],
	name: ['Name', 'Nome', 'Nombre'],
	segment: ['Segment', 'Segmento'],
	arr: ['ARR', 'ARR (whole USD)'],
	notes: ['Notes', 'Notas']
};

describe('guessing the column of each field', () => {
	it('matches field names and labels in any language, loosely', () => {
		expect(guessMapping(['Account ID', 'NOMBRE', 'segmento', 'arr'], FIELDS, NAMES)).toEqual({
			external_id: 0,
			name: 1,
			segment: 2,
			arr: 3,
			notes: null
		});
		expect(guessMapping(['external_id', 'ARR (whole USD)'], FIELDS, NAMES)).toMatchObject({
			external_id: 0,
			arr: 1
		});
	});

	it('gives a column to one field only', () => {
		const mapping = guessMapping(['Name'], ['name', 'notes'], { name: ['Name'], notes: ['Name'] });
		expect(mapping).toEqual({ name: 0, notes: null });
	});
});

describe('the matching remembered for a source', () => {
	const remembered = { external_id: 'Id', name: 'Company', segment: null, arr: 'Revenue' };

	it('finds the remembered columns by name, wherever they now are', () => {
		const { mapping, origin } = suggestMapping(
			['Revenue', 'Company', 'Id', 'Segment'],
			FIELDS,
			NAMES,
			remembered
		);
		expect(origin).toBe('remembered');
		// Segment was left out on purpose last time and stays out; notes was never in.
		expect(mapping).toEqual({ external_id: 2, name: 1, segment: null, arr: 0, notes: null });
	});

	it('guesses a field whose remembered column this file lacks', () => {
		const { mapping } = suggestMapping(['Id', 'Name', 'ARR'], FIELDS, NAMES, remembered);
		expect(mapping).toMatchObject({ external_id: 0, name: 1, arr: 2 });
	});

	it('guesses everything for a source seen for the first time', () => {
		expect(suggestMapping(['Name'], FIELDS, NAMES, null).origin).toBe('guessed');
	});

	it('remembers columns by their header name', () => {
		expect(rememberMapping([' Id ', 'Company'], { external_id: 0, name: 1, arr: null })).toEqual({
			external_id: 'Id',
			name: 'Company',
			arr: null
		});
	});
});

describe('reading the matching form', () => {
	const specs: ImportFieldSpec[] = [
		{ name: 'external_id', need: 'key' },
		{ name: 'name', need: 'new' },
		{ name: 'notes', need: 'optional' }
	];
	const read = (values: Record<string, string>) =>
		readMappingForm((name) => values[name] ?? null, specs, ['Id', 'Name', 'Notes']);

	it('reads a column index per field, and "" as not in the file', () => {
		expect(
			read({ [mappingInputName('external_id')]: '0', 'map.name': '1', 'map.notes': '' })
		).toEqual({ ok: true, mapping: { external_id: 0, name: 1, notes: null } });
	});

	it('requires the key field', () => {
		expect(read({ 'map.name': '1' })).toEqual({
			ok: false,
			errors: { external_id: { key: 'import.error.keyNotMapped' } }
		});
	});

	it('refuses one column for two fields, and a column the file does not have', () => {
		expect(read({ 'map.external_id': '0', 'map.name': '0', 'map.notes': '7' })).toEqual({
			ok: false,
			errors: {
				name: { key: 'import.error.columnTwice', params: { name: 'Id' } },
				notes: { key: 'error.choice' }
			}
		});
	});
});
