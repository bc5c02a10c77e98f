import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
	keysetAfter,
	keysetAfterColumns,
	type KeysetColumn,
	type KeysetValue
} from '../../src/lib/server/db/keyset';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Rows with ties and nulls in both keys, ids out of key order: (id, n, s).
const ROWS: [number, number | null, string | null][] = [
	[7, 2, 'b'],
	[3, null, 'a'],
	[12, 1, null],
	[1, 2, 'a'],
	[9, 1, 'b'],
	[4, null, null],
	[10, 2, 'b'],
	[2, 1, 'a'],
	[8, null, 'a'],
	[11, 3, null],
	[5, 2, null],
	[6, 1, 'b']
];
const probe = sql`(values ${sql.join(
	ROWS.map(([id, n, s]) => sql`(${id}::int, ${n}::int, ${s}::text)`)
)}) as v(id, n, s)`;

type Row = { id: number; n: number | null; s: string | null };

const order = (columns: readonly KeysetColumn[]) =>
	sql.join(
		[
			...columns.map(
				(c) =>
					sql`${typeof c.column === 'string' ? sql.ref(c.column) : c.column} ${sql.raw(c.direction)} nulls last`
			),
			sql`id`
		],
		sql`, `
	);

/** Every probe row in the order, read whole. */
async function whole(columns: readonly KeysetColumn[]) {
	const { rows } = await sql<Row>`select * from ${probe} order by ${order(columns)}`.execute(t.db);
	return rows.map((r) => r.id);
}

/** Every probe row in the order, read `size` at a time, each batch after the last one's keys. */
async function batched(columns: readonly KeysetColumn[], size: number, single = false) {
	const ids: number[] = [];
	let last: Row | undefined;
	for (;;) {
		let where = sql<boolean>`true`;
		if (last) {
			const values = columns.map((c) => last![c.column as 'n' | 's'] as KeysetValue);
			where = single
				? keysetAfter(columns[0]!.column, 'id', columns[0]!.direction, {
						value: values[0]!,
						id: last.id
					})
				: keysetAfterColumns(columns, 'id', { values, id: last.id });
		}
		const { rows } = await sql<Row>`select * from ${probe} where ${where}
			order by ${order(columns)} limit ${size}`.execute(t.db);
		ids.push(...rows.map((r) => r.id));
		if (rows.length < size) return ids;
		last = rows.at(-1);
	}
}

describe(`keyset batches on ${ENGINE}`, () => {
	it('reads one key then the id, either way, as the whole order does', async () => {
		for (const direction of ['asc', 'desc'] as const) {
			for (const column of ['n', 's']) {
				const columns = [{ column, direction }];
				const expected = await whole(columns);
				for (const size of [1, 2, 5]) {
					expect(await batched(columns, size, true)).toEqual(expected);
				}
			}
		}
	});

	it('reads two keys in any mix of directions, nulls last, as the whole order does', async () => {
		const keys = (first: 'asc' | 'desc', second: 'asc' | 'desc', swap: boolean) => {
			const n: KeysetColumn = { column: 'n', direction: first };
			const s: KeysetColumn = { column: 's', direction: second };
			return swap ? [s, n] : [n, s];
		};
		for (const first of ['asc', 'desc'] as const) {
			for (const second of ['asc', 'desc'] as const) {
				for (const swap of [false, true]) {
					const columns = keys(first, second, swap);
					const expected = await whole(columns);
					expect(expected).toHaveLength(ROWS.length);
					for (const size of [1, 2, 3, 5]) {
						expect(await batched(columns, size)).toEqual(expected);
					}
				}
			}
		}
	});

	it('takes an expression as a key', async () => {
		const columns = [{ column: sql`n * 10 - id`, direction: 'desc' as const }];
		const { rows } = await sql<Row>`select * from ${probe} order by ${order(columns)}`.execute(
			t.db
		);
		const ids: number[] = [];
		let last: Row | undefined;
		for (;;) {
			const where = last
				? keysetAfter(columns[0]!.column, 'id', 'desc', {
						value: last.n === null ? null : last.n * 10 - last.id,
						id: last.id
					})
				: sql<boolean>`true`;
			const { rows: batch } = await sql<Row>`select * from ${probe} where ${where}
				order by ${order(columns)} limit 2`.execute(t.db);
			ids.push(...batch.map((r) => r.id));
			if (batch.length < 2) break;
			last = batch.at(-1);
		}
		expect(ids).toEqual(rows.map((r) => r.id));
	});

	it('reads a never-null first key (nulls coalesced last) then a nullable one, either way', async () => {
		for (const direction of ['asc', 'desc'] as const) {
			const last = direction === 'asc' ? 1_000 : -1_000;
			const first = sql`coalesce(n, ${last}::int)`;
			const columns: KeysetColumn[] = [
				{ column: first, direction, notNull: true },
				{ column: 's', direction: 'asc' }
			];
			const { rows } = await sql<Row>`select * from ${probe} order by ${order(columns)}`.execute(
				t.db
			);
			for (const size of [1, 2, 5]) {
				const ids: number[] = [];
				let after: Row | undefined;
				for (;;) {
					const where = after
						? keysetAfterColumns(columns, 'id', {
								values: [after.n ?? last, after.s],
								id: after.id
							})
						: sql<boolean>`true`;
					const { rows: batch } = await sql<Row>`select * from ${probe} where ${where}
						order by ${order(columns)} limit ${size}`.execute(t.db);
					ids.push(...batch.map((r) => r.id));
					if (batch.length < size) break;
					after = batch.at(-1);
				}
				expect(ids).toEqual(rows.map((r) => r.id));
			}
		}
	});

	it('refuses a position without a value for each key', () => {
		expect(() =>
			keysetAfterColumns([{ column: 'n', direction: 'asc' }], 'id', { values: [], id: 1 })
		).toThrow(RangeError);
	});
});
