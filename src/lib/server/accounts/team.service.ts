import { canChangeTeamRole, type Actor } from '../../domain/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { TeamRole } from '../../domain/vocabulary';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion } from '../db/versioned';
import { lockEditableAccount } from './account-guard';

async function guardTeamChange(trx: Executor, actor: Actor, accountId: number, role: TeamRole) {
	const { account, facts } = await lockEditableAccount(trx, actor, accountId);
	if (!canChangeTeamRole(actor, facts, role)) throw new ForbiddenError();
	return account;
}

/** Partners may only sit on their own reseller's accounts, and only as the partner CSM. */
async function checkMember(
	trx: Executor,
	userId: number,
	role: TeamRole,
	resellerId: number | null
) {
	const user = await trx
		.selectFrom('users')
		.select(['id', 'name', 'role', 'reseller_id', 'disabled_at'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user || user.disabled_at || user.role === 'admin') {
		throw new ConflictError('user_id', 'error.choice');
	}
	const isPartner = user.role === 'partner';
	if (isPartner !== (role === 'PARTNER_CSM')) {
		throw new ConflictError('team_role', 'error.partnerRole');
	}
	if (isPartner && user.reseller_id !== resellerId) {
		throw new ConflictError('user_id', 'error.partnerReseller');
	}
	return user;
}

export async function addMember(
	db: Db,
	actor: Actor,
	accountId: number,
	input: { user_id: number; team_role: TeamRole }
) {
	await db.transaction().execute(async (trx) => {
		const account = await guardTeamChange(trx, actor, accountId, input.team_role);
		const user = await checkMember(trx, input.user_id, input.team_role, account.reseller_id);
		const existing = await trx
			.selectFrom('account_team_members')
			.select('id')
			.where('account_id', '=', accountId)
			.where('user_id', '=', input.user_id)
			.where('team_role', '=', input.team_role)
			.executeTakeFirst();
		if (existing) throw new ConflictError('user_id', 'error.alreadyOnTeam');
		const member = await trx
			.insertInto('account_team_members')
			.values({ account_id: accountId, ...input })
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'team_member',
			entityId: member.id,
			action: 'create',
			after: { ...member, name: user.name }
		});
	});
}

export async function removeMember(
	db: Db,
	actor: Actor,
	accountId: number,
	memberId: number,
	expectedVersion: number
) {
	await db.transaction().execute(async (trx) => {
		const { facts } = await lockEditableAccount(trx, actor, accountId);
		const member = await trx
			.selectFrom('account_team_members')
			.innerJoin('users', 'users.id', 'account_team_members.user_id')
			.selectAll('account_team_members')
			.select('users.name')
			.where('account_team_members.id', '=', memberId)
			.where('account_team_members.account_id', '=', accountId)
			.forUpdate('account_team_members')
			.executeTakeFirst();
		if (!member) throw new NotFoundError('team member');
		if (!canChangeTeamRole(actor, facts, member.team_role)) throw new ForbiddenError();
		assertVersion(member, expectedVersion, 'team member');
		await trx.deleteFrom('account_team_members').where('id', '=', memberId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'team_member',
			entityId: memberId,
			action: 'delete',
			before: member
		});
	});
}
