import type { Executor } from '../db/database';
import { keysetAfterColumns, type KeysetColumn } from '../db/keyset';

/** My work's order before the task's id, for an export's keyset (neither key is ever null here). */
const MY_WORK_KEYS: KeysetColumn[] = [
	{ column: 'a.name', direction: 'asc' },
	{ column: 't.due_date', direction: 'asc' }
];

/** Where an export's last batch ended: that task's account name, due date and id. */
export interface MyWorkPosition {
	accountName: string;
	dueDate: string;
	id: number;
}

/** My work shows at most this many tasks; the export has them all, batch by batch. */
const MY_WORK_LIMIT = 500;

/**
 * The user's open tasks due on or before `until` (overdue included), across every account,
 * with the account's name: My work in one query. With `batch`, the tasks after a position
 * instead (an export's next batch).
 */
export function listOpenTasksFor(
	db: Executor,
	userId: number,
	until: string,
	batch?: { after: MyWorkPosition | null; size: number }
) {
	const after = batch?.after;
	return db
		.selectFrom('tasks as t')
		.innerJoin('accounts as a', 'a.id', 't.account_id')
		.leftJoin('onboarding_items as i', 'i.task_id', 't.id')
		.leftJoin('objective_tasks as ot', 'ot.task_id', 't.id')
		.leftJoin('plan_objectives as o', 'o.id', 'ot.objective_id')
		.leftJoin('escalation_actions as x', 'x.task_id', 't.id')
		.leftJoin('escalations as e', 'e.id', 'x.escalation_id')
		.leftJoin('review_actions as ra', 'ra.task_id', 't.id')
		.leftJoin('business_reviews as br', 'br.id', 'ra.review_id')
		.select([
			't.id',
			't.title',
			't.due_date',
			't.source',
			't.version',
			't.account_id',
			'a.name as account_name',
			'i.phase',
			'o.title as objective_title',
			'x.escalation_id',
			'e.title as escalation_title',
			'ra.review_id',
			'br.title as review_title',
			'br.kind as review_kind'
		])
		.where('t.owner_user_id', '=', userId)
		.where('t.status', '=', 'open')
		.where('t.due_date', '<=', until)
		.$if(after != null, (qb) =>
			qb.where(
				keysetAfterColumns(MY_WORK_KEYS, 't.id', {
					values: [after!.accountName, after!.dueDate],
					id: after!.id
				})
			)
		)
		.orderBy('a.name')
		.orderBy('t.due_date')
		.orderBy('t.id')
		.limit(batch?.size ?? MY_WORK_LIMIT)
		.execute();
}

export async function countOpenTasksFor(db: Executor, userId: number, until: string) {
	const row = await db
		.selectFrom('tasks')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('owner_user_id', '=', userId)
		.where('status', '=', 'open')
		.where('due_date', '<=', until)
		.executeTakeFirstOrThrow();
	return row.n;
}

export function findTaskSource(db: Executor, taskId: number) {
	return db
		.selectFrom('tasks as t')
		.leftJoin('onboarding_items as i', 'i.task_id', 't.id')
		.leftJoin('objective_tasks as ot', 'ot.task_id', 't.id')
		.leftJoin('escalation_actions as x', 'x.task_id', 't.id')
		.leftJoin('review_actions as ra', 'ra.task_id', 't.id')
		.leftJoin('feedback as fb', 'fb.follow_up_task_id', 't.id')
		.select([
			't.id',
			't.account_id',
			't.source',
			'i.onboarding_id',
			'ot.objective_id',
			'x.escalation_id',
			'ra.review_id',
			'fb.id as feedback_id'
		])
		.where('t.id', '=', taskId)
		.executeTakeFirst();
}
