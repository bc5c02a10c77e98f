import type { Updateable } from 'kysely';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../db/database';
import { bumpVersion } from '../db/versioned';
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
