import type { Actor } from '../../domain/access';
import { addDays, todayIn } from '../../domain/dates';
import { ForbiddenError } from '../../domain/errors';
import type { HealthReviewQuery } from '../../domain/health-review-query';
import { listCsms } from '../accounts/account.repository';
import type { Db } from '../db/database';
import {
	disagreements,
	healthByCsm,
	movers,
	portfolioGroups,
	reviewPage,
	sparklinePoints
} from './health-review.repository';

/** Movers and disagreements each list this many accounts. */
const SHORT_LIST = 5;
/** A sparkline's weekly points before the current score. */
const SPARK_WEEKS = 12;

/** The review is the managers': everyone else is refused, its exports included. */
export function assertReviewer(actor: Actor) {
	if (actor.role !== 'manager') throw new ForbiddenError();
}

/**
 * The managers' portfolio health review: bands by accounts and ARR, this week's movers, health by
 * CSM, segment and region, where CSMs' judgement and the data disagree, and a page of accounts
 * with their 12-week sparklines. A fixed number of queries, whatever the portfolio's size.
 */
export async function review(
	db: Db,
	actor: Actor & { timeZone: string },
	query: HealthReviewQuery,
	now = new Date()
) {
	assertReviewer(actor);
	const today = todayIn(actor.timeZone, now);
	const weekAgo = addDays(today, -7);
	const [{ bands, ...groups }, byCsm, moved, accounts, disagree, csms] = await Promise.all([
		portfolioGroups(db, query),
		healthByCsm(db, query),
		movers(db, query, weekAgo, SHORT_LIST),
		reviewPage(db, query, { today, weekAgo }),
		disagreements(db, query, today, SHORT_LIST),
		listCsms(db)
	]);
	// The bands count every filtered account but for the band filter itself.
	const total = bands
		.filter((b) => query.band === null || b.band === query.band)
		.reduce((sum, b) => sum + Number(b.accounts), 0);
	const sparkDays = Array.from({ length: SPARK_WEEKS }, (_, i) =>
		addDays(today, -7 * (SPARK_WEEKS - i))
	);
	const points = await sparklinePoints(
		db,
		accounts.map((a) => a.id),
		sparkDays
	);
	return {
		today,
		weekAgo,
		// Accounts are kept in one currency (the schema's default) until multi-currency lands.
		currency: 'USD',
		bands,
		...groups,
		byCsm,
		movers: moved,
		disagreements: disagree,
		accounts: accounts.map((a) => ({
			...a,
			// Weekly snapshots, then today's score, so the line ends where the row's number is.
			sparkline: [
				...sparkDays.map(
					(day) => points.find((p) => p.account_id === a.id && p.day === day)?.score ?? null
				),
				a.score
			]
		})),
		total,
		csms
	};
}
