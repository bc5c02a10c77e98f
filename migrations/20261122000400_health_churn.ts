import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

const COMPONENTS = ['adoption', 'engagement', 'progress', 'support', 'sentiment'];
const BANDS = ['red', 'yellow', 'green'];
const SEGMENTS = ['enterprise', 'mid_market', 'smb'];
const REASONS = [
	'budget_cut',
	'competitor',
	'product_gap',
	'service_quality',
	'outage_or_incident',
	'executive_sponsor_left',
	'champion_left',
	'merger_acquisition',
	'consolidation',
	'moving_to_cloud',
	'low_adoption',
	'declining_health',
	'billing_dispute',
	'price_increase',
	'contract_terms',
	'poor_onboarding',
	'disengaged',
	'relationship',
	'business_closure',
	'relocation',
	'other'
];
const SEVERITIES = ['low', 'medium', 'high', 'critical'];
const STATUSES = ['open', 'mitigating', 'resolved', 'churned', 'dismissed'];
const RULES = ['health_red', 'health_drop', 'renewal_red', 'p1_sla_breach'];
const EVENT_KINDS = [
	'raised',
	'rule_update',
	'condition_cleared',
	'edited',
	'status',
	'mitigation',
	'comment',
	'acknowledged'
];

/** One nullable 0–100 score column per component. */
function componentColumns(table: CreateTableBuilder<any, any>) {
	return COMPONENTS.reduce(
		(t, c) => t.addColumn(c, 'smallint', (col) => col.check(sql.raw(`${c} between 0 and 100`))),
		table
	);
}

export async function up(db: Kysely<any>): Promise<void> {
	// The health model: weights per component and band thresholds; segment null is the default,
	// a row per segment overrides it for that segment's accounts.
	await db.schema
		.createTable('health_models')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('segment', 'text', (c) => c.unique().modifyEnd(inList('segment', SEGMENTS)))
		.addColumn('w_adoption', 'smallint', (c) =>
			c.notNull().check(sql`w_adoption between 0 and 100`)
		)
		.addColumn('w_engagement', 'smallint', (c) =>
			c.notNull().check(sql`w_engagement between 0 and 100`)
		)
		.addColumn('w_progress', 'smallint', (c) =>
			c.notNull().check(sql`w_progress between 0 and 100`)
		)
		.addColumn('w_support', 'smallint', (c) => c.notNull().check(sql`w_support between 0 and 100`))
		.addColumn('w_sentiment', 'smallint', (c) =>
			c.notNull().check(sql`w_sentiment between 0 and 100`)
		)
		.addColumn('red_up_to', 'smallint', (c) => c.notNull())
		.addColumn('yellow_up_to', 'smallint', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'health_models_weight',
			sql`w_adoption + w_engagement + w_progress + w_support + w_sentiment > 0`
		)
		.addCheckConstraint(
			'health_models_bands',
			sql`0 <= red_up_to and red_up_to < yellow_up_to and yellow_up_to < 100`
		)
		.execute();
	// Only one default model: a unique index on the constant for rows without a segment.
	await sql`create unique index health_models_one_default on health_models ((true)) where segment is null`.execute(
		db
	);
	await sql`insert into health_models (segment, w_adoption, w_engagement, w_progress, w_support, w_sentiment, red_up_to, yellow_up_to) values (null, 30, 20, 20, 20, 10, 50, 75)`.execute(
		db
	);

	// Each account's current health, rewritten by the transaction that changes one of its inputs
	// and by the set-based recompute; what portfolio lists sort and filter on.
	await componentColumns(
		db.schema
			.createTable('account_health')
			.addColumn('account_id', 'integer', (c) =>
				c.primaryKey().references('accounts.id').onDelete('cascade')
			)
			.addColumn('score', 'smallint', (c) => c.check(sql`score between 0 and 100`))
			.addColumn('band', 'text', (c) => c.modifyEnd(inList('band', BANDS)))
			.addColumn('coverage', 'real', (c) => c.notNull().check(sql`coverage between 0 and 1`))
			.addColumn('biggest_drag', 'text', (c) => c.modifyEnd(inList('biggest_drag', COMPONENTS)))
			.addColumn('changed_at', 'timestamptz', (c) => c.notNull())
			// The drop rule's 30-day high, kept as the days slide so the daily pass need not
			// re-read a month of snapshots per account: the highest daily score in the 30 days
			// before `high_as_of`, and the day it was reached.
			.addColumn('recent_high', 'smallint')
			.addColumn('recent_high_on', 'date')
			.addColumn('high_as_of', 'date')
	).execute();
	await db.schema
		.createIndex('account_health_band_score')
		.on('account_health')
		.columns(['band', 'score', 'account_id'])
		.execute();

	// One row per account and day: the trend, the week-on-week change and the 30-day drop rule.
	// No foreign key: checking one per inserted row doubles the daily pass's 100,000 inserts.
	// Rows are only written for accounts read from `accounts`, and a trigger removes an
	// account's history with it.
	await componentColumns(
		db.schema
			.createTable('health_snapshots')
			.addColumn('account_id', 'integer', (c) => c.notNull())
			.addColumn('day', 'date', (c) => c.notNull())
			.addColumn('score', 'smallint', (c) => c.check(sql`score between 0 and 100`))
			.addColumn('band', 'text', (c) => c.modifyEnd(inList('band', BANDS)))
			.addColumn('coverage', 'real', (c) => c.notNull())
			.addPrimaryKeyConstraint('health_snapshots_pk', ['account_id', 'day'])
	).execute();
	// One day across the portfolio ("this week" in the managers' review): an index-only scan.
	await sql`create index health_snapshots_day on health_snapshots (day, account_id) include (score)`.execute(
		db
	);
	await sql`create function delete_health_snapshots() returns trigger language plpgsql as $$ begin delete from health_snapshots where account_id = old.id; return old; end $$`.execute(
		db
	);
	await sql`create trigger accounts_delete_health_snapshots after delete on accounts for each row execute function delete_health_snapshots()`.execute(
		db
	);

	// A CSM's own assessment, shown beside the data's, until it expires.
	await db.schema
		.createTable('health_overrides')
		.addColumn('account_id', 'integer', (c) =>
			c.primaryKey().references('accounts.id').onDelete('cascade')
		)
		.addColumn('band', 'text', (c) => c.notNull().modifyEnd(inList('band', BANDS)))
		.addColumn('reason', 'text', (c) => c.notNull().check(sql`btrim(reason) <> ''`))
		.addColumn('expires_on', 'date', (c) => c.notNull())
		.addColumn('set_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('churn_flags')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		// The rule that raised it, or null for a flag a person raised.
		.addColumn('rule', 'text', (c) => c.modifyEnd(inList('rule', RULES)))
		// Whether the rule's condition still holds: one flag per rule and episode.
		.addColumn('condition_active', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('rule_detail', 'jsonb')
		.addColumn('severity', 'text', (c) => c.notNull().modifyEnd(inList('severity', SEVERITIES)))
		.addColumn('reason', 'text', (c) => c.notNull().modifyEnd(inList('reason', REASONS)))
		.addColumn('arr_at_risk', 'bigint', (c) => c.notNull().check(sql`arr_at_risk >= 0`))
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('next_step', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('next_step_owner_id', 'integer', (c) => c.references('users.id'))
		.addColumn('next_step_due', 'date')
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('open').modifyEnd(inList('status', STATUSES))
		)
		.addColumn('status_reason', 'text')
		.addColumn('raised_by', 'integer', (c) => c.references('users.id'))
		.addColumn('closed_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'churn_flags_status_reason',
			sql`status not in ('dismissed', 'churned') or btrim(coalesce(status_reason, '')) <> ''`
		)
		.addCheckConstraint('churn_flags_dismiss_rule', sql`status <> 'dismissed' or rule is not null`)
		.addCheckConstraint('churn_flags_condition_rule', sql`not condition_active or rule is not null`)
		.execute();
	// Deduplication: while a rule's condition holds, it has exactly one flag per account.
	await sql`create unique index churn_flags_one_per_episode on churn_flags (account_id, rule) where condition_active`.execute(
		db
	);
	await db.schema
		.createIndex('churn_flags_account')
		.on('churn_flags')
		.columns(['account_id', 'status'])
		.execute();
	await sql`create index churn_flags_active on churn_flags (arr_at_risk desc, id) where status in ('open', 'mitigating')`.execute(
		db
	);
	await sql`create index churn_flags_critical_recent on churn_flags (created_at desc) where severity = 'critical'`.execute(
		db
	);

	// The flag's log: what the rule saw, what people did, said and acknowledged.
	await db.schema
		.createTable('churn_flag_events')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('flag_id', 'integer', (c) =>
			c.notNull().references('churn_flags.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', EVENT_KINDS)))
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('data', 'jsonb')
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('churn_flag_events_flag')
		.on('churn_flag_events')
		.columns(['flag_id', 'at'])
		.execute();
	await sql`create unique index churn_flag_events_one_ack on churn_flag_events (flag_id, actor_id) where kind = 'acknowledged'`.execute(
		db
	);

	// Periodic work, claimed by day: the row, not a timer, says whether today's run happened, so
	// several app instances (or a restart) never run it twice or skip it.
	await db.schema
		.createTable('scheduled_runs')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('last_day', 'date', (c) => c.notNull())
		.addColumn('started_at', 'timestamptz', (c) => c.notNull())
		.addColumn('finished_at', 'timestamptz')
		.execute();

	// The in-app notification list: everything newer than this is unread.
	await db.schema
		.alterTable('users')
		.addColumn('notifications_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('users').dropColumn('notifications_seen_at').execute();
	await db.schema.dropTable('scheduled_runs').execute();
	await db.schema.dropTable('churn_flag_events').execute();
	await db.schema.dropTable('churn_flags').execute();
	await db.schema.dropTable('health_overrides').execute();
	await sql`drop trigger accounts_delete_health_snapshots on accounts`.execute(db);
	await sql`drop function delete_health_snapshots()`.execute(db);
	await db.schema.dropTable('health_snapshots').execute();
	await db.schema.dropTable('account_health').execute();
	await db.schema.dropTable('health_models').execute();
}
