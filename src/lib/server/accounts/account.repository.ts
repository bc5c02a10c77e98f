import { sql, type ExpressionBuilder, type OrderByItemBuilder } from 'kysely';
import { PAGE_SIZE, type AccountListQuery } from '../../domain/account-list-query';
import { addDays } from '../../domain/dates';
import type { TeamRole } from '../../domain/vocabulary';
import type { Database, Executor } from '../db/database';
import { keysetAfter, type KeysetPosition } from '../db/keyset';
import type { AccountTable } from './account.table';

/** The filters every list query shares; `resellerId` scopes a partner to their customers. */
function filteredAccounts(
	db: Executor,
	query: AccountListQuery,
	resellerId: number | null,
	today: string
) {
	return db
		.selectFrom('accounts as a')
		.$if(resellerId !== null, (qb) => qb.where('a.reseller_id', '=', resellerId))
		.$if(query.q !== '', (qb) =>
			qb.where(sql<boolean>`lower(a.name) like ${'%' + escapeLike(query.q.toLowerCase()) + '%'}`)
		)
		.$if(query.segment !== null, (qb) => qb.where('a.segment', '=', query.segment!))
		.$if(query.region !== null, (qb) => qb.where('a.region', '=', query.region!))
		.$if(query.stage !== null, (qb) => qb.where('a.lifecycle_stage', '=', query.stage!))
		.$if(query.channel !== null, (qb) => qb.where('a.sales_channel', '=', query.channel!))
		.$if(query.renewalWithin !== null, (qb) =>
			qb
				.where('a.renewal_date', '>=', today)
				.where('a.renewal_date', '<=', addDays(today, query.renewalWithin!))
		)
		.$if(query.csm !== null, (qb) => qb.where((eb) => hasCsm(eb, query.csm!)));
}

function escapeLike(value: string) {
	return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function countAccounts(
	db: Executor,
	query: AccountListQuery,
	resellerId: number | null,
	today: string
) {
	const row = await filteredAccounts(db, query, resellerId, today)
		.select((eb) => eb.fn.countAll<number>().as('total'))
		.executeTakeFirstOrThrow();
	return row.total;
}

/**
 * `accounts as a` has this user on its team, in `teamRole` or any role: what "their accounts"
 * filters by (a sales user's churn risks, the CSM filter of every portfolio list).
 */
export function hasTeamMember(
	eb: ExpressionBuilder<Database & { a: AccountTable }, 'a'>,
	userId: number,
	teamRole?: TeamRole
) {
	return eb.exists(
		eb
			.selectFrom('account_team_members as t')
			.select(sql`1`.as('one'))
			.whereRef('t.account_id', '=', 'a.id')
			.$if(teamRole !== undefined, (qb) => qb.where('t.team_role', '=', teamRole!))
			.where('t.user_id', '=', userId)
	);
}

/** `accounts as a` has this user as a CSM: the CSM filter every portfolio list offers. */
export function hasCsm(eb: ExpressionBuilder<Database & { a: AccountTable }, 'a'>, userId: number) {
	return hasTeamMember(eb, userId, 'CSM');
}

/**
 * The account's first-assigned CSM (id and name), for a lateral join beside `accounts as a`:
 * one index probe per listed row, never a join over every team.
 */
export function primaryCsm(eb: ExpressionBuilder<Database & { a: AccountTable }, 'a'>) {
	return eb
		.selectFrom('account_team_members as t')
		.innerJoin('users as u', 'u.id', 't.user_id')
		.select(['u.id as csm_id', 'u.name as csm_name'])
		.whereRef('t.account_id', '=', 'a.id')
		.where('t.team_role', '=', 'CSM')
		.orderBy('t.id')
		.limit(1)
		.as('csm');
}

/**
 * One page of the list, or with `batch` the rows after a position (an export's next batch).
 * The rows' ids are chosen first (filter, sort, limit on `accounts` alone); names of resellers
 * and CSMs are joined for those rows only, not for every match.
 */
export function listAccounts(
	db: Executor,
	query: AccountListQuery,
	resellerId: number | null,
	today: string,
	batch?: { after: KeysetPosition | null; size: number }
) {
	const direction = (ob: OrderByItemBuilder) =>
		(query.dir === 'asc' ? ob.asc() : ob.desc()).nullsLast();
	const page = filteredAccounts(db, query, resellerId, today)
		.select('a.id')
		.$if(batch?.after != null, (qb) =>
			qb.where(keysetAfter(`a.${query.sort}`, 'a.id', query.dir, batch!.after!))
		)
		.orderBy(`a.${query.sort}`, direction)
		.orderBy('a.id')
		.limit(batch?.size ?? PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * PAGE_SIZE)
		.as('page');
	return db
		.selectFrom(page)
		.innerJoin('accounts as a', 'a.id', 'page.id')
		.leftJoin('resellers as r', 'r.id', 'a.reseller_id')
		.leftJoinLateral(primaryCsm, (join) => join.onTrue())
		.select([
			'a.id',
			'a.external_id',
			'a.name',
			'a.segment',
			'a.region',
			'a.lifecycle_stage',
			'a.sales_channel',
			'a.arr',
			'a.currency',
			'a.renewal_date',
			'r.name as reseller_name',
			'csm.csm_id',
			'csm.csm_name'
		])
		.orderBy(`a.${query.sort}`, direction)
		.orderBy('a.id')
		.execute();
}

export function findAccount(db: Executor, id: number) {
	return db
		.selectFrom('accounts as a')
		.leftJoin('resellers as r', 'r.id', 'a.reseller_id')
		.selectAll('a')
		.select('r.name as reseller_name')
		.where('a.id', '=', id)
		.executeTakeFirst();
}

/** The account a CRM or billing id belongs to, if any (the column is unique). */
export function findByExternalId(db: Executor, externalId: string) {
	return db
		.selectFrom('accounts')
		.select(['id', 'name'])
		.where('external_id', '=', externalId)
		.executeTakeFirst();
}

export function lockAccount(db: Executor, id: number) {
	return db.selectFrom('accounts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function isOnTeam(db: Executor, accountId: number, userId: number) {
	const row = await db
		.selectFrom('account_team_members')
		.select('id')
		.where('account_id', '=', accountId)
		.where('user_id', '=', userId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

export function listTeam(db: Executor, accountId: number) {
	return db
		.selectFrom('account_team_members as t')
		.innerJoin('users as u', 'u.id', 't.user_id')
		.select(['t.id', 't.user_id', 't.team_role', 't.version', 'u.name', 'u.email', 'u.disabled_at'])
		.where('t.account_id', '=', accountId)
		.orderBy(
			sql`array_position(array['CSM','AM','SE','BA','TAM','CPM','PARTNER_CSM']::text[], t.team_role)`
		)
		.orderBy('u.name')
		.execute();
}

export function listContacts(db: Executor, accountId: number) {
	return db
		.selectFrom('contacts')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('is_primary', 'desc')
		.orderBy('name')
		.execute();
}

export function listResellers(db: Executor) {
	return db.selectFrom('resellers').select(['id', 'name']).orderBy('name').execute();
}

/** People who can be put on a team: active users, partners only for their own reseller's accounts. */
export function listAssignableUsers(db: Executor) {
	return db
		.selectFrom('users')
		.select(['id', 'name', 'role', 'reseller_id'])
		.where('disabled_at', 'is', null)
		.where('role', '!=', 'admin')
		.orderBy('name')
		.execute();
}

export function listCsms(db: Executor) {
	return db
		.selectFrom('users')
		.select(['id', 'name'])
		.where('role', '=', 'csm')
		.where('disabled_at', 'is', null)
		.orderBy('name')
		.execute();
}
