import { todayIn } from '../../domain/dates';
import type { FeedbackListQuery } from '../../domain/feedback-list-query';
import { slugify } from '../../domain/slug';
import { loadCatalogue } from '../../i18n/catalogue';
import { findReadableAccount } from '../accounts/account-guard';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { themeLabel } from './feedback-trends-csv';
import { listAccountFeedback, type FeedbackPosition } from './feedback.repository';

/**
 * An account's Feedback tab list as CSV: every response its filters match, newest first, for
 * whoever may read the account (anyone else: NotFoundError, as the tab answers). Kinds,
 * sources, themes, teams and statuses in the user's language; days ISO.
 */
export async function exportAccountFeedback(
	db: Executor,
	actor: SessionUser,
	accountId: number,
	query: FeedbackListQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const account = await findReadableAccount(db, actor, accountId);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['feedback.receivedOn'],
		m['feedback.kind'],
		m['feedback.score'],
		m['feedback.source'],
		m['feedback.contact'],
		m['reviews.review'],
		m['feedback.comment'],
		m['feedback.themesOf'],
		m['feedback.routedTeam'],
		m['feedback.status'],
		m['feedback.export.followUpOwner'],
		m['feedback.export.followUpDue'],
		m['feedback.export.followUpStatus']
	];
	const batches = keysetBatches(
		(after: FeedbackPosition | null, size: number) =>
			listAccountFeedback(db, accountId, query, { after, size }),
		(last) => ({ receivedOn: last.received_on, id: last.id }),
		(rows) =>
			rows.map((r) => [
				r.received_on,
				m[`feedbackKind.${r.kind}`],
				r.score,
				m[`feedbackSource.${r.source}`],
				r.contact_name,
				r.review_title,
				r.comment,
				r.themes.map((theme) => themeLabel(m, theme)).join('; '),
				r.routed_team && m[`feedbackTeam.${r.routed_team}`],
				m[`feedbackStatus.${r.status}`],
				r.task_owner_name,
				r.task_due_date,
				r.task_status && m[`task.status.${r.task_status}`]
			]),
		batchSize
	);
	return {
		filename: exportFilename(
			`feedback-${slugify(account.name, String(account.id))}`,
			todayIn(actor.timeZone, now)
		),
		header,
		batches
	};
}
