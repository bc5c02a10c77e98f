import { readableReseller } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import type { PostmortemQuery } from '../../domain/postmortem-query';
import { loadCatalogue } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { utcTime } from './escalation-queue-export';
import { postmortemPage, type PostmortemPosition } from './postmortem-list';

/**
 * The post-mortem list as CSV: every post-mortem the page's search matches, newest first, across
 * the accounts the user may read (a partner: their reseller's). Times in UTC, as the header says.
 */
export async function exportPostmortems(
	db: Executor,
	actor: SessionUser,
	query: PostmortemQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const today = todayIn(actor.timeZone, now);
	const resellerId = readableReseller(actor);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['escalation.priority'],
		m['field.title'],
		m['reviews.account'],
		m['escalation.export.openedUtc'],
		m['escalation.rootCause'],
		m['escalation.postmortemSummary'],
		m['postmortems.export.writtenBy'],
		m['postmortems.export.savedUtc']
	];
	const batches = keysetBatches(
		(after: PostmortemPosition | null, size: number) =>
			postmortemPage(db, resellerId, query, { after, size }),
		(last) => ({ updatedAt: last.updated_key!, escalationId: last.id }),
		(rows) =>
			rows.map((r) => [
				r.priority,
				r.title,
				r.account_name,
				utcTime(r.opened_at),
				r.root_cause,
				r.summary,
				r.written_by_name,
				utcTime(r.updated_at)
			]),
		batchSize
	);
	return { filename: exportFilename('postmortems', today), header, batches };
}
