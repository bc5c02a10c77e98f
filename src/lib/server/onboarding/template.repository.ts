import { sql } from 'kysely';
import type { TemplateContent } from '../../domain/onboarding-template';
import type { Executor } from '../db/database';

/** Templates joined to their newest version: the base of every template list. */
function withLatestVersion(db: Executor) {
	return db.selectFrom('onboarding_templates as t').innerJoinLateral(
		(eb) =>
			eb
				.selectFrom('onboarding_template_versions as v')
				.select(['v.id as version_id', 'v.version_no', 'v.content', 'v.created_at as versioned_at'])
				.whereRef('v.template_id', '=', 't.id')
				.orderBy('v.version_no', 'desc')
				.limit(1)
				.as('v'),
		(join) => join.onTrue()
	);
}

/** Every template that is not archived, with its newest version. */
export function listCurrentTemplates(db: Executor) {
	return withLatestVersion(db)
		.select([
			't.id',
			't.key',
			't.version',
			'v.version_id',
			'v.version_no',
			'v.content',
			'v.versioned_at'
		])
		.where('t.archived_at', 'is', null)
		.orderBy('t.key')
		.execute();
}

/** Every template, archived last, with its newest version and how many onboardings used it. */
export function listTemplatesWithUsage(db: Executor) {
	return withLatestVersion(db)
		.select((eb) => [
			't.id',
			't.key',
			't.version',
			't.archived_at',
			'v.version_no',
			'v.content',
			'v.versioned_at',
			eb
				.selectFrom('onboardings as o')
				.innerJoin('onboarding_template_versions as ov', 'ov.id', 'o.template_version_id')
				.select(sql<number>`count(*)`.as('n'))
				.whereRef('ov.template_id', '=', 't.id')
				.as('onboardings')
		])
		.orderBy('t.archived_at', (ob) => ob.desc().nullsFirst())
		.orderBy('t.key')
		.execute();
}

/** One template with its newest version. */
export function findTemplateWithLatestVersion(db: Executor, templateId: number) {
	return withLatestVersion(db)
		.selectAll('t')
		.select(['v.version_no', 'v.content'])
		.where('t.id', '=', templateId)
		.executeTakeFirst();
}

export function findVersion(db: Executor, versionId: number) {
	return db
		.selectFrom('onboarding_template_versions as v')
		.innerJoin('onboarding_templates as t', 't.id', 'v.template_id')
		.selectAll('v')
		.select('t.archived_at')
		.where('v.id', '=', versionId)
		.executeTakeFirst();
}

/** Writes version 1 of a template. */
export async function insertTemplate(
	db: Executor,
	key: string,
	content: TemplateContent,
	createdBy: number | null
) {
	const template = await db
		.insertInto('onboarding_templates')
		.values({ key })
		.returning(['id'])
		.executeTakeFirstOrThrow();
	await db
		.insertInto('onboarding_template_versions')
		.values({
			template_id: template.id,
			version_no: 1,
			content: JSON.stringify(content),
			created_by: createdBy
		})
		.execute();
	return template.id;
}

export async function templateKeys(db: Executor) {
	const rows = await db.selectFrom('onboarding_templates').select('key').execute();
	return new Set(rows.map((r) => r.key));
}

export function nextVersionNo(db: Executor, templateId: number) {
	return db
		.selectFrom('onboarding_template_versions')
		.select(sql<number>`coalesce(max(version_no), 0) + 1`.as('next'))
		.where('template_id', '=', templateId)
		.executeTakeFirstOrThrow();
}
