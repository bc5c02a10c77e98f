import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('onboarding_templates')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('key', 'text', (c) => c.notNull().unique())
		.addColumn('archived_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// A version is an immutable document: editing a template writes a new one, so an
	// onboarding already started keeps the checklist it was started from.
	await db.schema
		.createTable('onboarding_template_versions')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('template_id', 'integer', (c) =>
			c.notNull().references('onboarding_templates.id').onDelete('cascade')
		)
		.addColumn('version_no', 'integer', (c) => c.notNull())
		.addColumn('content', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('onboarding_template_versions_no', ['template_id', 'version_no'])
		.execute();

	await db.schema
		.createTable('onboardings')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('template_version_id', 'integer', (c) =>
			c.notNull().references('onboarding_template_versions.id')
		)
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('active')
				.check(sql`status in ('active', 'completed', 'cancelled')`)
		)
		.addColumn('start_date', 'date', (c) => c.notNull())
		.addColumn('target_go_live', 'date', (c) => c.notNull())
		.addColumn('pre_onboarding_skip_reason', 'text')
		.addColumn('completed_on', 'date')
		.addColumn('handoff_note', 'text')
		.addColumn('started_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('onboardings_go_live_after_start', sql`target_go_live >= start_date`)
		.execute();
	// One onboarding in progress per account.
	await db.schema
		.createIndex('onboardings_one_active')
		.on('onboardings')
		.column('account_id')
		.unique()
		.where(sql.ref('status'), '=', 'active')
		.execute();
	await db.schema.createIndex('onboardings_status').on('onboardings').column('status').execute();

	await db.schema
		.createTable('onboarding_phases')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('onboarding_id', 'integer', (c) =>
			c.notNull().references('onboardings.id').onDelete('cascade')
		)
		.addColumn('phase', 'integer', (c) => c.notNull().check(sql`phase between 1 and 3`))
		.addColumn('target_days', 'integer', (c) => c.notNull().check(sql`target_days > 0`))
		.addColumn('started_on', 'date')
		.addColumn('completed_on', 'date')
		.addColumn('skipped', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('entry_criteria', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		// [{ text, checkedAt, checkedBy }]: ticking one is a change like any other.
		.addColumn('exit_criteria', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addUniqueConstraint('onboarding_phases_unique', ['onboarding_id', 'phase'])
		.execute();

	await db.schema.alterTable('tasks').addColumn('skip_reason', 'text').execute();
	await db.schema
		.alterTable('tasks')
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.execute();

	// An onboarding item is a task (so it shows in My work) plus its place in the checklist.
	await db.schema
		.createTable('onboarding_items')
		.addColumn('task_id', 'integer', (c) =>
			c.primaryKey().references('tasks.id').onDelete('cascade')
		)
		.addColumn('onboarding_id', 'integer', (c) =>
			c.notNull().references('onboardings.id').onDelete('cascade')
		)
		.addColumn('phase', 'integer', (c) => c.notNull().check(sql`phase between 1 and 3`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('required', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('owner', 'text', (c) => c.notNull())
		.addColumn('template_item_key', 'text')
		.execute();
	await db.schema
		.createIndex('onboarding_items_onboarding')
		.on('onboarding_items')
		.columns(['onboarding_id', 'phase', 'position'])
		.execute();

	await db.schema
		.createTable('kickoff_meetings')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('onboarding_id', 'integer', (c) =>
			c.notNull().unique().references('onboardings.id').onDelete('cascade')
		)
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('starts_at', 'timestamptz', (c) => c.notNull())
		.addColumn('duration_minutes', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(60)
				.check(sql`duration_minutes between 5 and 480`)
		)
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('agenda', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		// [{ kind: 'contact' | 'user', id }]
		.addColumn('attendees', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('kickoff_meetings').execute();
	await db.schema.dropTable('onboarding_items').execute();
	await db.schema.alterTable('tasks').dropColumn('notes').execute();
	await db.schema.alterTable('tasks').dropColumn('skip_reason').execute();
	await db.schema.dropTable('onboarding_phases').execute();
	await db.schema.dropTable('onboardings').execute();
	await db.schema.dropTable('onboarding_template_versions').execute();
	await db.schema.dropTable('onboarding_templates').execute();
}
