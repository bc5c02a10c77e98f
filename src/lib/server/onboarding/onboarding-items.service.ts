import { sql } from 'kysely';
import type { Actor } from '../../domain/access';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Phase } from '../../domain/onboarding-template';
import { assertOwnerOnTeam, lockAccountFor, type AccountNeed } from '../accounts/account-guard';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion } from '../db/versioned';
import { completionSet, updateTask } from '../tasks/task-change';
import { recordPhaseProgress } from './onboarding-progress';
import { lockItem } from './onboarding.repository';
import { healthInputsChanged } from '../health/health-refresh';
import { publish } from '../events/events';
import { taskAssigned } from '../notifications/assignment-events';

/** Editing the checklist is for the account's editors; working items also for its partner CSM. */
type Need = AccountNeed;

async function guard(trx: Executor, actor: Actor, accountId: number, need: Need) {
	return (await lockAccountFor(trx, actor, accountId, need)).account;
}

async function activeOnboarding(trx: Executor, accountId: number, onboardingId: number) {
	const onboarding = await trx
		.selectFrom('onboardings')
		.select(['id', 'status', 'account_id'])
		.where('id', '=', onboardingId)
		.forUpdate()
		.executeTakeFirst();
	if (!onboarding || onboarding.account_id !== accountId) throw new NotFoundError('onboarding');
	if (onboarding.status !== 'active') throw new ConflictError('id', 'error.onboardingClosed');
	return onboarding;
}

async function phaseOpen(trx: Executor, onboardingId: number, phase: Phase) {
	const row = await trx
		.selectFrom('onboarding_phases')
		.select(['completed_on', 'skipped'])
		.where('onboarding_id', '=', onboardingId)
		.where('phase', '=', phase)
		.executeTakeFirstOrThrow();
	if (row.completed_on || row.skipped) throw new ConflictError('id', 'error.phaseClosed');
}

export type ItemChange =
	| { kind: 'done' }
	| { kind: 'reopen' }
	| { kind: 'skip'; reason: string }
	| { kind: 'edit'; due_date: string | null; owner_user_id: number | null; notes: string };

const NEEDS: Record<ItemChange['kind'], Need> = {
	done: 'work',
	reopen: 'work',
	skip: 'edit',
	edit: 'edit'
};

/**
 * One change to one checklist item, with optimistic locking and an audit row; then the phase
 * gates are re-checked in the same transaction.
 */
export async function changeItem(
	db: Db,
	actor: Actor,
	accountId: number,
	taskId: number,
	expectedVersion: number,
	change: ItemChange
) {
	if (change.kind === 'skip' && !change.reason.trim()) {
		throw new ConflictError('reason', 'error.skipReasonRequired');
	}
	await db.transaction().execute(async (trx) => {
		const account = await guard(trx, actor, accountId, NEEDS[change.kind]);
		const item = await lockItem(trx, taskId);
		if (!item || item.account_id !== accountId) throw new NotFoundError('item');
		await activeOnboarding(trx, accountId, item.onboarding_id);
		await phaseOpen(trx, item.onboarding_id, item.phase);
		const before = assertVersion(item, expectedVersion, 'item');
		if (change.kind === 'edit') await assertOwnerOnTeam(trx, accountId, change.owner_user_id);

		const set =
			change.kind === 'done' || change.kind === 'reopen'
				? completionSet(change.kind === 'done', actor.id)
				: change.kind === 'skip'
					? {
							status: 'skipped' as const,
							skip_reason: change.reason.trim(),
							completed_at: new Date(),
							completed_by: actor.id
						}
					: {
							due_date: change.due_date,
							owner_user_id: change.owner_user_id,
							notes: change.notes
						};
		await updateTask(trx, actor.id, accountId, before, set);
		if (change.kind === 'edit') {
			await publish(
				trx,
				taskAssigned(accountId, taskId, change.owner_user_id, actor.id, before.owner_user_id)
			);
		}
		await recordPhaseProgress(trx, actor, accountId, item.onboarding_id, account.time_zone);
		await healthInputsChanged(trx, accountId);
	});
}

export interface NewItemInput {
	phase: Phase;
	title: string;
	description: string;
	due_date: string | null;
	owner_user_id: number | null;
	required: boolean;
}

/** A custom item for this customer, at the end of its phase. */
export async function addItem(
	db: Db,
	actor: Actor,
	accountId: number,
	onboardingId: number,
	input: NewItemInput
) {
	await db.transaction().execute(async (trx) => {
		await guard(trx, actor, accountId, 'edit');
		await activeOnboarding(trx, accountId, onboardingId);
		await phaseOpen(trx, onboardingId, input.phase);
		await assertOwnerOnTeam(trx, accountId, input.owner_user_id);
		const position = await trx
			.selectFrom('onboarding_items')
			.select(sql<number>`coalesce(max(position), -1) + 1`.as('next'))
			.where('onboarding_id', '=', onboardingId)
			.where('phase', '=', input.phase)
			.executeTakeFirstOrThrow();
		const task = await trx
			.insertInto('tasks')
			.values({
				account_id: accountId,
				title: input.title,
				description: input.description,
				due_date: input.due_date,
				owner_user_id: input.owner_user_id,
				source: 'onboarding'
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('onboarding_items')
			.values({
				task_id: task.id,
				onboarding_id: onboardingId,
				phase: input.phase,
				position: position.next,
				required: input.required,
				owner: 'CSM',
				template_item_key: null
			})
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'task',
			entityId: task.id,
			action: 'create',
			after: { ...task, name: task.title, phase: input.phase, required: input.required }
		});
		await publish(trx, taskAssigned(accountId, task.id, task.owner_user_id, actor.id));
		await healthInputsChanged(trx, accountId);
	});
}

/** Removes an item from this customer's checklist (its phase still open). */
export async function removeItem(
	db: Db,
	actor: Actor,
	accountId: number,
	taskId: number,
	expectedVersion: number
) {
	await db.transaction().execute(async (trx) => {
		const account = await guard(trx, actor, accountId, 'edit');
		const item = await lockItem(trx, taskId);
		if (!item || item.account_id !== accountId) throw new NotFoundError('item');
		await activeOnboarding(trx, accountId, item.onboarding_id);
		await phaseOpen(trx, item.onboarding_id, item.phase);
		assertVersion(item, expectedVersion, 'item');
		await trx.deleteFrom('tasks').where('id', '=', taskId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'task',
			entityId: taskId,
			action: 'delete',
			before: { ...item, name: item.title }
		});
		await recordPhaseProgress(trx, actor, accountId, item.onboarding_id, account.time_zone);
		await healthInputsChanged(trx, accountId);
	});
}

/** Ticks or unticks one exit criterion of an open phase. */
export async function setCriterion(
	db: Db,
	actor: Actor,
	accountId: number,
	phaseId: number,
	expectedVersion: number,
	index: number,
	checked: boolean
) {
	await db.transaction().execute(async (trx) => {
		const account = await guard(trx, actor, accountId, 'edit');
		const phase = await trx
			.selectFrom('onboarding_phases')
			.selectAll()
			.where('id', '=', phaseId)
			.forUpdate()
			.executeTakeFirst();
		if (!phase) throw new NotFoundError('phase');
		await activeOnboarding(trx, accountId, phase.onboarding_id);
		assertVersion(phase, expectedVersion, 'phase');
		if (phase.completed_on || phase.skipped) throw new ConflictError('id', 'error.phaseClosed');
		const criterion = phase.exit_criteria[index];
		if (!criterion) throw new NotFoundError('criterion');
		const criteria = phase.exit_criteria.map((c, i) =>
			i === index
				? {
						...c,
						checkedAt: checked ? new Date().toISOString() : null,
						checkedBy: checked ? actor.id : null
					}
				: c
		);
		await trx
			.updateTable('onboarding_phases')
			.set({ exit_criteria: JSON.stringify(criteria), version: sql<number>`version + 1` })
			.where('id', '=', phaseId)
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'onboarding_phase',
			entityId: phaseId,
			action: 'update',
			before: {
				phase: phase.phase,
				criterion: criterion.text.en,
				checked: criterion.checkedAt !== null
			},
			after: { phase: phase.phase, criterion: criterion.text.en, checked }
		});
		await recordPhaseProgress(trx, actor, accountId, phase.onboarding_id, account.time_zone);
	});
}
