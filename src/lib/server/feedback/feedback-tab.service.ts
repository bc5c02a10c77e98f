import { canDeleteFeedback, canEditAccount, type Actor } from '../../domain/access';
import { addDays, addMonths, todayIn } from '../../domain/dates';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import {
	csatAverage,
	isLibraryTheme,
	needsFollowUp,
	netPromoterScore,
	npsGroup
} from '../../domain/feedback';
import { FEEDBACK_PAGE_SIZE, type FeedbackListQuery } from '../../domain/feedback-list-query';
import { findReadableAccount } from '../accounts/account-guard';
import { isOnTeam, listContacts } from '../accounts/account.repository';
import type { Db, Executor } from '../db/database';
import { followUpOwner } from './feedback-follow-up';
import {
	accountTotalsSince,
	countAccountFeedback,
	findFeedback,
	findFollowUpOwner,
	listAccountFeedback,
	listLinkableReviews,
	npsByQuarter,
	topThemes
} from './feedback.repository';
import type { Feedback } from './feedback.table';

/*
 * What the account's Feedback tab and a response's edit page read. The writes are in
 * feedback.service.ts.
 */

/** How many quarters of NPS the account's summary shows, and how many themes. */
const QUARTERS = 8;
const TOP_THEMES = 8;
/** The first day of the quarter `day` falls in. */
function quarterOf(day: string): string {
	const month = Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1;
	return `${day.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** The account's NPS and CSAT over the last 12 months, NPS by quarter, and its top themes. */
async function summaryOf(db: Executor, accountId: number, today: string) {
	const yearAgo = addDays(addMonths(today, -12), 1);
	const firstQuarter = quarterOf(addMonths(today, -3 * (QUARTERS - 1)));
	const [recent, quarterRows, themes] = await Promise.all([
		accountTotalsSince(db, accountId, yearAgo),
		npsByQuarter(db, accountId, firstQuarter),
		topThemes(db, accountId, yearAgo, TOP_THEMES)
	]);
	const byQuarter = new Map(quarterRows.map((q) => [q.quarter, q]));
	const quarters = Array.from({ length: QUARTERS }, (_, i) => {
		const quarter = addMonths(firstQuarter, 3 * i);
		const counts = byQuarter.get(quarter) ?? { promoters: 0, passives: 0, detractors: 0 };
		return {
			quarter,
			nps: netPromoterScore(counts),
			responses: counts.promoters + counts.passives + counts.detractors
		};
	});
	return {
		since: yearAgo,
		responses: recent.responses,
		nps: netPromoterScore(recent),
		promoters: recent.promoters,
		passives: recent.passives,
		detractors: recent.detractors,
		csat: csatAverage(recent.csat_count, recent.csat_sum),
		csatCount: recent.csat_count,
		quarters,
		themes
	};
}

/**
 * The account's Feedback tab: a page of its responses (filtered and paged in SQL), its NPS and
 * CSAT, and what the reader may do. A constant dozen queries, however many responses it has.
 */
export async function getForAccount(
	db: Db,
	actor: Actor,
	accountId: number,
	query: FeedbackListQuery,
	now = new Date()
) {
	const account = await findReadableAccount(db, actor, accountId);
	const today = todayIn(account.time_zone, now);
	const [rows, total, summary, contacts, reviews, csm, actorOnTeam] = await Promise.all([
		listAccountFeedback(db, accountId, query),
		countAccountFeedback(db, accountId, query),
		summaryOf(db, accountId, today),
		listContacts(db, accountId),
		listLinkableReviews(db, accountId),
		findFollowUpOwner(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	const owner = await followUpOwner(db, actor, csm);
	const write = canEditAccount(actor, { resellerId: account.reseller_id, actorOnTeam });
	return {
		account,
		today,
		query,
		rows: rows.map((row) => ({
			...row,
			group: row.kind === 'nps' && row.score !== null ? npsGroup(row.score) : null,
			needsFollowUp: needsFollowUp(row.kind, row.score)
		})),
		total,
		pageCount: Math.max(1, Math.ceil(total / FEEDBACK_PAGE_SIZE)),
		summary,
		contacts: contacts.map((c) => ({ id: c.id, name: c.name })),
		reviews: reviewOptions(reviews, account.time_zone),
		followUpOwner: owner
			? { name: owner.name, self: owner.id === actor.id, accountCsm: csm !== undefined }
			: null,
		can: { write, remove: write && canDeleteFeedback(actor) }
	};
}

/** Reviews to pick from, each with its day in the account's zone. */
function reviewOptions(reviews: Awaited<ReturnType<typeof listLinkableReviews>>, timeZone: string) {
	return reviews.map((r) => ({
		id: r.id,
		kind: r.kind,
		title: r.title,
		on: todayIn(timeZone, r.starts_at)
	}));
}

/** The form's values for a stored response: ticked library themes, and free tags as text. */
function formValuesOf(row: Feedback): Record<string, string> {
	return {
		kind: row.kind,
		score: row.score === null ? '' : String(row.score),
		comment: row.comment,
		source: row.source,
		contact_id: row.contact_id === null ? '' : String(row.contact_id),
		review_id: row.review_id === null ? '' : String(row.review_id),
		received_on: row.received_on,
		themes: row.themes.filter(isLibraryTheme).join(','),
		tags: row.themes.filter((t) => !isLibraryTheme(t)).join(', '),
		routed_team: row.routed_team ?? '',
		status: row.status
	};
}

/** One response for its edit page; 404 unless it is this account's and the account readable. */
export async function getFeedback(
	db: Db,
	actor: Actor,
	accountId: number,
	feedbackId: number,
	now = new Date()
) {
	const account = await findReadableAccount(db, actor, accountId);
	const row = await findFeedback(db, feedbackId);
	if (!row || row.account_id !== accountId) throw new NotFoundError('feedback');
	const [contacts, reviews, actorOnTeam] = await Promise.all([
		listContacts(db, accountId),
		listLinkableReviews(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	const write = canEditAccount(actor, { resellerId: account.reseller_id, actorOnTeam });
	if (!write) throw new ForbiddenError();
	return {
		account,
		today: todayIn(account.time_zone, now),
		feedback: row,
		values: formValuesOf(row),
		contacts: contacts.map((c) => ({ id: c.id, name: c.name })),
		reviews: reviewOptions(reviews, account.time_zone),
		can: { remove: canDeleteFeedback(actor) }
	};
}
