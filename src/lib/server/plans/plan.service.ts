import { METRICS } from '../../domain/adoption';
import { canEditAccount, canWorkTasks, type Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { ConflictError, NotFoundError } from '../../domain/errors';
import {
	attentionFor,
	criterionOf,
	needsReason,
	objectiveProblem,
	objectiveProgress,
	planSummary,
	statusProblem,
	type ObjectiveDraft,
	type ObjectiveStatus
} from '../../domain/success-plan';
import { isOverdue as isTaskOverdue } from '../../domain/onboarding-rules';
import {
	assertOwnerOnTeam,
	findReadableAccount,
	lockAccountFor,
	lockEditableAccount
} from '../accounts/account-guard';
import { listTeam } from '../accounts/account.repository';
import { latestReadings } from '../adoption/adoption.repository';
import { completionSet, updateTask } from '../tasks/task-change';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import {
	listObjectives,
	listObjectiveTasks,
	lockObjective,
	lockObjectiveTask
} from './plan.repository';
import { healthInputsChanged } from '../health/health-refresh';
import { publish } from '../events/events';
import { taskAssigned } from '../notifications/assignment-events';

/** The account's success plan: objectives with derived progress, their tasks, what needs a look. */
export async function getPlan(db: Db, actor: Actor, accountId: number, now = new Date()) {
	const account = await findReadableAccount(db, actor, accountId);
	const [objectives, tasks, readings, team] = await Promise.all([
		listObjectives(db, accountId),
		listObjectiveTasks(db, accountId),
		latestReadings(db, accountId),
		listTeam(db, accountId)
	]);
	const facts = {
		resellerId: account.reseller_id,
		actorOnTeam: team.some((m) => m.user_id === actor.id)
	};
	const today = todayIn(account.time_zone, now);
	const latestByMetric = new Map(readings.map((r) => [r.metric, r]));

	const rows = objectives.map((o) => {
		const criterion = criterionOf(o);
		const reading = criterion.kind === 'metric' ? latestByMetric.get(criterion.metric) : undefined;
		const latest = reading ? { month: reading.month, used: reading.used } : null;
		const own = tasks.filter((t) => t.objective_id === o.id);
		const progress = objectiveProgress(
			criterion,
			latest,
			own.map((t) => ({ status: t.status, skipReason: t.skip_reason }))
		);
		return {
			...o,
			criterion,
			unit: criterion.kind === 'metric' ? METRICS[criterion.metric].unit : null,
			progress,
			attention: attentionFor({ status: o.status, dueDate: o.due_date }, criterion, latest, today),
			tasks: own.map((t) => ({
				...t,
				overdue: isTaskOverdue({ status: t.status, dueDate: t.due_date }, today)
			}))
		};
	});
	return {
		account,
		team,
		today,
		objectives: rows,
		summary: planSummary(objectives),
		metricsWithData: readings.map((r) => r.metric),
		can: { edit: canEditAccount(actor, facts), work: canWorkTasks(actor, facts) }
	};
}

function assertDraft(draft: ObjectiveDraft) {
	const problem = objectiveProblem(draft);
	if (problem) throw new ConflictError(problem.field, problem.key);
}

export interface ObjectiveInput extends ObjectiveDraft {
	title: string;
	why: string;
	owner_user_id: number | null;
	due_date: string | null;
}

/** Only the half of the criterion that applies is stored; a reason only where one is asked. */
function columnsOf(input: ObjectiveInput) {
	const metric = input.criterion_kind === 'metric';
	return {
		title: input.title,
		why: input.why,
		criterion_kind: input.criterion_kind,
		metric: metric ? input.metric : null,
		target_value: metric ? input.target_value : null,
		outcome: metric ? '' : input.outcome.trim(),
		owner_user_id: input.owner_user_id,
		due_date: input.due_date,
		status: input.status,
		status_reason: needsReason(input.status) ? input.status_reason.trim() : null
	};
}

export async function createObjective(
	db: Db,
	actor: Actor,
	accountId: number,
	input: ObjectiveInput
) {
	return db.transaction().execute(async (trx) => {
		// Access first: someone who may not edit learns nothing from their input's errors.
		await lockEditableAccount(trx, actor, accountId);
		assertDraft(input);
		await assertOwnerOnTeam(trx, accountId, input.owner_user_id);
		const row = await trx
			.insertInto('plan_objectives')
			.values({ account_id: accountId, ...columnsOf(input), created_by: actor.id })
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'plan_objective',
			entityId: row.id,
			action: 'create',
			after: { ...row, name: row.title }
		});
		await healthInputsChanged(trx, accountId);
		return row.id;
	});
}

async function lockAccountObjective(trx: Executor, accountId: number, id: number, version: number) {
	const row = await lockObjective(trx, id);
	if (!row || row.account_id !== accountId) throw new NotFoundError('objective');
	return assertVersion(row, version, 'objective');
}

export async function updateObjective(
	db: Db,
	actor: Actor,
	accountId: number,
	objectiveId: number,
	expectedVersion: number,
	input: ObjectiveInput
) {
	await db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		assertDraft(input);
		const before = await lockAccountObjective(trx, accountId, objectiveId, expectedVersion);
		await assertOwnerOnTeam(trx, accountId, input.owner_user_id);
		const after = await trx
			.updateTable('plan_objectives')
			.set({ ...columnsOf(input), ...bumpVersion() })
			.where('id', '=', objectiveId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'plan_objective',
			entityId: objectiveId,
			action: 'update',
			before: { ...before, name: before.title },
			after: { ...after, name: after.title }
		});
		await healthInputsChanged(trx, accountId);
	});
}

/** The quick status change from the plan: at risk and dropped say why. */
export async function setStatus(
	db: Db,
	actor: Actor,
	accountId: number,
	objectiveId: number,
	expectedVersion: number,
	status: ObjectiveStatus,
	reason: string
) {
	await db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		const problem = statusProblem(status, reason);
		if (problem) throw new ConflictError(problem.field, problem.key);
		const before = await lockAccountObjective(trx, accountId, objectiveId, expectedVersion);
		const after = await trx
			.updateTable('plan_objectives')
			.set({
				status,
				status_reason: needsReason(status) ? reason.trim() : null,
				...bumpVersion()
			})
			.where('id', '=', objectiveId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'plan_objective',
			entityId: objectiveId,
			action: 'update',
			before: { name: before.title, status: before.status, status_reason: before.status_reason },
			after: { name: after.title, status: after.status, status_reason: after.status_reason }
		});
		await healthInputsChanged(trx, accountId);
	});
}

/** Removes an objective and its tasks (they served nothing else). */
export async function deleteObjective(
	db: Db,
	actor: Actor,
	accountId: number,
	objectiveId: number,
	expectedVersion: number
) {
	await db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		const before = await lockAccountObjective(trx, accountId, objectiveId, expectedVersion);
		await trx
			.deleteFrom('tasks')
			.where('id', 'in', (eb) =>
				eb.selectFrom('objective_tasks').select('task_id').where('objective_id', '=', objectiveId)
			)
			.execute();
		await trx.deleteFrom('plan_objectives').where('id', '=', objectiveId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'plan_objective',
			entityId: objectiveId,
			action: 'delete',
			before: { ...before, name: before.title }
		});
		await healthInputsChanged(trx, accountId);
	});
}

export interface PlanTaskInput {
	objective_id: number;
	title: string;
	owner_user_id: number | null;
	due_date: string | null;
}

/** A task under an objective: a row of the shared tasks table, so it shows in My work. */
export async function addTask(db: Db, actor: Actor, accountId: number, input: PlanTaskInput) {
	await db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		const objective = await lockObjective(trx, input.objective_id);
		if (!objective || objective.account_id !== accountId) throw new NotFoundError('objective');
		await assertOwnerOnTeam(trx, accountId, input.owner_user_id);
		const task = await trx
			.insertInto('tasks')
			.values({
				account_id: accountId,
				title: input.title,
				owner_user_id: input.owner_user_id,
				due_date: input.due_date,
				source: 'plan'
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('objective_tasks')
			.values({ task_id: task.id, objective_id: objective.id })
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'task',
			entityId: task.id,
			action: 'create',
			after: { ...task, name: task.title, objective: objective.title }
		});
		await publish(trx, taskAssigned(accountId, task.id, task.owner_user_id, actor.id));
		await healthInputsChanged(trx, accountId);
	});
}

export type PlanTaskChange = 'done' | 'reopen' | 'remove';

/**
 * Done and reopen are for everyone who works the account's follow-ups (the reseller's partner
 * CSM included); removing a task reshapes the plan, so it is for the plan's editors.
 */
export async function changeTask(
	db: Db,
	actor: Actor,
	accountId: number,
	taskId: number,
	expectedVersion: number,
	change: PlanTaskChange
) {
	await db.transaction().execute(async (trx) => {
		await lockAccountFor(trx, actor, accountId, change === 'remove' ? 'edit' : 'work');
		const task = await lockObjectiveTask(trx, taskId);
		if (!task || task.account_id !== accountId) throw new NotFoundError('task');
		const { objective_id: objectiveId, ...before } = assertVersion(task, expectedVersion, 'task');
		if (change === 'remove') {
			await trx.deleteFrom('tasks').where('id', '=', taskId).execute();
			await writeAudit(trx, {
				actorId: actor.id,
				accountId,
				entity: 'task',
				entityId: taskId,
				action: 'delete',
				before: { ...before, name: before.title, objective_id: objectiveId }
			});
		} else {
			const set = completionSet(change === 'done', actor.id);
			await updateTask(trx, actor.id, accountId, before, set);
		}
		await healthInputsChanged(trx, accountId);
	});
}
