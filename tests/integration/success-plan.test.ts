import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/lib/domain/adoption';
import { addDays } from '../../src/lib/domain/dates';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import * as plans from '../../src/lib/server/plans/plan.service';
import { completeTask, myWork } from '../../src/lib/server/tasks/my-work.service';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import {
	auditRows,
	metricObjective,
	outcomeObjective,
	reading,
	refuseRows
} from '../support/plan-fixtures';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every date is relative to this moment; accounts and users are on UTC, so "today" is its date.
const NOW = new Date('2030-06-15T12:00:00Z');
const TODAY = '2030-06-15';
const THIS_MONTH = '2030-06-01';

async function setup(options: { resellerId?: number } = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		reseller_id: options.resellerId ?? null,
		time_zone: 'UTC'
	});
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

const plan = (user: SessionUser, accountId: number) => plans.getPlan(t.db, user, accountId, NOW);

type PlanView = Awaited<ReturnType<typeof plans.getPlan>>;

function objectiveIn(view: PlanView, id: number) {
	const found = view.objectives.find((o) => o.id === id);
	if (!found) throw new Error(`objective ${id} is not on the plan`);
	return found;
}

/** Adds a task to the objective and returns it as the plan shows it. */
async function addTask(
	user: SessionUser,
	accountId: number,
	objectiveId: number,
	title: string,
	options: { owner?: number; due?: string } = {}
) {
	await plans.addTask(t.db, user, accountId, {
		objective_id: objectiveId,
		title,
		owner_user_id: options.owner ?? null,
		due_date: options.due ?? null
	});
	const task = objectiveIn(await plan(user, accountId), objectiveId).tasks.find(
		(x) => x.title === title
	);
	if (!task) throw new Error(`task ${title} was not added`);
	return task;
}

/** Everything a refused write must leave as it was. */
async function snapshot(accountId: number) {
	const [objectives, tasks, links, audit] = await Promise.all([
		t.db
			.selectFrom('plan_objectives')
			.selectAll()
			.where('account_id', '=', accountId)
			.orderBy('id')
			.execute(),
		t.db
			.selectFrom('tasks')
			.selectAll()
			.where('account_id', '=', accountId)
			.orderBy('id')
			.execute(),
		t.db
			.selectFrom('objective_tasks as ot')
			.innerJoin('tasks', 'tasks.id', 'ot.task_id')
			.select(['ot.task_id', 'ot.objective_id'])
			.where('tasks.account_id', '=', accountId)
			.orderBy('ot.task_id')
			.execute(),
		auditRows(t.db, accountId)
	]);
	return { objectives, tasks, links, audit };
}

/** An account with one objective (version 1) and one open plan task (version 1). */
async function planWithTask(options: { resellerId?: number } = {}) {
	const { csm, account } = await setup(options);
	const objectiveId = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
	const task = await addTask(csm, account.id, objectiveId, 'Book the roadmap session');
	return { csm, account, objectiveId, taskId: task.id };
}

/** Every plan write, as `user` would send it against version 1 of the rows. */
function everyWrite(user: SessionUser, accountId: number, objectiveId: number, taskId: number) {
	return {
		createObjective: () => plans.createObjective(t.db, user, accountId, outcomeObjective()),
		updateObjective: () =>
			plans.updateObjective(
				t.db,
				user,
				accountId,
				objectiveId,
				1,
				outcomeObjective({ title: 'Renamed' })
			),
		setStatus: () =>
			plans.setStatus(t.db, user, accountId, objectiveId, 1, 'dropped', 'Sponsor left'),
		deleteObjective: () => plans.deleteObjective(t.db, user, accountId, objectiveId, 1),
		addTask: () =>
			plans.addTask(t.db, user, accountId, {
				objective_id: objectiveId,
				title: 'Another task',
				owner_user_id: null,
				due_date: null
			}),
		taskDone: () => plans.changeTask(t.db, user, accountId, taskId, 1, 'done'),
		taskReopen: () => plans.changeTask(t.db, user, accountId, taskId, 1, 'reopen'),
		taskRemove: () => plans.changeTask(t.db, user, accountId, taskId, 1, 'remove')
	};
}

async function expectEveryWriteRefused(
	writes: Record<string, () => Promise<unknown>>,
	error: typeof ForbiddenError | typeof NotFoundError
) {
	for (const [name, write] of Object.entries(writes)) {
		await expect(write(), name).rejects.toBeInstanceOf(error);
	}
}

describe(`success plan on ${ENGINE}`, () => {
	it('creates objectives of both criterion kinds, storing only the half of the criterion that applies', async () => {
		const { csm, account } = await setup();
		const metricId = await plans.createObjective(
			t.db,
			csm,
			account.id,
			metricObjective('fabric_ports', 10, {
				outcome: 'Typed before switching to a metric',
				status: 'on_track',
				status_reason: 'Only at risk and dropped keep a reason'
			})
		);
		const outcomeId = await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({
				outcome: '  CIO signs off the roadmap  ',
				metric: 'fabric_ports',
				target_value: 5,
				owner_user_id: csm.id,
				due_date: '2030-09-30'
			})
		);

		const stored = await t.db
			.selectFrom('plan_objectives')
			.select([
				'id',
				'criterion_kind',
				'metric',
				'target_value',
				'outcome',
				'status',
				'status_reason',
				'owner_user_id',
				'due_date',
				'created_by',
				'version'
			])
			.where('account_id', '=', account.id)
			.orderBy('id')
			.execute();
		expect(stored).toEqual([
			{
				id: metricId,
				criterion_kind: 'metric',
				metric: 'fabric_ports',
				target_value: 10,
				outcome: '',
				status: 'on_track',
				status_reason: null,
				owner_user_id: null,
				due_date: null,
				created_by: csm.id,
				version: 1
			},
			{
				id: outcomeId,
				criterion_kind: 'outcome',
				metric: null,
				target_value: null,
				outcome: 'CIO signs off the roadmap',
				status: 'not_started',
				status_reason: null,
				owner_user_id: csm.id,
				due_date: '2030-09-30',
				created_by: csm.id,
				version: 1
			}
		]);

		const view = await plan(csm, account.id);
		expect(view.objectives.map((o) => [o.id, o.criterion, o.unit])).toEqual([
			[metricId, { kind: 'metric', metric: 'fabric_ports', target: 10 }, 'ports'],
			[outcomeId, { kind: 'outcome', outcome: 'CIO signs off the roadmap' }, null]
		]);
		expect(objectiveIn(view, outcomeId).owner_name).toBe(csm.name);
		expect(view.summary).toEqual({
			total: 2,
			counts: { not_started: 1, on_track: 1, at_risk: 0, achieved: 0, dropped: 0 }
		});
		expect(view.can).toEqual({ edit: true, work: true });

		// Switching an objective's kind drops the half that no longer applies.
		await plans.updateObjective(
			t.db,
			csm,
			account.id,
			metricId,
			1,
			outcomeObjective({ outcome: 'Fabric live in two metros', target_value: 10 })
		);
		const switched = await t.db
			.selectFrom('plan_objectives')
			.select(['criterion_kind', 'metric', 'target_value', 'outcome', 'version'])
			.where('id', '=', metricId)
			.executeTakeFirstOrThrow();
		expect(switched).toEqual({
			criterion_kind: 'outcome',
			metric: null,
			target_value: null,
			outcome: 'Fabric live in two metros',
			version: 2
		});
	});

	it('refuses an incomplete criterion or an unexplained status by field, writing nothing', async () => {
		const { csm, account } = await setup();
		const id = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		const before = await snapshot(account.id);

		const cases = [
			[metricObjective('fabric_ports', 10, { metric: null }), 'metric'],
			[metricObjective('fabric_ports', 10, { target_value: null }), 'target_value'],
			[outcomeObjective({ outcome: '   ' }), 'outcome'],
			[outcomeObjective({ status: 'at_risk', status_reason: ' ' }), 'status_reason'],
			[outcomeObjective({ status: 'dropped', status_reason: '' }), 'status_reason']
		] as const;
		for (const [input, field] of cases) {
			await expectConflict(() => plans.createObjective(t.db, csm, account.id, input), field);
			await expectConflict(() => plans.updateObjective(t.db, csm, account.id, id, 1, input), field);
		}
		await expectConflict(
			() => plans.setStatus(t.db, csm, account.id, id, 1, 'at_risk', '  '),
			'status_reason'
		);
		await expectConflict(
			() => plans.setStatus(t.db, csm, account.id, id, 1, 'dropped', ''),
			'status_reason'
		);
		expect(await snapshot(account.id)).toEqual(before);

		// With the reason, the same status change goes through and keeps it.
		await plans.setStatus(t.db, csm, account.id, id, 1, 'at_risk', '  Sponsor on leave ');
		const saved = await t.db
			.selectFrom('plan_objectives')
			.select(['status', 'status_reason', 'version'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(saved).toEqual({ status: 'at_risk', status_reason: 'Sponsor on leave', version: 2 });
	});

	it('lets only members of the account team own objectives and tasks', async () => {
		const { csm, account } = await setup();
		const am = await makeUser(t.db, 'sales');
		await putOnTeam(t.db, account.id, am, 'AM');
		const outsider = await makeUser(t.db, 'csm');
		const id = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		const before = await snapshot(account.id);

		await expectConflict(
			() =>
				plans.createObjective(
					t.db,
					csm,
					account.id,
					outcomeObjective({ owner_user_id: outsider.id })
				),
			'owner_user_id'
		);
		await expectConflict(
			() =>
				plans.updateObjective(
					t.db,
					csm,
					account.id,
					id,
					1,
					outcomeObjective({ owner_user_id: outsider.id })
				),
			'owner_user_id'
		);
		await expectConflict(
			() =>
				plans.addTask(t.db, csm, account.id, {
					objective_id: id,
					title: 'Not theirs to do',
					owner_user_id: outsider.id,
					due_date: null
				}),
			'owner_user_id'
		);
		expect(await snapshot(account.id)).toEqual(before);

		await plans.updateObjective(
			t.db,
			csm,
			account.id,
			id,
			1,
			outcomeObjective({ owner_user_id: am.id })
		);
		const task = await addTask(csm, account.id, id, 'Send the renewal quote', { owner: am.id });
		const view = await plan(csm, account.id);
		expect(objectiveIn(view, id).owner_name).toBe(am.name);
		expect(task.owner_name).toBe(am.name);
	});

	it("measures progress by the bound metric's latest reading, otherwise by settled tasks", async () => {
		const { csm, account } = await setup();
		const measured = await plans.createObjective(
			t.db,
			csm,
			account.id,
			metricObjective('fabric_ports', 10)
		);
		const unmeasured = await plans.createObjective(
			t.db,
			csm,
			account.id,
			metricObjective('smartview_users', 50)
		);
		const byTasks = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		const empty = await plans.createObjective(t.db, csm, account.id, outcomeObjective());

		for (const objectiveId of [measured, unmeasured]) {
			const first = await addTask(csm, account.id, objectiveId, `First of ${objectiveId}`);
			await addTask(csm, account.id, objectiveId, `Second of ${objectiveId}`);
			await plans.changeTask(t.db, csm, account.id, first.id, first.version, 'done');
		}
		const done = await addTask(csm, account.id, byTasks, 'Done');
		const skipped = await addTask(csm, account.id, byTasks, 'Skipped for a reason');
		const unexplained = await addTask(csm, account.id, byTasks, 'Skipped without a reason');
		await addTask(csm, account.id, byTasks, 'Still open');
		await plans.changeTask(t.db, csm, account.id, done.id, done.version, 'done');
		// The plan has no skip action of its own; skipped tasks come from elsewhere in the app.
		await t.db
			.updateTable('tasks')
			.set({ status: 'skipped', skip_reason: 'Customer chose another vendor' })
			.where('id', '=', skipped.id)
			.execute();
		await t.db
			.updateTable('tasks')
			.set({ status: 'skipped', skip_reason: null })
			.where('id', '=', unexplained.id)
			.execute();

		const previous = addMonths(THIS_MONTH, -2);
		const latest = addMonths(THIS_MONTH, -1);
		await adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', latest, 7, 20), NOW);
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			reading('fabric_ports', previous, 9, 20),
			NOW
		);
		// Another metric's reading says nothing about the Fabric objective.
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			reading('cross_connects', latest, 99, 100),
			NOW
		);

		const view = await plan(csm, account.id);
		expect(objectiveIn(view, measured).progress).toEqual({
			ratio: 0.7,
			source: 'metric',
			latest: { month: latest, used: 7 },
			tasksSettled: 1,
			tasksTotal: 2
		});
		expect(objectiveIn(view, unmeasured).progress).toEqual({
			ratio: 0.5,
			source: 'tasks',
			latest: null,
			tasksSettled: 1,
			tasksTotal: 2
		});
		expect(objectiveIn(view, byTasks).progress).toEqual({
			ratio: 0.5,
			source: 'tasks',
			latest: null,
			tasksSettled: 2,
			tasksTotal: 4
		});
		expect(objectiveIn(view, empty).progress).toEqual({
			ratio: null,
			source: 'none',
			latest: null,
			tasksSettled: 0,
			tasksTotal: 0
		});
		expect([...view.metricsWithData].sort()).toEqual(['cross_connects', 'fabric_ports']);
		expect(view.objectives.map((o) => o.attention)).toEqual([null, null, null, null]);
	});

	it('asks for a look when the latest reading reaches the target, until the objective is achieved', async () => {
		const { csm, account } = await setup();
		const id = await plans.createObjective(
			t.db,
			csm,
			account.id,
			metricObjective('fabric_ports', 10, { status: 'on_track' })
		);
		const older = addMonths(THIS_MONTH, -2);
		const newer = addMonths(THIS_MONTH, -1);
		const attention = async () => objectiveIn(await plan(csm, account.id), id);

		await adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', older, 12, 20), NOW);
		expect((await attention()).attention).toBe('target_met');
		expect((await attention()).progress.ratio).toBe(1);

		// A newer month below the target: the target is no longer met.
		await adoption.recordUsage(t.db, csm, account.id, reading('fabric_ports', newer, 8, 20), NOW);
		expect((await attention()).attention).toBeNull();
		expect((await attention()).progress.ratio).toBe(0.8);

		// Reaching the target exactly counts.
		await adoption.recordUsage(
			t.db,
			csm,
			account.id,
			{ ...reading('fabric_ports', newer, 10, 20), version: 1 },
			NOW
		);
		expect((await attention()).attention).toBe('target_met');

		await plans.setStatus(t.db, csm, account.id, id, 1, 'achieved', '');
		const achieved = await attention();
		expect(achieved.status).toBe('achieved');
		expect(achieved.attention).toBeNull();
	});

	it('flags an open objective past its due date unless it is already at risk or closed', async () => {
		const { csm, account } = await setup();
		const due = addDays(TODAY, -1);
		const late = await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({ due_date: due, status: 'on_track' })
		);
		const atRisk = await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({ due_date: due, status: 'at_risk', status_reason: 'Budget freeze' })
		);
		const achieved = await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({ due_date: due, status: 'achieved' })
		);
		const dueToday = await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({ due_date: TODAY })
		);
		const view = await plan(csm, account.id);
		expect([late, atRisk, achieved, dueToday].map((id) => objectiveIn(view, id).attention)).toEqual(
			['overdue', null, null, null]
		);
	});

	it('writes an audit row with before and after for every change', async () => {
		const { csm, account } = await setup();
		const id = await plans.createObjective(
			t.db,
			csm,
			account.id,
			outcomeObjective({ title: 'Sponsor named' })
		);
		await plans.updateObjective(
			t.db,
			csm,
			account.id,
			id,
			1,
			outcomeObjective({ title: 'Sponsor named and briefed' })
		);
		await plans.setStatus(t.db, csm, account.id, id, 2, 'at_risk', 'Sponsor on leave');
		const task = await addTask(csm, account.id, id, 'Brief the sponsor');
		await plans.changeTask(t.db, csm, account.id, task.id, 1, 'done');
		await plans.changeTask(t.db, csm, account.id, task.id, 2, 'reopen');
		await plans.changeTask(t.db, csm, account.id, task.id, 3, 'remove');
		await plans.deleteObjective(t.db, csm, account.id, id, 3);

		const audit = await auditRows(t.db, account.id);
		expect(audit.map((a) => [a.actor_id, a.entity, a.entity_id, a.action])).toEqual([
			[csm.id, 'plan_objective', id, 'create'],
			[csm.id, 'plan_objective', id, 'update'],
			[csm.id, 'plan_objective', id, 'update'],
			[csm.id, 'task', task.id, 'create'],
			[csm.id, 'task', task.id, 'update'],
			[csm.id, 'task', task.id, 'update'],
			[csm.id, 'task', task.id, 'delete'],
			[csm.id, 'plan_objective', id, 'delete']
		]);
		const [created, updated, status, taskCreated, taskDone, taskReopened, taskRemoved, deleted] =
			audit;
		expect(created?.before).toBeNull();
		expect(created?.after).toMatchObject({ title: 'Sponsor named', version: 1 });
		expect(updated?.before).toMatchObject({ title: 'Sponsor named', version: 1 });
		expect(updated?.after).toMatchObject({ title: 'Sponsor named and briefed', version: 2 });
		expect(status?.before).toMatchObject({ status: 'not_started', status_reason: null });
		expect(status?.after).toMatchObject({ status: 'at_risk', status_reason: 'Sponsor on leave' });
		expect(taskCreated?.before).toBeNull();
		expect(taskCreated?.after).toMatchObject({
			title: 'Brief the sponsor',
			source: 'plan',
			objective: 'Sponsor named and briefed'
		});
		expect(taskDone?.before).toMatchObject({ status: 'open', version: 1 });
		expect(taskDone?.after).toMatchObject({ status: 'done', completed_by: csm.id, version: 2 });
		expect(taskReopened?.before).toMatchObject({ status: 'done' });
		expect(taskReopened?.after).toMatchObject({ status: 'open', completed_by: null });
		expect(taskRemoved?.before).toMatchObject({ title: 'Brief the sponsor', objective_id: id });
		expect(taskRemoved?.after).toBeNull();
		expect(deleted?.before).toMatchObject({
			title: 'Sponsor named and briefed',
			status: 'at_risk'
		});
		expect(deleted?.after).toBeNull();
	});

	it('writes the change and its audit row in one transaction: no audit, no change', async () => {
		const { account, objectiveId, taskId } = await planWithTask();
		const manager = await makeUser(t.db, 'manager');
		await refuseRows(t.db, { table: 'audit_log', column: 'actor_id' }, manager.id);
		const before = await snapshot(account.id);

		for (const [name, write] of Object.entries(
			everyWrite(manager, account.id, objectiveId, taskId)
		)) {
			await expect(write(), name).rejects.toThrow(/refused by test/);
		}
		expect(await snapshot(account.id)).toEqual(before);
	});

	it('refuses a save from a stale version and changes nothing', async () => {
		const { csm, account, objectiveId, taskId } = await planWithTask();
		const manager = await makeUser(t.db, 'manager');
		// Someone else saves both rows after the CSM opened the plan.
		await plans.setStatus(t.db, manager, account.id, objectiveId, 1, 'on_track', '');
		await plans.changeTask(t.db, manager, account.id, taskId, 1, 'done');
		const before = await snapshot(account.id);

		const writes = everyWrite(csm, account.id, objectiveId, taskId);
		for (const name of [
			'updateObjective',
			'setStatus',
			'deleteObjective',
			'taskReopen',
			'taskRemove'
		] as const) {
			await expect(writes[name](), name).rejects.toBeInstanceOf(StaleVersionError);
		}
		expect(await snapshot(account.id)).toEqual(before);
	});

	it('lets exactly one of several status changes from the same version win', async () => {
		const { csm, account, objectiveId } = await planWithTask();
		const reasons = Array.from({ length: 6 }, (_, i) => `Reason ${i}`);
		const results = await Promise.allSettled(
			reasons.map((reason) =>
				plans.setStatus(t.db, csm, account.id, objectiveId, 1, 'at_risk', reason)
			)
		);
		const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
		expect(won).toHaveLength(1);
		for (const r of results) {
			if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StaleVersionError);
		}
		const saved = await t.db
			.selectFrom('plan_objectives')
			.select(['status_reason', 'version'])
			.where('id', '=', objectiveId)
			.executeTakeFirstOrThrow();
		expect(saved).toEqual({ status_reason: reasons[won[0]!], version: 2 });
	});

	it('deletes an objective with its tasks, and only its tasks', async () => {
		const { csm, account } = await setup();
		const doomed = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		const kept = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		const soon = addDays(TODAY, 2);
		const gone = [
			await addTask(csm, account.id, doomed, 'Gone 1', { owner: csm.id, due: soon }),
			await addTask(csm, account.id, doomed, 'Gone 2')
		];
		const stays = await addTask(csm, account.id, kept, 'Stays', { owner: csm.id, due: soon });
		expect((await myWork(t.db, csm, NOW)).total).toBe(2);

		await plans.deleteObjective(t.db, csm, account.id, doomed, 1);

		const tasks = await t.db
			.selectFrom('tasks')
			.select('id')
			.where('account_id', '=', account.id)
			.execute();
		expect(tasks.map((x) => x.id)).toEqual([stays.id]);
		const links = await t.db
			.selectFrom('objective_tasks')
			.select('task_id')
			.where(
				'task_id',
				'in',
				gone.map((x) => x.id)
			)
			.execute();
		expect(links).toEqual([]);
		const view = await plan(csm, account.id);
		expect(view.objectives.map((o) => [o.id, o.tasks.map((x) => x.id)])).toEqual([
			[kept, [stays.id]]
		]);
		const work = await myWork(t.db, csm, NOW);
		expect(work.groups.flatMap((g) => g.tasks.map((x) => x.id))).toEqual([stays.id]);
	});

	it("puts plan tasks in their owner's My work when due within the week", async () => {
		const { csm, account } = await setup();
		const am = await makeUser(t.db, 'sales');
		await putOnTeam(t.db, account.id, am, 'AM');
		const id = await plans.createObjective(t.db, csm, account.id, outcomeObjective());
		const add = (title: string, owner: number, due: string | undefined) =>
			addTask(csm, account.id, id, title, { owner, due });

		const late = await add('Overdue', csm.id, addDays(TODAY, -2));
		const today = await add('Due today', csm.id, TODAY);
		const lastDay = await add('Due in six days', csm.id, addDays(TODAY, 6));
		await add('Due in seven days', csm.id, addDays(TODAY, 7));
		await add('No due date', csm.id, undefined);
		const amTask = await add("The AM's", am.id, addDays(TODAY, 1));

		const work = await myWork(t.db, csm, NOW);
		expect(work.groups.map((g) => g.accountId)).toEqual([account.id]);
		expect(work.groups[0]!.tasks.map((x) => [x.id, x.source, x.overdue, x.account_id])).toEqual([
			[late.id, 'plan', true, account.id],
			[today.id, 'plan', false, account.id],
			[lastDay.id, 'plan', false, account.id]
		]);
		expect(work.overdue).toBe(1);
		const amWork = await myWork(t.db, am, NOW);
		expect(amWork.groups.flatMap((g) => g.tasks.map((x) => x.id))).toEqual([amTask.id]);

		// Done leaves My work; reopened comes back.
		await plans.changeTask(t.db, csm, account.id, today.id, today.version, 'done');
		const afterDone = await myWork(t.db, csm, NOW);
		expect(afterDone.groups[0]!.tasks.map((x) => x.id)).toEqual([late.id, lastDay.id]);
		await plans.changeTask(t.db, csm, account.id, today.id, today.version + 1, 'reopen');
		expect((await myWork(t.db, csm, NOW)).total).toBe(3);

		// My work's own Done button closes a plan task through the plan's rules.
		await completeTask(t.db, csm, today.id, today.version + 2);
		const closed = await t.db
			.selectFrom('tasks')
			.select(['status', 'completed_by'])
			.where('id', '=', today.id)
			.executeTakeFirstOrThrow();
		expect(closed).toEqual({ status: 'done', completed_by: csm.id });
		expect((await myWork(t.db, csm, NOW)).total).toBe(2);
	});

	it('lets a CSM off the team, sales and admin read the plan but change nothing', async () => {
		const { account, objectiveId, taskId } = await planWithTask();
		const readers = [
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'sales'),
			await makeUser(t.db, 'admin')
		];
		const before = await snapshot(account.id);
		for (const reader of readers) {
			const view = await plan(reader, account.id);
			expect(view.objectives.map((o) => o.id)).toEqual([objectiveId]);
			expect(view.can).toEqual({ edit: false, work: false });
			await expectEveryWriteRefused(
				everyWrite(reader, account.id, objectiveId, taskId),
				ForbiddenError
			);
		}
		expect(await snapshot(account.id)).toEqual(before);
	});

	it('refuses someone who may not edit before reading their input, so its errors reveal nothing', async () => {
		const { account, objectiveId } = await planWithTask();
		const outsider = await makeUser(t.db, 'csm');
		const incomplete = outcomeObjective({ outcome: '', status: 'dropped', status_reason: '' });
		await expect(
			plans.createObjective(t.db, outsider, account.id, incomplete)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			plans.updateObjective(t.db, outsider, account.id, objectiveId, 1, incomplete)
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			plans.setStatus(t.db, outsider, account.id, objectiveId, 1, 'at_risk', ' ')
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('lets a manager do everything on an account whose team they are not on', async () => {
		const { account, objectiveId, taskId } = await planWithTask();
		const manager = await makeUser(t.db, 'manager');
		expect((await plan(manager, account.id)).can).toEqual({ edit: true, work: true });
		const writes = everyWrite(manager, account.id, objectiveId, taskId);

		const created = await writes.createObjective();
		await writes.updateObjective();
		await plans.setStatus(t.db, manager, account.id, objectiveId, 2, 'on_track', '');
		await writes.addTask();
		await writes.taskDone();
		await plans.changeTask(t.db, manager, account.id, taskId, 2, 'reopen');
		await plans.changeTask(t.db, manager, account.id, taskId, 3, 'remove');
		let view = await plan(manager, account.id);
		expect(view.objectives.map((o) => [o.id, o.title, o.status, o.version])).toEqual([
			[objectiveId, 'Renamed', 'on_track', 3],
			[created, 'Executive sponsor signs off the roadmap', 'not_started', 1]
		]);
		expect(objectiveIn(view, objectiveId).tasks.map((x) => x.title)).toEqual(['Another task']);

		await plans.deleteObjective(t.db, manager, account.id, objectiveId, 3);
		view = await plan(manager, account.id);
		expect(view.objectives.map((o) => o.id)).toEqual([created]);
		const actors = new Set((await auditRows(t.db, account.id)).slice(2).map((a) => a.actor_id));
		expect(actors).toEqual(new Set([manager.id]));
	});

	it("lets the reseller's partner CSM work plan tasks but not reshape the plan", async () => {
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const { account, objectiveId, taskId } = await planWithTask({ resellerId: reseller.id });
		await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');

		const view = await plan(partner, account.id);
		expect(view.objectives.map((o) => o.id)).toEqual([objectiveId]);
		expect(view.can).toEqual({ edit: false, work: true });

		const writes = everyWrite(partner, account.id, objectiveId, taskId);
		await writes.taskDone();
		const done = await t.db
			.selectFrom('tasks')
			.select(['status', 'completed_by', 'version'])
			.where('id', '=', taskId)
			.executeTakeFirstOrThrow();
		expect(done).toEqual({ status: 'done', completed_by: partner.id, version: 2 });
		await plans.changeTask(t.db, partner, account.id, taskId, 2, 'reopen');

		const before = await snapshot(account.id);
		const { createObjective, updateObjective, setStatus, deleteObjective, addTask } = writes;
		await expectEveryWriteRefused(
			{
				createObjective,
				updateObjective,
				setStatus,
				deleteObjective,
				addTask,
				taskRemove: () => plans.changeTask(t.db, partner, account.id, taskId, 3, 'remove')
			},
			ForbiddenError
		);
		expect(await snapshot(account.id)).toEqual(before);
		expect(before.tasks.map((x) => [x.status, x.completed_by, x.version])).toEqual([
			['open', null, 3]
		]);
	});

	it('hides the plan from a partner of another reseller: not found, whatever they try', async () => {
		const reseller = await makeReseller(t.db);
		const { account, objectiveId, taskId } = await planWithTask({ resellerId: reseller.id });
		const direct = await planWithTask();
		const stranger = await makeUser(t.db, 'partner');
		const before = await snapshot(account.id);

		for (const target of [
			{ accountId: account.id, objectiveId, taskId },
			{ accountId: direct.account.id, objectiveId: direct.objectiveId, taskId: direct.taskId }
		]) {
			await expect(plan(stranger, target.accountId)).rejects.toBeInstanceOf(NotFoundError);
			await expectEveryWriteRefused(
				everyWrite(stranger, target.accountId, target.objectiveId, target.taskId),
				NotFoundError
			);
		}
		expect(await snapshot(account.id)).toEqual(before);
	});

	it('reads the plan in a fixed number of queries, whatever the number of objectives and tasks', async () => {
		const manager = await makeUser(t.db, 'manager');
		async function accountWith(objectives: number) {
			const { csm, account } = await setup();
			await adoption.recordUsage(
				t.db,
				csm,
				account.id,
				reading('fabric_ports', addMonths(THIS_MONTH, -1), 4, 10),
				NOW
			);
			for (let i = 0; i < objectives; i++) {
				const input =
					i % 2 === 0
						? metricObjective(i % 4 === 0 ? 'fabric_ports' : 'smartview_users', 10 + i)
						: outcomeObjective({ owner_user_id: csm.id });
				const id = await plans.createObjective(t.db, csm, account.id, input);
				for (const title of ['One', 'Two']) {
					await plans.addTask(t.db, csm, account.id, {
						objective_id: id,
						title,
						owner_user_id: csm.id,
						due_date: TODAY
					});
				}
			}
			return account;
		}
		async function queriesOf(run: (db: Db) => Promise<PlanView>) {
			const counter = new QueryCounter();
			const view = await run(t.db.withPlugin(counter));
			return { count: counter.count, view };
		}
		const small = await accountWith(1);
		const large = await accountWith(20);
		const few = await queriesOf((db) => plans.getPlan(db, manager, small.id, NOW));
		const many = await queriesOf((db) => plans.getPlan(db, manager, large.id, NOW));
		expect(few.view.objectives).toHaveLength(1);
		expect(many.view.objectives).toHaveLength(20);
		expect(many.view.objectives.flatMap((o) => o.tasks)).toHaveLength(40);
		expect(many.count).toBe(few.count);
		expect(few.count).toBeLessThanOrEqual(5);
	});
});
