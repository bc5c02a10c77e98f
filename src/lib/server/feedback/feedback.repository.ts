import { sql } from 'kysely';
import { FEEDBACK_PAGE_SIZE, type FeedbackListQuery } from '../../domain/feedback-list-query';
import type { Executor } from '../db/database';
import { keysetAfterRow } from '../db/keyset';
import { feedbackTotals } from './feedback-totals';

export function lockFeedback(db: Executor, feedbackId: number) {
	return db
		.selectFrom('feedback')
		.selectAll()
		.where('id', '=', feedbackId)
		.forUpdate()
		.executeTakeFirst();
}

export function findFeedback(db: Executor, feedbackId: number) {
	return db.selectFrom('feedback').selectAll().where('id', '=', feedbackId).executeTakeFirst();
}

/** The account's responses the list's filters select (the page and its count share them). */
function filtered(db: Executor, accountId: number, query: FeedbackListQuery) {
	return db
		.selectFrom('feedback as f')
		.where('f.account_id', '=', accountId)
		.$if(query.kind !== null, (qb) => qb.where('f.kind', '=', query.kind!))
		.$if(query.status !== null, (qb) => qb.where('f.status', '=', query.status!));
}

/** Where an export's last batch of responses ended: the day received, and the id. */
export interface FeedbackPosition {
	receivedOn: string;
	id: number;
}

/**
 * One page of the account's responses, newest first, with the contact, the review and the
 * follow-up task (its state and owner) beside each: one query, along feedback_account. With
 * `batch`, the rows after a position instead (an export's next batch).
 */
export function listAccountFeedback(
	db: Executor,
	accountId: number,
	query: FeedbackListQuery,
	batch?: { after: FeedbackPosition | null; size: number }
) {
	return filtered(db, accountId, query)
		.$if(batch?.after != null, (qb) =>
			qb.where(
				keysetAfterRow(['f.received_on', 'f.id'], 'desc', [
					batch!.after!.receivedOn,
					batch!.after!.id
				])
			)
		)
		.leftJoin('contacts as c', 'c.id', 'f.contact_id')
		.leftJoin('business_reviews as r', 'r.id', 'f.review_id')
		.leftJoin('tasks as t', 't.id', 'f.follow_up_task_id')
		.leftJoin('users as o', 'o.id', 't.owner_user_id')
		.select([
			'f.id',
			'f.kind',
			'f.score',
			'f.comment',
			'f.source',
			'f.received_on',
			'f.themes',
			'f.routed_team',
			'f.status',
			'f.version',
			'f.follow_up_task_id',
			'c.name as contact_name',
			'r.title as review_title',
			'r.starts_at as review_starts_at',
			't.status as task_status',
			't.due_date as task_due_date',
			'o.name as task_owner_name'
		])
		.orderBy('f.received_on', 'desc')
		.orderBy('f.id', 'desc')
		.limit(batch?.size ?? FEEDBACK_PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * FEEDBACK_PAGE_SIZE)
		.execute();
}

export async function countAccountFeedback(
	db: Executor,
	accountId: number,
	query: FeedbackListQuery
) {
	const row = await filtered(db, accountId, query)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}

const totals = feedbackTotals();

/** The account's responses received on or after `from`, added up in one pass. */
export function accountTotalsSince(db: Executor, accountId: number, from: string) {
	return db
		.selectFrom('feedback as f')
		.select([
			totals.promoters.as('promoters'),
			totals.passives.as('passives'),
			totals.detractors.as('detractors'),
			totals.csat_count.as('csat_count'),
			totals.csat_sum.as('csat_sum'),
			totals.responses.as('responses')
		])
		.where('f.account_id', '=', accountId)
		.where('f.received_on', '>=', from)
		.executeTakeFirstOrThrow();
}

/** NPS groups per calendar quarter from `from` on ('YYYY-MM-DD' of each quarter's first day). */
export function npsByQuarter(db: Executor, accountId: number, from: string) {
	const quarter = sql<string>`date_trunc('quarter', f.received_on)::date`;
	return db
		.selectFrom('feedback as f')
		.select([
			quarter.as('quarter'),
			totals.promoters.as('promoters'),
			totals.passives.as('passives'),
			totals.detractors.as('detractors')
		])
		.where('f.account_id', '=', accountId)
		.where('f.kind', '=', 'nps')
		.where('f.received_on', '>=', from)
		.groupBy(quarter)
		.orderBy(quarter)
		.execute();
}

/** The themes and tags the account's responses since `from` raise most, with their counts. */
export function topThemes(db: Executor, accountId: number, from: string, limit: number) {
	const mentions = sql<number>`count(*)`;
	return db
		.selectFrom((eb) =>
			eb
				.selectFrom('feedback as f')
				.select(sql<string>`unnest(f.themes)`.as('theme'))
				.where('f.account_id', '=', accountId)
				.where('f.received_on', '>=', from)
				.as('m')
		)
		.select(['m.theme', mentions.as('mentions')])
		.groupBy('m.theme')
		.orderBy(mentions, 'desc')
		.orderBy('m.theme')
		.limit(limit)
		.execute();
}

/**
 * The account's CSM who gets feedback follow-ups: the first assigned (lowest id) of its active
 * CSMs, or none.
 */
export function findFollowUpOwner(db: Executor, accountId: number) {
	return db
		.selectFrom('account_team_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.id', 'u.name', 'u.locale'])
		.where('m.account_id', '=', accountId)
		.where('m.team_role', '=', 'CSM')
		.where('u.disabled_at', 'is', null)
		.orderBy('m.id')
		.limit(1)
		.executeTakeFirst();
}

/** Reviews feedback given in a CBR may point to: the account's planned and held ones, newest first. */
export function listLinkableReviews(db: Executor, accountId: number) {
	return db
		.selectFrom('business_reviews')
		.select(['id', 'kind', 'title', 'starts_at', 'status'])
		.where('account_id', '=', accountId)
		.where('status', 'in', ['planned', 'held'])
		.orderBy('starts_at', 'desc')
		.orderBy('id', 'desc')
		.limit(50)
		.execute();
}
