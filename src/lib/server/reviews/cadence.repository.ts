import { sql } from 'kysely';
import {
	FLAGGED_STANDINGS,
	SCHEDULE_LEAD_DAYS,
	type CadenceStanding,
	type ReviewKind
} from '../../domain/review';
import type { Region, Segment } from '../../domain/vocabulary';
import { hasCsm, primaryCsm } from '../accounts/account.repository';
import type { Executor } from '../db/database';
import { keysetAfterRow } from '../db/keyset';

export interface CadenceFilter {
	/** One account (its own page), or null for the portfolio. */
	accountId: number | null;
	kind: ReviewKind | null;
	csmId: number | null;
	segment: Segment | null;
	region: Region | null;
	/** A partner's reseller; null for roles that read every account. */
	resellerId: number | null;
}

/**
 * Every (account, cadence of its segment) pair the filter keeps, with the facts the cadence rule
 * reads, as local days of the account: the day the cadence counts from (the last review held,
 * else when the account became a customer), the first review still planned, and today. The
 * review days are kept as local days, so only today (and, for an account that never held one,
 * the day it was created) is converted per row.
 */
function cadenceFacts(db: Executor, filter: CadenceFilter, now: Date) {
	return (
		db
			.selectFrom('accounts as a')
			.innerJoin('review_cadences as c', 'c.segment', 'a.segment')
			// The last held and first planned of each kind, kept per account (review-facts).
			.leftJoin('account_review_facts as f', (join) =>
				join.onRef('f.account_id', '=', 'a.id').onRef('f.kind', '=', 'c.kind')
			)
			.$if(filter.accountId !== null, (qb) => qb.where('a.id', '=', filter.accountId!))
			.$if(filter.resellerId !== null, (qb) => qb.where('a.reseller_id', '=', filter.resellerId))
			.$if(filter.segment !== null, (qb) => qb.where('a.segment', '=', filter.segment!))
			.$if(filter.region !== null, (qb) => qb.where('a.region', '=', filter.region!))
			.$if(filter.kind !== null, (qb) => qb.where('c.kind', '=', filter.kind!))
			.$if(filter.csmId !== null, (qb) => qb.where((eb) => hasCsm(eb, filter.csmId!)))
			.select([
				'a.id as account_id',
				'c.kind',
				'c.every_months',
				// The day counted from: the last review held, else the day the account was created
				// (converted only for accounts that never held one: coalesce stops at the first).
				sql<string>`coalesce(f.last_held_on, (a.created_at at time zone a.time_zone)::date)`.as(
					'counted_from'
				),
				sql<boolean>`f.last_held_on is not null`.as('has_held'),
				'f.next_planned_on as next_planned',
				sql<string>`(${now}::timestamptz at time zone a.time_zone)::date`.as('today')
			])
			.offset(0)
	);
}

/**
 * The facts with the day the next review is due: `everyMonths` after the last held, or since.
 * `offset 0` here and on the facts keeps PostgreSQL from inlining each level into the next: the
 * rule reads the due day four times, and each copy would convert every time zone again.
 */
function withDueDay(db: Executor, filter: CadenceFilter, now: Date) {
	return db
		.selectFrom(cadenceFacts(db, filter, now).as('k'))
		.select([
			'k.account_id',
			'k.kind',
			'k.every_months',
			'k.next_planned',
			'k.today',
			sql<string | null>`case when k.has_held then k.counted_from end`.as('last_held'),
			sql<string>`(k.counted_from + k.every_months * interval '1 month')::date`.as('due_on')
		])
		.offset(0);
}

/**
 * The cadence rule of `domain/review.ts` (`cadenceStanding`) in SQL, so lists can filter,
 * count and page by it; the integration tests hold the two to the same answers.
 */
function withStanding(db: Executor, filter: CadenceFilter, now: Date) {
	return db
		.selectFrom(withDueDay(db, filter, now).as('d'))
		.selectAll('d')
		.select(
			sql<CadenceStanding>`case
				when d.next_planned is not null then
					case when d.next_planned <= d.due_on then 'scheduled' else 'late' end
				when d.today > d.due_on then 'overdue'
				when d.today + ${SCHEDULE_LEAD_DAYS}::int >= d.due_on then 'unscheduled'
				else 'not_due' end`.as('standing')
		);
}

/** One account's standing against each cadence of its segment. */
export function accountCadenceFacts(db: Executor, accountId: number, now: Date) {
	const filter: CadenceFilter = {
		accountId,
		kind: null,
		csmId: null,
		segment: null,
		region: null,
		resellerId: null
	};
	return cadenceFacts(db, filter, now).orderBy('c.every_months').orderBy('c.kind').execute();
}

/** Where an export's last batch of flags ended: (due day, account, kind) is unique. */
export interface FlagPosition {
	dueOn: string;
	accountId: number;
	kind: ReviewKind;
}

/**
 * One page of the accounts behind their cadence (late, unscheduled or overdue), most overdue
 * first, with the total and the count of each flag: one query, since the counts are windows
 * over the same rows the page is cut from. With `after`, the flags past that position instead
 * (an export's next batch, `offset` 0; its counts then cover only the rest, and go unread).
 */
export function flaggedPage(
	db: Executor,
	filter: CadenceFilter,
	now: Date,
	limit: number,
	offset: number,
	after: FlagPosition | null = null
) {
	const flagged = db
		.selectFrom(withStanding(db, filter, now).as('s'))
		.selectAll('s')
		.select([
			sql<number>`count(*) over ()`.as('total'),
			sql<number>`count(*) filter (where s.standing = 'overdue') over ()`.as('overdue'),
			sql<number>`count(*) filter (where s.standing = 'unscheduled') over ()`.as('unscheduled'),
			sql<number>`count(*) filter (where s.standing = 'late') over ()`.as('late')
		])
		.where('s.standing', 'in', FLAGGED_STANDINGS)
		.$if(after !== null, (qb) =>
			qb.where(
				keysetAfterRow(['s.due_on', 's.account_id', 's.kind'], 'asc', [
					after!.dueOn,
					after!.accountId,
					after!.kind
				])
			)
		)
		.orderBy('s.due_on')
		.orderBy('s.account_id')
		.orderBy('s.kind')
		.limit(limit)
		.offset(offset)
		.as('p');
	return db
		.selectFrom(flagged)
		.innerJoin('accounts as a', 'a.id', 'p.account_id')
		.leftJoinLateral(primaryCsm, (join) => join.onTrue())
		.select([
			'p.account_id',
			'p.kind',
			'p.every_months',
			'p.last_held',
			'p.next_planned',
			'p.due_on',
			'p.standing',
			'p.total',
			'p.overdue',
			'p.unscheduled',
			'p.late',
			'a.name as account_name',
			'a.segment',
			'a.region',
			'a.time_zone',
			'csm.csm_name'
		])
		.orderBy('p.due_on')
		.orderBy('p.account_id')
		.orderBy('p.kind')
		.execute();
}

export function listCadences(db: Executor) {
	return db.selectFrom('review_cadences').selectAll().orderBy('segment').orderBy('kind').execute();
}

export function lockCadence(db: Executor, segment: Segment, kind: ReviewKind) {
	return db
		.selectFrom('review_cadences')
		.selectAll()
		.where('segment', '=', segment)
		.where('kind', '=', kind)
		.forUpdate()
		.executeTakeFirst();
}
