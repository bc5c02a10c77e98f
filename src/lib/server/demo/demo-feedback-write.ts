/**
 * Writes the planned demo feedback in bulk, inside the seeding transaction, after the reviews
 * (a response may name the held review it was given in) and before the health pass (NPS and
 * CSAT are the sentiment component). Rows take the shapes `feedback.service` writes on capture:
 * the account's segment, region, channel and CSM of the day, and for a detractor or a low CSAT
 * the CSM's follow-up task (source 'feedback', titled in the CSM's language, the comment as its
 * description). The monthly totals of the trends page are rebuilt once at the end.
 *
 * Large volumes stream: the planner yields responses account by account, and each batch of them
 * goes out as two statements (its follow-up tasks, then the responses) with ids reserved ahead.
 * The responses' foreign keys are checked once at the end rather than row by row.
 */
import type { Transaction } from 'kysely';
import { LOCALES, type Locale } from '../../domain/vocabulary';
import { loadCatalogue } from '../../i18n/catalogue';
import type { Database } from '../db/database';
import { rebuildRollup } from '../feedback/feedback-rollup.repository';
import { insertJson, reserveIds, withoutForeignKeys, type JsonColumn } from './demo-bulk';
import {
	planFeedback,
	type FeedbackPlanOptions,
	type FollowUpWording,
	type PlannedFeedback
} from './demo-feedback-plan';
import type { DemoIds } from './demo-onboarding-write';
import type { DemoPlan } from './demo-plan';
import { contactIds, TASK_COLUMNS, type WrittenReviews } from './demo-reviews-write';

/** Responses per statement: about 4 MB of JSON. */
const BATCH = 20_000;

export interface WrittenFeedback {
	feedback: number;
	/** Follow-up tasks raised for detractors and low CSAT (source 'feedback'). */
	feedbackFollowUps: number;
}

/** Short keys: at the bench's half a million responses the parameter's size is the cost. */
const FEEDBACK_COLUMNS: JsonColumn[] = [
	{ column: 'account_id', key: 'a', type: 'int' },
	{ column: 'kind', key: 'k', type: 'text' },
	{ column: 'score', key: 's', type: 'int' },
	{ column: 'comment', key: 'c', type: 'text' },
	{ column: 'source', key: 'o', type: 'text' },
	{ column: 'contact_id', key: 'p', type: 'int' },
	{ column: 'review_id', key: 'r', type: 'int' },
	{ column: 'received_on', key: 'd', type: 'date' },
	{ column: 'themes', key: 't', type: 'text[]' },
	{ column: 'routed_team', key: 'g', type: 'text' },
	{ column: 'status', key: 'u', type: 'text' },
	{ column: 'segment', key: 'sg', type: 'text' },
	{ column: 'region', key: 'rg', type: 'text' },
	{ column: 'sales_channel', key: 'ch', type: 'text' },
	{ column: 'csm_id', key: 'm', type: 'int' },
	{ column: 'follow_up_task_id', key: 'f', type: 'int' },
	{ column: 'created_by', key: 'b', type: 'int' },
	{ column: 'created_at', key: 'x', type: 'timestamptz' },
	{ column: 'updated_at', key: 'y', type: 'timestamptz' }
];

export async function writeFeedback(
	trx: Transaction<Database>,
	plan: DemoPlan,
	ids: DemoIds,
	reviews: Pick<WrittenReviews, 'planned' | 'reviewIds'>,
	options: Omit<FeedbackPlanOptions, 'titles'>
): Promise<WrittenFeedback> {
	const titles = await followUpWording();
	const contactId = await contactIds(trx, plan, ids);
	const user = (index: number | null) => (index === null ? null : ids.user(index));
	let feedback = 0;
	let followUps = 0;

	const flush = async (batch: PlannedFeedback[]) => {
		const raising = batch.filter((f) => f.followUp !== null);
		const taskIds = await reserveIds(trx, 'tasks', raising.length);
		const taskOf = new Map(raising.map((f, k) => [f, taskIds[k]!]));
		const tasks = raising.map((f) => {
			const task = f.followUp!;
			return {
				id: taskOf.get(f),
				account_id: ids.account(f.accountIndex),
				title: task.title,
				description: f.comment,
				owner_user_id: ids.user(task.ownerUserIndex),
				due_date: task.dueDate,
				status: task.status,
				source: 'feedback',
				completed_at: task.completedAt,
				completed_by: task.completedAt === null ? null : ids.user(task.ownerUserIndex),
				created_at: f.createdAt,
				updated_at: task.completedAt ?? f.createdAt
			};
		});
		const rows = batch.map((f) => {
			const account = plan.accounts[f.accountIndex]!;
			const csm = user(f.csmUserIndex);
			return {
				a: ids.account(f.accountIndex),
				k: f.kind,
				s: f.score,
				c: f.comment,
				o: f.source,
				p: f.contactIndex === null ? null : contactId(f.accountIndex, f.contactIndex),
				r: f.reviewIndex === null ? null : reviews.reviewIds[f.reviewIndex]!,
				d: f.receivedOn,
				t: f.themes,
				g: f.routedTeam,
				u: f.status,
				sg: account.segment,
				rg: account.region,
				ch: account.resellerIndex === null ? 'direct' : 'reseller',
				m: csm,
				f: taskOf.get(f) ?? null,
				b: csm,
				x: f.createdAt,
				y: f.updatedAt
			};
		});
		await insertJson(trx, 'tasks', TASK_COLUMNS, tasks, BATCH);
		await insertJson(trx, 'feedback', FEEDBACK_COLUMNS, rows, BATCH);
		feedback += rows.length;
		followUps += tasks.length;
	};

	await withoutForeignKeys(trx, 'feedback', async () => {
		let batch: PlannedFeedback[] = [];
		for (const response of planFeedback(plan, reviews.planned, { ...options, titles })) {
			batch.push(response);
			if (batch.length >= BATCH) {
				await flush(batch);
				batch = [];
			}
		}
		if (batch.length > 0) await flush(batch);
	});
	// Written around the service: the trends page's monthly totals are worked out once.
	await rebuildRollup(trx);
	return { feedback, feedbackFollowUps: followUps };
}

/** The follow-up title's words in each language, from the message catalogues. */
async function followUpWording(): Promise<Record<Locale, FollowUpWording>> {
	const entries = await Promise.all(
		LOCALES.map(async (locale) => {
			const messages = await loadCatalogue(locale);
			const wording: FollowUpWording = {
				title: messages['feedback.followUpTitle'],
				titleFrom: messages['feedback.followUpTitleFrom'],
				nps: messages['feedbackKind.nps'],
				csat: messages['feedbackKind.csat']
			};
			return [locale, wording] as const;
		})
	);
	return Object.fromEntries(entries) as Record<Locale, FollowUpWording>;
}
