import type { Actor } from '../../domain/access';
import { NotFoundError, StaleVersionError } from '../../domain/errors';
import { assertOwnerOnTeam, lockAccountFor } from '../accounts/account-guard';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { bumpVersion } from '../db/versioned';
import { publish } from '../events/events';
import { taskAssigned } from '../notifications/assignment-events';
import { settleTask } from '../tasks/task-change';
import { addEvent, lockEscalation } from './escalation.repository';

/** The escalation, locked, on an account the actor may run (as its status and priority). */
async function lockForPostmortem(trx: Executor, actor: Actor, escalationId: number) {
	const escalation = await lockEscalation(trx, escalationId);
	if (!escalation) throw new NotFoundError('escalation');
	await lockAccountFor(trx, actor, escalation.account_id, 'edit');
	return escalation;
}

/**
 * Writes or rewrites the post-mortem: the root cause and a summary of what happened and what
 * changes. `version` 0 writes the first one; a later save must carry the version it showed.
 */
export async function savePostmortem(
	db: Db,
	actor: Actor,
	escalationId: number,
	version: number,
	input: { root_cause: string; summary: string },
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const escalation = await lockForPostmortem(trx, actor, escalationId);
		const existing = await trx
			.selectFrom('postmortems')
			.selectAll()
			.where('escalation_id', '=', escalationId)
			.forUpdate()
			.executeTakeFirst();
		if ((existing?.version ?? 0) !== version) throw new StaleVersionError('postmortem');
		const after = existing
			? await trx
					.updateTable('postmortems')
					.set({ ...input, written_by: actor.id, ...bumpVersion() })
					.where('escalation_id', '=', escalationId)
					.returningAll()
					.executeTakeFirstOrThrow()
			: await trx
					.insertInto('postmortems')
					.values({ escalation_id: escalationId, ...input, written_by: actor.id })
					.returningAll()
					.executeTakeFirstOrThrow();
		await addEvent(trx, {
			escalationId,
			kind: 'postmortem',
			actorId: actor.id,
			data: { change: existing ? 'revised' : 'written' },
			at: now
		});
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: escalation.account_id,
			entity: 'postmortem',
			entityId: escalationId,
			action: existing ? 'update' : 'create',
			before: existing ?? null,
			after
		});
	});
}

/**
 * A corrective action from the post-mortem: a task with an owner on the account team and a due
 * date, so it shows in the owner's My work.
 */
export async function addCorrectiveAction(
	db: Db,
	actor: Actor,
	escalationId: number,
	input: { title: string; owner_id: number; due_date: string },
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const escalation = await lockForPostmortem(trx, actor, escalationId);
		await assertOwnerOnTeam(trx, escalation.account_id, input.owner_id, 'owner_id');
		const task = await trx
			.insertInto('tasks')
			.values({
				account_id: escalation.account_id,
				title: input.title,
				owner_user_id: input.owner_id,
				due_date: input.due_date,
				source: 'postmortem'
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('escalation_actions')
			.values({ task_id: task.id, escalation_id: escalationId })
			.execute();
		await addEvent(trx, {
			escalationId,
			kind: 'postmortem',
			actorId: actor.id,
			body: input.title,
			data: { change: 'action_added', task_id: task.id },
			at: now
		});
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: escalation.account_id,
			entity: 'task',
			entityId: task.id,
			action: 'create',
			after: { ...task, name: task.title }
		});
		const assigned = taskAssigned(task.account_id, task.id, task.owner_user_id, actor.id);
		await publish(trx, assigned, now);
		return task.id;
	});
}

/** Ticks a corrective action off, or reopens it: whoever may work the account's tasks. */
export async function changeAction(
	db: Db,
	actor: Actor,
	taskId: number,
	version: number,
	done: boolean
) {
	await db.transaction().execute(async (trx) => {
		const task = await trx
			.selectFrom('tasks as t')
			.innerJoin('escalation_actions as x', 'x.task_id', 't.id')
			.selectAll('t')
			.where('t.id', '=', taskId)
			.forUpdate()
			.executeTakeFirst();
		await settleTask(trx, actor, task, version, done);
	});
}
