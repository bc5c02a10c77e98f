/**
 * A small form-schema kit: each field parser turns a raw form value into a typed value or an
 * error message key (translated by the form). Pure, so rules are unit-tested without a server.
 */
export interface FieldError {
	key: string;
	params?: Record<string, string | number>;
}

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: FieldError };
export type FieldParser<T> = (raw: FormDataEntryValue | null) => FieldResult<T>;

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = (key: string, params?: FieldError['params']): FieldResult<never> => ({
	ok: false,
	error: { key, params }
});

function asText(raw: FormDataEntryValue | null): string {
	return typeof raw === 'string' ? raw.trim() : '';
}

export function text(options: { required?: boolean; max?: number } = {}): FieldParser<string> {
	const max = options.max ?? 2000;
	return (raw) => {
		const value = asText(raw);
		if (options.required && value === '') return bad('error.required');
		if (value.length > max) return bad('error.tooLong', { max });
		return ok(value);
	};
}

// Deliberately loose: one @, something on each side, a dot in the domain. The mailbox decides.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(options: { required?: boolean } = {}): FieldParser<string> {
	return (raw) => {
		const value = asText(raw).toLowerCase();
		if (value === '') return options.required ? bad('error.required') : ok('');
		if (value.length > 254 || !EMAIL.test(value)) return bad('error.email');
		return ok(value);
	};
}

export function oneOf<T extends string>(list: readonly T[]): FieldParser<T> {
	return (raw) => {
		const value = asText(raw);
		if (value === '') return bad('error.required');
		return (list as readonly string[]).includes(value) ? ok(value as T) : bad('error.choice');
	};
}

export function optionalOneOf<T extends string>(list: readonly T[]): FieldParser<T | null> {
	const parse = oneOf(list);
	return (raw) => (asText(raw) === '' ? ok(null) : parse(raw));
}

export function integer(
	options: { required?: boolean; min?: number; max?: number } = {}
): FieldParser<number | null> {
	const min = options.min ?? Number.MIN_SAFE_INTEGER;
	const max = options.max ?? Number.MAX_SAFE_INTEGER;
	return (raw) => {
		const value = asText(raw).replace(/[\s_]/g, '');
		if (value === '') return options.required ? bad('error.required') : ok(null);
		if (!/^-?\d+$/.test(value)) return bad('error.integer');
		const n = Number(value);
		if (n < min) return bad('error.min', { min });
		if (n > max) return bad('error.max', { max });
		return ok(n);
	};
}

/** A required whole number within bounds. */
export function wholeNumber(options: { min?: number; max?: number } = {}): FieldParser<number> {
	const parse = integer({ ...options, required: true });
	return (raw) => parse(raw) as FieldResult<number>;
}

/** A whole positive id, e.g. a hidden select value. */
export function id(): FieldParser<number> {
	const parse = integer({ required: true, min: 1, max: 2_147_483_647 });
	return (raw) => {
		const result = parse(raw);
		return result.ok ? ok(result.value as number) : bad('error.choice');
	};
}

export function optionalId(): FieldParser<number | null> {
	const parse = id();
	return (raw) => (asText(raw) === '' ? ok(null) : parse(raw));
}

/** A calendar date 'YYYY-MM-DD' that exists (no 31 February). */
export function isoDate(options: { required?: boolean } = {}): FieldParser<string | null> {
	return (raw) => {
		const value = asText(raw);
		if (value === '') return options.required ? bad('error.required') : ok(null);
		const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
		if (!match) return bad('error.date');
		const [, y, m, d] = match.map(Number) as [number, number, number, number];
		const date = new Date(Date.UTC(y, m - 1, d));
		const real =
			date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
		return real && y >= 1900 && y <= 2999 ? ok(value) : bad('error.date');
	};
}

/** A required calendar date 'YYYY-MM-DD'. */
export function requiredDate(): FieldParser<string> {
	const parse = isoDate({ required: true });
	return (raw) => parse(raw) as FieldResult<string>;
}

/** A wall-clock time 'HH:MM' (24-hour). */
export function clockTime(): FieldParser<string> {
	return (raw) => {
		const value = asText(raw);
		if (value === '') return bad('error.required');
		return /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? ok(value) : bad('error.time');
	};
}

/**
 * A decimal number such as 12.5 (a comma is read as the decimal point too, as pt-BR and es
 * users type it, unless it could be a thousands separator). `positive` refuses zero as well as negatives.
 */
export function decimal(
	options: { required?: boolean; min?: number; max?: number; positive?: boolean } = {}
): FieldParser<number | null> {
	return (raw) => {
		const typed = asText(raw).replace(/[\s_]/g, '');
		if (typed === '') return options.required ? bad('error.required') : ok(null);
		// "1,000" is a thousand to an English reader and one to a Brazilian one: refuse to guess.
		if (/^-?\d{1,3},\d{3}$/.test(typed)) return bad('error.number');
		const value = typed.replace(',', '.');
		if (!/^-?(\d+\.?\d*|\.\d+)$/.test(value)) return bad('error.number');
		const n = Number(value);
		// Digits enough to overflow a double read as Infinity; that is no number either.
		if (!Number.isFinite(n)) return bad('error.number');
		if (options.positive && !(n > 0)) return bad('error.positive');
		if (options.min !== undefined && n < options.min) return bad('error.min', { min: options.min });
		if (options.max !== undefined && n > options.max) return bad('error.max', { max: options.max });
		return ok(n);
	};
}

/** A required decimal within bounds. */
export function requiredDecimal(
	options: { min?: number; max?: number; positive?: boolean } = {}
): FieldParser<number> {
	const parse = decimal({ ...options, required: true });
	return (raw) => parse(raw) as FieldResult<number>;
}

/** A calendar month typed as 'YYYY-MM' (an <input type="month">), returned as 'YYYY-MM-01'. */
export function month(): FieldParser<string> {
	return (raw) => {
		const value = asText(raw);
		if (value === '') return bad('error.required');
		const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
		if (!match || Number(match[1]) < 1900) return bad('error.month');
		return ok(`${value}-01`);
	};
}

export function checkbox(): FieldParser<boolean> {
	return (raw) => ok(raw === 'on' || raw === 'true' || raw === '1');
}

export function timeZone(): FieldParser<string> {
	return (raw) => {
		const value = asText(raw);
		if (value === '') return bad('error.required');
		try {
			new Intl.DateTimeFormat('en', { timeZone: value });
			return ok(value);
		} catch {
			return bad('error.timeZone');
		}
	};
}

/** The row version a form was loaded with, for optimistic locking. */
export function version(): FieldParser<number> {
	const parse = integer({ required: true, min: 1 });
	return (raw) => {
		const result = parse(raw);
		return result.ok ? ok(result.value as number) : bad('error.version');
	};
}

export type Schema = Record<string, FieldParser<unknown>>;
export type Parsed<S extends Schema> = {
	[K in keyof S]: S[K] extends FieldParser<infer T> ? T : never;
};

export type ParseResult<S extends Schema> =
	| { ok: true; data: Parsed<S> }
	| { ok: false; errors: Partial<Record<keyof S & string, FieldError>> };

export function parseForm<S extends Schema>(schema: S, form: FormData): ParseResult<S> {
	const data: Record<string, unknown> = {};
	const errors: Record<string, FieldError> = {};
	for (const [name, parse] of Object.entries(schema)) {
		const result = parse(form.get(name));
		if (result.ok) data[name] = result.value;
		else errors[name] = result.error;
	}
	if (Object.keys(errors).length > 0)
		return { ok: false, errors: errors as Partial<Record<keyof S & string, FieldError>> };
	return { ok: true, data: data as Parsed<S> };
}

/** What the user typed, to give back with errors (never a password). */
export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form.entries()) {
		// Any password field (password, current_password, new_password…) is never sent back.
		if (typeof value === 'string' && !/password/i.test(name)) values[name] = value;
	}
	return values;
}
