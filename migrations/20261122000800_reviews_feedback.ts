import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

const REVIEW_KINDS = ['cbr', 'obr', 'qbr', 'ebr', 'survey_review'];
const REVIEW_STATUSES = ['planned', 'held', 'cancelled'];
const SEGMENTS = ['enterprise', 'mid_market', 'smb'];
const REGIONS = ['emea', 'latam', 'north_america', 'apac'];
const CHANNELS = ['direct', 'reseller'];
const FEEDBACK_KINDS = ['nps', 'csat', 'comment'];
const FEEDBACK_SOURCES = ['survey', 'cbr', 'operational_survey', 'call', 'email'];
const FEEDBACK_TEAMS = [
	'product',
	'engineering',
	'billing',
	'service_desk',
	'site_operations',
	'sales',
	'customer_success'
];
const FEEDBACK_STATUSES = ['new', 'routed', 'acknowledged', 'closed_loop'];

/** The cadences Keel starts with: quarterly CBR for enterprise, half-yearly for mid-market. */
const CADENCES = [
	{ segment: 'enterprise', kind: 'cbr', every_months: 3 },
	{ segment: 'enterprise', kind: 'obr', every_months: 6 },
	{ segment: 'mid_market', kind: 'cbr', every_months: 6 },
	{ segment: 'smb', kind: 'cbr', every_months: 12 }
];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('business_reviews')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', REVIEW_KINDS)))
		.addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('planned').modifyEnd(inList('status', REVIEW_STATUSES))
		)
		// Scheduled at a wall-clock time in the account's zone, kept as the instant it names.
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
		.addColumn('decisions', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('cancel_reason', 'text', (c) => c.notNull().defaultTo(''))
		// [{ kind: 'contact' | 'user', id }], as kick-off meetings keep them.
		.addColumn('attendees', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('business_reviews_account')
		.on('business_reviews')
		.columns(['account_id', 'starts_at desc'])
		.execute();
	// Upcoming and overdue reviews: those still planned, by date.
	await db.schema
		.createIndex('business_reviews_planned')
		.on('business_reviews')
		.columns(['starts_at', 'account_id'])
		.where(sql.ref('status'), '=', 'planned')
		.execute();
	// Per account and kind: the last review held and the first still planned, kept by the
	// transaction that schedules, reschedules, holds or cancels one. The cadence flags read these
	// few thousand rows instead of grouping every review ever held.
	await db.schema
		.createTable('account_review_facts')
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', REVIEW_KINDS)))
		// Days in the zone each review was scheduled in: the cadence rule counts local days.
		.addColumn('last_held_on', 'date')
		.addColumn('next_planned_on', 'date')
		.addPrimaryKeyConstraint('account_review_facts_pk', ['account_id', 'kind'])
		.execute();

	// Follow-up actions are tasks (so My work is one query); this ties each to its review.
	await db.schema
		.createTable('review_actions')
		.addColumn('task_id', 'integer', (c) =>
			c.primaryKey().references('tasks.id').onDelete('cascade')
		)
		.addColumn('review_id', 'integer', (c) =>
			c.notNull().references('business_reviews.id').onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('review_actions_review')
		.on('review_actions')
		.column('review_id')
		.execute();

	await db.schema
		.createTable('review_cadences')
		.addColumn('segment', 'text', (c) => c.notNull().modifyEnd(inList('segment', SEGMENTS)))
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', REVIEW_KINDS)))
		.addColumn('every_months', 'integer', (c) =>
			c.notNull().check(sql`every_months between 1 and 24`)
		)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('review_cadences_pk', ['segment', 'kind'])
		.execute();
	await db.insertInto('review_cadences').values(CADENCES).execute();

	await db.schema
		.createTable('feedback')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', FEEDBACK_KINDS)))
		// NPS 0–10, CSAT 1–5, none for free text.
		.addColumn('score', 'smallint')
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('source', 'text', (c) => c.notNull().modifyEnd(inList('source', FEEDBACK_SOURCES)))
		.addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
		.addColumn('review_id', 'integer', (c) =>
			c.references('business_reviews.id').onDelete('set null')
		)
		.addColumn('received_on', 'date', (c) => c.notNull())
		// Library theme codes and free tags alike.
		.addColumn('themes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
		.addColumn('routed_team', 'text', (c) => c.modifyEnd(inList('routed_team', FEEDBACK_TEAMS)))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('new').modifyEnd(inList('status', FEEDBACK_STATUSES))
		)
		// The customer group it was given in, as of that day: trends compare groups as they
		// were, and a later move of the account does not rewrite its history.
		.addColumn('segment', 'text', (c) => c.notNull().modifyEnd(inList('segment', SEGMENTS)))
		.addColumn('region', 'text', (c) => c.notNull().modifyEnd(inList('region', REGIONS)))
		.addColumn('sales_channel', 'text', (c) =>
			c.notNull().modifyEnd(inList('sales_channel', CHANNELS))
		)
		.addColumn('csm_id', 'integer', (c) => c.references('users.id'))
		.addColumn('follow_up_task_id', 'integer', (c) => c.references('tasks.id').onDelete('set null'))
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'feedback_score_fits_kind',
			sql`(kind = 'nps' and score between 0 and 10)
				or (kind = 'csat' and score between 1 and 5)
				or (kind = 'comment' and score is null)`
		)
		.execute();
	await db.schema
		.createIndex('feedback_account')
		.on('feedback')
		.columns(['account_id', 'received_on desc', 'id desc'])
		.execute();
	// The rows that point elsewhere, found when what they point at goes (set null on delete)
	// without reading every response.
	for (const column of ['follow_up_task_id', 'review_id', 'contact_id']) {
		await db.schema
			.createIndex(`feedback_${column}`)
			.on('feedback')
			.column(column)
			.where(sql.ref(column), 'is not', null)
			.execute();
	}

	// Monthly totals per customer group (as of each response), kept in step with `feedback` by
	// the transaction that changes it: the trends page sums a few thousand of these instead of
	// scanning every response. Themes are kept twice: by group, and by CSM and group, so a
	// portfolio view never sums every CSM's rows and a CSM's view reads only theirs.
	await db.schema
		.createTable('feedback_monthly')
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('segment', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('sales_channel', 'text', (c) => c.notNull())
		// 0 for "no CSM", so the key has no nulls.
		.addColumn('csm_id', 'integer', (c) => c.notNull())
		.addColumn('responses', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('promoters', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('passives', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('detractors', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('csat_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('csat_sum', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('feedback_monthly_pk', [
			'month',
			'segment',
			'region',
			'sales_channel',
			'csm_id'
		])
		.execute();
	await db.schema
		.createIndex('feedback_monthly_csm')
		.on('feedback_monthly')
		.columns(['csm_id', 'month'])
		.execute();
	await db.schema
		.createTable('feedback_theme_monthly')
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('theme', 'text', (c) => c.notNull())
		.addColumn('segment', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('sales_channel', 'text', (c) => c.notNull())
		.addColumn('mentions', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('feedback_theme_monthly_pk', [
			'month',
			'theme',
			'segment',
			'region',
			'sales_channel'
		])
		.execute();
	await db.schema
		.createTable('feedback_theme_csm_monthly')
		.addColumn('csm_id', 'integer', (c) => c.notNull())
		.addColumn('month', 'date', (c) => c.notNull())
		.addColumn('theme', 'text', (c) => c.notNull())
		.addColumn('segment', 'text', (c) => c.notNull())
		.addColumn('region', 'text', (c) => c.notNull())
		.addColumn('sales_channel', 'text', (c) => c.notNull())
		.addColumn('mentions', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('feedback_theme_csm_monthly_pk', [
			'csm_id',
			'month',
			'theme',
			'segment',
			'region',
			'sales_channel'
		])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('feedback_theme_csm_monthly').execute();
	await db.schema.dropTable('feedback_theme_monthly').execute();
	await db.schema.dropTable('feedback_monthly').execute();
	await db.schema.dropTable('feedback').execute();
	await db.schema.dropTable('review_cadences').execute();
	await db.schema.dropTable('account_review_facts').execute();
	await db.schema.dropTable('review_actions').execute();
	await db.schema.dropTable('business_reviews').execute();
}
