import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed and must not
// change when the app's lists do.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('resellers')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('users')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c.notNull().modifyEnd(inList('role', ['csm', 'manager', 'sales', 'partner', 'admin']))
		)
		.addColumn('reseller_id', 'integer', (c) => c.references('resellers.id'))
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) =>
			c
				.notNull()
				.defaultTo('en')
				.modifyEnd(inList('locale', ['en', 'pt-BR', 'es']))
		)
		.addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
		.addColumn('disabled_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'users_partner_has_reseller',
			sql`(role = 'partner') = (reseller_id is not null)`
		)
		.execute();
	await db.schema
		.createIndex('users_email_key')
		.on('users')
		.unique()
		.expression(sql`lower(email)`)
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_failure_at', 'timestamptz', (c) => c.notNull())
		.addColumn('blocked_until', 'timestamptz')
		.execute();

	await db.schema
		.createTable('accounts')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('external_id', 'text', (c) => c.unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('segment', 'text', (c) =>
			c.notNull().modifyEnd(inList('segment', ['enterprise', 'mid_market', 'smb']))
		)
		.addColumn('region', 'text', (c) =>
			c.notNull().modifyEnd(inList('region', ['emea', 'latam', 'north_america', 'apac']))
		)
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('sales_channel', 'text', (c) =>
			c.notNull().modifyEnd(inList('sales_channel', ['direct', 'reseller']))
		)
		.addColumn('reseller_id', 'integer', (c) => c.references('resellers.id'))
		.addColumn('support_package', 'text', (c) =>
			c.notNull().modifyEnd(inList('support_package', ['standard', 'premium', 'enterprise']))
		)
		.addColumn('arr', 'bigint', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`arr >= 0`)
		)
		.addColumn('currency', 'text', (c) => c.notNull().defaultTo('USD'))
		.addColumn('renewal_date', 'date')
		.addColumn('lifecycle_stage', 'text', (c) =>
			c
				.notNull()
				.modifyEnd(
					inList('lifecycle_stage', ['onboarding', 'adoption', 'expansion', 'renewal', 'churned'])
				)
		)
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'accounts_reseller_channel',
			sql`(sales_channel = 'reseller') = (reseller_id is not null)`
		)
		.execute();
	for (const column of [
		'segment',
		'region',
		'lifecycle_stage',
		'renewal_date',
		'reseller_id',
		'arr'
	]) {
		await db.schema.createIndex(`accounts_${column}`).on('accounts').column(column).execute();
	}
	await db.schema
		.createIndex('accounts_lower_name')
		.on('accounts')
		.expression(sql`lower(name)`)
		.execute();

	await db.schema
		.createTable('account_team_members')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('team_role', 'text', (c) =>
			c
				.notNull()
				.modifyEnd(inList('team_role', ['AM', 'CSM', 'SE', 'BA', 'TAM', 'CPM', 'PARTNER_CSM']))
		)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('account_team_members_unique', ['account_id', 'user_id', 'team_role'])
		.execute();
	await db.schema
		.createIndex('account_team_members_user_role')
		.on('account_team_members')
		.columns(['user_id', 'team_role', 'account_id'])
		.execute();

	await db.schema
		.createTable('contacts')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('is_primary', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('onboarded_on', 'date')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('contacts_account_id').on('contacts').column('account_id').execute();

	// Every follow-up in Keel (onboarding item, review action, plan task) is a row here, so
	// "My work" is one query over one table.
	await db.schema
		.createTable('tasks')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('account_id', 'integer', (c) =>
			c.notNull().references('accounts.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('owner_user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('due_date', 'date')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.modifyEnd(inList('status', ['open', 'done', 'skipped']))
		)
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
		.addColumn('completed_at', 'timestamptz')
		.addColumn('completed_by', 'integer', (c) => c.references('users.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('tasks_owner_open_due')
		.on('tasks')
		.columns(['owner_user_id', 'due_date'])
		.where(sql.ref('status'), '=', 'open')
		.execute();
	await db.schema.createIndex('tasks_account_id').on('tasks').column('account_id').execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor_id', 'integer', (c) => c.references('users.id'))
		.addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('cascade'))
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'integer', (c) => c.notNull())
		.addColumn('action', 'text', (c) =>
			c.notNull().modifyEnd(inList('action', ['create', 'update', 'delete']))
		)
		.addColumn('before', 'jsonb')
		.addColumn('after', 'jsonb')
		.execute();
	await db.schema
		.createIndex('audit_log_account_at')
		.on('audit_log')
		.columns(['account_id', 'at desc'])
		.execute();
	await db.schema
		.createIndex('audit_log_entity')
		.on('audit_log')
		.columns(['entity', 'entity_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'audit_log',
		'tasks',
		'contacts',
		'account_team_members',
		'accounts',
		'login_throttle',
		'sessions',
		'users',
		'resellers'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
