import type { Executor } from '../db/database';

/** The account's onboarding in progress, else its most recent one. */
export function findLatestOnboarding(db: Executor, accountId: number) {
	return db
		.selectFrom('onboardings as o')
		.innerJoin('onboarding_template_versions as v', 'v.id', 'o.template_version_id')
		.innerJoin('onboarding_templates as t', 't.id', 'v.template_id')
		.selectAll('o')
		.select([
			'v.content as template_content',
			'v.version_no as template_version_no',
			't.key as template_key'
		])
		.where('o.account_id', '=', accountId)
		.orderBy((eb) => eb.case().when('o.status', '=', 'active').then(0).else(1).end())
		.orderBy('o.id', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export function lockOnboarding(db: Executor, id: number) {
	return db
		.selectFrom('onboardings')
		.selectAll()
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function listPhases(db: Executor, onboardingId: number) {
	return db
		.selectFrom('onboarding_phases')
		.selectAll()
		.where('onboarding_id', '=', onboardingId)
		.orderBy('phase')
		.execute();
}

/** The checklist: each item with its task and the owner's name, in phase and list order. */
export function listItems(db: Executor, onboardingId: number) {
	return db
		.selectFrom('onboarding_items as i')
		.innerJoin('tasks as t', 't.id', 'i.task_id')
		.leftJoin('users as owner', 'owner.id', 't.owner_user_id')
		.leftJoin('users as closer', 'closer.id', 't.completed_by')
		.select([
			't.id',
			't.title',
			't.description',
			't.status',
			't.due_date',
			't.owner_user_id',
			't.skip_reason',
			't.notes',
			't.completed_at',
			't.version',
			'i.phase',
			'i.position',
			'i.required',
			'i.owner',
			'i.template_item_key',
			'owner.name as owner_name',
			'closer.name as completed_by_name'
		])
		.where('i.onboarding_id', '=', onboardingId)
		.orderBy('i.phase')
		.orderBy('i.position')
		.execute();
}

/** An item's task, locked, with where it sits in its onboarding. */
export function lockItem(db: Executor, taskId: number) {
	return db
		.selectFrom('tasks as t')
		.innerJoin('onboarding_items as i', 'i.task_id', 't.id')
		.selectAll('t')
		.select(['i.onboarding_id', 'i.phase', 'i.required'])
		.where('t.id', '=', taskId)
		.forUpdate('t')
		.executeTakeFirst();
}

export function findKickoff(db: Executor, onboardingId: number) {
	return db
		.selectFrom('kickoff_meetings')
		.selectAll()
		.where('onboarding_id', '=', onboardingId)
		.executeTakeFirst();
}
