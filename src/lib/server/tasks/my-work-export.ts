import { daysBetween } from '../../domain/dates';
import { loadCatalogue, type Messages } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { workWindow } from './my-work.service';
import { listOpenTasksFor, type MyWorkPosition } from './task.repository';

type TaskRow = Awaited<ReturnType<typeof listOpenTasksFor>>[number];

/** Where a task comes from, worded as My work shows it beside the title ("Kick-off", a plan…). */
function taskFrom(m: Messages, task: TaskRow): string | null {
	if (task.phase) return `${m['onboarding.title']} · ${m[`onboarding.phase.${task.phase}`]}`;
	if (task.objective_title) return `${m['plan.title']} · ${task.objective_title}`;
	if (task.escalation_id) return `${m['escalation.postmortem']} · ${task.escalation_title}`;
	if (task.review_id && task.review_kind) {
		const title = task.review_title || m[`reviews.kind.${task.review_kind}`];
		return `${m[`reviews.kindShort.${task.review_kind}`]} · ${title}`;
	}
	return null;
}

/**
 * My work as CSV: the user's own open tasks, overdue or due by the end of this week (in their
 * time zone), in the page's order. All of them: the page stops at 500, the file does not.
 */
export async function exportMyWork(
	db: Executor,
	actor: SessionUser,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const { today, until } = workWindow(actor, now);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['reviews.account'],
		m['plan.taskTitle'],
		m['myWork.export.from'],
		m['field.due_date'],
		m['myWork.export.daysOverdue']
	];
	const batches = keysetBatches(
		(after: MyWorkPosition | null, size: number) =>
			listOpenTasksFor(db, actor.id, until, { after, size }),
		(last) => ({ accountName: last.account_name, dueDate: last.due_date!, id: last.id }),
		(rows) =>
			rows.map((r) => {
				const late = daysBetween(r.due_date!, today);
				return [r.account_name, r.title, taskFrom(m, r), r.due_date, late > 0 ? late : null];
			}),
		batchSize
	);
	return { filename: exportFilename('my-work', today), header, batches };
}
