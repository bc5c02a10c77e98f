import { canDeleteFeedback, type Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import {
	MAX_THEMES,
	SCORE_RANGE,
	needsFollowUp,
	type FeedbackKind,
	type FeedbackSource,
	type FeedbackStatus,
	type FeedbackTeam
} from '../../domain/feedback';
import { lockAccountFor } from '../accounts/account-guard';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { healthInputsChanged } from '../health/health-refresh';
import { followUpOwner, raiseFollowUp } from './feedback-follow-up';
import { addToRollup, moveInRollup } from './feedback-rollup.repository';
import { findFollowUpOwner, lockFeedback } from './feedback.repository';
import type { Feedback } from './feedback.table';

/*
 * Capturing, correcting, routing and deleting feedback responses: each in one transaction with
 * its audit row, its share of the trends' monthly totals and the account's health.
 */

/** One response as the capture and edit forms give it. */
export interface FeedbackInput {
	kind: FeedbackKind;
	score: number | null;
	comment: string;
	source: FeedbackSource;
	contact_id: number | null;
	review_id: number | null;
	received_on: string;
	/** Library themes ticked. */
	themes: string[];
	/** Free tags, already normalised (feedback.schema's freeTags). */
	tags: string[];
	routed_team: FeedbackTeam | null;
	status: FeedbackStatus;
}

export interface RouteInput {
	status: FeedbackStatus;
	routed_team: FeedbackTeam | null;
}

/** What capturing did about a follow-up: a task for someone, or none although one was due. */
export type FollowUp = { task: 'created'; owner: string } | { task: 'no_owner' } | null;

/** The stored columns of a response's input: the tags are stored among its themes. */
function columnsOf(input: FeedbackInput, themes: string[]) {
	return {
		kind: input.kind,
		score: input.score,
		comment: input.comment,
		source: input.source,
		contact_id: input.contact_id,
		review_id: input.review_id,
		received_on: input.received_on,
		themes,
		routed_team: input.routed_team,
		status: input.status
	};
}

/** What the Activity list and the audit trail call a response: "NPS 4", or its first words. */
export function nameOf(row: Pick<Feedback, 'kind' | 'score' | 'comment'>) {
	if (row.score !== null) return `${row.kind.toUpperCase()} ${row.score}`;
	return row.comment.length > 60 ? `${row.comment.slice(0, 59)}…` : row.comment;
}

function audit(
	trx: Executor,
	actor: Actor,
	action: 'create' | 'update' | 'delete',
	before: Feedback | null,
	after: Feedback | null
) {
	const row = (after ?? before)!;
	const named = (r: Feedback | null) => (r ? { ...r, name: nameOf(r) } : null);
	return writeAudit(trx, {
		actorId: actor.id,
		accountId: row.account_id,
		entity: 'feedback',
		entityId: row.id,
		action,
		before: named(before),
		after: named(after)
	});
}

/**
 * The rules a response must meet beyond its form: a date not after today in the account's zone,
 * a contact and review of this account, a team for what is routed, and the score its kind takes.
 * Returns the themes and tags as stored.
 */
async function checked(trx: Executor, accountId: number, today: string, input: FeedbackInput) {
	const range = SCORE_RANGE[input.kind];
	const fits =
		range === null
			? input.score === null
			: input.score !== null && input.score >= range.min && input.score <= range.max;
	if (!fits) throw new ConflictError('score', 'feedback.error.scoreForKind');
	if (input.received_on > today) throw new ConflictError('received_on', 'feedback.error.future');
	if (input.contact_id !== null) {
		const contact = await trx
			.selectFrom('contacts')
			.select('id')
			.where('id', '=', input.contact_id)
			.where('account_id', '=', accountId)
			.executeTakeFirst();
		if (!contact) throw new ConflictError('contact_id', 'error.contactNotOnAccount');
	}
	if (input.review_id !== null) {
		// Given in a review: a CBR's, or an operational survey's gone through in its review.
		if (input.source !== 'cbr' && input.source !== 'operational_survey')
			throw new ConflictError('review_id', 'feedback.error.reviewNeedsReviewSource');
		const review = await trx
			.selectFrom('business_reviews')
			.select('id')
			.where('id', '=', input.review_id)
			.where('account_id', '=', accountId)
			.where('status', 'in', ['planned', 'held'])
			.executeTakeFirst();
		if (!review) throw new ConflictError('review_id', 'feedback.error.reviewNotOnAccount');
	}
	assertTeamFits(input);
	const themes = [...new Set([...input.themes, ...input.tags])];
	if (themes.length > MAX_THEMES) throw new ConflictError('tags', 'feedback.error.themeLimit');
	return themes;
}

/** Routed and acknowledged name the team that has it; new and closed-the-loop need none. */
export function assertTeamFits(input: RouteInput) {
	const needsTeam = input.status === 'routed' || input.status === 'acknowledged';
	if (needsTeam && input.routed_team === null) {
		throw new ConflictError('routed_team', 'feedback.error.teamRequired');
	}
}

/**
 * Captures one response on an account, with the account's segment, region, channel and CSM as
 * they are today. A detractor or a CSAT of 2 or less raises a follow-up task.
 */
export async function capture(
	db: Db,
	actor: Actor,
	accountId: number,
	input: FeedbackInput,
	now = new Date()
): Promise<{ id: number; followUp: FollowUp }> {
	return db.transaction().execute(async (trx) => {
		const { account } = await lockAccountFor(trx, actor, accountId, 'edit');
		const themes = await checked(trx, accountId, todayIn(account.time_zone, now), input);
		const csm = await findFollowUpOwner(trx, accountId);
		let followUp: FollowUp = null;
		let taskId: number | null = null;
		if (needsFollowUp(input.kind, input.score)) {
			const owner = await followUpOwner(trx, actor, csm);
			if (owner) taskId = await raiseFollowUp(trx, actor, account, owner, input, now);
			followUp = owner ? { task: 'created', owner: owner.name } : { task: 'no_owner' };
		}
		const row = await trx
			.insertInto('feedback')
			.values({
				...columnsOf(input, themes),
				account_id: accountId,
				segment: account.segment,
				region: account.region,
				sales_channel: account.sales_channel,
				csm_id: csm?.id ?? null,
				follow_up_task_id: taskId,
				created_by: actor.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await addToRollup(trx, [row.id], 1);
		await audit(trx, actor, 'create', null, row);
		await healthInputsChanged(trx, accountId, now);
		return { id: row.id, followUp };
	});
}

/** The response, locked and at the version the form showed, on an account the actor may edit. */
async function lockEditable(
	trx: Executor,
	actor: Actor,
	accountId: number,
	feedbackId: number,
	version: number
) {
	const row = await lockFeedback(trx, feedbackId);
	if (!row || row.account_id !== accountId) throw new NotFoundError('feedback');
	const { account } = await lockAccountFor(trx, actor, accountId, 'edit');
	return { account, before: assertVersion(row, version, 'feedback') };
}

/**
 * Changes a response: every field the capture form has. A correction that makes it a detractor
 * raises the follow-up it would have had, unless it already has one; the group it was captured
 * in (segment, region, channel, CSM) stays.
 */
export async function edit(
	db: Db,
	actor: Actor,
	accountId: number,
	feedbackId: number,
	version: number,
	input: FeedbackInput,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { account, before } = await lockEditable(trx, actor, accountId, feedbackId, version);
		const themes = await checked(trx, accountId, todayIn(account.time_zone, now), input);
		let taskId = before.follow_up_task_id;
		if (taskId === null && needsFollowUp(input.kind, input.score)) {
			const owner = await followUpOwner(trx, actor, await findFollowUpOwner(trx, accountId));
			if (owner) taskId = await raiseFollowUp(trx, actor, account, owner, input, now);
		}
		const after = await trx
			.updateTable('feedback')
			.set({ ...columnsOf(input, themes), follow_up_task_id: taskId, ...bumpVersion() })
			.where('id', '=', feedbackId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await moveInRollup(trx, before);
		await audit(trx, actor, 'update', before, after);
		await healthInputsChanged(trx, accountId, now);
	});
}

/** The list's row form: which team has it and how far it got. */
export async function route(
	db: Db,
	actor: Actor,
	accountId: number,
	feedbackId: number,
	version: number,
	input: RouteInput
) {
	await db.transaction().execute(async (trx) => {
		const { before } = await lockEditable(trx, actor, accountId, feedbackId, version);
		assertTeamFits(input);
		if (before.status === input.status && before.routed_team === input.routed_team) return;
		// Routing is not in the monthly totals: they stay as they are.
		const after = await trx
			.updateTable('feedback')
			.set({ ...input, ...bumpVersion() })
			.where('id', '=', feedbackId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, 'update', before, after);
	});
}

/**
 * Deletes a response captured by mistake (managers only). Its follow-up goes with it while still
 * open; a follow-up already done stays, as work that was done.
 */
export async function remove(
	db: Db,
	actor: Actor,
	accountId: number,
	feedbackId: number,
	version: number,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { before } = await lockEditable(trx, actor, accountId, feedbackId, version);
		if (!canDeleteFeedback(actor)) throw new ForbiddenError();
		await addToRollup(trx, [feedbackId], -1);
		await trx.deleteFrom('feedback').where('id', '=', feedbackId).execute();
		if (before.follow_up_task_id !== null) {
			const task = await trx
				.deleteFrom('tasks')
				.where('id', '=', before.follow_up_task_id)
				.where('status', '=', 'open')
				.returningAll()
				.executeTakeFirst();
			if (task) {
				await writeAudit(trx, {
					actorId: actor.id,
					accountId,
					entity: 'task',
					entityId: task.id,
					action: 'delete',
					before: { ...task, name: task.title }
				});
			}
		}
		await audit(trx, actor, 'delete', before, null);
		await healthInputsChanged(trx, accountId, now);
	});
}
