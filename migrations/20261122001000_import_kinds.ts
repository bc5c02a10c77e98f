import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// The response's id in the system a feedback file comes from (a survey tool), so importing
	// the same file again corrects those responses instead of adding them twice. Responses
	// captured in Keel have none.
	await db.schema.alterTable('feedback').addColumn('external_id', 'text').execute();
	// Per account: two survey tools may number their responses alike, but one account's file
	// names each response once. Also the index a re-import finds its responses by.
	await db.schema
		.createIndex('feedback_account_external_id')
		.on('feedback')
		.columns(['account_id', 'external_id'])
		.unique()
		.where(sql.ref('external_id'), 'is not', null)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('feedback_account_external_id').execute();
	await db.schema.alterTable('feedback').dropColumn('external_id').execute();
}
