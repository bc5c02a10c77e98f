import {
	canChangeTeamRole,
	canCreateAccount,
	canEditAccount,
	readableReseller,
	type Actor
} from '../../domain/access';
import { PAGE_SIZE, type AccountListQuery } from '../../domain/account-list-query';
import { daysBetween, todayIn } from '../../domain/dates';
import { ConflictError, ForbiddenError } from '../../domain/errors';
import type { Parsed } from '../../domain/validation';
import { listAccountActivity, writeAudit } from '../audit/audit.repository';
import type { SessionUser } from '../auth/session-user';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { findReadableAccount, lockEditableAccount } from './account-guard';
import * as repo from './account.repository';
import type { accountFields, accountFormFields } from './account.schema';
import { healthInputsChanged } from '../health/health-refresh';

export type AccountInput = Parsed<typeof accountFields>;
export type AccountFormInput = Parsed<typeof accountFormFields>;

export async function list(db: Db, actor: SessionUser, query: AccountListQuery, now = new Date()) {
	const today = todayIn(actor.timeZone, now);
	const scope = readableReseller(actor);
	const [total, rows, csms] = await Promise.all([
		repo.countAccounts(db, query, scope, today),
		repo.listAccounts(db, query, scope, today),
		repo.listCsms(db)
	]);
	return {
		rows,
		total,
		page: query.page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		csms,
		today,
		canCreate: canCreateAccount(actor)
	};
}

/** Everything the account page shows, in a fixed number of queries. */
export async function get(db: Db, actor: SessionUser, id: number, now = new Date()) {
	const account = await findReadableAccount(db, actor, id);
	const [team, contacts, activity] = await Promise.all([
		repo.listTeam(db, id),
		repo.listContacts(db, id),
		listAccountActivity(db, id)
	]);
	const facts = {
		resellerId: account.reseller_id,
		actorOnTeam: team.some((member) => member.user_id === actor.id)
	};
	const today = todayIn(actor.timeZone, now);
	return {
		account,
		daysToRenewal: account.renewal_date ? daysBetween(today, account.renewal_date) : null,
		team,
		contacts,
		activity,
		can: {
			edit: canEditAccount(actor, facts),
			assignCsm: canChangeTeamRole(actor, facts, 'CSM')
		}
	};
}

/** Lists the edit forms need: resellers and people who can join a team. */
export async function formOptions(db: Db) {
	const [resellers, users] = await Promise.all([
		repo.listResellers(db),
		repo.listAssignableUsers(db)
	]);
	return { resellers, users };
}

/** The channel rule the form and imports share: a reseller sale names its reseller. */
export function checkChannel<Input extends AccountInput>(input: Input): Input {
	if (input.sales_channel === 'reseller' && input.reseller_id === null) {
		throw new ConflictError('reseller_id', 'error.resellerRequired');
	}
	return { ...input, reseller_id: input.sales_channel === 'reseller' ? input.reseller_id : null };
}

/** An empty external id is none: the column is unique, and many accounts have none. */
function withExternalId(input: AccountFormInput) {
	return { ...input, external_id: input.external_id === '' ? null : input.external_id };
}

/** Two accounts with one external id would make an import update whichever it found first. */
async function assertExternalIdFree(
	trx: Executor,
	externalId: string | null,
	ownId: number | null
) {
	if (externalId === null) return;
	const holder = await repo.findByExternalId(trx, externalId);
	if (holder && holder.id !== ownId) {
		throw new ConflictError('external_id', 'error.externalIdTaken');
	}
}

export async function create(db: Db, actor: Actor, input: AccountFormInput): Promise<number> {
	if (!canCreateAccount(actor)) throw new ForbiddenError();
	const values = withExternalId(checkChannel(input));
	return db.transaction().execute(async (trx) => {
		await assertExternalIdFree(trx, values.external_id, null);
		const created = await trx
			.insertInto('accounts')
			.values(values)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: created.id,
			entity: 'account',
			entityId: created.id,
			action: 'create',
			after: created
		});
		await healthInputsChanged(trx, created.id);
		return created.id;
	});
}

export async function update(
	db: Db,
	actor: Actor,
	id: number,
	expectedVersion: number,
	input: AccountFormInput
) {
	const values = withExternalId(checkChannel(input));
	await db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, id);
		assertVersion(account, expectedVersion, 'account');
		await assertExternalIdFree(trx, values.external_id, id);
		const updated = await trx
			.updateTable('accounts')
			.set({ ...values, ...bumpVersion() })
			.where('id', '=', id)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: id,
			entity: 'account',
			entityId: id,
			action: 'update',
			before: account,
			after: updated
		});
		await healthInputsChanged(trx, id);
	});
}
