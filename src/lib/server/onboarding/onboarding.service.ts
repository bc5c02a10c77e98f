import { sql } from 'kysely';
import { canWorkTasks, type Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { localize } from '../../domain/localized-text';
import {
	canHandOff,
	currentPhase,
	daysInPhase,
	dueDateFor,
	isOverdue,
	progressOf,
	resolveOwner,
	riskOf
} from '../../domain/onboarding-rules';
import type { Locale } from '../../domain/vocabulary';
import { findReadableAccount, lockEditableAccount } from '../accounts/account-guard';
import { listContacts, listTeam } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { toItemState, toPhaseState } from './onboarding-state';
import {
	findKickoff,
	findLatestOnboarding,
	listItems,
	listPhases,
	lockOnboarding
} from './onboarding.repository';
import { findVersion, listCurrentTemplates } from './template.repository';
import { healthInputsChanged } from '../health/health-refresh';
import { publish, type KeelEvent } from '../events/events';
import { taskAssigned } from '../notifications/assignment-events';

type Viewer = Actor & { locale: Locale; timeZone: string };

export interface StartInput {
	template_version_id: number;
	start_date: string;
	target_go_live: string;
	skip_pre_onboarding: boolean;
	skip_reason: string;
}

/**
 * Starts an onboarding from a template version: its phases, and its items as tasks with due
 * dates and owners resolved from the account team. Written in the starter's language.
 */
export async function start(db: Db, actor: Viewer, accountId: number, input: StartInput) {
	if (input.target_go_live < input.start_date) {
		throw new ConflictError('target_go_live', 'error.goLiveBeforeStart');
	}
	if (input.skip_pre_onboarding && !input.skip_reason.trim()) {
		throw new ConflictError('skip_reason', 'error.skipReasonRequired');
	}
	return db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, accountId);
		const active = await trx
			.selectFrom('onboardings')
			.select('id')
			.where('account_id', '=', accountId)
			.where('status', '=', 'active')
			.executeTakeFirst();
		if (active) throw new ConflictError('template_version_id', 'error.onboardingActive');
		const version = await findVersion(trx, input.template_version_id);
		if (!version || version.archived_at)
			throw new ConflictError('template_version_id', 'error.choice');
		const content = version.content;
		const team = await listTeam(trx, accountId);

		const onboarding = await trx
			.insertInto('onboardings')
			.values({
				account_id: accountId,
				template_version_id: version.id,
				start_date: input.start_date,
				target_go_live: input.target_go_live,
				pre_onboarding_skip_reason: input.skip_pre_onboarding ? input.skip_reason.trim() : null,
				started_by: actor.id
			})
			.returningAll()
			.executeTakeFirstOrThrow();

		const firstWorked = input.skip_pre_onboarding ? 2 : 1;
		const assigned: KeelEvent[] = [];
		for (const phase of content.phases) {
			const skipped = phase.phase === 1 && input.skip_pre_onboarding;
			await trx
				.insertInto('onboarding_phases')
				.values({
					onboarding_id: onboarding.id,
					phase: phase.phase,
					target_days: phase.targetDays,
					started_on: phase.phase === firstWorked ? input.start_date : null,
					skipped,
					entry_criteria: JSON.stringify(phase.entryCriteria),
					exit_criteria: JSON.stringify(
						phase.exitCriteria.map((text) => ({ text, checkedAt: null, checkedBy: null }))
					)
				})
				.execute();
			// A skipped pre-onboarding has nothing to do: its items are not created.
			if (skipped) continue;
			for (const [position, item] of phase.items.entries()) {
				const owner = resolveOwner(item.owner, team);
				const task = await trx
					.insertInto('tasks')
					.values({
						account_id: accountId,
						title: localize(item.title, actor.locale),
						description: localize(item.description, actor.locale),
						owner_user_id: owner,
						due_date: dueDateFor(input.start_date, item.dueOffsetDays),
						source: 'onboarding'
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				assigned.push(...taskAssigned(accountId, task.id, owner, actor.id));
				await trx
					.insertInto('onboarding_items')
					.values({
						task_id: task.id,
						onboarding_id: onboarding.id,
						phase: phase.phase,
						position,
						required: item.required,
						owner: item.owner,
						template_item_key: item.key
					})
					.execute();
			}
		}
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'onboarding',
			entityId: onboarding.id,
			action: 'create',
			after: { ...onboarding, name: localize(content.name, actor.locale) }
		});
		await publish(trx, assigned);
		if (account.lifecycle_stage !== 'onboarding') {
			await moveStage(trx, actor, account, 'onboarding');
		}
		await healthInputsChanged(trx, accountId);
		return onboarding.id;
	});
}

async function moveStage(
	trx: Executor,
	actor: Actor,
	account: { id: number; lifecycle_stage: string; name: string },
	stage: 'onboarding' | 'adoption'
) {
	await trx
		.updateTable('accounts')
		.set({ lifecycle_stage: stage, ...bumpVersion() })
		.where('id', '=', account.id)
		.execute();
	await writeAudit(trx, {
		actorId: actor.id,
		accountId: account.id,
		entity: 'account',
		entityId: account.id,
		action: 'update',
		before: { name: account.name, lifecycle_stage: account.lifecycle_stage },
		after: { name: account.name, lifecycle_stage: stage }
	});
}

/**
 * Completes the onboarding: only when the last phase's gate is open. The account moves to its
 * steady state (adoption) and the note goes on the timeline.
 */
export async function handOff(
	db: Db,
	actor: Viewer,
	accountId: number,
	onboardingId: number,
	expectedVersion: number,
	note: string
) {
	await db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, accountId);
		// Another account's onboarding is not found here, whatever version the form names.
		const found = await lockOnboarding(trx, onboardingId);
		if (!found || found.account_id !== accountId || found.status !== 'active')
			throw new NotFoundError('onboarding');
		const before = assertVersion(found, expectedVersion, 'onboarding');
		const [phases, items] = await Promise.all([
			listPhases(trx, onboardingId),
			listItems(trx, onboardingId)
		]);
		if (!canHandOff(phases.map(toPhaseState), items.map(toItemState))) {
			throw new ConflictError('note', 'error.handoffNotReady');
		}
		const today = todayIn(account.time_zone, new Date());
		const last = phases.find((p) => !p.completed_on && !p.skipped)!;
		await trx
			.updateTable('onboarding_phases')
			.set({ completed_on: today, version: sql<number>`version + 1` })
			.where('id', '=', last.id)
			.execute();
		const after = await trx
			.updateTable('onboardings')
			.set({ status: 'completed', completed_on: today, handoff_note: note, ...bumpVersion() })
			.where('id', '=', onboardingId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'onboarding',
			entityId: onboardingId,
			action: 'update',
			before,
			after
		});
		await moveStage(trx, actor, account, 'adoption');
		await healthInputsChanged(trx, accountId);
	});
}

/** Everything the account's Onboarding tab shows, in a fixed number of queries. */
export async function getForAccount(db: Db, actor: Viewer, accountId: number, now = new Date()) {
	const account = await findReadableAccount(db, actor, accountId);
	const [onboarding, team, templates] = await Promise.all([
		findLatestOnboarding(db, accountId),
		listTeam(db, accountId),
		listCurrentTemplates(db)
	]);
	const facts = {
		resellerId: account.reseller_id,
		actorOnTeam: team.some((m) => m.user_id === actor.id)
	};
	const can = {
		edit: canWorkTasks(actor, facts) && actor.role !== 'partner',
		work: canWorkTasks(actor, facts)
	};
	const today = todayIn(account.time_zone, now);
	const base = {
		account,
		team,
		today,
		can,
		templates: templates.map((t) => ({
			versionId: t.version_id,
			key: t.key,
			name: localize(t.content.name, actor.locale),
			description: localize(t.content.description, actor.locale)
		}))
	};
	if (!onboarding) return { ...base, contacts: [], onboarding: null };

	const [phases, items, kickoff, contacts] = await Promise.all([
		listPhases(db, onboarding.id),
		listItems(db, onboarding.id),
		findKickoff(db, onboarding.id),
		listContacts(db, accountId)
	]);
	const phaseStates = phases.map(toPhaseState);
	const itemStates = items.map(toItemState);
	const current = currentPhase(phaseStates);
	const templatePhases = onboarding.template_content.phases;
	return {
		...base,
		contacts: contacts.map((c) => ({ id: c.id, name: c.name, title: c.title })),
		onboarding: {
			...onboarding,
			name: localize(onboarding.template_content.name, actor.locale),
			progress: progressOf(itemStates),
			risk: onboarding.status === 'active' ? riskOf(phaseStates, itemStates, today) : [],
			currentPhase: current?.phase ?? null,
			canHandOff: onboarding.status === 'active' && canHandOff(phaseStates, itemStates),
			kickoff: kickoff ?? null,
			phases: phases.map((row, index) => {
				const state = phaseStates[index]!;
				const phaseItems = items.filter((i) => i.phase === row.phase);
				return {
					...row,
					entry: row.entry_criteria.map((text) => localize(text, actor.locale)),
					exit: row.exit_criteria.map((c) => ({ ...c, label: localize(c.text, actor.locale) })),
					daysInPhase: daysInPhase(state, today),
					overrun: current?.phase === row.phase && daysInPhase(state, today) > row.target_days,
					progress: progressOf(phaseItems.map(toItemState)),
					targetFromTemplate: templatePhases.find((p) => p.phase === row.phase)?.targetDays ?? null,
					items: phaseItems.map((item) => ({
						...item,
						overdue: isOverdue(toItemState(item), today)
					}))
				};
			})
		}
	};
}
