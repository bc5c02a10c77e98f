import { describe, expect, it } from 'vitest';
import { decimal, month, parseForm } from '../../src/lib/domain/validation';
import { error, file, value } from '../support/field-results';
import { objectiveFields } from '../../src/lib/server/plans/plan.schema';

describe('decimal', () => {
	it('reads a decimal point', () => {
		expect(value(decimal()('12.5'))).toBe(12.5);
		expect(value(decimal()('0.25'))).toBe(0.25);
	});

	it('reads a decimal comma as pt-BR and es users type it', () => {
		expect(value(decimal()('12,5'))).toBe(12.5);
		expect(value(decimal()('0,75'))).toBe(0.75);
	});

	it('refuses a comma that could be a thousands separator rather than guess', () => {
		expect(decimal()('1,000')).toEqual({ ok: false, error: { key: 'error.number' } });
		expect(decimal()('-12,500')).toEqual({ ok: false, error: { key: 'error.number' } });
		expect(value(decimal()('1,0005'))).toBe(1.0005);
	});

	it('reads whole numbers', () => {
		expect(value(decimal()('42'))).toBe(42);
		expect(value(decimal()('0'))).toBe(0);
	});

	it('trims and ignores digit-group spaces and underscores', () => {
		expect(value(decimal()(' 7 '))).toBe(7);
		expect(value(decimal()('1 000,5'))).toBe(1000.5);
		expect(value(decimal()('1_000.5'))).toBe(1000.5);
	});

	it('accepts a leading or trailing point', () => {
		expect(value(decimal()('.5'))).toBe(0.5);
		expect(value(decimal()(',5'))).toBe(0.5);
		expect(value(decimal()('12.'))).toBe(12);
	});

	it('accepts negatives unless told otherwise', () => {
		expect(value(decimal()('-3.5'))).toBe(-3.5);
		expect(value(decimal()('-.5'))).toBe(-0.5);
	});

	it('refuses what is not a plain decimal number', () => {
		for (const raw of [
			'1e3',
			'abc',
			'1.2.3',
			'1,2,3',
			'Infinity',
			'-Infinity',
			'NaN',
			'0x10',
			'+5',
			'-',
			'.',
			'12 kVA',
			'--1'
		]) {
			expect(error(decimal()(raw)), raw).toEqual({ key: 'error.number' });
		}
	});

	it('refuses a number too long to be held, rather than reading it as Infinity', () => {
		const huge = '9'.repeat(400);
		expect(error(decimal()(huge))).toEqual({ key: 'error.number' });
		expect(error(decimal({ positive: true })(huge))).toEqual({ key: 'error.number' });
	});

	it('is null when optional and empty, missing or a file', () => {
		expect(value(decimal()(''))).toBeNull();
		expect(value(decimal()('   '))).toBeNull();
		expect(value(decimal()(null))).toBeNull();
		expect(value(decimal()(file()))).toBeNull();
	});

	it('refuses empty when required, but not zero', () => {
		const parse = decimal({ required: true });
		expect(error(parse(''))).toEqual({ key: 'error.required' });
		expect(error(parse('  '))).toEqual({ key: 'error.required' });
		expect(error(parse(null))).toEqual({ key: 'error.required' });
		expect(value(parse('0'))).toBe(0);
	});

	it('refuses zero and negatives when positive, and accepts the smallest fraction', () => {
		const parse = decimal({ positive: true });
		for (const raw of ['0', '0.0', '0,00', '-0', '-1', '-0.01']) {
			expect(error(parse(raw)), raw).toEqual({ key: 'error.positive' });
		}
		expect(value(parse('0.01'))).toBe(0.01);
		expect(value(parse('3'))).toBe(3);
	});

	it('still lets an optional positive field be left empty', () => {
		expect(value(decimal({ positive: true })(''))).toBeNull();
	});

	it('allows the bounds themselves and refuses beyond them, with the bound in the params', () => {
		const parse = decimal({ min: 1.5, max: 10 });
		expect(value(parse('1.5'))).toBe(1.5);
		expect(value(parse('10'))).toBe(10);
		expect(error(parse('1.49'))).toEqual({ key: 'error.min', params: { min: 1.5 } });
		expect(error(parse('10.01'))).toEqual({ key: 'error.max', params: { max: 10 } });
		expect(error(parse('10,5'))).toEqual({ key: 'error.max', params: { max: 10 } });
	});

	it('applies a min of 0', () => {
		expect(error(decimal({ min: 0 })('-0.5'))).toEqual({ key: 'error.min', params: { min: 0 } });
		expect(value(decimal({ min: 0 })('0'))).toBe(0);
	});

	it('reports a malformed number before any range', () => {
		expect(error(decimal({ positive: true, min: 1, max: 5 })('x'))).toEqual({
			key: 'error.number'
		});
	});

	it('reads the objective target as the success plan form declares it', () => {
		const parse = objectiveFields.target_value;
		expect(value(parse('1 000 000,5'))).toBe(1_000_000.5);
		expect(value(parse(''))).toBeNull();
		expect(error(parse('0'))).toEqual({ key: 'error.positive' });
		expect(error(parse('1000000000.5'))).toEqual({
			key: 'error.max',
			params: { max: 1_000_000_000 }
		});
	});
});

describe('month', () => {
	it('turns an <input type="month"> value into the first of the month', () => {
		expect(value(month()('2026-11'))).toBe('2026-11-01');
		expect(value(month()('2026-01'))).toBe('2026-01-01');
		expect(value(month()('2026-12'))).toBe('2026-12-01');
	});

	it('trims what was sent', () => {
		expect(value(month()(' 2026-11 '))).toBe('2026-11-01');
	});

	it('refuses months that do not exist or are not written YYYY-MM', () => {
		for (const raw of [
			'2026-13',
			'2026-00',
			'2026-1',
			'2026-11-05',
			'26-11',
			'11/2026',
			'2026/11',
			'November 2026',
			'202611'
		]) {
			expect(error(month()(raw)), raw).toEqual({ key: 'error.month' });
		}
	});

	it('refuses years before 1900', () => {
		expect(error(month()('1899-12'))).toEqual({ key: 'error.month' });
		expect(error(month()('0000-05'))).toEqual({ key: 'error.month' });
		expect(value(month()('1900-01'))).toBe('1900-01-01');
	});

	it('is always required', () => {
		expect(error(month()(''))).toEqual({ key: 'error.required' });
		expect(error(month()('   '))).toEqual({ key: 'error.required' });
		expect(error(month()(null))).toEqual({ key: 'error.required' });
		expect(error(month()(file()))).toEqual({ key: 'error.required' });
	});
});

describe('parseForm with numbers and months', () => {
	const schema = { month: month(), used: decimal({ required: true, min: 0 }) };
	const form = (entries: Record<string, string>) => {
		const data = new FormData();
		for (const [name, v] of Object.entries(entries)) data.append(name, v);
		return data;
	};

	it('returns the typed values', () => {
		expect(parseForm(schema, form({ month: '2026-10', used: '42,5' }))).toEqual({
			ok: true,
			data: { month: '2026-10-01', used: 42.5 }
		});
	});

	it('reports each bad field by name', () => {
		const result = parseForm(schema, form({ month: '2026-13', used: '-1' }));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.month?.key).toBe('error.month');
		expect(result.errors.used).toEqual({ key: 'error.min', params: { min: 0 } });
	});
});
