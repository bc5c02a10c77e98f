/**
 * Writes the planned demo business reviews in bulk, inside the seeding transaction and before
 * the health pass (a review held is a touch of the engagement component). The rows take the
 * shapes `review.service` writes: the review with its attendees as [{ kind, id }], and each
 * follow-up action as a task (source 'review') plus its review_actions row.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { insertJson, reserveIds, type JsonColumn } from './demo-bulk';
import type { DemoIds } from './demo-onboarding-write';
import type { DemoPlan } from './demo-plan';
import {
	planReviews,
	type DemoCadence,
	type PlannedReview,
	type ReviewPlanOptions
} from './demo-reviews-plan';
import { refreshReviewFacts } from '../reviews/review-facts.repository';

/** Rows per statement, sent as one JSON parameter. */
const JSON_ROWS = 5000;

export interface WrittenReviews {
	reviews: number;
	/** Follow-up actions: tasks with source 'review'. */
	reviewActions: number;
	/** What was written, and each review's id, in the same order: feedback may name them. */
	planned: PlannedReview[];
	reviewIds: number[];
}

const REVIEW_COLUMNS: JsonColumn[] = [
	{ column: 'id', key: 'id', type: 'int' },
	{ column: 'account_id', key: 'account_id', type: 'int' },
	{ column: 'kind', key: 'kind', type: 'text' },
	{ column: 'title', key: 'title', type: 'text' },
	{ column: 'status', key: 'status', type: 'text' },
	{ column: 'starts_at', key: 'starts_at', type: 'timestamptz' },
	{ column: 'duration_minutes', key: 'duration_minutes', type: 'int' },
	{ column: 'time_zone', key: 'time_zone', type: 'text' },
	{ column: 'location', key: 'location', type: 'text' },
	{ column: 'agenda', key: 'agenda', type: 'text' },
	{ column: 'notes', key: 'notes', type: 'text' },
	{ column: 'decisions', key: 'decisions', type: 'text' },
	{ column: 'cancel_reason', key: 'cancel_reason', type: 'text' },
	{ column: 'attendees', key: 'attendees', type: 'jsonb' },
	{ column: 'created_by', key: 'created_by', type: 'int' },
	{ column: 'created_at', key: 'created_at', type: 'timestamptz' },
	{ column: 'updated_at', key: 'updated_at', type: 'timestamptz' }
];

/** A task as the demo writes it; `description` empty where the app leaves it empty. */
export const TASK_COLUMNS: JsonColumn[] = [
	{ column: 'id', key: 'id', type: 'int' },
	{ column: 'account_id', key: 'account_id', type: 'int' },
	{ column: 'title', key: 'title', type: 'text' },
	{ column: 'description', key: 'description', type: 'text' },
	{ column: 'owner_user_id', key: 'owner_user_id', type: 'int' },
	{ column: 'due_date', key: 'due_date', type: 'date' },
	{ column: 'status', key: 'status', type: 'text' },
	{ column: 'source', key: 'source', type: 'text' },
	{ column: 'completed_at', key: 'completed_at', type: 'timestamptz' },
	{ column: 'completed_by', key: 'completed_by', type: 'int' },
	{ column: 'created_at', key: 'created_at', type: 'timestamptz' },
	{ column: 'updated_at', key: 'updated_at', type: 'timestamptz' }
];

const ACTION_COLUMNS: JsonColumn[] = [
	{ column: 'task_id', key: 'task_id', type: 'int' },
	{ column: 'review_id', key: 'review_id', type: 'int' }
];

export async function writeReviews(
	trx: Transaction<Database>,
	plan: DemoPlan,
	ids: DemoIds,
	options: ReviewPlanOptions
): Promise<WrittenReviews> {
	const cadences = await loadCadences(trx);
	const { reviews: planned } = planReviews(plan, cadences, options);
	const contactId = await contactIds(trx, plan, ids);
	const user = (index: number | null) => (index === null ? null : ids.user(index));

	const reviewIds = await reserveIds(trx, 'business_reviews', planned.length);
	const actionCount = planned.reduce((n, r) => n + r.actions.length, 0);
	const taskIds = await reserveIds(trx, 'tasks', actionCount);

	const reviews = planned.map((r, i) => ({
		id: reviewIds[i],
		account_id: ids.account(r.accountIndex),
		kind: r.kind,
		title: r.title,
		status: r.status,
		starts_at: r.startsAt,
		duration_minutes: r.durationMinutes,
		time_zone: r.timeZone,
		location: r.location,
		agenda: r.agenda,
		notes: r.notes,
		decisions: r.decisions,
		cancel_reason: r.cancelReason,
		attendees: r.attendees.map((a) =>
			a.kind === 'contact'
				? { kind: a.kind, id: contactId(r.accountIndex, a.contactIndex) }
				: { kind: a.kind, id: ids.user(a.userIndex) }
		),
		created_by: user(r.createdByUserIndex),
		created_at: r.createdAt,
		updated_at: r.updatedAt
	}));
	const tasks: Record<string, unknown>[] = [];
	const links: { task_id: number; review_id: number }[] = [];
	planned.forEach((r, i) => {
		for (const a of r.actions) {
			const id = taskIds[tasks.length]!;
			tasks.push({
				id,
				account_id: ids.account(r.accountIndex),
				title: a.title,
				description: '',
				owner_user_id: ids.user(a.ownerUserIndex),
				due_date: a.dueDate,
				status: a.status,
				source: 'review',
				completed_at: a.completedAt,
				completed_by: a.completedAt === null ? null : ids.user(a.ownerUserIndex),
				created_at: a.createdAt,
				updated_at: a.completedAt ?? a.createdAt
			});
			links.push({ task_id: id, review_id: reviewIds[i]! });
		}
	});

	await insertJson(trx, 'business_reviews', REVIEW_COLUMNS, reviews, JSON_ROWS);
	await insertJson(trx, 'tasks', TASK_COLUMNS, tasks, JSON_ROWS);
	await insertJson(trx, 'review_actions', ACTION_COLUMNS, links, JSON_ROWS);
	// The cadence flags read each account's last held and next planned review from here.
	await refreshReviewFacts(trx, 'all');
	return { reviews: planned.length, reviewActions: tasks.length, planned, reviewIds };
}

async function loadCadences(trx: Transaction<Database>): Promise<DemoCadence[]> {
	const rows = await trx
		.selectFrom('review_cadences')
		.select(['segment', 'kind', 'every_months'])
		.orderBy('segment')
		.orderBy('kind')
		.execute();
	return rows.map((r) => ({ segment: r.segment, kind: r.kind, everyMonths: r.every_months }));
}

/**
 * Each account's contact ids in the plan's order (they were written in it), as a lookup by
 * account index and contact index.
 */
export async function contactIds(
	trx: Transaction<Database>,
	plan: DemoPlan,
	ids: DemoIds
): Promise<(accountIndex: number, contactIndex: number) => number> {
	const rows = await trx
		.selectFrom('contacts')
		.select(['id', 'account_id'])
		.orderBy('id')
		.execute();
	const byAccount = new Map<number, number[]>();
	for (const r of rows) {
		const list = byAccount.get(r.account_id);
		if (list) list.push(r.id);
		else byAccount.set(r.account_id, [r.id]);
	}
	return (accountIndex, contactIndex) => {
		const id = byAccount.get(ids.account(accountIndex))?.[contactIndex];
		if (id === undefined) {
			const account = plan.accounts[accountIndex]?.externalId;
			throw new Error(`demo contact #${contactIndex} of ${account} was not written`);
		}
		return id;
	};
}
