import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

const STATUSES = ['pending', 'delivered', 'failed'];
const LOCALES = ['en', 'pt-BR', 'es'];

export async function up(db: Kysely<any>): Promise<void> {
	// An admin's subscription of a URL to events; deliveries are signed with its secret.
	await db.schema
		.createTable('webhooks')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		// Event type names, a JSON array of strings.
		.addColumn('events', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		// The language of the payload's `text`, as the channel's readers speak.
		.addColumn('locale', 'text', (c) =>
			c.notNull().defaultTo('en').modifyEnd(inList('locale', LOCALES))
		)
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	// The outbox: one row per webhook and event, its payload frozen when the event happened.
	await db.schema
		.createTable('webhook_deliveries')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('webhook_id', 'integer', (c) =>
			c.notNull().references('webhooks.id').onDelete('cascade')
		)
		.addColumn('event', 'text', (c) => c.notNull())
		.addColumn('payload', 'jsonb', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('pending').modifyEnd(inList('status', STATUSES))
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		// While pending: when a worker may take it next (a claim pushes it out as a lease).
		.addColumn('next_attempt_at', 'timestamptz')
		.addColumn('last_attempt_at', 'timestamptz')
		.addColumn('response_status', 'integer')
		.addColumn('duration_ms', 'integer')
		.addColumn('response_body', 'text')
		.addColumn('error', 'text')
		.addColumn('delivered_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	// The worker's question: which pending deliveries are due.
	await db.schema
		.createIndex('webhook_deliveries_due')
		.on('webhook_deliveries')
		.column('next_attempt_at')
		.where(sql.ref('status'), '=', 'pending')
		.execute();
	// A webhook's log, latest first.
	await db.schema
		.createIndex('webhook_deliveries_log')
		.on('webhook_deliveries')
		.columns(['webhook_id', 'id desc'])
		.execute();
	// Retention deletes by age.
	await db.schema
		.createIndex('webhook_deliveries_created_at')
		.on('webhook_deliveries')
		.column('created_at')
		.execute();

	// Onboarding risk is derived from dates; this marks the episode so it is announced once.
	await db.schema.alterTable('onboardings').addColumn('at_risk_since', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('onboardings').dropColumn('at_risk_since').execute();
	await db.schema.dropTable('webhook_deliveries').execute();
	await db.schema.dropTable('webhooks').execute();
}
