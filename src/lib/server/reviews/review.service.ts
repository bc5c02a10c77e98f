import { canEditAccount, canWorkTasks, type Actor } from '../../domain/access';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { buildIcs } from '../../domain/ics';
import type { ReviewKind } from '../../domain/review';
import { ACCOUNT_REVIEWS_PAGE_SIZE } from '../../domain/review-list-query';
import type { Locale } from '../../domain/vocabulary';
import { zonedToInstant } from '../../domain/zoned-time';
import { loadCatalogue } from '../../i18n/catalogue';
import { assertOwnerOnTeam, findReadableAccount, lockAccountFor } from '../accounts/account-guard';
import { isOnTeam, listContacts, listTeam } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { healthInputsChanged } from '../health/health-refresh';
import type { Attendee } from '../onboarding/onboarding.table';
import { completionSet, updateTask } from '../tasks/task-change';
import { accountStandings } from './cadence.service';
import {
	countAccountReviews,
	findReview,
	listAccountReviews,
	listReviewActions,
	lockReview,
	lockReviewAction
} from './review.repository';
import type { BusinessReview } from './review.table';

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

/** The account's contacts and team, shaped for the attendee and owner pickers. */
async function people(db: Executor, accountId: number) {
	const [contacts, team] = await Promise.all([
		listContacts(db, accountId),
		listTeam(db, accountId)
	]);
	return {
		contacts: contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, email: c.email })),
		team: team.map((m) => ({
			user_id: m.user_id,
			name: m.name,
			email: m.email,
			team_role: m.team_role,
			active: m.disabled_at === null
		}))
	};
}

/** The account's reviews (one page, newest first), where it stands on its cadences, and what the reader may do. */
export async function getForAccount(
	db: Db,
	actor: Actor,
	accountId: number,
	page: number,
	now = new Date()
) {
	const account = await findReadableAccount(db, actor, accountId);
	const offset = (page - 1) * ACCOUNT_REVIEWS_PAGE_SIZE;
	const [reviews, total, cadences, who, actorOnTeam] = await Promise.all([
		listAccountReviews(db, accountId, ACCOUNT_REVIEWS_PAGE_SIZE, offset),
		countAccountReviews(db, accountId),
		accountStandings(db, accountId, now),
		people(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	return {
		account,
		reviews: reviews.map((r) => ({
			...r,
			actions: r.actions ?? 0,
			open_actions: r.open_actions ?? 0,
			needsRecording: r.status === 'planned' && r.starts_at < now
		})),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / ACCOUNT_REVIEWS_PAGE_SIZE)),
		cadences,
		...who,
		can: { manage: canEditAccount(actor, facts) }
	};
}

/** A review of this account, or "not found" (also when the id belongs to another account). */
function ofAccount<T extends { account_id: number }>(review: T | undefined, accountId: number): T {
	if (!review || review.account_id !== accountId) throw new NotFoundError('review');
	return review;
}

interface NamedAttendee {
	key: string;
	kind: Attendee['kind'];
	name: string;
	/** A contact's job title, or a team member's team role. */
	detail: string;
	email: string;
}

/** Attendees with their names, in the order they were picked; people since removed are skipped. */
function namedAttendees(
	attendees: Attendee[],
	who: Awaited<ReturnType<typeof people>>
): NamedAttendee[] {
	return attendees.flatMap((a): NamedAttendee[] => {
		if (a.kind === 'contact') {
			const c = who.contacts.find((x) => x.id === a.id);
			return c
				? [{ key: `contact:${c.id}`, kind: a.kind, name: c.name, detail: c.title, email: c.email }]
				: [];
		}
		const m = who.team.find((x) => x.user_id === a.id);
		return m
			? [
					{
						key: `user:${m.user_id}`,
						kind: a.kind,
						name: m.name,
						detail: m.team_role,
						email: m.email
					}
				]
			: [];
	});
}

/** One review with its attendees, follow-up actions, and what the reader may do. */
export async function getReview(
	db: Db,
	actor: Actor,
	accountId: number,
	reviewId: number,
	now = new Date()
) {
	const account = await findReadableAccount(db, actor, accountId);
	const review = ofAccount(await findReview(db, reviewId), accountId);
	const [actions, who, actorOnTeam] = await Promise.all([
		listReviewActions(db, reviewId),
		people(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	return {
		account,
		review: { ...review, needsRecording: review.status === 'planned' && review.starts_at < now },
		attendees: namedAttendees(review.attendees, who),
		actions,
		...who,
		owners: who.team.filter((m) => m.active).map((m) => ({ id: m.user_id, name: m.name })),
		can: { manage: canEditAccount(actor, facts), work: canWorkTasks(actor, facts) }
	};
}

/** The picked attendees, each one of the account's contacts or team; refused at the field otherwise. */
async function checkedAttendees(trx: Executor, accountId: number, values: string[]) {
	const attendees = [...new Set(values)].map((value): Attendee => {
		const match = /^(contact|user):(\d{1,10})$/.exec(value);
		if (!match) throw new ConflictError('attendees', 'error.choice');
		return { kind: match[1] as Attendee['kind'], id: Number(match[2]) };
	});
	if (attendees.length === 0) return attendees;
	const who = await people(trx, accountId);
	const known = new Set([
		...who.contacts.map((c) => `contact:${c.id}`),
		...who.team.map((m) => `user:${m.user_id}`)
	]);
	if (attendees.some((a) => !known.has(`${a.kind}:${a.id}`))) {
		throw new ConflictError('attendees', 'error.choice');
	}
	return attendees;
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
		await healthInputsChanged(trx, accountId, now);
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
			await healthInputsChanged(trx, accountId, now);
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
		if (review.status !== 'held') await healthInputsChanged(trx, accountId, now);
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
		await healthInputsChanged(trx, accountId, now);
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
		const task = await lockReviewAction(trx, taskId);
		if (!task) throw new NotFoundError('task');
		await lockAccountFor(trx, actor, task.account_id, 'work');
		assertVersion(task, version, 'task');
		await updateTask(trx, actor.id, task.account_id, task, completionSet(done, actor.id));
		await healthInputsChanged(trx, task.account_id, now);
	});
}

/**
 * The review as an `.ics` file anyone who may read the account can download, its summary in
 * the reader's language.
 */
export async function reviewIcs(
	db: Db,
	actor: Actor,
	accountId: number,
	reviewId: number,
	locale: Locale
) {
	const account = await findReadableAccount(db, actor, accountId);
	const review = ofAccount(await findReview(db, reviewId), accountId);
	const [who, messages] = await Promise.all([people(db, accountId), loadCatalogue(locale)]);
	const kind = messages[`reviews.kindShort.${review.kind}`];
	return buildIcs({
		uid: `review-${review.id}@keel`,
		start: review.starts_at,
		durationMinutes: review.duration_minutes,
		summary: review.title
			? `${kind}: ${account.name} — ${review.title}`
			: `${kind}: ${account.name}`,
		description: review.agenda,
		location: review.location,
		stamp: review.updated_at,
		attendees: namedAttendees(review.attendees, who).map((a) => ({ name: a.name, email: a.email }))
	});
}
