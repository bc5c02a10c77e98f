import { canEditAccount, canReadAccount, canWorkTasks, type Actor } from '../../domain/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Executor } from '../db/database';
import { findAccount, isOnTeam, lockAccount } from './account.repository';

/**
 * What a write needs: 'edit' changes the account's data (CSMs on the team, managers); 'work'
 * works its follow-ups, which a reseller's partner CSM may do too; 'read' only locks an account
 * the actor can see, for writes whose own rule the caller checks with the returned facts.
 */
export type AccountNeed = 'edit' | 'work' | 'read';

/**
 * For a read: the account, if the actor may see it. A partner asking for another reseller's
 * account gets "not found", not a hint it exists.
 */
export async function findReadableAccount(db: Executor, actor: Actor, accountId: number) {
	const account = await findAccount(db, accountId);
	if (!account || !canReadAccount(actor, { resellerId: account.reseller_id })) {
		throw new NotFoundError('account');
	}
	return account;
}

/**
 * Inside a write transaction: locks the account row and checks the actor may do what the write
 * needs. A partner asking for another reseller's account gets "not found", not a hint it exists.
 */
export async function lockAccountFor(
	trx: Executor,
	actor: Actor,
	accountId: number,
	need: AccountNeed
) {
	const account = await lockAccount(trx, accountId);
	if (!account || !canReadAccount(actor, { resellerId: account.reseller_id })) {
		throw new NotFoundError('account');
	}
	const actorOnTeam = await isOnTeam(trx, accountId, actor.id);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	const allowed =
		need === 'read' ||
		(need === 'edit' ? canEditAccount(actor, facts) : canWorkTasks(actor, facts));
	if (!allowed) throw new ForbiddenError();
	return { account, facts };
}

/** `lockAccountFor(…, 'edit')`: the common case of changing the account's own data. */
export function lockEditableAccount(trx: Executor, actor: Actor, accountId: number) {
	return lockAccountFor(trx, actor, accountId, 'edit');
}

/** An owner picked in a form is someone on this account's team, or nobody. */
export async function assertOwnerOnTeam(
	trx: Executor,
	accountId: number,
	userId: number | null,
	/** The form field that picked the owner, where the error is shown. */
	field = 'owner_user_id'
) {
	if (userId === null) return;
	if (!(await isOnTeam(trx, accountId, userId))) {
		throw new ConflictError(field, 'error.ownerNotOnTeam');
	}
}
