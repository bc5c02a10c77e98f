import { sql } from 'kysely';
import type { Executor } from '../db/database';

export function findReview(db: Executor, reviewId: number) {
	return db
		.selectFrom('business_reviews')
		.selectAll()
		.where('id', '=', reviewId)
		.executeTakeFirst();
}

export function lockReview(db: Executor, reviewId: number) {
	return db
		.selectFrom('business_reviews')
		.selectAll()
		.where('id', '=', reviewId)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * One page of an account's reviews, newest first, each with its follow-up counts (open and all),
 * counted for the page's rows only.
 */
export function listAccountReviews(db: Executor, accountId: number, limit: number, offset: number) {
	return db
		.selectFrom('business_reviews as r')
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('review_actions as x')
					.innerJoin('tasks as t', 't.id', 'x.task_id')
					.select([
						sql<number>`count(*)`.as('actions'),
						sql<number>`count(*) filter (where t.status = 'open')`.as('open_actions')
					])
					.whereRef('x.review_id', '=', 'r.id')
					.as('n'),
			(join) => join.onTrue()
		)
		.select([
			'r.id',
			'r.kind',
			'r.title',
			'r.status',
			'r.starts_at',
			'r.duration_minutes',
			'r.time_zone',
			'n.actions',
			'n.open_actions'
		])
		.where('r.account_id', '=', accountId)
		.orderBy('r.starts_at', 'desc')
		.orderBy('r.id', 'desc')
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function countAccountReviews(db: Executor, accountId: number) {
	const row = await db
		.selectFrom('business_reviews')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('account_id', '=', accountId)
		.executeTakeFirstOrThrow();
	return row.n;
}

/** The review's follow-up actions with their owners, open ones first, soonest due first. */
export function listReviewActions(db: Executor, reviewId: number) {
	return db
		.selectFrom('review_actions as x')
		.innerJoin('tasks as t', 't.id', 'x.task_id')
		.leftJoin('users as u', 'u.id', 't.owner_user_id')
		.select([
			't.id',
			't.title',
			't.due_date',
			't.status',
			't.version',
			't.owner_user_id',
			't.completed_at',
			'u.name as owner_name'
		])
		.where('x.review_id', '=', reviewId)
		.orderBy(sql`t.status = 'open'`, 'desc')
		.orderBy('t.due_date')
		.orderBy('t.id')
		.execute();
}

/** A follow-up task with its review, locked for a change. */
export function lockReviewAction(db: Executor, taskId: number) {
	return db
		.selectFrom('tasks as t')
		.innerJoin('review_actions as x', 'x.task_id', 't.id')
		.selectAll('t')
		.select('x.review_id')
		.where('t.id', '=', taskId)
		.forUpdate('t')
		.executeTakeFirst();
}
