import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// A user's personal access token for the JSON API: only the SHA-256 of the token is kept.
	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('access', 'text', (c) =>
			c.notNull().modifyEnd(sql.raw(`check (access in ('read', 'write'))`))
		)
		.addColumn('expires_at', 'timestamptz')
		.addColumn('last_used_at', 'timestamptz')
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	// The settings page lists a user's own tokens, newest first.
	await db.schema
		.createIndex('api_tokens_user')
		.on('api_tokens')
		.columns(['user_id', 'created_at'])
		.execute();

	// Requests counted per fixed window, per token ('token:<id>') or failed sign-ins per IP
	// ('ip:<address>'): in the database, because app instances share nothing else.
	await db.schema
		.createTable('api_rate_limits')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'timestamptz', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('api_rate_limits_window')
		.on('api_rate_limits')
		.column('window_start')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('api_rate_limits').execute();
	await db.schema.dropTable('api_tokens').execute();
}
