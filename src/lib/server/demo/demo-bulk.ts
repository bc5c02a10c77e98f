/**
 * Bulk writing for the demo's large tables: rows go to PostgreSQL as one JSON parameter per
 * statement, unpacked by json_to_recordset, and ids are reserved from the table's identity
 * beforehand, so rows that point at each other (a task and its review, a response and its
 * follow-up) are written without reading anything back.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database';

/** A column written from the JSON rows: the row's key and the SQL type it is read as. */
export interface JsonColumn {
	column: string;
	/** The key in each row object; short keys keep a large parameter small. */
	key: string;
	type: 'int' | 'text' | 'date' | 'timestamptz' | 'jsonb' | 'text[]';
}

/** `count` new ids of `table`'s identity column, ascending, taken from its sequence. */
export async function reserveIds(
	trx: Transaction<Database>,
	table: 'business_reviews' | 'tasks',
	count: number
): Promise<number[]> {
	if (count === 0) return [];
	const { rows } = await sql<{ id: number }>`
		select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id
		from generate_series(1, ${count}::int)
		order by 1`.execute(trx);
	if (rows.length !== count) throw new Error(`could not reserve ${count} ids of ${table}`);
	return rows.map((r) => r.id);
}

/** Inserts `rows` into `table`, `size` rows per statement. */
export async function insertJson(
	trx: Transaction<Database>,
	table: string,
	columns: readonly JsonColumn[],
	rows: readonly Record<string, unknown>[],
	size: number
) {
	const targets = sql.join(columns.map((c) => sql.id(c.column)));
	const values = sql.join(columns.map((c) => sql.ref(`r.${c.key}`)));
	// Keys and types are the caller's constants, never data.
	const shape = sql.raw(columns.map((c) => `"${c.key}" ${c.type}`).join(', '));
	for (let i = 0; i < rows.length; i += size) {
		const part = JSON.stringify(rows.slice(i, i + size));
		await sql`insert into ${sql.table(table)} (${targets})
			select ${values} from json_to_recordset(${part}::json) as r(${shape})`.execute(trx);
	}
}

/**
 * Runs `write` with `table`'s own foreign keys dropped, then adds them back as they were (same
 * names, same definitions), which checks every row once per key in one pass: PostgreSQL's advice
 * for bulk loads ("Populating a Database"). Checked row by row, the six keys of half a million
 * responses cost about ten seconds; checked at the end, under one. Inside the seeding
 * transaction: if anything fails, the keys were never gone.
 */
export async function withoutForeignKeys<T>(
	trx: Transaction<Database>,
	table: 'feedback',
	write: () => Promise<T>
): Promise<T> {
	const { rows: keys } = await sql<{ name: string; definition: string }>`
		select conname as name, pg_get_constraintdef(oid) as definition
		from pg_constraint
		where conrelid = ${table}::regclass and contype = 'f'
		order by conname`.execute(trx);
	const target = sql.table(table);
	for (const key of keys) {
		await sql`alter table ${target} drop constraint ${sql.id(key.name)}`.execute(trx);
	}
	const result = await write();
	if (keys.length > 0) {
		// The definitions are the catalogue's own text of constraints the migrations made.
		const adds = keys.map(
			(key) => sql`add constraint ${sql.id(key.name)} ${sql.raw(key.definition)}`
		);
		await sql`alter table ${target} ${sql.join(adds)}`.execute(trx);
	}
	return result;
}
