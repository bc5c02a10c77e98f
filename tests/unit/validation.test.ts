import { describe, expect, it } from 'vitest';
import {
	checkbox,
	decimal,
	email,
	formValues,
	id,
	integer,
	isoDate,
	month,
	oneOf,
	optionalId,
	optionalOneOf,
	parseForm,
	text,
	timeZone,
	version,
	wholeNumber,
	type FieldError
} from '../../src/lib/domain/validation';
import { error, file, value } from '../support/field-results';
import { loadCatalogue, type MessageKey } from '../../src/lib/i18n/catalogue';

const en = await loadCatalogue('en');

describe('text', () => {
	it('trims what the user typed', () => {
		expect(value(text()('  Acme Corp \n'))).toBe('Acme Corp');
	});

	it('accepts an empty or missing optional value as the empty string', () => {
		expect(value(text()(''))).toBe('');
		expect(value(text()('   '))).toBe('');
		expect(value(text()(null))).toBe('');
	});

	it('requires a value when asked, counting whitespace alone as nothing', () => {
		const parse = text({ required: true });
		expect(error(parse(''))).toEqual({ key: 'error.required' });
		expect(error(parse('   \t'))).toEqual({ key: 'error.required' });
		expect(error(parse(null))).toEqual({ key: 'error.required' });
		expect(value(parse('x'))).toBe('x');
	});

	it('treats an uploaded file as no text', () => {
		expect(value(text()(file()))).toBe('');
		expect(error(text({ required: true })(file())).key).toBe('error.required');
	});

	it('allows exactly max characters and refuses one more, with max in the params', () => {
		const parse = text({ max: 5 });
		expect(value(parse('abcde'))).toBe('abcde');
		expect(error(parse('abcdef'))).toEqual({ key: 'error.tooLong', params: { max: 5 } });
	});

	it('counts length after trimming', () => {
		expect(value(text({ max: 3 })('   abc   '))).toBe('abc');
	});

	it('defaults max to 2000', () => {
		expect(value(text()('a'.repeat(2000)))).toHaveLength(2000);
		expect(error(text()('a'.repeat(2001)))).toEqual({
			key: 'error.tooLong',
			params: { max: 2000 }
		});
	});
});

describe('email', () => {
	it('lower-cases and trims a valid address', () => {
		expect(value(email()('  Ana.Souza@Example.COM '))).toBe('ana.souza@example.com');
		expect(value(email()('a+tag@sub.example.co.uk'))).toBe('a+tag@sub.example.co.uk');
	});

	it('accepts empty when optional and refuses it when required', () => {
		expect(value(email()(''))).toBe('');
		expect(value(email()(null))).toBe('');
		expect(error(email({ required: true })(''))).toEqual({ key: 'error.required' });
		expect(error(email({ required: true })('  '))).toEqual({ key: 'error.required' });
	});

	it.each([
		'plainaddress',
		'@example.com',
		'ana@',
		'ana@example',
		'ana@@example.com',
		'ana@exa mple.com',
		'ana souza@example.com',
		'ana@example.',
		'ana@.com.'
	])('refuses %j', (raw) => {
		expect(error(email()(raw))).toEqual({ key: 'error.email' });
		expect(error(email({ required: true })(raw))).toEqual({ key: 'error.email' });
	});

	it('refuses addresses longer than 254 characters', () => {
		const domain = '@example.com';
		const at254 = 'a'.repeat(254 - domain.length) + domain;
		expect(value(email()(at254))).toBe(at254);
		expect(error(email()('a' + at254))).toEqual({ key: 'error.email' });
	});
});

describe('oneOf / optionalOneOf', () => {
	const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;

	it('accepts a listed value, trimmed', () => {
		expect(value(oneOf(SEGMENTS)('smb'))).toBe('smb');
		expect(value(oneOf(SEGMENTS)(' enterprise '))).toBe('enterprise');
	});

	it('refuses an unlisted value, including a different case', () => {
		expect(error(oneOf(SEGMENTS)('startup'))).toEqual({ key: 'error.choice' });
		expect(error(oneOf(SEGMENTS)('SMB'))).toEqual({ key: 'error.choice' });
		expect(error(oneOf(SEGMENTS)('toString'))).toEqual({ key: 'error.choice' });
	});

	it('requires a value', () => {
		expect(error(oneOf(SEGMENTS)(''))).toEqual({ key: 'error.required' });
		expect(error(oneOf(SEGMENTS)(null))).toEqual({ key: 'error.required' });
	});

	it('optionalOneOf gives null for nothing, but still refuses unlisted values', () => {
		const parse = optionalOneOf(SEGMENTS);
		expect(value(parse(''))).toBeNull();
		expect(value(parse('  '))).toBeNull();
		expect(value(parse(null))).toBeNull();
		expect(value(parse('mid_market'))).toBe('mid_market');
		expect(error(parse('startup'))).toEqual({ key: 'error.choice' });
	});
});

describe('integer', () => {
	it('parses whole numbers, negative ones too', () => {
		expect(value(integer()('42'))).toBe(42);
		expect(value(integer()('-7'))).toBe(-7);
		expect(value(integer()('0'))).toBe(0);
		expect(value(integer()('007'))).toBe(7);
	});

	it('ignores digit-group spaces and underscores, as typed amounts often carry them', () => {
		expect(value(integer()(' 1 000 '))).toBe(1000);
		expect(value(integer()('1_000_000'))).toBe(1_000_000);
		expect(value(integer()('1\u00a0000'))).toBe(1000);
	});

	it.each([
		'1e3',
		'12.5',
		'1,000',
		'1.000',
		'+5',
		'0x10',
		'abc',
		'5a',
		'--5',
		'-',
		'Infinity',
		'½'
	])('refuses %j as not a whole number', (raw) => {
		expect(error(integer()(raw))).toEqual({ key: 'error.integer' });
	});

	it('gives null for an empty optional value and error.required for a required one', () => {
		expect(value(integer()(''))).toBeNull();
		expect(value(integer()(null))).toBeNull();
		expect(value(integer()(' _ '))).toBeNull();
		expect(error(integer({ required: true })(''))).toEqual({ key: 'error.required' });
	});

	it('enforces min and max inclusively, naming the bound', () => {
		const parse = integer({ min: 0, max: 100 });
		expect(value(parse('0'))).toBe(0);
		expect(value(parse('100'))).toBe(100);
		expect(error(parse('-1'))).toEqual({ key: 'error.min', params: { min: 0 } });
		expect(error(parse('101'))).toEqual({ key: 'error.max', params: { max: 100 } });
	});

	it('refuses numbers beyond the safe-integer range by default', () => {
		expect(value(integer()(String(Number.MAX_SAFE_INTEGER)))).toBe(Number.MAX_SAFE_INTEGER);
		expect(error(integer()('99999999999999999999')).key).toBe('error.max');
		expect(error(integer()('-99999999999999999999')).key).toBe('error.min');
	});
});

describe('wholeNumber', () => {
	it('is a required integer within bounds', () => {
		const parse = wholeNumber({ min: 1, max: 10 });
		expect(value(parse('3'))).toBe(3);
		expect(error(parse(''))).toEqual({ key: 'error.required' });
		expect(error(parse('0'))).toEqual({ key: 'error.min', params: { min: 1 } });
		expect(error(parse('11'))).toEqual({ key: 'error.max', params: { max: 10 } });
		expect(error(parse('2.5'))).toEqual({ key: 'error.integer' });
	});
});

describe('id / optionalId', () => {
	it('accepts positive ids up to the int4 maximum', () => {
		expect(value(id()('1'))).toBe(1);
		expect(value(id()(' 17 '))).toBe(17);
		expect(value(id()('2147483647'))).toBe(2_147_483_647);
	});

	it.each(['', '0', '-1', '2147483648', 'abc', '1.5', '1e3'])(
		'refuses %j as a choice error (it came from a select, not typing)',
		(raw) => {
			expect(error(id()(raw))).toEqual({ key: 'error.choice' });
		}
	);

	it('refuses a missing id', () => {
		expect(error(id()(null))).toEqual({ key: 'error.choice' });
	});

	it('optionalId gives null for nothing and still refuses junk', () => {
		expect(value(optionalId()(''))).toBeNull();
		expect(value(optionalId()(null))).toBeNull();
		expect(value(optionalId()('9'))).toBe(9);
		expect(error(optionalId()('0'))).toEqual({ key: 'error.choice' });
		expect(error(optionalId()('x'))).toEqual({ key: 'error.choice' });
	});
});

describe('isoDate', () => {
	it.each(['2026-11-22', '2028-02-29', '2000-02-29', '2026-12-31', '1900-01-01', '2999-12-31'])(
		'accepts the real date %s',
		(raw) => {
			expect(value(isoDate()(raw))).toBe(raw);
		}
	);

	it.each([
		'2026-02-29',
		'1900-02-29',
		'2100-02-29',
		'2026-13-01',
		'2026-00-10',
		'2026-04-31',
		'2026-01-32',
		'2026-01-00',
		'1899-12-31',
		'3000-01-01',
		'0099-01-01',
		'2026-1-5',
		'22/11/2026',
		'2026-11-22T00:00',
		'20261122',
		'tomorrow'
	])('refuses %j', (raw) => {
		expect(error(isoDate()(raw))).toEqual({ key: 'error.date' });
	});

	it('trims, and gives null for an empty optional date or error.required for a required one', () => {
		expect(value(isoDate()(' 2026-11-22 '))).toBe('2026-11-22');
		expect(value(isoDate()(''))).toBeNull();
		expect(value(isoDate()(null))).toBeNull();
		expect(error(isoDate({ required: true })(''))).toEqual({ key: 'error.required' });
	});
});

describe('checkbox', () => {
	it.each(['on', 'true', '1'])('reads %j as checked', (raw) => {
		expect(value(checkbox()(raw))).toBe(true);
	});

	it.each([null, '', 'off', 'false', '0', 'yes', 'ON'])('reads %j as unchecked', (raw) => {
		expect(value(checkbox()(raw))).toBe(false);
	});
});

describe('timeZone', () => {
	it.each(['Europe/Amsterdam', 'America/Sao_Paulo', 'Asia/Singapore', 'UTC'])(
		'accepts the IANA zone %s',
		(raw) => {
			expect(value(timeZone()(raw))).toBe(raw);
		}
	);

	it('trims', () => {
		expect(value(timeZone()('  Europe/Madrid '))).toBe('Europe/Madrid');
	});

	it.each(['Mars/Olympus_Mons', 'Europe/Atlantis', 'not a zone', 'GMT+25'])('refuses %j', (raw) => {
		expect(error(timeZone()(raw))).toEqual({ key: 'error.timeZone' });
	});

	it('requires a value', () => {
		expect(error(timeZone()(''))).toEqual({ key: 'error.required' });
		expect(error(timeZone()(null))).toEqual({ key: 'error.required' });
	});
});

describe('version', () => {
	it('accepts a positive row version', () => {
		expect(value(version()('1'))).toBe(1);
		expect(value(version()('37'))).toBe(37);
	});

	it.each(['', '0', '-1', 'abc', '1.5'])('refuses %j with the out-of-date message', (raw) => {
		expect(error(version()(raw))).toEqual({ key: 'error.version' });
	});
});

describe('error keys', () => {
	it('every key the parsers give exists in the catalogue, with the params it names', () => {
		const results: FieldError[] = [
			error(text({ required: true })('')),
			error(text({ max: 1 })('ab')),
			error(email()('x')),
			error(oneOf(['a'])('b')),
			error(integer()('x')),
			error(integer({ min: 1 })('0')),
			error(integer({ max: 1 })('2')),
			error(isoDate()('x')),
			error(timeZone()('x')),
			error(version()('x')),
			error(decimal()('x')),
			error(decimal({ positive: true })('0')),
			error(decimal({ min: 1 })('0')),
			error(decimal({ max: 1 })('2')),
			error(month()('x'))
		];
		for (const { key, params } of results) {
			expect(en).toHaveProperty([key]);
			const template = en[key as MessageKey];
			for (const name of Object.keys(params ?? {})) expect(template).toContain(`{${name}}`);
		}
	});
});

describe('parseForm', () => {
	const schema = {
		name: text({ required: true, max: 10 }),
		email: email({ required: true }),
		segment: oneOf(['enterprise', 'smb'] as const),
		arr: integer({ min: 0 }),
		renewal: isoDate(),
		active: checkbox()
	};

	const form = (entries: Record<string, string>) => {
		const data = new FormData();
		for (const [name, v] of Object.entries(entries)) data.append(name, v);
		return data;
	};

	it('returns typed data when every field parses', () => {
		const result = parseForm(
			schema,
			form({
				name: ' Acme ',
				email: 'OPS@ACME.COM',
				segment: 'smb',
				arr: '120 000',
				renewal: '2027-01-31',
				active: 'on'
			})
		);
		expect(result).toEqual({
			ok: true,
			data: {
				name: 'Acme',
				email: 'ops@acme.com',
				segment: 'smb',
				arr: 120_000,
				renewal: '2027-01-31',
				active: true
			}
		});
	});

	it('reads absent fields as null', () => {
		const result = parseForm(schema, form({ name: 'Acme', email: 'a@b.co', segment: 'smb' }));
		expect(result).toEqual({
			ok: true,
			data: {
				name: 'Acme',
				email: 'a@b.co',
				segment: 'smb',
				arr: null,
				renewal: null,
				active: false
			}
		});
	});

	it('collects every field error at once, and only for the bad fields', () => {
		const result = parseForm(
			schema,
			form({
				name: 'An overly long name',
				email: 'nope',
				segment: 'startup',
				arr: '-5',
				renewal: '2026-02-29',
				active: 'on'
			})
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				name: { key: 'error.tooLong', params: { max: 10 } },
				email: { key: 'error.email' },
				segment: { key: 'error.choice' },
				arr: { key: 'error.min', params: { min: 0 } },
				renewal: { key: 'error.date' }
			}
		});
	});

	it('reports a single bad field without the good ones', () => {
		const result = parseForm(
			schema,
			form({ name: 'Acme', email: '', segment: 'smb', arr: '1', active: 'on' })
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors)).toEqual(['email']);
		expect(result.errors.email).toEqual({ key: 'error.required' });
	});

	it('uses the first value of a repeated field', () => {
		const data = form({ name: 'First', email: 'a@b.co', segment: 'smb' });
		data.append('name', 'Second');
		const result = parseForm(schema, data);
		expect(result.ok && result.data.name).toBe('First');
	});
});

describe('formValues', () => {
	it('gives back what the user typed, untrimmed, without the password', () => {
		const data = new FormData();
		data.append('email', ' Ana@Example.com ');
		data.append('password', 'hunter2-hunter2');
		data.append('note', '');
		expect(formValues(data)).toEqual({ email: ' Ana@Example.com ', note: '' });
	});

	it('never gives back any password field, whatever it is called', () => {
		const data = new FormData();
		data.append('current_password', 'old-secret');
		data.append('new_password', 'new-secret');
		data.append('newPassword', 'new-secret');
		data.append('name', 'Ana');
		expect(formValues(data)).toEqual({ name: 'Ana' });
	});

	it('skips uploaded files', () => {
		const data = new FormData();
		data.append('logo', file());
		data.append('name', 'Acme');
		expect(formValues(data)).toEqual({ name: 'Acme' });
	});
});
