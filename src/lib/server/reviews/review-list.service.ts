import { readableReseller, type Actor } from '../../domain/access';
import { ForbiddenError } from '../../domain/errors';
import { REVIEW_LIST_PAGE_SIZE, type ReviewListQuery } from '../../domain/review-list-query';
import type { UserRole } from '../../domain/vocabulary';
import { listCsms } from '../accounts/account.repository';
import type { Db, Executor } from '../db/database';
import { flags } from './cadence.service';
import { plannedCount, plannedPage, upcomingForMember } from './review-list.repository';

/** Who reads the portfolio's reviews: everyone who reads accounts except admins (configuration). */
const LIST_ROLES: readonly UserRole[] = ['csm', 'manager', 'sales', 'partner'];

/**
 * What the list's queries filter by, for a viewer who may read it (else ForbiddenError): the
 * accounts they may read (a partner: their reseller's), and a CSM's own unless they ask for
 * everyone's. The page and its export share it.
 */
export function reviewListFilter(viewer: Actor, query: ReviewListQuery) {
	if (!LIST_ROLES.includes(viewer.role)) throw new ForbiddenError();
	const csm = query.csm ?? (viewer.role === 'csm' ? viewer.id : 'all');
	const filter = {
		kind: query.kind,
		csmId: csm === 'all' ? null : csm,
		segment: query.segment,
		region: query.region,
		resellerId: readableReseller(viewer)
	};
	return { csm, filter };
}

/**
 * Upcoming and overdue reviews, or the accounts behind their cadence, across the accounts the
 * viewer may read (reviewListFilter). Three queries whatever the portfolio.
 */
export async function reviewList(db: Db, viewer: Actor, query: ReviewListQuery, now = new Date()) {
	const { csm, filter } = reviewListFilter(viewer, query);
	const offset = (query.page - 1) * REVIEW_LIST_PAGE_SIZE;
	const csms = listCsms(db);
	if (query.view === 'cadence') {
		const [flagged, people] = await Promise.all([
			flags(db, filter, now, REVIEW_LIST_PAGE_SIZE, offset),
			csms
		]);
		return {
			csm,
			csms: people,
			total: flagged.total,
			counts: flagged.counts,
			reviews: [],
			flags: flagged.rows
		};
	}
	const planned = { ...filter, when: query.view };
	const [reviews, total, people] = await Promise.all([
		plannedPage(db, planned, now, REVIEW_LIST_PAGE_SIZE, offset),
		plannedCount(db, planned, now),
		csms
	]);
	return { csm, csms: people, total, counts: null, reviews, flags: [] };
}

/** How far ahead My work looks for reviews. */
const UPCOMING_DAYS = 7;

/** Reviews planned in the next seven days on the accounts whose team has the user: My work. */
export function upcomingReviewsFor(db: Executor, viewer: Actor, now = new Date()) {
	return upcomingForMember(
		db,
		viewer.id,
		now,
		new Date(now.getTime() + UPCOMING_DAYS * 86_400_000)
	);
}
