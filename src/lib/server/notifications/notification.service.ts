import { sql, type ExpressionBuilder } from 'kysely';
import { readableReseller, type Actor } from '../../domain/access';
import { NotFoundError } from '../../domain/errors';
import type { Database, Db, Executor } from '../db/database';
import type { NotificationKind } from './notification.table';

export const NOTIFICATIONS_PAGE_SIZE = 25;

type Eb = ExpressionBuilder<Database & { n: Database['notifications'] }, 'n' | 'accounts'>;

/**
 * Access is read again each time, not only when the notification was written: an account the
 * user may no longer read (a partner moved off a reseller) drops out, and churn stays the
 * vendor's own (never a partner's).
 */
function stillReadable(eb: Eb, actor: Actor) {
	const reseller = readableReseller(actor);
	const conditions = [eb('n.user_id', '=', actor.id)];
	if (reseller !== null) {
		conditions.push(eb('accounts.reseller_id', '=', reseller));
		conditions.push(eb('n.kind', 'not in', ['churn_critical', 'next_step_assigned']));
	}
	return eb.and(conditions);
}

/** Where a notification leads: the page its subject lives on. */
function hrefOf(row: {
	kind: NotificationKind;
	account_id: number;
	escalation_id: number | null;
	onboarding_item: number | null;
	objective_id: number | null;
	action_escalation_id: number | null;
	review_id: number | null;
	feedback_id: number | null;
}) {
	const account = `/accounts/${row.account_id}`;
	switch (row.kind) {
		case 'escalation_assigned':
		case 'sla_warning':
		case 'sla_breach':
			return `/escalations/${row.escalation_id}`;
		case 'churn_critical':
		case 'next_step_assigned':
			return `${account}/risks`;
		case 'task_assigned':
			if (row.onboarding_item !== null) return `${account}/onboarding`;
			if (row.objective_id !== null) return `${account}/plan`;
			if (row.action_escalation_id !== null) return `/escalations/${row.action_escalation_id}`;
			if (row.review_id !== null) return `${account}/reviews/${row.review_id}`;
			if (row.feedback_id !== null) return `${account}/feedback/${row.feedback_id}`;
			return account;
	}
}

/**
 * The user's notifications, newest first, a page at a time, with what each is about (its
 * account, task, escalation or flag, and who did it); the page words them in the reader's
 * language. Two queries, whatever the page.
 */
export async function listNotifications(db: Db, actor: Actor, page: number) {
	const [rows, totals] = await Promise.all([
		db
			.selectFrom('notifications as n')
			.innerJoin('accounts', 'accounts.id', 'n.account_id')
			.leftJoin('users as by', 'by.id', 'n.actor_id')
			.leftJoin('tasks as t', 't.id', 'n.task_id')
			.leftJoin('onboarding_items as oi', 'oi.task_id', 'n.task_id')
			.leftJoin('objective_tasks as ot', 'ot.task_id', 'n.task_id')
			.leftJoin('escalation_actions as xa', 'xa.task_id', 'n.task_id')
			.leftJoin('review_actions as ra', 'ra.task_id', 'n.task_id')
			.leftJoin('feedback as fb', 'fb.follow_up_task_id', 'n.task_id')
			.leftJoin('escalations as x', 'x.id', 'n.escalation_id')
			.leftJoin('churn_flags as f', 'f.id', 'n.churn_flag_id')
			.select([
				'n.id',
				'n.kind',
				'n.account_id',
				'n.escalation_id',
				'n.churn_flag_id',
				'n.clock',
				'n.read_at',
				'n.created_at',
				'accounts.name as account_name',
				'accounts.currency',
				'by.name as actor_name',
				't.title as task_title',
				't.due_date as task_due',
				'oi.task_id as onboarding_item',
				'ot.objective_id',
				'xa.escalation_id as action_escalation_id',
				'ra.review_id',
				'fb.id as feedback_id',
				'x.title as escalation_title',
				'x.priority',
				'f.reason as flag_reason',
				'f.arr_at_risk',
				'f.next_step'
			])
			.where((eb) => stillReadable(eb, actor))
			.orderBy('n.created_at', 'desc')
			.orderBy('n.id', 'desc')
			.limit(NOTIFICATIONS_PAGE_SIZE)
			.offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
			.execute(),
		db
			.selectFrom('notifications as n')
			.innerJoin('accounts', 'accounts.id', 'n.account_id')
			.select([
				sql<number>`count(*)::int`.as('total'),
				sql<number>`count(*) filter (where n.read_at is null)::int`.as('unread'),
				sql<number | null>`max(n.id)`.as('newest')
			])
			.where((eb) => stillReadable(eb, actor))
			.executeTakeFirstOrThrow()
	]);
	return {
		items: rows.map(({ onboarding_item, objective_id, action_escalation_id, ...row }) => ({
			...row,
			unread: row.read_at === null,
			href: hrefOf({ ...row, onboarding_item, objective_id, action_escalation_id })
		})),
		page,
		pageCount: Math.max(1, Math.ceil(totals.total / NOTIFICATIONS_PAGE_SIZE)),
		unread: totals.unread,
		// "Mark all read" reaches up to what this page showed: one that arrives meanwhile stays new.
		newest: totals.newest ?? 0
	};
}

/**
 * The unread count beside "Notifications": one query on the partial index of unread rows. Only
 * a partner's count joins the account, to leave out what they may no longer read.
 */
export async function unreadCount(db: Executor, actor: Actor) {
	const row = await db
		.selectFrom('notifications as n')
		.$if(actor.role === 'partner', (qb) =>
			qb
				.innerJoin('accounts', 'accounts.id', 'n.account_id')
				.where((eb) => stillReadable(eb, actor))
		)
		.select(sql<number>`count(*)::int`.as('n'))
		.where('n.user_id', '=', actor.id)
		.where('n.read_at', 'is', null)
		.executeTakeFirstOrThrow();
	return row.n;
}

/**
 * Marks one of the user's own notifications read. Idempotent: reading it again changes nothing.
 * Someone else's (or a missing) id is not found, whoever asks.
 */
export async function markRead(db: Db, actor: Actor, id: number, now = new Date()) {
	const row = await db
		.updateTable('notifications')
		.set({ read_at: sql<Date>`coalesce(read_at, ${now}::timestamptz)` })
		.where('id', '=', id)
		.where('user_id', '=', actor.id)
		.returning('id')
		.executeTakeFirst();
	if (!row) throw new NotFoundError('notification');
}

/**
 * Marks the user's notifications read up to `upTo`, the newest id the page showed, so one that
 * arrived after the page was drawn stays new. Idempotent; returns how many it marked.
 */
export async function markAllRead(db: Db, actor: Actor, upTo: number, now = new Date()) {
	const result = await db
		.updateTable('notifications')
		.set({ read_at: now })
		.where('user_id', '=', actor.id)
		.where('read_at', 'is', null)
		.where('id', '<=', upTo)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
