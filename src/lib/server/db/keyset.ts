import { sql, type RawBuilder } from 'kysely';

/** A sort value as a batch's last row carries it. */
export type KeysetValue = string | number | null;

/** Where the last batch ended: its sort value and, to break ties, its id. */
export interface KeysetPosition {
	value: KeysetValue;
	id: number;
}

/** One key of a list's order: a column's name or an expression, nulls last either way. */
export interface KeysetColumn {
	column: string | RawBuilder<unknown>;
	direction: 'asc' | 'desc';
	/**
	 * Never null (a `coalesce`, say): no null tail to reach; and the leading keys that are never
	 * null and run one way have their bound spelled out as a row comparison, so an index on them
	 * starts its range at the position instead of at the top of the list.
	 */
	notNull?: boolean;
}

/**
 * Rows after `position` in a list sorted by `column` (a column's name, or an expression; either
 * way, nulls last) and then by `id` ascending: the next batch of an export, read by an index
 * range rather than an offset that rescans every earlier row.
 */
export function keysetAfter(
	column: string | RawBuilder<unknown>,
	idColumn: string,
	direction: 'asc' | 'desc',
	position: KeysetPosition
): RawBuilder<boolean> {
	return keysetAfterColumns([{ column, direction }], idColumn, {
		values: [position.value],
		id: position.id
	});
}

/**
 * Rows after the position `values` + `id` in a list sorted by several keys in turn (each asc or
 * desc, nulls last) and then by `id` ascending: keysetAfter for an order such as "most ARR first,
 * then soonest renewal". `values` holds the last row's value of each key, in the same order.
 */
export function keysetAfterColumns(
	columns: readonly KeysetColumn[],
	idColumn: string,
	position: { values: readonly KeysetValue[]; id: number }
): RawBuilder<boolean> {
	if (position.values.length !== columns.length) {
		throw new RangeError(`keyset: ${columns.length} keys but ${position.values.length} values`);
	}
	const id = sql.ref(idColumn);
	const ref = (column: KeysetColumn['column']) =>
		typeof column === 'string' ? sql.ref(column) : column;
	// Past key i: beyond its value, or equal to it and past the keys after it.
	const after = (i: number): RawBuilder<boolean> => {
		if (i === columns.length) return sql<boolean>`${id} > ${position.id}`;
		const { column, direction, notNull } = columns[i]!;
		const col = ref(column);
		const value = position.values[i]!;
		const rest = after(i + 1);
		// Past the last non-null value the nulls come, in the order of the keys after it.
		if (value === null) return sql<boolean>`(${col} is null and ${rest})`;
		const beyond = direction === 'asc' ? sql`>` : sql`<`;
		const tail = notNull ? sql`` : sql` or ${col} is null`;
		return sql<boolean>`(${col} ${beyond} ${value} or (${col} = ${value} and ${rest})${tail})`;
	};
	// The leading keys that are never null and run the first one's way: (a, b) >= (x, y).
	const direction = columns[0]!.direction;
	let lead = 0;
	while (
		lead < columns.length &&
		columns[lead]!.notNull &&
		columns[lead]!.direction === direction
	) {
		lead++;
	}
	if (lead === 0) return after(0);
	const keys = sql.join(columns.slice(0, lead).map((c) => ref(c.column)));
	const values = sql.join(position.values.slice(0, lead).map((v) => sql`${v}`));
	const from = direction === 'asc' ? sql`>=` : sql`<=`;
	return sql<boolean>`((${keys}) ${from} (${values}) and ${after(0)})`;
}

/** A key's value in a row-wise keyset: never null. */
export type KeysetRowValue = string | number | Date;

/**
 * Rows after `values` in a list sorted by `columns` in turn, every key in the one `direction`,
 * none ever null, and together unique: SQL's row comparison `(a, b, c) > (x, y, z)`. For the
 * orders keysetAfter cannot state: an id sorted descending ("newest first"), or ties broken by
 * columns that are not a numeric id. The first key's own bound is spelled out beside it, so an
 * index on that key starts its range at the position rather than scanning from the top.
 */
export function keysetAfterRow(
	columns: readonly (string | RawBuilder<unknown>)[],
	direction: 'asc' | 'desc',
	values: readonly KeysetRowValue[]
): RawBuilder<boolean> {
	if (columns.length === 0 || values.length !== columns.length) {
		throw new RangeError(`keyset: ${columns.length} keys but ${values.length} values`);
	}
	const keys = columns.map((column) => (typeof column === 'string' ? sql.ref(column) : column));
	const [from, beyond] = direction === 'asc' ? [sql`>=`, sql`>`] : [sql`<=`, sql`<`];
	return sql<boolean>`(${keys[0]} ${from} ${values[0]} and (${sql.join(keys)}) ${beyond} (${sql.join(values)}))`;
}

/** Rows per batch of an export: a few hundred kilobytes of CSV at a time. */
export const EXPORT_BATCH = 1000;

/**
 * A timestamptz as exact text (UTC, to the microsecond), for a keyset position's value: PostgreSQL
 * keeps microseconds, a JavaScript Date only milliseconds, and a position cut to them would skip
 * the rows stamped later in that millisecond. Compared with the column, the text is read back as
 * a timestamptz.
 */
export function exactInstant(column: string) {
	return sql<
		string | null
	>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
