/**
 * Writes the planned demo usage and success plans in bulk, inside the seeding transaction:
 * usage records, then each account's adoption summary from them (as the adoption service keeps
 * it), then objectives and their tasks with the shapes `plan.service` writes (a task with source
 * 'plan' plus its objective_tasks row).
 */
import { sql, type Insertable, type Transaction } from 'kysely';
import { refreshAdoption } from '../adoption/adoption.repository';
import type { UsageRecordTable } from '../adoption/adoption.table';
import type { Database } from '../db/database';
import type { DemoIds } from './demo-onboarding-write';
import type { PlannedObjective } from './demo-success-plan';
import type { PlannedUsage } from './demo-usage-plan';

/** Usage rows per INSERT; they travel as one JSON parameter, so only the payload size limits it. */
const USAGE_ROWS = 10_000;

type UsageRow = Pick<
	Insertable<UsageRecordTable>,
	'account_id' | 'metric' | 'month' | 'entitled' | 'used'
>;

export interface WrittenPlans {
	usageRecords: number;
	objectives: number;
	planTasks: number;
}

export async function writeUsageAndPlans(
	trx: Transaction<Database>,
	usage: readonly PlannedUsage[],
	objectives: readonly PlannedObjective[],
	ids: DemoIds,
	batchSize: number
): Promise<WrittenPlans> {
	const usageRecords = await writeUsage(trx, usage, ids);
	await refreshAdoption(trx, 'all');
	const planTasks = await writeObjectives(trx, objectives, ids, batchSize);
	return { usageRecords, objectives: objectives.length, planTasks };
}

async function writeUsage(
	trx: Transaction<Database>,
	usage: readonly PlannedUsage[],
	ids: DemoIds
): Promise<number> {
	let written = 0;
	let rows: UsageRow[] = [];
	// One JSON parameter per statement rather than five per row: measured about a third faster
	// than multi-row VALUES on PGlite for the 10,000-account demo, and no bind-parameter limit.
	const flush = async () => {
		if (rows.length === 0) return;
		await sql`
			insert into usage_records (account_id, metric, month, entitled, used)
			select account_id, metric, month, entitled, used
			from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
				account_id integer, metric text, month date, entitled double precision, used double precision
			)`.execute(trx);
		written += rows.length;
		rows = [];
	};
	for (const account of usage) {
		const accountId = ids.account(account.accountIndex);
		for (const s of account.series) {
			account.months.forEach((month, i) => {
				rows.push({
					account_id: accountId,
					metric: s.metric,
					month,
					entitled: s.entitled[i]!,
					used: s.used[i]!
				});
			});
		}
		if (rows.length >= USAGE_ROWS) await flush();
	}
	await flush();
	return written;
}

/** Objectives, their tasks and the links between them; returns the number of tasks. */
async function writeObjectives(
	trx: Transaction<Database>,
	objectives: readonly PlannedObjective[],
	ids: DemoIds,
	batchSize: number
): Promise<number> {
	let tasks = 0;
	for (const group of chunks(objectives, batchSize)) {
		const written = await trx
			.insertInto('plan_objectives')
			.values(
				group.map((o) => ({
					account_id: ids.account(o.accountIndex),
					title: o.title,
					why: o.why,
					criterion_kind: o.criterionKind,
					metric: o.metric,
					target_value: o.targetValue,
					outcome: o.outcome,
					owner_user_id: ids.user(o.ownerUserIndex),
					due_date: o.dueDate,
					status: o.status,
					status_reason: o.statusReason,
					created_by: ids.user(o.ownerUserIndex),
					created_at: o.createdAt,
					updated_at: o.createdAt
				}))
			)
			.returning(['id', 'account_id', 'title'])
			.execute();
		const objectiveIds = matchReturned(
			written,
			group.map((o) => ({ accountId: ids.account(o.accountIndex), title: o.title })),
			'objectives'
		);

		const planned = group.flatMap((o, k) =>
			o.tasks.map((task) => ({
				task,
				objectiveId: objectiveIds[k]!,
				accountId: ids.account(o.accountIndex),
				createdAt: o.createdAt
			}))
		);
		for (const part of chunks(planned, batchSize)) {
			const rows = await trx
				.insertInto('tasks')
				.values(
					part.map(({ task, accountId, createdAt }) => ({
						account_id: accountId,
						title: task.title,
						owner_user_id: ids.user(task.ownerUserIndex),
						due_date: task.dueDate,
						status: task.status,
						source: 'plan',
						skip_reason: task.skipReason,
						completed_at: task.completedAt === null ? null : new Date(task.completedAt),
						completed_by:
							task.completedByUserIndex === null ? null : ids.user(task.completedByUserIndex),
						created_at: createdAt,
						updated_at: task.completedAt ?? createdAt
					}))
				)
				.returning(['id', 'account_id', 'title'])
				.execute();
			const taskIds = matchReturned(
				rows,
				part.map((p) => ({ accountId: p.accountId, title: p.task.title })),
				'plan tasks'
			);
			await trx
				.insertInto('objective_tasks')
				.values(part.map((p, index) => ({ task_id: taskIds[index]!, objective_id: p.objectiveId })))
				.execute();
			tasks += part.length;
		}
	}
	return tasks;
}

/**
 * The ids in the order the rows were sent. PostgreSQL returns the rows of a multi-row INSERT in
 * VALUES order; checked rather than assumed, as neither table has a natural key.
 */
function matchReturned(
	written: readonly { id: number; account_id: number; title: string }[],
	sent: readonly { accountId: number; title: string }[],
	what: string
): number[] {
	if (written.length !== sent.length) throw new Error(`demo ${what} were not all written`);
	return written.map((row, index) => {
		const expected = sent[index]!;
		if (row.account_id !== expected.accountId || row.title !== expected.title) {
			throw new Error(`demo ${what} came back out of order`);
		}
		return row.id;
	});
}

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
