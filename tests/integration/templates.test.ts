import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, StaleVersionError } from '../../src/lib/domain/errors';
import type { TemplateContent } from '../../src/lib/domain/onboarding-template';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import * as admin from '../../src/lib/server/onboarding/template-admin.service';
import { makeAccount, makeUser, putOnTeam } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

async function templateIdOf(versionId: number) {
	const row = await t.db
		.selectFrom('onboarding_template_versions')
		.select('template_id')
		.where('id', '=', versionId)
		.executeTakeFirstOrThrow();
	return row.template_id;
}

describe(`onboarding templates on ${ENGINE}`, () => {
	it('editing writes a new version; an onboarding already started keeps its checklist', async () => {
		const adminUser = await makeUser(t.db, 'admin');
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm);
		const versionId = await makeTemplate(t.db);
		const templateId = await templateIdOf(versionId);
		await onboarding.start(t.db, csm, account.id, {
			template_version_id: versionId,
			start_date: '2026-11-22',
			target_go_live: '2027-01-31',
			skip_pre_onboarding: false,
			skip_reason: ''
		});

		const { content, template } = await admin.getForEdit(t.db, adminUser, templateId);
		const edited: TemplateContent = structuredClone(content);
		edited.phases[0].items[0]!.title = { en: 'Renamed first item' };
		const versionNo = await admin.saveVersion(
			t.db,
			adminUser,
			templateId,
			template.version,
			edited
		);
		expect(versionNo).toBe(2);
		await expect(
			admin.saveVersion(t.db, adminUser, templateId, template.version, edited)
		).rejects.toBeInstanceOf(StaleVersionError);

		const view = await onboarding.getForAccount(t.db, csm, account.id);
		expect(view.onboarding!.phases[0]!.items[0]!.title).toBe('Item p1-a');
		expect(view.templates.find((tpl) => tpl.key === template.key)?.versionId).not.toBe(versionId);
	});

	it('archived templates cannot start onboardings; only admins manage templates', async () => {
		const adminUser = await makeUser(t.db, 'admin');
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		const versionId = await makeTemplate(t.db);
		const templateId = await templateIdOf(versionId);

		await expect(admin.setArchived(t.db, manager, templateId, 1, true)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(admin.listForAdmin(t.db, manager)).rejects.toBeInstanceOf(ForbiddenError);
		await admin.setArchived(t.db, adminUser, templateId, 1, true);
		await expect(
			onboarding.start(t.db, manager, account.id, {
				template_version_id: versionId,
				start_date: '2026-11-22',
				target_go_live: '2027-01-31',
				skip_pre_onboarding: false,
				skip_reason: ''
			})
		).rejects.toBeInstanceOf(ConflictError);
		const listed = await admin.listForAdmin(t.db, adminUser);
		expect(listed.find((row) => row.id === templateId)?.archived_at).not.toBeNull();
	});

	it('duplicates a template under a new key', async () => {
		const adminUser = await makeUser(t.db, 'admin');
		const templateId = await templateIdOf(await makeTemplate(t.db));
		const copyId = await admin.duplicate(t.db, adminUser, templateId);
		const copy = await admin.getForEdit(t.db, adminUser, copyId);
		expect(copy.template.key).toMatch(/-copy$/);
		expect(copy.content.name.en).toBe('Fixture onboarding (2)');
		expect(copy.versionNo).toBe(1);
	});

	it('creates a blank template with the three phases and no items', async () => {
		const adminUser = await makeUser(t.db, 'admin');
		const id = await admin.createBlank(
			t.db,
			{ ...adminUser, locale: 'pt-BR' },
			'Integração de varejo'
		);
		const created = await admin.getForEdit(t.db, adminUser, id);
		expect(created.template.key).toBe('integracao-de-varejo');
		expect(created.content.name).toEqual({
			en: 'Integração de varejo',
			'pt-BR': 'Integração de varejo'
		});
		expect(created.content.phases.map((p) => [p.phase, p.targetDays, p.items.length])).toEqual([
			[1, 14, 0],
			[2, 14, 0],
			[3, 60, 0]
		]);
	});
});
