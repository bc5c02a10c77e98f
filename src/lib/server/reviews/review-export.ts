import { todayIn } from '../../domain/dates';
import type { ReviewListQuery } from '../../domain/review-list-query';
import { offsetMinutes } from '../../domain/zoned-time';
import { loadCatalogue, type Messages } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { flaggedPage, type FlagPosition } from './cadence.repository';
import { plannedPage, type PlannedPosition } from './review-list.repository';
import { reviewListFilter } from './review-list.service';

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 with the zone's offset: the wall-clock time the review was set in, unambiguous. */
export function isoInZone(instant: Date, timeZone: string): string {
	const offset = offsetMinutes(instant, timeZone);
	const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
	const sign = offset < 0 ? '-' : '+';
	return `${wall}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * The reviews list's current view as CSV: every row its filters match, in its order, with its
 * access (no admin; a partner, their reseller's customers). Upcoming and overdue reviews with
 * their start in the review's own zone; for the cadence view, each account cadence behind,
 * with its days. Labels in the user's language.
 */
export async function exportReviews(
	db: Executor,
	actor: SessionUser,
	query: ReviewListQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const { filter } = reviewListFilter(actor, query);
	const today = todayIn(actor.timeZone, now);
	const m = await loadCatalogue(actor.locale);
	const filename = exportFilename(`reviews-${query.view}`, today);
	if (query.view === 'cadence') {
		return { filename, ...cadenceRows(db, m, { ...filter, accountId: null }, now, batchSize) };
	}
	const planned = { ...filter, when: query.view };
	const header = [
		m['reviews.export.startsAt'],
		m['field.time_zone'],
		m['reviews.duration'],
		m['reviews.kindLabel'],
		m['reviews.titleLabel'],
		m['reviews.account'],
		m['account.segment'],
		m['account.region'],
		m['team.CSM']
	];
	const batches = keysetBatches(
		(after: PlannedPosition | null, size: number) => plannedPage(db, planned, now, size, 0, after),
		(last) => ({ startsAt: last.starts_at, id: last.id }),
		(rows) =>
			rows.map((r) => [
				isoInZone(r.starts_at, r.time_zone),
				r.time_zone,
				r.duration_minutes,
				m[`reviews.kind.${r.kind}`],
				r.title,
				r.account_name,
				m[`segment.${r.segment}`],
				m[`region.${r.region}`],
				r.csm_name
			]),
		batchSize
	);
	return { filename, header, batches };
}

/**
 * The account cadences behind, most overdue first. Their standing is computed per query, so no
 * index serves the order: each batch recomputes the standings (what one page of the list costs)
 * and keeps those past the last (due day, account, kind), read by keyset all the same.
 */
function cadenceRows(
	db: Executor,
	m: Messages,
	filter: Parameters<typeof flaggedPage>[1],
	now: Date,
	batchSize: number
) {
	const header = [
		m['reviews.account'],
		m['account.segment'],
		m['account.region'],
		m['reviews.kindLabel'],
		m['cadence.everyMonths'],
		m['reviews.dueOn'],
		m['reviews.standing'],
		m['reviews.lastHeld'],
		m['reviews.nextPlanned'],
		m['team.CSM']
	];
	const batches = keysetBatches(
		(after: FlagPosition | null, size: number) => flaggedPage(db, filter, now, size, 0, after),
		(last) => ({ dueOn: last.due_on, accountId: last.account_id, kind: last.kind }),
		(rows) =>
			rows.map((r) => [
				r.account_name,
				m[`segment.${r.segment}`],
				m[`region.${r.region}`],
				m[`reviews.kind.${r.kind}`],
				r.every_months,
				r.due_on,
				m[`reviews.standing.${r.standing}`],
				r.last_held,
				r.next_planned,
				r.csm_name
			]),
		batchSize
	);
	return { header, batches };
}
