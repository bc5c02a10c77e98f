import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { publish } from '../events/events';
import { currentPhase } from './board.repository';

/**
 * Active onboardings with the facts riskOf (domain/onboarding-rules.ts) judges, in SQL: the
 * current phase (first neither completed nor skipped), its days against its target, and required
 * items open past their due date, each measured on today's date in the account's time zone.
 */
export function onboardingRisk(db: Executor, now: Date, onboardingIds?: readonly number[]) {
	const today = sql<string>`(${now}::timestamptz at time zone a.time_zone)::date`;
	return db
		.selectFrom('onboardings as o')
		.innerJoin('accounts as a', 'a.id', 'o.account_id')
		.leftJoinLateral(currentPhase, (join) => join.onTrue())
		.leftJoinLateral(
			(eb) =>
				eb
					.selectFrom('onboarding_items as i')
					.innerJoin('tasks as t', 't.id', 'i.task_id')
					.select(sql<number>`count(*)::int`.as('n'))
					.whereRef('i.onboarding_id', '=', 'o.id')
					.where('i.required', '=', true)
					.where('t.status', '=', 'open')
					.where(sql<boolean>`t.due_date < ${today}`)
					.as('overdue'),
			(join) => join.onTrue()
		)
		.select([
			'o.id',
			'o.account_id',
			'o.at_risk_since',
			'o.target_go_live',
			'a.name as account_name',
			'cur.phase',
			'cur.target_days',
			sql<number | null>`(${today} - cur.started_on)`.as('days_in_phase'),
			sql<number>`coalesce(overdue.n, 0)`.as('required_overdue'),
			sql<boolean>`coalesce(${today} - cur.started_on > cur.target_days, false)
				or coalesce(overdue.n, 0) > 0`.as('at_risk')
		])
		.where('o.status', '=', 'active')
		.$if(onboardingIds !== undefined, (qb) =>
			qb.where('o.id', 'in', onboardingIds!.length > 0 ? onboardingIds! : [-1])
		);
}

/**
 * Marks onboardings that became at risk (announcing each once, in this transaction) and clears
 * the mark of those no longer at risk, so a later episode is announced again. Risk comes from
 * the passage of time as much as from edits, so the sweep runs it for all, and changes to an
 * onboarding's items run it for that one. The updates are conditional on the mark, so several
 * instances at once announce an episode once.
 */
export async function markOnboardingRisk(
	trx: Executor,
	now: Date,
	onboardingIds?: readonly number[]
) {
	const rows = await onboardingRisk(trx, now, onboardingIds).execute();
	const became = rows.filter((r) => r.at_risk && r.at_risk_since === null).map((r) => r.id);
	const recovered = rows.filter((r) => !r.at_risk && r.at_risk_since !== null).map((r) => r.id);
	const marked =
		became.length === 0
			? []
			: await trx
					.updateTable('onboardings')
					.set({ at_risk_since: now })
					.where('id', 'in', became)
					.where('at_risk_since', 'is', null)
					.returning(['id', 'account_id'])
					.execute();
	if (recovered.length > 0) {
		await trx
			.updateTable('onboardings')
			.set({ at_risk_since: null })
			.where('id', 'in', recovered)
			.execute();
	}
	await publish(
		trx,
		marked.map((o) => ({
			type: 'onboarding.at_risk',
			accountId: o.account_id,
			onboardingId: o.id
		})),
		now
	);
	return marked.length;
}
