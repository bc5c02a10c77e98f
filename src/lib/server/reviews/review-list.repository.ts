import type { ReviewKind } from '../../domain/review';
import type { Region, Segment } from '../../domain/vocabulary';
import { hasCsm, hasTeamMember, primaryCsm } from '../accounts/account.repository';
import type { Executor } from '../db/database';
import { keysetAfterRow } from '../db/keyset';

export interface PlannedFilter {
	/** 'upcoming': from now on; 'overdue': their time has passed and nobody recorded them. */
	when: 'upcoming' | 'overdue';
	kind: ReviewKind | null;
	csmId: number | null;
	segment: Segment | null;
	region: Region | null;
	resellerId: number | null;
}

/**
 * Reviews still planned on either side of `now`, narrowed by every filter: a range of the
 * `business_reviews_planned` index, the account looked up only when a filter needs it.
 */
function planned(db: Executor, filter: PlannedFilter, now: Date) {
	const byAccount =
		filter.csmId !== null ||
		filter.segment !== null ||
		filter.region !== null ||
		filter.resellerId !== null;
	return db
		.selectFrom('business_reviews as r')
		.where('r.status', '=', 'planned')
		.where('r.starts_at', filter.when === 'upcoming' ? '>=' : '<', now)
		.$if(filter.kind !== null, (qb) => qb.where('r.kind', '=', filter.kind!))
		.$if(byAccount, (qb) =>
			qb.where('r.account_id', 'in', (eb) =>
				eb
					.selectFrom('accounts as a')
					.select('a.id')
					.$if(filter.resellerId !== null, (qb) =>
						qb.where('a.reseller_id', '=', filter.resellerId)
					)
					.$if(filter.segment !== null, (qb) => qb.where('a.segment', '=', filter.segment!))
					.$if(filter.region !== null, (qb) => qb.where('a.region', '=', filter.region!))
					.$if(filter.csmId !== null, (qb) => qb.where((eb) => hasCsm(eb, filter.csmId!)))
			)
		);
}

/** Where an export's last batch of planned reviews ended: its start and id. */
export interface PlannedPosition {
	startsAt: Date;
	id: number;
}

/**
 * One page: upcoming soonest first; overdue most recent first (the ones likely held last week
 * and waiting for their notes). Names are joined for the page's rows only. With `after`, the
 * rows past that position instead (an export's next batch, `offset` 0).
 */
export function plannedPage(
	db: Executor,
	filter: PlannedFilter,
	now: Date,
	limit: number,
	offset: number,
	after: PlannedPosition | null = null
) {
	const direction = filter.when === 'upcoming' ? 'asc' : 'desc';
	return planned(db, filter, now)
		.$if(after !== null, (qb) =>
			// Starts are written from JavaScript dates, so the millisecond position is exact.
			qb.where(keysetAfterRow(['r.starts_at', 'r.id'], direction, [after!.startsAt, after!.id]))
		)
		.innerJoin('accounts as a', 'a.id', 'r.account_id')
		.leftJoinLateral(primaryCsm, (join) => join.onTrue())
		.select([
			'r.id',
			'r.account_id',
			'r.kind',
			'r.title',
			'r.starts_at',
			'r.duration_minutes',
			'r.time_zone',
			'a.name as account_name',
			'a.segment',
			'a.region',
			'csm.csm_name'
		])
		.orderBy('r.starts_at', direction)
		.orderBy('r.id', direction)
		.limit(limit)
		.offset(offset)
		.execute();
}

export async function plannedCount(db: Executor, filter: PlannedFilter, now: Date) {
	const row = await planned(db, filter, now)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return row.n;
}

/** Reviews planned between `from` and `until` on accounts whose team has this user: My work. */
export function upcomingForMember(db: Executor, userId: number, from: Date, until: Date) {
	return db
		.selectFrom('business_reviews as r')
		.innerJoin('accounts as a', 'a.id', 'r.account_id')
		.select([
			'r.id',
			'r.account_id',
			'r.kind',
			'r.title',
			'r.starts_at',
			'r.time_zone',
			'a.name as account_name'
		])
		.where('r.status', '=', 'planned')
		.where('r.starts_at', '>=', from)
		.where('r.starts_at', '<', until)
		.where((eb) => hasTeamMember(eb, userId))
		.orderBy('r.starts_at')
		.orderBy('r.id')
		.limit(50)
		.execute();
}
