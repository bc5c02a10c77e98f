import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { currentPhase, gateOpen, riskOf } from '../../src/lib/domain/onboarding-rules';
import type { Db } from '../../src/lib/server/db/database';
import { seedDemo, type SeedDemoResult } from '../../src/lib/server/demo/demo-data';
import { toItemState, toPhaseState } from '../../src/lib/server/onboarding/onboarding-state';
import { ENGINE, useTestDatabase } from '../support/test-database';

const TODAY = '2026-11-22';
const WEEK_END = '2026-11-29';
const NAMED_CSMS = ['csm1@keel.demo', 'csm2@keel.demo', 'csm3@keel.demo'];

async function tasksHash(db: Db) {
	const { rows } = await sql<{ hash: string; n: number }>`
		select md5(string_agg(title || '|' || coalesce(due_date::text, '') || '|' || status, ','
			order by id)) as hash, count(*)::int as n
		from tasks where source = 'onboarding'`.execute(db);
	return rows[0]!;
}

async function loadOnboardings(db: Db) {
	const [onboardings, phases, items, csms] = await Promise.all([
		db.selectFrom('onboardings').selectAll().orderBy('id').execute(),
		db.selectFrom('onboarding_phases').selectAll().orderBy('phase').execute(),
		db
			.selectFrom('onboarding_items as i')
			.innerJoin('tasks as t', 't.id', 'i.task_id')
			.select([
				'i.onboarding_id',
				'i.phase',
				'i.required',
				'i.owner',
				't.status',
				't.skip_reason',
				't.due_date',
				't.owner_user_id',
				't.completed_at',
				't.source'
			])
			.execute(),
		db
			.selectFrom('account_team_members')
			.select(['account_id', 'user_id'])
			.where('team_role', '=', 'CSM')
			.execute()
	]);
	const csmOf = new Map(csms.map((m) => [m.account_id, m.user_id]));
	return onboardings.map((o) => {
		const own = phases.filter((p) => p.onboarding_id === o.id);
		const ownItems = items.filter((i) => i.onboarding_id === o.id);
		const phaseStates = own.map(toPhaseState);
		const itemStates = ownItems.map(toItemState);
		return {
			...o,
			csm: csmOf.get(o.account_id),
			phases: own,
			items: ownItems,
			phaseStates,
			itemStates,
			current: currentPhase(phaseStates)?.phase ?? null,
			risk: riskOf(phaseStates, itemStates, TODAY)
		};
	});
}

let firstHash: { hash: string; n: number } | undefined;

describe(`demo onboardings on ${ENGINE}`, () => {
	const t = useTestDatabase();

	it('gives onboarding accounts an onboarding in every phase, on time and at risk', async () => {
		const result: SeedDemoResult = await seedDemo(t.db, { accounts: 200, today: TODAY });
		const all = await loadOnboardings(t.db);
		const active = all.filter((o) => o.status === 'active');
		const completed = all.filter((o) => o.status === 'completed');
		expect(result.onboardings).toBe(all.length);
		expect(result.tasks).toBe(all.reduce((n, o) => n + o.items.length, 0));

		const stages = await t.db.selectFrom('accounts').select(['id', 'lifecycle_stage']).execute();
		const onboardingStage = stages.filter((a) => a.lifecycle_stage === 'onboarding');
		expect(onboardingStage.length).toBeGreaterThan(0);
		for (const account of onboardingStage) {
			expect(
				active.filter((o) => o.account_id === account.id),
				`account ${account.id}`
			).toHaveLength(1);
		}
		expect(active).toHaveLength(onboardingStage.length);

		for (const phase of [1, 2, 3]) {
			expect(active.filter((o) => o.current === phase).length, `phase ${phase}`).toBeGreaterThan(0);
		}
		for (const o of active) {
			expect(o.start_date >= '2026-07-25' && o.start_date <= TODAY, o.start_date).toBe(true);
			expect(o.items.every((i) => i.source === 'onboarding')).toBe(true);
			// Phases before the current one passed their gate; later ones are untouched.
			for (const p of o.phaseStates) {
				if (p.completedOn) expect(gateOpen(o.itemStates, p)).toBe(true);
				if (o.current !== null && p.phase > o.current) {
					expect(p.startedOn).toBeNull();
					expect(
						o.itemStates.filter((i) => i.phase === p.phase).every((i) => i.status === 'open')
					).toBe(true);
				}
			}
		}

		const skipped = active.filter((o) => o.pre_onboarding_skip_reason);
		expect(skipped.length).toBeGreaterThan(0);
		for (const o of skipped) {
			expect(o.pre_onboarding_skip_reason!.trim()).not.toBe('');
			expect(o.phases.find((p) => p.phase === 1)?.skipped).toBe(true);
			expect(o.items.filter((i) => i.phase === 1)).toEqual([]);
			expect(o.phases.find((p) => p.phase === 2)?.started_on).toBe(o.start_date);
		}

		const atRisk = active.filter((o) => o.risk.length > 0);
		expect(atRisk.length).toBeGreaterThan(0);
		expect(active.length - atRisk.length).toBeGreaterThan(0);

		expect(completed.length).toBeGreaterThan(0);
		for (const o of completed) {
			expect(o.completed_on! < TODAY).toBe(true);
			expect(o.handoff_note?.trim()).toBeTruthy();
			expect(o.phases.every((p) => p.completed_on !== null || (p.phase === 1 && p.skipped))).toBe(
				true
			);
			expect(
				o.phases.every((p) => p.exit_criteria.every((c) => p.skipped || c.checkedBy === o.csm))
			).toBe(true);
		}

		const users = await t.db
			.selectFrom('users')
			.select(['id', 'email'])
			.where('email', 'in', NAMED_CSMS)
			.execute();
		expect(users).toHaveLength(NAMED_CSMS.length);
		for (const user of users) {
			const due = await t.db
				.selectFrom('tasks')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('owner_user_id', '=', user.id)
				.where('status', '=', 'open')
				.where('due_date', '<=', WEEK_END)
				.executeTakeFirstOrThrow();
			expect(Number(due.n), user.email).toBeGreaterThan(0);
			expect(
				atRisk.some((o) => o.csm === user.id),
				user.email
			).toBe(true);
		}

		firstHash = await tasksHash(t.db);
		expect(firstHash.n).toBe(result.tasks);
	});
});

describe(`demo onboardings seeded again on ${ENGINE}`, () => {
	const t = useTestDatabase();

	it('writes the same tasks for the same seed and day', async () => {
		await seedDemo(t.db, { accounts: 200, today: TODAY });
		expect(firstHash).toBeDefined();
		expect(await tasksHash(t.db)).toEqual(firstHash);
	});
});
