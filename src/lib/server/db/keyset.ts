import { sql, type RawBuilder } from 'kysely';

/** Where the last batch ended: its sort value and, to break ties, its id. */
export interface KeysetPosition {
	value: string | number | null;
	id: number;
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
	const col = typeof column === 'string' ? sql.ref(column) : column;
	const id = sql.ref(idColumn);
	// Past the last non-null value the nulls come, in id order.
	if (position.value === null) return sql<boolean>`(${col} is null and ${id} > ${position.id})`;
	const beyond = direction === 'asc' ? sql`>` : sql`<`;
	return sql<boolean>`(${col} ${beyond} ${position.value} or (${col} = ${position.value} and ${id} > ${position.id}) or ${col} is null)`;
}

/** Rows per batch of an export: a few hundred kilobytes of CSV at a time. */
export const EXPORT_BATCH = 1000;
