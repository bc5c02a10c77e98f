import { sql } from 'kysely';
import { ACTIVE_CHURN_STATUSES } from '../../domain/churn';
import type { Executor } from '../db/database';
import type { ChurnEventKind } from './churn.table';

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

/** The account's flags, those needing work first, then the newest; with the people named. */
export function listAccountFlags(db: Executor, accountId: number) {
	return db
		.selectFrom('churn_flags as f')
		.leftJoin('users as owner', 'owner.id', 'f.next_step_owner_id')
		.leftJoin('users as raiser', 'raiser.id', 'f.raised_by')
		.selectAll('f')
		.select(['owner.name as owner_name', 'raiser.name as raised_by_name'])
		.where('f.account_id', '=', accountId)
		.orderBy(sql`f.status in ('open', 'mitigating')`, 'desc')
		.orderBy('f.created_at', 'desc')
		.orderBy('f.id', 'desc')
		.execute();
}

/** Every flag's log for the account, oldest first, with who wrote each line. */
export function listFlagEvents(db: Executor, accountId: number) {
	return db
		.selectFrom('churn_flag_events as e')
		.innerJoin('churn_flags as f', 'f.id', 'e.flag_id')
		.leftJoin('users as u', 'u.id', 'e.actor_id')
		.select([
			'e.id',
			'e.flag_id',
			'e.kind',
			'e.actor_id',
			'e.body',
			'e.data',
			'e.at',
			'u.name as actor_name'
		])
		.where('f.account_id', '=', accountId)
		.orderBy('e.at')
		.orderBy('e.id')
		.execute();
}

export function lockFlag(db: Executor, flagId: number) {
	return db
		.selectFrom('churn_flags')
		.selectAll()
		.where('id', '=', flagId)
		.forUpdate()
		.executeTakeFirst();
}

export interface NewFlagEvent {
	flagId: number;
	kind: ChurnEventKind;
	actorId: number | null;
	body?: string;
	data?: Record<string, unknown> | null;
}

/**
 * Appends a line to a flag's log; returns its id, or null when it was already there (a second
 * acknowledgement by the same person).
 */
export async function addEvent(db: Executor, event: NewFlagEvent): Promise<number | null> {
	const row = await db
		.insertInto('churn_flag_events')
		.values({
			flag_id: event.flagId,
			kind: event.kind,
			actor_id: event.actorId,
			body: event.body ?? '',
			data: event.data ? JSON.stringify(event.data) : null
		})
		.onConflict((oc) => oc.doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id ?? null;
}
