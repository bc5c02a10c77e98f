import { sql } from 'kysely';
import type { Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { advance } from '../../domain/onboarding-rules';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../db/database';
import { listItems, listPhases } from './onboarding.repository';
import { markOnboardingRisk } from './onboarding-risk';
import { toItemState, toPhaseState } from './onboarding-state';

/**
 * After any change to an onboarding's items or criteria, inside the same transaction: closes
 * each phase whose gate is now open and starts the next, recording when it happened.
 */
export async function recordPhaseProgress(
	trx: Executor,
	actor: Actor,
	accountId: number,
	onboardingId: number,
	accountTimeZone: string
) {
	const today = todayIn(accountTimeZone, new Date());
	const [phases, items] = await Promise.all([
		listPhases(trx, onboardingId),
		listItems(trx, onboardingId)
	]);
	const transitions = advance(phases.map(toPhaseState), items.map(toItemState), today);
	for (const step of transitions) {
		const closed = phases.find((p) => p.phase === step.phase)!;
		await trx
			.updateTable('onboarding_phases')
			.set({ completed_on: step.completedOn, version: sql<number>`version + 1` })
			.where('id', '=', closed.id)
			.execute();
		await trx
			.updateTable('onboarding_phases')
			.set({ started_on: step.completedOn, version: sql<number>`version + 1` })
			.where('onboarding_id', '=', onboardingId)
			.where('phase', '=', step.next)
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'onboarding_phase',
			entityId: closed.id,
			action: 'update',
			before: { phase: step.phase, completed_on: null },
			after: { phase: step.phase, completed_on: step.completedOn, next_phase: step.next }
		});
	}
	// A change may have put it at risk (an item re-dated into the past) or out of it.
	await markOnboardingRisk(trx, new Date(), [onboardingId]);
	return transitions;
}
