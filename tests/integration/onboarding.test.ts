import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, StaleVersionError } from '../../src/lib/domain/errors';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import * as items from '../../src/lib/server/onboarding/onboarding-items.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const TODAY = new Date().toISOString().slice(0, 10);

async function setup(options: { resellerId?: number } = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		reseller_id: options.resellerId ?? null,
		sales_channel: options.resellerId ? 'reseller' : 'direct',
		time_zone: 'UTC'
	});
	await putOnTeam(t.db, account.id, csm);
	const versionId = await makeTemplate(t.db);
	return { csm, account, versionId };
}

async function startFor(csm: SessionUser, accountId: number, versionId: number, skip = false) {
	return onboarding.start(t.db, csm, accountId, {
		template_version_id: versionId,
		start_date: TODAY,
		target_go_live: '2099-01-01',
		skip_pre_onboarding: skip,
		skip_reason: skip ? 'Small customer, scope already clear' : ''
	});
}

async function tab(user: SessionUser, accountId: number) {
	const view = await onboarding.getForAccount(t.db, user, accountId);
	if (!view.onboarding) throw new Error('no onboarding');
	return view.onboarding;
}

describe(`onboarding on ${ENGINE}`, () => {
	it('starts from a template: phases, items as tasks with due dates and owners from the team', async () => {
		const { csm, account, versionId } = await setup();
		await startFor(csm, account.id, versionId);

		const view = await tab(csm, account.id);
		expect(view.phases.map((p) => [p.phase, p.started_on, p.skipped])).toEqual([
			[1, TODAY, false],
			[2, null, false],
			[3, null, false]
		]);
		const phase1 = view.phases[0]!.items;
		expect(phase1.map((i) => i.owner_user_id)).toEqual([csm.id, null]); // no AM on the team
		expect(phase1[0]!.due_date! > TODAY).toBe(true);
		expect(view.currentPhase).toBe(1);
		expect(view.progress).toEqual({ total: 6, settled: 0, percent: 0 });
		const stage = await t.db
			.selectFrom('accounts')
			.select('lifecycle_stage')
			.where('id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(stage.lifecycle_stage).toBe('onboarding');
		const tasks = await t.db
			.selectFrom('tasks')
			.select('source')
			.where('account_id', '=', account.id)
			.execute();
		expect(tasks).toHaveLength(6);
		expect(new Set(tasks.map((x) => x.source))).toEqual(new Set(['onboarding']));
	});

	it('skips pre-onboarding only with a reason, creating none of its items', async () => {
		const { csm, account, versionId } = await setup();
		await expect(
			onboarding.start(t.db, csm, account.id, {
				template_version_id: versionId,
				start_date: TODAY,
				target_go_live: '2099-01-01',
				skip_pre_onboarding: true,
				skip_reason: '  '
			})
		).rejects.toBeInstanceOf(ConflictError);
		await startFor(csm, account.id, versionId, true);
		const view = await tab(csm, account.id);
		expect(view.phases[0]!.skipped).toBe(true);
		expect(view.phases[0]!.items).toHaveLength(0);
		expect(view.phases[1]!.started_on).toBe(TODAY);
		expect(view.currentPhase).toBe(2);
		expect(view.pre_onboarding_skip_reason).toBe('Small customer, scope already clear');
	});

	it('refuses a second active onboarding, a CSM off the team, and sales', async () => {
		const { csm, account, versionId } = await setup();
		const other = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		await expect(startFor(other, account.id, versionId)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(startFor(sales, account.id, versionId)).rejects.toBeInstanceOf(ForbiddenError);
		await startFor(csm, account.id, versionId);
		await expect(startFor(csm, account.id, versionId)).rejects.toBeInstanceOf(ConflictError);
	});

	it('closes a phase once its required items are settled and its criteria ticked, and starts the next', async () => {
		const { csm, account, versionId } = await setup();
		await startFor(csm, account.id, versionId);
		let view = await tab(csm, account.id);
		const [required, optional] = view.phases[0]!.items;

		await items.changeItem(t.db, csm, account.id, required!.id, required!.version, {
			kind: 'done'
		});
		view = await tab(csm, account.id);
		expect(view.currentPhase).toBe(1); // criterion not ticked yet, optional item open is fine
		const phase1 = view.phases[0]!;
		await items.setCriterion(t.db, csm, account.id, phase1.id, phase1.version, 0, true);

		view = await tab(csm, account.id);
		expect(view.phases[0]!.completed_on).toBe(TODAY);
		expect(view.phases[1]!.started_on).toBe(TODAY);
		expect(view.currentPhase).toBe(2);
		// Items of a closed phase are locked.
		await expect(
			items.changeItem(t.db, csm, account.id, optional!.id, optional!.version, { kind: 'done' })
		).rejects.toBeInstanceOf(ConflictError);
	});

	it("refuses another CSM changing this account's checklist, writing nothing", async () => {
		const { csm, account, versionId } = await setup();
		const other = await makeUser(t.db, 'csm');
		await startFor(csm, account.id, versionId);
		const item = (await tab(csm, account.id)).phases[0]!.items[0]!;
		for (const change of [
			{ kind: 'done' as const },
			{ kind: 'skip' as const, reason: 'Mine now' }
		]) {
			await expect(
				items.changeItem(t.db, other, account.id, item.id, item.version, change)
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		const saved = await t.db
			.selectFrom('tasks')
			.select(['status', 'version'])
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect(saved).toEqual({ status: 'open', version: 1 });
	});

	it('refuses a stale item save and a skip without a reason', async () => {
		const { csm, account, versionId } = await setup();
		await startFor(csm, account.id, versionId);
		const item = (await tab(csm, account.id)).phases[0]!.items[0]!;
		await items.changeItem(t.db, csm, account.id, item.id, item.version, {
			kind: 'edit',
			due_date: '2030-01-01',
			owner_user_id: null,
			notes: 'Waiting for the customer'
		});
		await expect(
			items.changeItem(t.db, csm, account.id, item.id, item.version, { kind: 'done' })
		).rejects.toBeInstanceOf(StaleVersionError);
		await expect(
			items.changeItem(t.db, csm, account.id, item.id, item.version + 1, {
				kind: 'skip',
				reason: ' '
			})
		).rejects.toBeInstanceOf(ConflictError);
		const saved = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect([saved.status, saved.due_date, saved.notes, saved.owner_user_id]).toEqual([
			'open',
			'2030-01-01',
			'Waiting for the customer',
			null
		]);
	});

	it('runs to handoff: the account moves to adoption and the note is kept', async () => {
		const { csm, account, versionId } = await setup();
		await startFor(csm, account.id, versionId, true);
		await expect(async () => {
			const view = await tab(csm, account.id);
			await onboarding.handOff(t.db, csm, account.id, view.id, view.version, 'Too early');
		}).rejects.toBeInstanceOf(ConflictError);

		for (const phaseNo of [2, 3]) {
			let view = await tab(csm, account.id);
			for (const item of view.phases[phaseNo - 1]!.items) {
				if (item.status !== 'open') continue;
				if (item.phase === 3 && item.owner === 'PARTNER_CSM') {
					await items.changeItem(t.db, csm, account.id, item.id, item.version, {
						kind: 'skip',
						reason: 'Direct customer'
					});
				} else {
					await items.changeItem(t.db, csm, account.id, item.id, item.version, { kind: 'done' });
				}
			}
			view = await tab(csm, account.id);
			const phase = view.phases[phaseNo - 1]!;
			await items.setCriterion(t.db, csm, account.id, phase.id, phase.version, 0, true);
		}
		const view = await tab(csm, account.id);
		expect(view.canHandOff).toBe(true);
		await onboarding.handOff(
			t.db,
			csm,
			account.id,
			view.id,
			view.version,
			'Live on Fabric; CBR booked for Q1.'
		);

		const done = await onboarding.getForAccount(t.db, csm, account.id);
		expect(done.onboarding?.status).toBe('completed');
		expect(done.onboarding?.handoff_note).toBe('Live on Fabric; CBR booked for Q1.');
		expect(done.account.lifecycle_stage).toBe('adoption');
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['entity', 'action'])
			.where('account_id', '=', account.id)
			.execute();
		expect(audit.filter((a) => a.entity === 'onboarding')).toHaveLength(2);
	});

	it("lets the reseller's partner CSM work items but not reshape the checklist", async () => {
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { csm, account, versionId } = await setup({ resellerId: reseller.id });
		await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');
		await startFor(csm, account.id, versionId);
		const item = (await tab(partner, account.id)).phases[0]!.items[0]!;

		await expect(
			items.changeItem(t.db, partner, account.id, item.id, item.version, {
				kind: 'skip',
				reason: 'No'
			})
		).rejects.toBeInstanceOf(ForbiddenError);
		await items.changeItem(t.db, partner, account.id, item.id, item.version, { kind: 'done' });
		const saved = await t.db
			.selectFrom('tasks')
			.select(['status', 'completed_by'])
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect(saved).toEqual({ status: 'done', completed_by: partner.id });

		const outsider = await makeUser(t.db, 'partner');
		await expect(onboarding.getForAccount(t.db, outsider, account.id)).rejects.toThrow();
	});

	it('flags an onboarding at risk when a required item is overdue', async () => {
		const { csm, account, versionId } = await setup();
		await startFor(csm, account.id, versionId);
		const item = (await tab(csm, account.id)).phases[0]!.items[0]!;
		await items.changeItem(t.db, csm, account.id, item.id, item.version, {
			kind: 'edit',
			due_date: '2020-01-01',
			owner_user_id: csm.id,
			notes: ''
		});
		const view = await tab(csm, account.id);
		expect(view.risk).toEqual(['requiredOverdue']);
		expect(view.phases[0]!.items[0]!.overdue).toBe(true);
	});

	it('adds and removes a custom item, refusing an owner from outside the team', async () => {
		const { csm, account, versionId } = await setup();
		const onboardingId = await startFor(csm, account.id, versionId);
		const stranger = await makeUser(t.db, 'csm');
		await expect(
			items.addItem(t.db, csm, account.id, onboardingId, {
				phase: 1,
				title: 'Visit AM11',
				description: '',
				due_date: null,
				owner_user_id: stranger.id,
				required: false
			})
		).rejects.toBeInstanceOf(ConflictError);
		await items.addItem(t.db, csm, account.id, onboardingId, {
			phase: 1,
			title: 'Visit AM11',
			description: 'Site tour',
			due_date: null,
			owner_user_id: csm.id,
			required: false
		});
		let phase1 = (await tab(csm, account.id)).phases[0]!;
		const custom = phase1.items.at(-1)!;
		expect([custom.title, custom.template_item_key, custom.position]).toEqual([
			'Visit AM11',
			null,
			2
		]);
		await items.removeItem(t.db, csm, account.id, custom.id, custom.version);
		phase1 = (await tab(csm, account.id)).phases[0]!;
		expect(phase1.items.map((i) => i.title)).not.toContain('Visit AM11');
	});
});
