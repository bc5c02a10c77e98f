import type { Actor } from '../../domain/access';
import { renewalCheckpoint } from '../../domain/churn';
import { daysBetween, todayIn } from '../../domain/dates';
import { ForbiddenError } from '../../domain/errors';
import type { RiskListQuery } from '../../domain/risk-list-query';
import { listCsms } from '../accounts/account.repository';
import type { Db, Executor } from '../db/database';
import {
	countUnreadCritical,
	recentCritical,
	riskPage,
	riskTotals,
	type RiskScope
} from './risk-list.repository';

type Viewer = Actor & { timeZone: string };

/** Sales see the flags on accounts whose team they are on; managers see every account's. */
function scopeOf(viewer: Actor): RiskScope {
	if (viewer.role === 'sales') return { teamMember: viewer.id };
	if (viewer.role === 'manager') return 'all';
	throw new ForbiddenError();
}

/**
 * Whose flags the viewer's list shows and the query as it applies to them: the CSM filter is a
 * manager's tool; for sales it would only narrow their own accounts. Refuses other roles.
 */
export function riskListScope(viewer: Actor, query: RiskListQuery) {
	const scope = scopeOf(viewer);
	return { scope, query: viewer.role === 'manager' ? query : { ...query, csm: null } };
}

/**
 * The churn risk list: flags sorted by ARR at risk or by renewal, each with its renewal
 * checkpoint (six or three months out), the account's health, and whether the viewer has
 * acknowledged it. Three queries, whatever the portfolio.
 */
export async function riskList(db: Db, viewer: Viewer, query: RiskListQuery, now = new Date()) {
	const { scope, query: effective } = riskListScope(viewer, query);
	const today = todayIn(viewer.timeZone, now);
	const [rows, totals, csms] = await Promise.all([
		riskPage(db, scope, effective, today, viewer.id),
		riskTotals(db, scope, effective, today),
		viewer.role === 'manager' ? listCsms(db) : Promise.resolve([])
	]);
	return {
		today,
		totals,
		csms,
		flags: rows.map((r) => {
			const days = r.renewal_date ? daysBetween(today, r.renewal_date) : null;
			return { ...r, daysToRenewal: days, checkpoint: renewalCheckpoint(days) };
		})
	};
}

/** How far back the notification list reaches. */
const NOTIFY_DAYS = 30;

/** New critical flags for managers and sales: the list, newest first, and which are unread. */
export async function notifications(db: Db, viewer: Actor, now = new Date()) {
	const scope = scopeOf(viewer);
	const since = notifyingSince(now);
	const [items, seen] = await Promise.all([
		recentCritical(db, scope, since, 100),
		db
			.selectFrom('users')
			.select('notifications_seen_at')
			.where('id', '=', viewer.id)
			.executeTakeFirstOrThrow()
	]);
	return {
		items: items.map((i) => ({ ...i, unread: i.created_at > seen.notifications_seen_at })),
		days: NOTIFY_DAYS
	};
}

/** The unread count beside "Notifications", for the roles that have the list. */
export async function unreadCount(db: Executor, viewer: Actor, now = new Date()) {
	return countUnreadCritical(db, scopeOf(viewer), viewer.id, notifyingSince(now));
}

const notifyingSince = (now: Date) => new Date(now.getTime() - NOTIFY_DAYS * 86_400_000);

/** Marks everything up to now as read. */
export async function markAllRead(db: Db, viewer: Actor, now = new Date()) {
	scopeOf(viewer);
	await db
		.updateTable('users')
		.set({ notifications_seen_at: now })
		.where('id', '=', viewer.id)
		.execute();
}
