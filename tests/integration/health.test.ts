import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/lib/domain/errors';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import * as health from '../../src/lib/server/health/health.service';
import * as plans from '../../src/lib/server/plans/plan.service';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { outcomeObjective, reading } from '../support/plan-fixtures';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const NOW = new Date('2030-06-15T12:00:00Z');

async function setup() {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, { time_zone: 'UTC' });
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

const component = (view: Awaited<ReturnType<typeof health.getForAccount>>, name: string) =>
	view.health.components.find((c) => c.component === name)!;

describe(`account health on ${ENGINE}`, () => {
	it('has no score for an account without data, and says no weight is backed', async () => {
		const { csm, account } = await setup();
		const view = await health.getForAccount(t.db, csm, account.id, NOW);
		expect(view.health).toMatchObject({ score: null, band: null, coverage: 0 });
		expect(view.inputs).toEqual({
			adoption: null,
			engagement: null,
			progress: null,
			support: null,
			sentiment: null
		});
	});

	it('is computed from the data on every read: a change shows on the next load', async () => {
		const { csm, account } = await setup();
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			reading('fabric_ports', '2030-05-01', 3, 10),
			NOW
		);
		const first = await health.getForAccount(t.db, csm, account.id, NOW);
		expect(component(first, 'adoption').score).toBe(30);
		expect(first.health.score).toBe(30);
		expect(first.health.band).toBe('red');
		// Only adoption has data: 30 of the default weights' 100.
		expect(first.health.coverage).toBeCloseTo(0.3);
		expect(first.health.biggestDrag).toBe('adoption');

		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			{ ...reading('fabric_ports', '2030-05-01', 9, 10), version: 1 },
			NOW
		);
		const objectiveId = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		await plans.addTask(t.db, csm, account.id, {
			objective_id: objectiveId,
			title: 'Book the sponsor meeting',
			owner_user_id: csm.id,
			due_date: null
		});
		const [task] = await t.db
			.selectFrom('objective_tasks')
			.select('task_id')
			.where('objective_id', '=', objectiveId)
			.execute();
		await plans.changeTask(t.db, csm, account.id, task!.task_id, 1, 'done');

		const second = await health.getForAccount(t.db, csm, account.id, new Date());
		expect(component(second, 'adoption').score).toBe(90);
		expect(component(second, 'engagement').score).toBe(100);
		expect(second.inputs.engagement).toMatchObject({ kind: 'task', days: 0 });
		expect(component(second, 'progress').score).toBe(100);
		expect(second.health.coverage).toBeCloseTo(0.7);
		// (30·90 + 20·100 + 20·100) / 70
		expect(second.health.score).toBe(96);
		expect(second.health.band).toBe('green');
	});

	it('counts at-risk objectives against progress', async () => {
		const { csm, account } = await setup();
		await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({ status: 'at_risk', status_reason: 'Sponsor left' })
		);
		await plans.createObjective(t.db, csm, account.id, outcomeObjective({ status: 'on_track' }));
		const view = await health.getForAccount(t.db, csm, account.id, NOW);
		expect(view.inputs.progress).toMatchObject({ openObjectives: 2, atRiskObjectives: 1 });
		expect(component(view, 'progress').score).toBe(70);
	});

	it('is hidden from a partner of another reseller, and read by sales', async () => {
		const { account } = await setup();
		const partner = await makeUser(t.db, 'partner', { resellerId: (await makeReseller(t.db)).id });
		await expect(health.getForAccount(t.db, partner, account.id, NOW)).rejects.toBeInstanceOf(
			NotFoundError
		);
		const sales = await makeUser(t.db, 'sales');
		await expect(health.getForAccount(t.db, sales, account.id, NOW)).resolves.toBeDefined();
	});

	it('reads in a fixed number of queries, whatever the account holds', async () => {
		const { csm, account } = await setup();
		const counter = new QueryCounter();
		const db = t.db.withPlugin(counter);
		await health.getForAccount(db, csm, account.id, NOW);
		const empty = counter.count;
		for (let i = 0; i < 5; i++) {
			await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		}
		counter.count = 0;
		await health.getForAccount(db, csm, account.id, NOW);
		expect(counter.count).toBe(empty);
	});
});
