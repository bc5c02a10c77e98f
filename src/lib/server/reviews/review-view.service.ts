import { canEditAccount, canWorkTasks, type Actor } from '../../domain/access';
import { buildIcs } from '../../domain/ics';
import { ACCOUNT_REVIEWS_PAGE_SIZE } from '../../domain/review-list-query';
import type { Locale } from '../../domain/vocabulary';
import { loadCatalogue } from '../../i18n/catalogue';
import { findReadableAccount } from '../accounts/account-guard';
import { isOnTeam } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { accountStandings } from './cadence.service';
import { namedAttendees, people } from './review-attendees';
import { ofAccount } from './review.service';
import {
	countAccountReviews,
	findReview,
	listAccountReviews,
	listReviewActions
} from './review.repository';

/* What the Reviews tab, a review's page and its calendar file read. */

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
