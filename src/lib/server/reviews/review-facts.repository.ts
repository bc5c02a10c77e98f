import { sql } from 'kysely';
import type { Executor } from '../db/database';

/**
 * Works out again, from its reviews, the day of the last review held and of the first still
 * planned of each kind (in the zone each was scheduled in) for one account (or every account after a bulk load). Called in the transaction that
 * changes a review, after it has locked the account, so two changes to one account's reviews
 * take turns and the second reads the first's.
 */
export async function refreshReviewFacts(db: Executor, scope: number | 'all') {
	const which = scope === 'all' ? sql`true` : sql`account_id = ${scope}`;
	await sql`delete from account_review_facts where ${which}`.execute(db);
	await sql`
		insert into account_review_facts (account_id, kind, last_held_on, next_planned_on)
		select account_id, kind,
			max((starts_at at time zone time_zone)::date) filter (where status = 'held'),
			min((starts_at at time zone time_zone)::date) filter (where status = 'planned')
		from business_reviews
		where status in ('held', 'planned') and ${which}
		group by account_id, kind`.execute(db);
}
