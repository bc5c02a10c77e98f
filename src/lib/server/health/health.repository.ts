import { sql } from 'kysely';
import type { Executor } from '../db/database';

/** The account's monthly adoption, newest first, for the adoption component and its trend. */
export function recentAdoption(db: Executor, accountId: number, months: number) {
	return db
		.selectFrom('account_adoption')
		.select(['month', 'adoption'])
		.where('account_id', '=', accountId)
		.orderBy('month', 'desc')
		.limit(months)
		.execute();
}

/**
 * The facts behind engagement and progress, in one query: the last touch (a kick-off held or a
 * task completed), overdue onboarding items, and the open objectives with how many are at risk
 * or past due.
 */
export async function healthFacts(db: Executor, accountId: number, today: string, now: Date) {
	const row = await db
		.selectNoFrom((eb) => [
			eb
				.selectFrom('kickoff_meetings')
				.select(sql<Date | null>`max(starts_at)`.as('at'))
				.where('account_id', '=', accountId)
				.where('starts_at', '<=', now)
				.as('last_meeting'),
			eb
				.selectFrom('tasks')
				.select(sql<Date | null>`max(completed_at)`.as('at'))
				.where('account_id', '=', accountId)
				.where('status', '=', 'done')
				.as('last_task_done'),
			eb
				.selectFrom('onboarding_items as i')
				.innerJoin('tasks as t', 't.id', 'i.task_id')
				.innerJoin('onboardings as o', 'o.id', 'i.onboarding_id')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('o.account_id', '=', accountId)
				.where('o.status', '=', 'active')
				.where('t.status', '=', 'open')
				.where('t.due_date', '<', today)
				.as('overdue_items'),
			eb
				.selectFrom('onboardings')
				.select(sql<boolean>`count(*) > 0`.as('active'))
				.where('account_id', '=', accountId)
				.where('status', '=', 'active')
				.as('onboarding_active'),
			eb
				.selectFrom('plan_objectives')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('account_id', '=', accountId)
				.where('status', 'not in', ['achieved', 'dropped'])
				.as('open_objectives'),
			eb
				.selectFrom('plan_objectives')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('account_id', '=', accountId)
				.where('status', '=', 'at_risk')
				.as('at_risk_objectives'),
			eb
				.selectFrom('plan_objectives')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('account_id', '=', accountId)
				.where('status', 'not in', ['achieved', 'dropped', 'at_risk'])
				.where('due_date', '<', today)
				.as('overdue_objectives')
		])
		.executeTakeFirstOrThrow();
	return {
		lastMeeting: row.last_meeting ?? null,
		lastTaskDone: row.last_task_done ?? null,
		overdueItems: row.overdue_items ?? 0,
		onboardingActive: row.onboarding_active ?? false,
		openObjectives: row.open_objectives ?? 0,
		atRiskObjectives: row.at_risk_objectives ?? 0,
		overdueObjectives: row.overdue_objectives ?? 0
	};
}
