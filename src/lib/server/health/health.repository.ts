import { addDays, daysBetween } from '../../domain/dates';
import type { Executor } from '../db/database';

/**
 * The account's daily scores from `since` to `until`, oldest first: the trend and last week's
 * value. Snapshots are keyed by day first (the daily pass appends a day), so an account's
 * history is read as a list of days.
 */
export function snapshotsBetween(db: Executor, accountId: number, since: string, until: string) {
	const days = Array.from({ length: daysBetween(since, until) + 1 }, (_, i) => addDays(since, i));
	return db
		.selectFrom('health_snapshots')
		.select(['day', 'score', 'band', 'adoption', 'engagement', 'progress', 'support', 'sentiment'])
		.where('day', '=', (eb) => eb.fn.any(eb.val(days)))
		.where('account_id', '=', accountId)
		.orderBy('day')
		.execute();
}

/** The CSM's assessment while it lasts (expires_on is inclusive), with who set it. */
export function findOverride(db: Executor, accountId: number, today: string) {
	return db
		.selectFrom('health_overrides as o')
		.leftJoin('users as u', 'u.id', 'o.set_by')
		.select([
			'o.band',
			'o.reason',
			'o.expires_on',
			'o.version',
			'o.updated_at',
			'u.name as set_by_name'
		])
		.where('o.account_id', '=', accountId)
		.where('o.expires_on', '>=', today)
		.executeTakeFirst();
}

export function lockOverride(db: Executor, accountId: number) {
	return db
		.selectFrom('health_overrides')
		.selectAll()
		.where('account_id', '=', accountId)
		.forUpdate()
		.executeTakeFirst();
}
