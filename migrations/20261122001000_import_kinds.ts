import type { Kysely } from 'kysely';

// Placeholder registered ahead of the work that fills it in.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
