import { ACTIVE_CHURN_STATUSES } from '../../domain/churn';
import type { Executor } from '../db/database';

/** Flags on the account still needing work (open or mitigating). */
export async function countActiveFlags(db: Executor, accountId: number) {
	const row = await db
		.selectFrom('churn_flags')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('account_id', '=', accountId)
		.where('status', 'in', ACTIVE_CHURN_STATUSES)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
