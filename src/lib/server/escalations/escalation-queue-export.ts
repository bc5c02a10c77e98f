import { readableReseller } from '../../domain/access';
import type { Clock } from '../../domain/escalation';
import type { EscalationQueueQuery } from '../../domain/escalation-queue-query';
import type { CsvCell } from '../../domain/csv';
import { todayIn } from '../../domain/dates';
import { loadCatalogue, type Messages } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { withClocks } from './escalation-clock';
import { queuePage, type QueuePosition } from './escalation-queue.repository';

/** An instant as ISO 8601 in UTC, to the second: `2026-11-18T10:00:00Z`. */
export function utcTime(at: Date | null): string | null {
	return at === null ? null : `${at.toISOString().slice(0, 19)}Z`;
}

/** One clock's cells: its state in words, due time, open minutes left (negative: late). */
function clockCells(m: Messages, clock: Clock | null, breachedAt: Date | null): CsvCell[] {
	if (clock === null) return [null, null, null, utcTime(breachedAt)];
	return [
		m[`escalation.clock.${clock.state}`],
		utcTime(clock.dueAt),
		Math.round(clock.minutesLeft),
		utcTime(breachedAt)
	];
}

/**
 * The escalation queue as CSV: every escalation the page's filters match, soonest due first,
 * across the accounts the user may read (a partner: their reseller's), with both SLA clocks as
 * they stand at one `now` for the whole file. Times in UTC, as the header says.
 */
export async function exportEscalationQueue(
	db: Executor,
	actor: SessionUser,
	query: EscalationQueueQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const today = todayIn(actor.timeZone, now);
	const resellerId = readableReseller(actor);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['escalation.priority'],
		m['field.title'],
		m['reviews.account'],
		m['field.region'],
		m['field.status'],
		m['escalation.owner'],
		m['escalation.routedTo'],
		m['escalation.externalRef'],
		m['escalation.export.openedUtc'],
		m['escalation.export.responseState'],
		m['escalation.export.responseDueUtc'],
		m['escalation.export.responseMinutesLeft'],
		m['escalation.export.responseBreachedUtc'],
		m['escalation.export.resolutionState'],
		m['escalation.export.resolutionDueUtc'],
		m['escalation.export.resolutionMinutesLeft'],
		m['escalation.export.resolutionBreachedUtc']
	];
	const batches = keysetBatches(
		(after: QueuePosition | null, size: number) =>
			queuePage(db, query, resellerId, now, { after, size }),
		(last) => ({
			nextDueAt: last.next_due_key ?? null,
			priority: last.priority,
			openedAt: last.opened_key!,
			id: last.id
		}),
		async (rows) => {
			// Calendars and pauses for the batch: two queries, whatever its length.
			const clocked = await withClocks(db, rows, now);
			return clocked.map((r) => [
				r.priority,
				r.title,
				r.account_name,
				m[`region.${r.region}`],
				m[`escalation.status.${r.status}`],
				r.owner_name,
				r.routed_to === null ? null : m[`escalation.route.${r.routed_to}`],
				r.external_ref,
				utcTime(r.opened_at),
				...clockCells(m, r.clocks.response, r.response_breached_at),
				...clockCells(m, r.clocks.resolution, r.resolution_breached_at)
			]);
		},
		batchSize
	);
	return { filename: exportFilename('escalations', today), header, batches };
}
