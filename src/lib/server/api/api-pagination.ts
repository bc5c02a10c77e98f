import { ApiError } from './api-errors';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The `limit` query parameter: a whole number from 1 to MAX_LIMIT, DEFAULT_LIMIT when absent. */
export function pageLimit(url: URL): number {
	const raw = url.searchParams.get('limit');
	if (raw === null || raw === '') return DEFAULT_LIMIT;
	const value = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
	if (!(value >= 1 && value <= MAX_LIMIT)) {
		throw new ApiError(400, 'validation_failed', 'The request has invalid fields.', {
			limit: `Use a whole number from 1 to ${MAX_LIMIT}.`
		});
	}
	return value;
}

/**
 * The list's filters and sort as one string: a cursor is good only for the query that made it,
 * since its position is a value of that query's sort key.
 */
function fingerprint(url: URL): string {
	return [...url.searchParams]
		.filter(([name]) => name !== 'cursor' && name !== 'limit')
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, value]) => `${name}=${value}`)
		.join('&');
}

/** A keyset position as the client carries it: base64url JSON, opaque by contract. */
export function encodeCursor(url: URL, position: unknown): string {
	return Buffer.from(JSON.stringify({ q: fingerprint(url), p: position })).toString('base64url');
}

function invalidCursor(): ApiError {
	return new ApiError(400, 'invalid_cursor', 'The cursor is not valid for this list.', {
		cursor: 'Use next_cursor from the previous page of the same query.'
	});
}

/** One key of a position: what its JSON must hold. `?` allows null. */
type Kind = 'id' | 'string' | 'number' | 'value' | 'instant';
type Shape = Record<string, Kind | `${Kind}?` | Kind[]>;

const KEY_VALUE = (v: unknown) =>
	v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function check(kind: Kind, value: unknown): unknown {
	switch (kind) {
		case 'id':
			return Number.isSafeInteger(value) && (value as number) > 0 ? value : undefined;
		case 'string':
			return typeof value === 'string' && value.length <= 1000 ? value : undefined;
		case 'number':
			return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
		case 'value':
			return KEY_VALUE(value) && (typeof value !== 'string' || value.length <= 1000)
				? value
				: undefined;
		case 'instant': {
			if (typeof value !== 'string') return undefined;
			const at = new Date(value);
			return Number.isNaN(at.getTime()) ? undefined : at;
		}
	}
}

/**
 * Reads a position from the shape its keys must have; anything else was not made by us, so it is
 * refused before it reaches SQL. Instants come back as Dates.
 */
export function positionDecoder<P>(shape: Shape) {
	return (raw: unknown): P | null => {
		if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
		const out: Record<string, unknown> = {};
		for (const [name, spec] of Object.entries(shape)) {
			const value = (raw as Record<string, unknown>)[name];
			if (Array.isArray(spec)) {
				if (!Array.isArray(value) || value.length !== spec.length) return null;
				const items = spec.map((kind, i) => check(kind, value[i]));
				if (items.some((item, i) => item === undefined && value[i] !== null)) return null;
				out[name] = items.map((item) => item ?? null);
				continue;
			}
			const nullable = spec.endsWith('?');
			if (value === null && nullable) {
				out[name] = null;
				continue;
			}
			const checked = check(spec.replace('?', '') as Kind, value);
			if (checked === undefined) return null;
			out[name] = checked;
		}
		return out as P;
	};
}

export function decodeCursor<P>(url: URL, decode: (raw: unknown) => P | null): P | null {
	const cursor = url.searchParams.get('cursor');
	if (cursor === null || cursor === '') return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
	} catch {
		throw invalidCursor();
	}
	const { q, p } = (parsed ?? {}) as { q?: unknown; p?: unknown };
	if (q !== fingerprint(url)) throw invalidCursor();
	const position = decode(p);
	if (position === null) throw invalidCursor();
	return position;
}

// Input PostgreSQL could not read as the key's type (a date, a number): a cursor we did not make.
const BAD_INPUT = new Set(['22P02', '22007', '22008', '22003']);

export interface ListPage<T> {
	data: T[];
	next_cursor: string | null;
}

/**
 * One page of a list read by keyset, as every list endpoint answers it: `limit` rows after the
 * cursor's position, and a cursor for the next page when there is one (one row more is read to
 * know). The same repository reads the section's CSV export uses, so order and access agree.
 */
export async function keysetPage<Row, P, T>(
	url: URL,
	options: {
		read: (after: P | null, size: number) => Promise<Row[]>;
		positionOf: (row: Row) => P;
		decode: (raw: unknown) => P | null;
		present: (rows: Row[]) => T[] | Promise<T[]>;
	}
): Promise<ListPage<T>> {
	const limit = pageLimit(url);
	const after = decodeCursor(url, options.decode);
	let rows: Row[];
	try {
		rows = await options.read(after, limit + 1);
	} catch (cause) {
		const code = (cause as { code?: unknown } | null)?.code;
		if (after !== null && typeof code === 'string' && BAD_INPUT.has(code)) throw invalidCursor();
		throw cause;
	}
	const more = rows.length > limit;
	const page = more ? rows.slice(0, limit) : rows;
	return {
		data: await options.present(page),
		next_cursor: more ? encodeCursor(url, options.positionOf(page.at(-1)!)) : null
	};
}
