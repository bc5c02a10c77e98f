import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// Each account's health inputs as last read from its sections (dates, counts, readings: what
	// does not change with the day), so the daily pass reads one row per account instead of
	// re-aggregating every task, objective and month of usage. No row yet: read on the next pass.
	await db.schema
		.createTable('health_inputs')
		.addColumn('account_id', 'integer', (c) =>
			c.primaryKey().references('accounts.id').onDelete('cascade')
		)
		.addColumn('inputs', 'jsonb', (c) => c.notNull())
		.addColumn('read_at', 'timestamptz', (c) => c.notNull())
		.execute();
	// The drop rule's high now folds in every score as it is seen (earlier today's included), so
	// it needs no separate day it was worked out for: a daily pass leaves an unchanged row be.
	await db.schema.alterTable('account_health').dropColumn('high_as_of').execute();
	// Snapshots keyed by day first: the daily pass appends a whole day at the key's end instead
	// of touching a leaf per account across the history; the key covers the review's one-day
	// reads (score included), and an account's history is read as a list of days.
	await sql`alter table health_snapshots drop constraint health_snapshots_pk`.execute(db);
	await sql`drop index health_snapshots_day`.execute(db);
	await sql`alter table health_snapshots add constraint health_snapshots_pk primary key (day, account_id) include (score)`.execute(
		db
	);
	// What the managers' review filters and sums by, beside the score it groups: the portfolio's
	// aggregates read this one narrow table. Kept by the same writes as the score.
	await db.schema
		.alterTable('account_health')
		.addColumn('segment', 'text')
		.addColumn('region', 'text')
		.addColumn('arr', 'bigint')
		.execute();
	await sql`update account_health h set segment = a.segment, region = a.region, arr = a.arr from accounts a where a.id = h.account_id`.execute(
		db
	);
	for (const column of ['segment', 'region', 'arr']) {
		await db.schema
			.alterTable('account_health')
			.alterColumn(column, (c) => c.setNotNull())
			.execute();
	}
	// Room on each page for the daily rewrite of an unchanged score to stay a heap-only update.
	await sql`alter table account_health set (fillfactor = 70)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table account_health reset (fillfactor)`.execute(db);
	await db.schema
		.alterTable('account_health')
		.dropColumn('segment')
		.dropColumn('region')
		.dropColumn('arr')
		.execute();
	await sql`alter table health_snapshots drop constraint health_snapshots_pk`.execute(db);
	await sql`alter table health_snapshots add constraint health_snapshots_pk primary key (account_id, day)`.execute(
		db
	);
	await sql`create index health_snapshots_day on health_snapshots (day, account_id) include (score)`.execute(
		db
	);
	await db.schema.alterTable('account_health').addColumn('high_as_of', 'date').execute();
	await db.schema.dropTable('health_inputs').execute();
}
