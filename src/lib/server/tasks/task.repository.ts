import type { Executor } from '../db/database';

/**
 * The user's open tasks due on or before `until` (overdue included), across every account,
 * with the account's name: My work in one query.
 */
export function listOpenTasksFor(db: Executor, userId: number, until: string) {
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
		.orderBy('a.name')
		.orderBy('t.due_date')
		.orderBy('t.id')
		.limit(500)
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
