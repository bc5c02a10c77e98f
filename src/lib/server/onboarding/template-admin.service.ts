import { canManageUsers, type Actor } from '../../domain/access';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { localize } from '../../domain/localized-text';
import { slugify, uniqueKey } from '../../domain/slug';
import type { TemplateContent } from '../../domain/onboarding-template';
import type { Locale } from '../../domain/vocabulary';
import { writeAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import {
	findTemplateWithLatestVersion,
	insertTemplate,
	listTemplatesWithUsage,
	nextVersionNo
} from './template.repository';

// Templates are configuration: the admin's, like users (DESIGN.md roles).
function requireAdmin(actor: Actor) {
	if (!canManageUsers(actor)) throw new ForbiddenError();
}

/** Every template with its newest version and how many onboardings were started from it. */
export async function listForAdmin(db: Db, actor: Actor & { locale: Locale }) {
	requireAdmin(actor);
	const rows = await listTemplatesWithUsage(db);
	return rows.map(({ content, ...row }) => ({
		...row,
		onboardings: row.onboardings ?? 0,
		name: localize(content.name, actor.locale),
		items: content.phases.reduce((sum, phase) => sum + phase.items.length, 0)
	}));
}

export async function getForEdit(db: Db, actor: Actor, templateId: number) {
	requireAdmin(actor);
	const found = await findTemplateWithLatestVersion(db, templateId);
	if (!found) throw new NotFoundError('template');
	const { version_no: versionNo, content, ...template } = found;
	return { template, versionNo, content };
}

/** Saves an edit as the next version; onboardings already started keep theirs. */
export async function saveVersion(
	db: Db,
	actor: Actor,
	templateId: number,
	expectedVersion: number,
	content: TemplateContent
) {
	requireAdmin(actor);
	return db.transaction().execute(async (trx) => {
		const template = await trx
			.selectFrom('onboarding_templates')
			.selectAll()
			.where('id', '=', templateId)
			.forUpdate()
			.executeTakeFirst();
		assertVersion(template, expectedVersion, 'template');
		const { next } = await nextVersionNo(trx, templateId);
		const version = await trx
			.insertInto('onboarding_template_versions')
			.values({
				template_id: templateId,
				version_no: next,
				content: JSON.stringify(content),
				created_by: actor.id
			})
			.returning(['id', 'version_no'])
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('onboarding_templates')
			.set(bumpVersion())
			.where('id', '=', templateId)
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'onboarding_template',
			entityId: templateId,
			action: 'update',
			before: { key: template!.key, version_no: next - 1 },
			after: { key: template!.key, version_no: version.version_no, name: content.name.en }
		});
		return version.version_no;
	});
}

/** A new, empty template: three phases with the method's usual targets and no items yet. */
export async function createBlank(db: Db, actor: Actor & { locale: Locale }, name: string) {
	requireAdmin(actor);
	const text = (value: string) => ({ en: value, [actor.locale]: value }) as TemplateContent['name'];
	const phase = (n: 1 | 2 | 3, targetDays: number) => ({
		phase: n,
		targetDays,
		entryCriteria: [],
		exitCriteria: [],
		items: []
	});
	const content: TemplateContent = {
		name: text(name),
		description: text(''),
		phases: [phase(1, 14), phase(2, 14), phase(3, 60)]
	};
	return db.transaction().execute(async (trx) => {
		const keys = new Set(
			(await trx.selectFrom('onboarding_templates').select('key').execute()).map((r) => r.key)
		);
		const key = uniqueKey(slugify(name, 'template'), keys);
		const id = await insertTemplate(trx, key, content, actor.id);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'onboarding_template',
			entityId: id,
			action: 'create',
			after: { key, name }
		});
		return id;
	});
}

/** A new template starting as a copy of another, so admins rarely begin from nothing. */
export async function duplicate(db: Db, actor: Actor, templateId: number) {
	requireAdmin(actor);
	return db.transaction().execute(async (trx) => {
		const source = await findTemplateWithLatestVersion(trx, templateId);
		if (!source) throw new NotFoundError('template');
		const keys = new Set(
			(await trx.selectFrom('onboarding_templates').select('key').execute()).map((r) => r.key)
		);
		const key = uniqueKey(`${source.key}-copy`, keys);
		const content: TemplateContent = {
			...source.content,
			name: Object.fromEntries(
				Object.entries(source.content.name).map(([locale, text]) => [locale, `${text} (2)`])
			) as TemplateContent['name']
		};
		const id = await insertTemplate(trx, key, content, actor.id);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'onboarding_template',
			entityId: id,
			action: 'create',
			after: { key, copied_from: source.key, name: content.name.en }
		});
		return id;
	});
}

/** Archived templates cannot start new onboardings; running ones are unaffected. */
export async function setArchived(
	db: Db,
	actor: Actor,
	templateId: number,
	expectedVersion: number,
	archived: boolean
) {
	requireAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(
			await trx
				.selectFrom('onboarding_templates')
				.selectAll()
				.where('id', '=', templateId)
				.forUpdate()
				.executeTakeFirst(),
			expectedVersion,
			'template'
		);
		const after = await trx
			.updateTable('onboarding_templates')
			.set({ archived_at: archived ? new Date() : null, ...bumpVersion() })
			.where('id', '=', templateId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'onboarding_template',
			entityId: templateId,
			action: 'update',
			before,
			after
		});
	});
}
