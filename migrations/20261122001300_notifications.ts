import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

const NOTIFICATION_KINDS = [
	'task_assigned',
	'next_step_assigned',
	'escalation_assigned',
	'sla_warning',
	'sla_breach',
	'churn_critical'
];
const SLA_CLOCKS = ['response', 'resolution'];

export async function up(db: Kysely<any>): Promise<void> {
	// Read state is per notification now; the one "seen up to" time per user goes.
	await db.schema.alterTable('users').dropColumn('notifications_seen_at').execute();
	// What concerns one user: the subject's ids and kind, worded when read in the reader's language.
	await db.schema
		.createTable('notifications')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', NOTIFICATION_KINDS)))
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('task_id', 'integer', (c) => c.references('tasks.id').onDelete('cascade'))
		.addColumn('escalation_id', 'integer', (c) =>
			c.references('escalations.id').onDelete('cascade')
		)
		.addColumn('churn_flag_id', 'integer', (c) =>
			c.references('churn_flags.id').onDelete('cascade')
		)
		.addColumn('clock', 'text', (c) => c.modifyEnd(inList('clock', SLA_CLOCKS)))
		.addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('read_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	// The list: one user's, newest first.
	await db.schema
		.createIndex('notifications_user_recent_idx')
		.on('notifications')
		.columns(['user_id', 'created_at desc', 'id desc'])
		.execute();
	// The count in the navigation reads only the unread ones.
	await db.schema
		.createIndex('notifications_user_unread_idx')
		.on('notifications')
		.column('user_id')
		.where(sql.ref('read_at'), 'is', null)
		.execute();
	// Foreign keys that cascade from a deleted task or escalation.
	await db.schema
		.createIndex('notifications_task_idx')
		.on('notifications')
		.column('task_id')
		.where(sql.ref('task_id'), 'is not', null)
		.execute();
	await db.schema
		.createIndex('notifications_escalation_idx')
		.on('notifications')
		.column('escalation_id')
		.where(sql.ref('escalation_id'), 'is not', null)
		.execute();
	await db.schema
		.createIndex('notifications_churn_flag_idx')
		.on('notifications')
		.column('churn_flag_id')
		.where(sql.ref('churn_flag_id'), 'is not', null)
		.execute();

	// A user's private calendar feed: only the SHA-256 of its token is kept, one feed per user.
	await db.schema
		.createTable('calendar_feeds')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('users.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('calendar_feeds').execute();
	await db.schema.dropTable('notifications').execute();
	await db.schema
		.alterTable('users')
		.addColumn('notifications_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}
