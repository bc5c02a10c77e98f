import type { Executor } from '../db/database';

/** The account's objectives with their owners' names, in the order they were written. */
export function listObjectives(db: Executor, accountId: number) {
	return db
		.selectFrom('plan_objectives as o')
		.leftJoin('users as u', 'u.id', 'o.owner_user_id')
		.selectAll('o')
		.select('u.name as owner_name')
		.where('o.account_id', '=', accountId)
		.orderBy('o.created_at')
		.orderBy('o.id')
		.execute();
}

/** Every task of every objective of the account, in one query. */
export function listObjectiveTasks(db: Executor, accountId: number) {
	return db
		.selectFrom('objective_tasks as ot')
		.innerJoin('tasks as t', 't.id', 'ot.task_id')
		.leftJoin('users as u', 'u.id', 't.owner_user_id')
		.select([
			'ot.objective_id',
			't.id',
			't.title',
			't.due_date',
			't.status',
			't.skip_reason',
			't.owner_user_id',
			't.completed_at',
			't.version',
			'u.name as owner_name'
		])
		.where('t.account_id', '=', accountId)
		.orderBy('t.due_date', (ob) => ob.asc().nullsLast())
		.orderBy('t.id')
		.execute();
}

export function lockObjective(db: Executor, id: number) {
	return db
		.selectFrom('plan_objectives')
		.selectAll()
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/** A plan task with the objective it belongs to, locked for a change. */
export function lockObjectiveTask(db: Executor, taskId: number) {
	return db
		.selectFrom('tasks as t')
		.innerJoin('objective_tasks as ot', 'ot.task_id', 't.id')
		.selectAll('t')
		.select('ot.objective_id')
		.where('t.id', '=', taskId)
		.forUpdate()
		.executeTakeFirst();
}
