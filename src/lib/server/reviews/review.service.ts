import type { Actor } from '../../domain/access';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { ReviewKind } from '../../domain/review';
import { zonedToInstant } from '../../domain/zoned-time';
import { assertOwnerOnTeam, lockAccountFor } from '../accounts/account-guard';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { healthInputsChanged } from '../health/health-refresh';
import { refreshReviewFacts } from './review-facts.repository';
import { settleTask } from '../tasks/task-change';
import { checkedAttendees } from './review-attendees';
import { lockReview, lockReviewAction } from './review.repository';
import type { BusinessReview } from './review.table';
import { publish } from '../events/events';
import { taskAssigned } from '../notifications/assignment-events';

/*
 * Changing business reviews and their follow-ups, each in one transaction with its audit row
 * and the account's health. What the pages read is in review-view.service.ts.
 */

/**
 * After a review's date, kind or status changed: the cadence facts and the account's health
 * (a review held is a touch) are current when the transaction commits.
 */
async function reviewsChanged(trx: Executor, accountId: number, now: Date) {
	await refreshReviewFacts(trx, accountId);
	await healthInputsChanged(trx, accountId, now);
}

export interface ReviewInput {
	kind: ReviewKind;
	title: string;
	date: string;
	time: string;
	duration_minutes: number;
	location: string;
	agenda: string;
	/** 'contact:12' or 'user:3', as the form's checkboxes send them. */
	attendees: string[];
}

/** A review of this account, or "not found" (also when the id belongs to another account). */
export function ofAccount<T extends { account_id: number }>(
	review: T | undefined,
	accountId: number
): T {
	if (!review || review.account_id !== accountId) throw new NotFoundError('review');
	return review;
}

/** What a review's audit rows carry: the row, named for the account's Activity list. */
const named = (review: BusinessReview) => ({ ...review, name: review.title });

function audit(
	trx: Executor,
	actor: Actor,
	before: BusinessReview | null,
	after: BusinessReview,
	action: 'create' | 'update' = 'update'
) {
	return writeAudit(trx, {
		actorId: actor.id,
		accountId: after.account_id,
		entity: 'business_review',
		entityId: after.id,
		action,
		before: before && named(before),
		after: named(after)
	});
}

/**
 * Schedules a review at a wall-clock time in the account's zone. A past time is allowed: a
 * review held before anyone put it in Keel is scheduled, then recorded as held.
 */
export async function scheduleReview(
	db: Db,
	actor: Actor,
	accountId: number,
	input: ReviewInput,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const { account } = await lockAccountFor(trx, actor, accountId, 'edit');
		const attendees = await checkedAttendees(trx, accountId, input.attendees);
		const review = await trx
			.insertInto('business_reviews')
			.values({
				account_id: accountId,
				kind: input.kind,
				title: input.title,
				starts_at: zonedToInstant(input.date, input.time, account.time_zone),
				duration_minutes: input.duration_minutes,
				time_zone: account.time_zone,
				location: input.location,
				agenda: input.agenda,
				attendees: JSON.stringify(attendees),
				created_by: actor.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, null, review, 'create');
		await reviewsChanged(trx, accountId, now);
		return review.id;
	});
}

/** The review, locked, on an account the actor may edit, at the version their form showed. */
async function lockForChange(
	trx: Executor,
	actor: Actor,
	accountId: number,
	reviewId: number,
	version: number
) {
	const { account } = await lockAccountFor(trx, actor, accountId, 'edit');
	const review = ofAccount(await lockReview(trx, reviewId), accountId);
	return { account, review: assertVersion(review, version, 'review') };
}

/** Changes a planned review, rescheduling it when the date or time moves (in the account's zone). */
export async function editReview(
	db: Db,
	actor: Actor,
	accountId: number,
	reviewId: number,
	input: ReviewInput & { version: number },
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { account, review } = await lockForChange(trx, actor, accountId, reviewId, input.version);
		if (review.status !== 'planned') throw new ConflictError('date', 'reviews.error.notPlanned');
		const attendees = await checkedAttendees(trx, accountId, input.attendees);
		// Rescheduled in the account's zone of today, the zone its people keep their diaries in.
		const startsAt = zonedToInstant(input.date, input.time, account.time_zone);
		const after = await trx
			.updateTable('business_reviews')
			.set({
				kind: input.kind,
				title: input.title,
				starts_at: startsAt,
				duration_minutes: input.duration_minutes,
				time_zone: account.time_zone,
				location: input.location,
				agenda: input.agenda,
				attendees: JSON.stringify(attendees),
				...bumpVersion()
			})
			.where('id', '=', reviewId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, review, after);
		if (startsAt.getTime() !== review.starts_at.getTime() || input.kind !== review.kind) {
			await reviewsChanged(trx, accountId, now);
		}
	});
}

/**
 * Records a planned review as held, with its notes and decisions; on a review already held it
 * revises them. A review cannot be held before it starts: reschedule it to when it took place.
 */
export async function recordHeld(
	db: Db,
	actor: Actor,
	accountId: number,
	reviewId: number,
	input: { version: number; notes: string; decisions: string },
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { review } = await lockForChange(trx, actor, accountId, reviewId, input.version);
		if (review.status === 'cancelled') throw new ConflictError('notes', 'reviews.error.cancelled');
		if (review.status === 'planned' && review.starts_at > now) {
			throw new ConflictError('notes', 'reviews.error.notStarted');
		}
		const after = await trx
			.updateTable('business_reviews')
			.set({
				status: 'held',
				notes: input.notes,
				decisions: input.decisions,
				...bumpVersion()
			})
			.where('id', '=', reviewId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, review, after);
		if (review.status !== 'held') await reviewsChanged(trx, accountId, now);
	});
}

/** Cancels a planned review, saying why; held reviews stay on the record. */
export async function cancelReview(
	db: Db,
	actor: Actor,
	accountId: number,
	reviewId: number,
	input: { version: number; reason: string },
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { review } = await lockForChange(trx, actor, accountId, reviewId, input.version);
		if (review.status !== 'planned') throw new ConflictError('reason', 'reviews.error.notPlanned');
		const after = await trx
			.updateTable('business_reviews')
			.set({ status: 'cancelled', cancel_reason: input.reason, ...bumpVersion() })
			.where('id', '=', reviewId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, review, after);
		await reviewsChanged(trx, accountId, now);
	});
}

/**
 * A follow-up action: a task for someone on the account team with a due date, so it shows in
 * their My work. Not on a cancelled review: nothing was agreed there.
 */
export async function addAction(
	db: Db,
	actor: Actor,
	accountId: number,
	reviewId: number,
	input: { title: string; owner_id: number; due_date: string }
) {
	return db.transaction().execute(async (trx) => {
		await lockAccountFor(trx, actor, accountId, 'edit');
		const review = ofAccount(await lockReview(trx, reviewId), accountId);
		if (review.status === 'cancelled') throw new ConflictError('title', 'reviews.error.cancelled');
		await assertOwnerOnTeam(trx, accountId, input.owner_id, 'owner_id');
		const task = await trx
			.insertInto('tasks')
			.values({
				account_id: accountId,
				title: input.title,
				owner_user_id: input.owner_id,
				due_date: input.due_date,
				source: 'review'
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('review_actions')
			.values({ task_id: task.id, review_id: reviewId })
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'task',
			entityId: task.id,
			action: 'create',
			after: { ...task, name: task.title, review_id: reviewId }
		});
		await publish(trx, taskAssigned(accountId, task.id, task.owner_user_id, actor.id));
		return task.id;
	});
}

/**
 * Ticks a follow-up off, or reopens it: whoever may work the account's tasks, a reseller's
 * partner CSM included. My work completes review follow-ups through here.
 */
export async function changeAction(
	db: Db,
	actor: Actor,
	taskId: number,
	version: number,
	done: boolean,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		await settleTask(trx, actor, await lockReviewAction(trx, taskId), version, done, now);
	});
}
