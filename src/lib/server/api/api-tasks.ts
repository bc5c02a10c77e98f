import type { Actor } from '../../domain/access';
import { NotFoundError } from '../../domain/errors';
import { findReadableAccount } from '../accounts/account-guard';
import type { Db, Executor } from '../db/database';
import * as postmortems from '../escalations/postmortem.service';
import { setFollowUpDone } from '../feedback/feedback-follow-up';
import * as onboardingItems from '../onboarding/onboarding-items.service';
import * as plans from '../plans/plan.service';
import * as reviews from '../reviews/review.service';
import { completeTask } from '../tasks/my-work.service';
import { findTaskSource } from '../tasks/task.repository';

function findTask(db: Executor, taskId: number) {
	return db
		.selectFrom('tasks as t')
		.innerJoin('accounts as a', 'a.id', 't.account_id')
		.select([
			't.id',
			't.account_id',
			'a.name as account_name',
			't.title',
			't.status',
			't.due_date',
			't.source',
			't.version'
		])
		.where('t.id', '=', taskId)
		.executeTakeFirst();
}

/** One task, for whoever may read its account (the account page shows its tasks): else 404. */
export async function getTask(db: Db, actor: Actor, taskId: number) {
	const task = await findTask(db, taskId);
	if (!task) throw new NotFoundError('task');
	await findReadableAccount(db, actor, task.account_id);
	return task;
}

/**
 * Completes or reopens a task through the section that owns it, as My work does, so each
 * section's access, version check and audit apply. Completing is My work's own path.
 */
export async function setTaskDone(
	db: Db,
	actor: Actor,
	taskId: number,
	version: number,
	done: boolean
) {
	if (done) return completeTask(db, actor, taskId, version);
	const task = await findTaskSource(db, taskId);
	if (!task) throw new NotFoundError('task');
	if (task.onboarding_id !== null) {
		return onboardingItems.changeItem(db, actor, task.account_id, taskId, version, {
			kind: 'reopen'
		});
	}
	if (task.objective_id !== null) {
		return plans.changeTask(db, actor, task.account_id, taskId, version, 'reopen');
	}
	if (task.escalation_id !== null)
		return postmortems.changeAction(db, actor, taskId, version, false);
	if (task.review_id !== null) return reviews.changeAction(db, actor, taskId, version, false);
	if (task.feedback_id !== null || task.source === 'feedback') {
		return setFollowUpDone(db, actor, taskId, version, false);
	}
	throw new NotFoundError('task');
}
