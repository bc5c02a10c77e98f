import type { Selectable, Updateable } from 'kysely';
import type { Actor } from '../../domain/access';
import { NotFoundError } from '../../domain/errors';
import { lockAccountFor } from '../accounts/account-guard';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { healthInputsChanged } from '../health/health-refresh';
import type { TaskTable } from './task.table';

/** What ticking a task off, or reopening it, writes: who settled it and when, or nobody. */
export function completionSet(done: boolean, actorId: number) {
	return done
		? {
				status: 'done' as const,
				completed_at: new Date(),
				completed_by: actorId,
				skip_reason: null
			}
		: { status: 'open' as const, completed_at: null, completed_by: null, skip_reason: null };
}

/**
 * One change to a task already locked and version-checked by its section: the update with a new
 * version, and its audit row (before and after) in the same transaction. Onboarding items and
 * plan tasks both change tasks through here.
 */
export async function updateTask(
	trx: Executor,
	actorId: number,
	accountId: number,
	before: { id: number; title: string },
	set: Updateable<TaskTable>
) {
	const after = await trx
		.updateTable('tasks')
		.set({ ...set, ...bumpVersion() })
		.where('id', '=', before.id)
		.returningAll()
		.executeTakeFirstOrThrow();
	await writeAudit(trx, {
		actorId,
		accountId,
		entity: 'task',
		entityId: before.id,
		action: 'update',
		before: { ...before, name: before.title },
		after: { ...after, name: after.title }
	});
	return after;
}

/**
 * Ticks a section's follow-up off, or reopens it, in the caller's transaction: `task` is the row
 * the section locked (missing when the id is not one of its tasks). Whoever may work the
 * account's tasks may, at the version their form showed; the account's health follows.
 * Post-mortem actions, review follow-ups and feedback follow-ups are settled through here.
 */
export async function settleTask(
	trx: Executor,
	actor: Actor,
	task: Selectable<TaskTable> | undefined,
	version: number,
	done: boolean,
	now = new Date()
) {
	if (!task) throw new NotFoundError('task');
	await lockAccountFor(trx, actor, task.account_id, 'work');
	assertVersion(task, version, 'task');
	await updateTask(trx, actor.id, task.account_id, task, completionSet(done, actor.id));
	await healthInputsChanged(trx, task.account_id, now);
}
