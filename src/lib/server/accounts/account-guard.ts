import { canEditAccount, canReadAccount, type Actor } from '../../domain/access';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Executor } from '../db/database';
import { isOnTeam, lockAccount } from './account.repository';

/**
 * Inside a write transaction: locks the account row and checks the actor may change it.
 * A partner asking for another reseller's account gets "not found", not a hint it exists.
 */
export async function lockEditableAccount(trx: Executor, actor: Actor, accountId: number) {
	const account = await lockAccount(trx, accountId);
	if (!account || !canReadAccount(actor, { resellerId: account.reseller_id })) {
		throw new NotFoundError('account');
	}
	const actorOnTeam = await isOnTeam(trx, accountId, actor.id);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	if (!canEditAccount(actor, facts)) throw new ForbiddenError();
	return { account, facts };
}
