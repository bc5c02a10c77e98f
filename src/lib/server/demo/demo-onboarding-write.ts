/**
 * Writes the planned demo onboardings in bulk, with the shapes `onboarding.service.start`
 * writes: the onboarding, its three phases, and each item as a task plus its onboarding_items
 * row. One INSERT per batch, inside the seeding transaction.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db/database';
import { listCurrentTemplates } from '../onboarding/template.repository';
import type { DemoTemplate, PlannedItem, PlannedOnboarding } from './demo-onboarding-plan';

/** Onboardings per round trip of (onboardings, phases, tasks, items) inserts. */
const GROUP = 250;

export interface DemoIds {
	account(index: number): number;
	user(index: number): number;
}

/** The current version of every template that is not archived, by key. */
export async function loadDemoTemplates(
	trx: Transaction<Database>
): Promise<Map<string, DemoTemplate>> {
	const rows = await listCurrentTemplates(trx);
	return new Map(rows.map((r) => [r.key, { versionId: r.version_id, content: r.content }]));
}

export async function writeOnboardings(
	trx: Transaction<Database>,
	planned: readonly PlannedOnboarding[],
	ids: DemoIds,
	batchSize: number
): Promise<{ onboardings: number; tasks: number }> {
	const userOrNull = (index: number | null) => (index === null ? null : ids.user(index));
	let tasks = 0;
	for (const group of chunks(planned, GROUP)) {
		const rows = await trx
			.insertInto('onboardings')
			.values(
				group.map((o) => ({
					account_id: ids.account(o.accountIndex),
					template_version_id: o.templateVersionId,
					status: o.status,
					start_date: o.startDate,
					target_go_live: o.targetGoLive,
					pre_onboarding_skip_reason: o.preOnboardingSkipReason,
					completed_on: o.completedOn,
					handoff_note: o.handoffNote,
					started_by: ids.user(o.startedByUserIndex),
					created_at: startedAt(o)
				}))
			)
			.returning(['id', 'account_id'])
			.execute();
		// The demo writes at most one onboarding per account.
		const byAccount = new Map(rows.map((r) => [r.account_id, r.id]));
		const onboardingId = (o: PlannedOnboarding) => {
			const id = byAccount.get(ids.account(o.accountIndex));
			if (id === undefined) throw new Error('a demo onboarding was not written');
			return id;
		};

		const phases = group.flatMap((o) =>
			o.phases.map((p) => ({
				onboarding_id: onboardingId(o),
				phase: p.phase,
				target_days: p.targetDays,
				started_on: p.startedOn,
				completed_on: p.completedOn,
				skipped: p.skipped,
				entry_criteria: JSON.stringify(p.entryCriteria),
				exit_criteria: JSON.stringify(
					p.exitCriteria.map((c) => ({
						text: c.text,
						checkedAt: c.checkedAt,
						checkedBy: userOrNull(c.checkedByUserIndex)
					}))
				)
			}))
		);
		for (const part of chunks(phases, batchSize)) {
			await trx.insertInto('onboarding_phases').values(part).execute();
		}

		const items = group.flatMap((o) =>
			o.items.map((item) => ({ item, accountId: ids.account(o.accountIndex), onboarding: o }))
		);
		for (const part of chunks(items, batchSize)) {
			const written = await trx
				.insertInto('tasks')
				.values(
					part.map(({ item, accountId, onboarding }) => ({
						account_id: accountId,
						title: item.title,
						description: item.description,
						owner_user_id: userOrNull(item.ownerUserIndex),
						due_date: item.dueDate,
						status: item.status,
						source: 'onboarding',
						skip_reason: item.skipReason,
						completed_at: item.completedAt === null ? null : new Date(item.completedAt),
						completed_by: userOrNull(item.completedByUserIndex),
						created_at: startedAt(onboarding)
					}))
				)
				.returning(['id', 'account_id', 'title'])
				.execute();
			const taskIds = matchReturned(written, part);
			await trx
				.insertInto('onboarding_items')
				.values(
					part.map(({ item, onboarding }, index) => ({
						task_id: taskIds[index]!,
						onboarding_id: onboardingId(onboarding),
						phase: item.phase,
						position: item.position,
						required: item.required,
						owner: item.owner,
						template_item_key: item.key
					}))
				)
				.execute();
			tasks += part.length;
		}
	}
	return { onboardings: planned.length, tasks };
}

/**
 * The task ids in the order the rows were sent. PostgreSQL returns the rows of a multi-row
 * INSERT in VALUES order; checked here rather than assumed, as tasks have no natural key.
 */
function matchReturned(
	written: readonly { id: number; account_id: number; title: string }[],
	sent: readonly { item: PlannedItem; accountId: number }[]
): number[] {
	if (written.length !== sent.length) throw new Error('demo tasks were not all written');
	return written.map((row, index) => {
		const expected = sent[index]!;
		if (row.account_id !== expected.accountId || row.title !== expected.item.title) {
			throw new Error('demo tasks came back out of order');
		}
		return row.id;
	});
}

/** When the onboarding was started: the start of the working day on its start date. */
const startedAt = (o: PlannedOnboarding) => `${o.startDate}T08:00:00.000Z`;

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
