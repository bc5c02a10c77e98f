import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

const REGIONS = ['emea', 'latam', 'north_america', 'apac'];
const PACKAGES = ['standard', 'premium', 'enterprise'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];
const CLOCKS = ['account', '24x7'];
const STATUSES = [
	'new',
	'acknowledged',
	'in_progress',
	'waiting_on_customer',
	'resolved',
	'closed'
];
const CATEGORIES = [
	'outage',
	'degraded_service',
	'connectivity',
	'access',
	'provisioning',
	'hardware',
	'security',
	'billing',
	'shipment',
	'other'
];
const ROUTES = [
	'gem',
	'service_desk',
	'site_operations',
	'network_operations',
	'engineering',
	'product',
	'billing',
	'security'
];
const CHANNELS = ['phone', 'email', 'portal', 'chat', 'meeting'];
const EVENT_KINDS = [
	'opened',
	'status',
	'priority',
	'owner',
	'routed',
	'comment',
	'edited',
	'recomputed',
	'warning',
	'breach',
	'postmortem'
];

/** Business hours for the calendars seeded below: Monday–Friday 09:00–18:00. */
const BUSINESS_WEEK = JSON.stringify(
	[1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' }))
);
const ALL_WEEK = JSON.stringify(
	[1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '24:00' }))
);

export async function up(db: Kysely<any>): Promise<void> {
	// Support calendars: a zone, weekly open hours (local 'HH:MM' intervals per ISO weekday) and
	// dated holidays. The week is one JSON value because it is read and saved whole.
	await db.schema
		.createTable('support_calendars')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('name', 'text', (c) =>
			c
				.notNull()
				.unique()
				.check(sql`btrim(name) <> ''`)
		)
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('week', 'jsonb', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('support_calendars_week_array', sql`jsonb_typeof(week) = 'array'`)
		.execute();
	// Names are told apart as people read them: "Amsterdam" and "amsterdam" are one name.
	await sql`create unique index support_calendars_name on support_calendars (lower(name))`.execute(
		db
	);
	await db.schema
		.createTable('support_calendar_holidays')
		.addColumn('calendar_id', 'integer', (c) =>
			c.notNull().references('support_calendars.id').onDelete('cascade')
		)
		.addColumn('day', 'date', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addPrimaryKeyConstraint('support_calendar_holidays_pk', ['calendar_id', 'day'])
		.execute();

	// Each region's default calendar; an account may name its own instead.
	await db.schema
		.createTable('region_calendars')
		.addColumn('region', 'text', (c) => c.primaryKey().modifyEnd(inList('region', REGIONS)))
		.addColumn('calendar_id', 'integer', (c) =>
			c.notNull().references('support_calendars.id').onDelete('restrict')
		)
		.execute();
	await db.schema
		.alterTable('accounts')
		.addColumn('support_calendar_id', 'integer', (c) =>
			c.references('support_calendars.id').onDelete('set null')
		)
		.execute();

	const calendars: [string, string, string, string[]][] = [
		['Amsterdam business hours', 'Europe/Amsterdam', BUSINESS_WEEK, ['emea']],
		['São Paulo business hours', 'America/Sao_Paulo', BUSINESS_WEEK, ['latam']],
		['New York business hours', 'America/New_York', BUSINESS_WEEK, ['north_america']],
		['Singapore business hours', 'Asia/Singapore', BUSINESS_WEEK, ['apac']],
		['Around the clock', 'UTC', ALL_WEEK, []]
	];
	for (const [name, zone, week, regions] of calendars) {
		await sql`insert into support_calendars (name, time_zone, week) values (${name}, ${zone}, ${week}::jsonb)`.execute(
			db
		);
		for (const region of regions) {
			await sql`insert into region_calendars (region, calendar_id) select ${region}, id from support_calendars where name = ${name}`.execute(
				db
			);
		}
	}

	// What each support package promises per priority: the first response within so many minutes
	// of open time on the account's calendar, or around the clock (always for P1).
	await db.schema
		.createTable('sla_policies')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('support_package', 'text', (c) =>
			c.notNull().modifyEnd(inList('support_package', PACKAGES))
		)
		.addColumn('priority', 'text', (c) => c.notNull().modifyEnd(inList('priority', PRIORITIES)))
		.addColumn('response_minutes', 'integer', (c) =>
			c.notNull().check(sql`response_minutes between 1 and 100000`)
		)
		.addColumn('resolution_minutes', 'integer', (c) =>
			c.check(sql`resolution_minutes between 1 and 1000000`)
		)
		.addColumn('clock', 'text', (c) => c.notNull().modifyEnd(inList('clock', CLOCKS)))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('sla_policies_package_priority', ['support_package', 'priority'])
		.addCheckConstraint('sla_policies_p1_around_the_clock', sql`priority <> 'P1' or clock = '24x7'`)
		.execute();
	// The seeds' table for premium and enterprise; standard answers within one business day
	// (nine open hours of a 09:00–18:00 calendar).
	const targets: [string, string, number, number | null, string][] = [];
	for (const pkg of ['premium', 'enterprise']) {
		targets.push(
			[pkg, 'P1', 60, 4 * 60, '24x7'],
			[pkg, 'P2', 120, 2 * 540, 'account'],
			[pkg, 'P3', 240, 5 * 540, 'account'],
			[pkg, 'P4', 480, 10 * 540, 'account']
		);
	}
	targets.push(
		['standard', 'P1', 60, 8 * 60, '24x7'],
		['standard', 'P2', 540, 3 * 540, 'account'],
		['standard', 'P3', 540, 5 * 540, 'account'],
		['standard', 'P4', 540, 10 * 540, 'account']
	);
	for (const [pkg, priority, response, resolution, clock] of targets) {
		await sql`insert into sla_policies (support_package, priority, response_minutes, resolution_minutes, clock) values (${pkg}, ${priority}, ${response}, ${resolution}, ${clock})`.execute(
			db
		);
	}

	await db.schema
		.createTable('escalations')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull().check(sql`btrim(title) <> ''`))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('priority', 'text', (c) => c.notNull().modifyEnd(inList('priority', PRIORITIES)))
		.addColumn('category', 'text', (c) => c.notNull().modifyEnd(inList('category', CATEGORIES)))
		.addColumn('external_ref', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('reported_via', 'text', (c) =>
			c.notNull().modifyEnd(inList('reported_via', CHANNELS))
		)
		.addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('new').modifyEnd(inList('status', STATUSES))
		)
		.addColumn('owner_id', 'integer', (c) => c.references('users.id'))
		.addColumn('routed_to', 'text', (c) => c.modifyEnd(inList('routed_to', ROUTES)))
		// The clock's start: every due time is counted from here, whatever changed since.
		.addColumn('opened_at', 'timestamptz', (c) => c.notNull())
		.addColumn('opened_by', 'integer', (c) => c.references('users.id'))
		// The policy in force when it opened (or when last recomputed on purpose): a later policy
		// change does not move an open escalation's due times.
		.addColumn('support_package', 'text', (c) =>
			c.notNull().modifyEnd(inList('support_package', PACKAGES))
		)
		.addColumn('response_minutes', 'integer', (c) => c.notNull())
		.addColumn('resolution_minutes', 'integer')
		.addColumn('clock', 'text', (c) => c.notNull().modifyEnd(inList('clock', CLOCKS)))
		.addColumn('calendar_id', 'integer', (c) =>
			c.references('support_calendars.id').onDelete('set null')
		)
		.addColumn('response_due_at', 'timestamptz', (c) => c.notNull())
		.addColumn('resolution_due_at', 'timestamptz')
		.addColumn('acknowledged_at', 'timestamptz')
		.addColumn('resolved_at', 'timestamptz')
		.addColumn('closed_at', 'timestamptz')
		// Set once by whoever first sees the clock pass 75 % or its due time (a person's action
		// or the sweep job): the event is logged and announced once.
		.addColumn('warned_at', 'timestamptz')
		.addColumn('response_breached_at', 'timestamptz')
		.addColumn('resolution_breached_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'escalations_acknowledged',
			sql`status = 'new' or acknowledged_at is not null`
		)
		.addCheckConstraint(
			'escalations_resolved',
			sql`status not in ('resolved', 'closed') or resolved_at is not null`
		)
		.addCheckConstraint('escalations_closed', sql`status <> 'closed' or closed_at is not null`)
		.execute();
	await db.schema
		.createIndex('escalations_account')
		.on('escalations')
		.columns(['account_id', 'opened_at'])
		.execute();
	// The queue: open escalations by the next due time.
	await sql`create index escalations_open_due on escalations (response_due_at, id) where status not in ('resolved', 'closed')`.execute(
		db
	);
	await sql`create index escalations_owner on escalations (owner_id) where status not in ('resolved', 'closed')`.execute(
		db
	);

	// Time waiting on the customer: the clock stops from `from_at` until `to_at` (open: null).
	await db.schema
		.createTable('escalation_pauses')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('escalation_id', 'integer', (c) =>
			c.notNull().references('escalations.id').onDelete('cascade')
		)
		.addColumn('from_at', 'timestamptz', (c) => c.notNull())
		.addColumn('to_at', 'timestamptz')
		.addCheckConstraint('escalation_pauses_order', sql`to_at is null or to_at >= from_at`)
		.execute();
	await sql`create unique index escalation_pauses_one_open on escalation_pauses (escalation_id) where to_at is null`.execute(
		db
	);
	await db.schema
		.createIndex('escalation_pauses_escalation')
		.on('escalation_pauses')
		.column('escalation_id')
		.execute();

	await db.schema
		.createTable('escalation_events')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('escalation_id', 'integer', (c) =>
			c.notNull().references('escalations.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', EVENT_KINDS)))
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('data', 'jsonb')
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('escalation_events_escalation')
		.on('escalation_events')
		.columns(['escalation_id', 'at'])
		.execute();

	// The post-mortem of a P1 or P2: root cause, summary, and corrective actions as tasks.
	await db.schema
		.createTable('postmortems')
		.addColumn('escalation_id', 'integer', (c) =>
			c.primaryKey().references('escalations.id').onDelete('cascade')
		)
		.addColumn('root_cause', 'text', (c) => c.notNull().check(sql`btrim(root_cause) <> ''`))
		.addColumn('summary', 'text', (c) => c.notNull().check(sql`btrim(summary) <> ''`))
		.addColumn('written_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await sql`create index postmortems_search on postmortems using gin (to_tsvector('simple', root_cause || ' ' || summary))`.execute(
		db
	);
	await db.schema
		.createTable('escalation_actions')
		.addColumn('task_id', 'integer', (c) =>
			c.primaryKey().references('tasks.id').onDelete('cascade')
		)
		.addColumn('escalation_id', 'integer', (c) =>
			c.notNull().references('escalations.id').onDelete('cascade')
		)
		.execute();
	await db.schema
		.createIndex('escalation_actions_escalation')
		.on('escalation_actions')
		.column('escalation_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('escalation_actions').execute();
	await db.schema.dropTable('postmortems').execute();
	await db.schema.dropTable('escalation_events').execute();
	await db.schema.dropTable('escalation_pauses').execute();
	await db.schema.dropTable('escalations').execute();
	await db.schema.dropTable('sla_policies').execute();
	await db.schema.alterTable('accounts').dropColumn('support_calendar_id').execute();
	await db.schema.dropTable('region_calendars').execute();
	await db.schema.dropTable('support_calendar_holidays').execute();
	await db.schema.dropTable('support_calendars').execute();
}
