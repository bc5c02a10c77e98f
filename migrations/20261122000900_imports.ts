import { sql, type Kysely } from 'kysely';

// Vocabularies are repeated here on purpose: a migration is frozen once landed.
const inList = (column: string, values: string[]) =>
	sql.raw(`check (${column} in (${values.map((v) => `'${v}'`).join(', ')}))`);

/** Every kind of file issue 8 asks for, so adding one later needs no change here. */
const KINDS = ['accounts', 'contacts', 'account_team', 'usage', 'feedback'];
const STATUSES = ['uploading', 'uploaded', 'validated', 'invalid', 'committed'];

export async function up(db: Kysely<any>): Promise<void> {
	// One uploaded CSV file on its way in: staged, matched to fields, checked, then committed.
	await db.schema
		.createTable('imports')
		.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', KINDS)))
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('filename', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('uploading').modifyEnd(inList('status', STATUSES))
		)
		.addColumn('separator', 'text', (c) => c.modifyEnd(inList('separator', [',', ';'])))
		.addColumn('header', 'jsonb')
		// While uploading in parts: where the reader stopped, and bytes of a character cut in two.
		.addColumn('parse_state', 'jsonb')
		.addColumn('bytes_received', 'bigint', (c) => c.notNull().defaultTo(0))
		.addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
		// Field name → column index of this file.
		.addColumn('mapping', 'jsonb')
		.addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
		// What a clean check found, and once committed, what the commit did.
		.addColumn('create_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('update_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('unchanged_count', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('committed_by', 'integer', (c) => c.references('users.id'))
		.addColumn('validated_at', 'timestamptz')
		.addColumn('committed_at', 'timestamptz')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('imports_created_at').on('imports').column('created_at').execute();
	// Abandoned uploads are swept by age.
	await db.schema
		.createIndex('imports_uploading')
		.on('imports')
		.column('updated_at')
		.where(sql.ref('status'), '=', 'uploading')
		.execute();

	// The file's records as read, one per row, with what the last check found wrong in each.
	await db.schema
		.createTable('import_rows')
		.addColumn('import_id', 'integer', (c) =>
			c.notNull().references('imports.id').onDelete('cascade')
		)
		.addColumn('line', 'integer', (c) => c.notNull())
		.addColumn('fields', 'jsonb', (c) => c.notNull())
		.addColumn('errors', 'jsonb')
		.addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'line'])
		.execute();
	// The error report and the page's first problems read only the rows that have some.
	await db.schema
		.createIndex('import_rows_errors')
		.on('import_rows')
		.columns(['import_id', 'line'])
		.where(sql.ref('errors'), 'is not', null)
		.execute();

	// The column matching last used for a kind of file from one source, by header name.
	await db.schema
		.createTable('import_mappings')
		.addColumn('kind', 'text', (c) => c.notNull().modifyEnd(inList('kind', KINDS)))
		// lower(trim(source)): "Salesforce export" and "salesforce export " are one source.
		.addColumn('source_key', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.addColumn('mapping', 'jsonb', (c) => c.notNull())
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('import_mappings_pk', ['kind', 'source_key'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('import_mappings').execute();
	await db.schema.dropTable('import_rows').execute();
	await db.schema.dropTable('imports').execute();
}
