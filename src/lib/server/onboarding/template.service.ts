import type { Db } from '../db/database';
import { SHIPPED_TEMPLATES } from './shipped-templates';
import { insertTemplate, templateKeys } from './template.repository';

/**
 * Installs the templates Keel ships that this database does not have yet (by key). Runs at
 * every start; a template an admin has since edited or archived is left as it is.
 */
export async function ensureShippedTemplates(db: Db): Promise<number> {
	const existing = await templateKeys(db);
	const missing = SHIPPED_TEMPLATES.filter((t) => !existing.has(t.key));
	if (missing.length === 0) return 0;
	await db.transaction().execute(async (trx) => {
		for (const template of missing) await insertTemplate(trx, template.key, template.content, null);
	});
	return missing.length;
}
