import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

const METRICS = [
	'colocation_cabinets',
	'colocation_power_kva',
	'cross_connects',
	'fabric_ports',
	'fabric_virtual_connections',
	'network_edge_devices',
	'metro_connect_circuits',
	'smartview_users',
	'smart_hands_requests'
];

export async function up(db: Kysely<any>): Promise<void> {
	// One row per account, metric and calendar month: what was bought beside what was used.
	await db.schema
		.createTable('usage_records')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('metric', 'text', (c) => c.notNull().modifyEnd(inList('metric', METRICS)))
		.addColumn('month', 'date', (c) => c.notNull().check(sql`extract(day from month) = 1`))
		.addColumn('entitled', 'double precision', (c) => c.notNull().check(sql`entitled >= 0`))
		.addColumn('used', 'double precision', (c) => c.notNull().check(sql`used >= 0`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('usage_records_account_metric_month', ['account_id', 'metric', 'month'])
		.execute();
	// The portfolio view sums one month across every account: covering, so it is an index-only
	// scan of that month's entries rather than a heap read scattered over the whole table.
	await sql`create index usage_records_month_metric on usage_records (month, metric) include (account_id, used, entitled)`.execute(
		db
	);

	// Each account's adoption per month, kept by the same transaction that writes its usage, so
	// "least adopted first" is an index scan rather than an aggregate over every reading.
	await db.schema
		.createTable('account_adoption')
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('adoption', 'double precision')
		.addColumn('metrics', 'integer', (c) => c.notNull())
		.addColumn('under_used', 'integer', (c) => c.notNull())
		.addColumn('over_cap', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('account_adoption_pk', ['account_id', 'month'])
		.execute();
	await db.schema
		.createIndex('account_adoption_month_adoption')
		.on('account_adoption')
		.columns(['month', 'adoption', 'account_id'])
		.execute();

	// Portfolio totals per month and metric, so the unfiltered portfolio view reads nine rows, not
	// every account's reading. Kept by deltas in the writing transaction (row locks serialise
	// concurrent writers), rebuilt from usage_records by the bulk loaders.
	await db.schema
		.createTable('adoption_month_totals')
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('metric', 'text', (c) => c.notNull())
		.addColumn('accounts', 'integer', (c) => c.notNull())
		.addColumn('used', 'double precision', (c) => c.notNull())
		.addColumn('entitled', 'double precision', (c) => c.notNull())
		// Σ min(used, entitled) / entitled over readings with an entitlement, and their count.
		.addColumn('utilisation_sum', 'double precision', (c) => c.notNull())
		.addColumn('utilisation_count', 'integer', (c) => c.notNull())
		.addColumn('under_used', 'integer', (c) => c.notNull())
		.addColumn('over_cap', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('adoption_month_totals_pk', ['month', 'metric'])
		.execute();

	await db.schema
		.createTable('plan_objectives')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('why', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('criterion_kind', 'text', (c) =>
			c.notNull().modifyEnd(inList('criterion_kind', ['metric', 'outcome']))
		)
		.addColumn('metric', 'text', (c) => c.modifyEnd(inList('metric', METRICS)))
		.addColumn('target_value', 'double precision', (c) => c.check(sql`target_value > 0`))
		.addColumn('outcome', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('due_date', 'date')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('not_started')
				.modifyEnd(inList('status', ['not_started', 'on_track', 'at_risk', 'achieved', 'dropped']))
		)
		.addColumn('status_reason', 'text')
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'plan_objectives_criterion',
			sql`(criterion_kind = 'metric' and metric is not null and target_value is not null) or (criterion_kind = 'outcome' and metric is null and target_value is null)`
		)
		.addCheckConstraint(
			'plan_objectives_reason',
			sql`status not in ('at_risk', 'dropped') or btrim(coalesce(status_reason, '')) <> ''`
		)
		.execute();
	await db.schema
		.createIndex('plan_objectives_account')
		.on('plan_objectives')
		.column('account_id')
		.execute();

	// A plan task is a task (so it shows in My work) plus the objective it serves.
	await db.schema
		.createTable('objective_tasks')
		.addColumn('task_id', 'integer', (c) =>
			c.primaryKey().references('tasks.id').onDelete('cascade')
		)
		.addColumn('objective_id', 'integer', (c) =>
			c.notNull().references('plan_objectives.id').onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('objective_tasks_objective')
		.on('objective_tasks')
		.column('objective_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('objective_tasks').execute();
	await db.schema.dropTable('plan_objectives').execute();
	await db.schema.dropTable('adoption_month_totals').execute();
	await db.schema.dropTable('account_adoption').execute();
	await db.schema.dropTable('usage_records').execute();
}
