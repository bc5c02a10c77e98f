import { addDays, todayIn } from '../../domain/dates';
import { NotFoundError } from '../../domain/errors';
import type { Actor } from '../../domain/access';
import type { Db } from '../db/database';
import * as postmortems from '../escalations/postmortem.service';
import { setFollowUpDone } from '../feedback/feedback-follow-up';
import * as onboardingItems from '../onboarding/onboarding-items.service';
import * as plans from '../plans/plan.service';
import { upcomingReviewsFor } from '../reviews/review-list.service';
import * as reviews from '../reviews/review.service';
import { countOpenTasksFor, findTaskSource, listOpenTasksFor } from './task.repository';

type Viewer = Actor & { timeZone: string };

/** "This week" in My work: today and the six days after it, in the user's time zone. */
export function workWindow(viewer: Viewer, now: Date) {
	const today = todayIn(viewer.timeZone, now);
	return { today, until: addDays(today, 6) };
}

/** The user's overdue and due-this-week tasks, grouped by account. */
export async function myWork(db: Db, viewer: Viewer, now = new Date()) {
	const { today, until } = workWindow(viewer, now);
	const [rows, upcomingReviews] = await Promise.all([
		listOpenTasksFor(db, viewer.id, until),
		upcomingReviewsFor(db, viewer, now)
	]);
	const groups: {
		accountId: number;
		accountName: string;
		tasks: ((typeof rows)[number] & { overdue: boolean })[];
	}[] = [];
	for (const row of rows) {
		let group = groups.at(-1);
		if (group?.accountId !== row.account_id) {
			group = { accountId: row.account_id, accountName: row.account_name, tasks: [] };
			groups.push(group);
		}
		group.tasks.push({ ...row, overdue: row.due_date! < today });
	}
	const overdue = rows.filter((r) => r.due_date! < today).length;
	return { today, until, groups, total: rows.length, overdue, upcomingReviews };
}

export async function myWorkCount(db: Db, viewer: Viewer, now = new Date()) {
	return countOpenTasksFor(db, viewer.id, workWindow(viewer, now).until);
}

/** Completes a task from My work, through the section that owns it so its rules still apply. */
export async function completeTask(db: Db, actor: Actor, taskId: number, expectedVersion: number) {
	const task = await findTaskSource(db, taskId);
	if (!task) throw new NotFoundError('task');
	if (task.onboarding_id !== null) {
		await onboardingItems.changeItem(db, actor, task.account_id, taskId, expectedVersion, {
			kind: 'done'
		});
		return;
	}
	if (task.objective_id !== null) {
		await plans.changeTask(db, actor, task.account_id, taskId, expectedVersion, 'done');
		return;
	}
	if (task.escalation_id !== null) {
		await postmortems.changeAction(db, actor, taskId, expectedVersion, true);
		return;
	}
	if (task.review_id !== null) {
		await reviews.changeAction(db, actor, taskId, expectedVersion, true);
		return;
	}
	// A feedback follow-up is a plain task (also once its response was deleted).
	if (task.feedback_id !== null || task.source === 'feedback') {
		await setFollowUpDone(db, actor, taskId, expectedVersion, true);
		return;
	}
	// Every task Keel writes today belongs to a section; one that does not is not ours to close.
	throw new NotFoundError('task');
}
