import { sql } from 'kysely';
import type { MappedValues, RowError } from '../../domain/import-rows';
import { parseMapped } from '../../domain/import-rows';
import type { VocabularyLookup } from '../../domain/import-values';
import { email, text } from '../../domain/validation';
import { TEAM_ROLES, type TeamRole, type UserRole } from '../../domain/vocabulary';
import { teamMemberFields } from '../accounts/account.schema';
import type { AccountTeamMember } from '../accounts/account.table';
import {
	accountExternalId,
	accountKeyField,
	accountsNamed,
	explainChoices,
	unknownAccount,
	withCodes,
	type NamedAccount
} from './import-cells';
import {
	auditWritten,
	type CheckedRow,
	type ImportFieldDef,
	type ImportKindModule,
	rowAction,
	splitByAction,
	updateFromRecords
} from './import-kind';
import { everyCatalogue, vocabularyLookups } from './import-labels';

/**
 * Account teams from a CSV file: each row puts a Keel user (by email) on an account (by external
 * id) in a team role. A row for someone already on that account's team changes their role; any
 * other row adds them. People on a team whom the file does not name stay on it: a file from
 * another system lists whom it knows, not everyone Keel has put on the team.
 */
export const ACCOUNT_TEAM_IMPORT_FIELDS: readonly ImportFieldDef[] = [
	accountKeyField('imports.hintTeamAccount'),
	{
		name: 'email',
		need: 'key',
		labels: ['import.field.userEmail', 'field.email', 'field.user_id', 'team.person'],
		aliases: ['e-mail', 'email address', 'user', 'user email', 'member'],
		hint: 'imports.hintTeamEmail'
	},
	{
		name: 'team_role',
		need: 'new',
		labels: ['field.team_role'],
		aliases: ['role'],
		vocabulary: { codes: TEAM_ROLES, prefix: 'team' }
	}
];

/** The team form's rules; the person is named by email here rather than picked from a list. */
const ROW_SCHEMA = {
	account_external_id: text({ required: true, max: 200 }),
	email: email({ required: true }),
	team_role: teamMemberFields.team_role
};

const WRITTEN = ['team_role'] as const;

/** A user as the team's rules need them. */
export interface TeamCandidate {
	id: number;
	name: string;
	role: UserRole;
	reseller_id: number | null;
	disabled_at: Date | null;
}

export interface AccountTeamImportContext {
	vocabularies: Record<string, VocabularyLookup>;
}

export interface TeamRowPlan {
	accountId: number;
	user: TeamCandidate;
	existing: AccountTeamMember | null;
	values: { team_role: TeamRole };
}

const emailKey = (address: string) => address.trim().toLowerCase();

/** The account's external id and the email, as matched; null unless both are there. */
function teamKey(values: MappedValues): string | null {
	const account = accountExternalId(values);
	const address = values.email ? emailKey(values.email) : '';
	return account && address ? `${account}\n${address}` : null;
}

/**
 * The team form's rules for who may join (team.service's checkMember, read for a batch at once):
 * an active user who is not an administrator; partners only as the partner CSM, and only on
 * accounts sold through their own reseller.
 */
function memberProblem(
	user: TeamCandidate,
	role: TeamRole,
	resellerId: number | null,
	address: string
): RowError | null {
	if (user.disabled_at || user.role === 'admin') {
		return { field: 'email', key: 'import.error.userCannotJoin', params: { email: address } };
	}
	const isPartner = user.role === 'partner';
	if (isPartner !== (role === 'PARTNER_CSM'))
		return { field: 'team_role', key: 'error.partnerRole' };
	if (isPartner && user.reseller_id !== resellerId) {
		return { field: 'email', key: 'error.partnerReseller' };
	}
	return null;
}

/**
 * One row against the team form's rules. Pure: `account` is the account with the row's external
 * id (null: none), `user` the user with its email, `memberships` the user's team rows on that
 * account (one per role they hold there).
 */
export function checkTeamRow(
	line: number,
	values: MappedValues,
	account: NamedAccount | null,
	user: TeamCandidate | null,
	memberships: readonly AccountTeamMember[],
	context: AccountTeamImportContext
): CheckedRow<TeamRowPlan> {
	const { data, errors } = parseMapped(ROW_SCHEMA, withCodes(values, context.vocabularies));
	const problems = explainChoices(errors, values);
	if (data.account_external_id && !account) problems.push(unknownAccount(data.account_external_id));
	if (data.email && !user) {
		problems.push({
			field: 'email',
			key: 'import.error.userUnknown',
			params: { email: data.email }
		});
	}
	// The membership the row is about: the one in the row's role, else the person's only one on
	// the account (whose role the row changes); with no role column, whichever they hold.
	let current: AccountTeamMember | null = null;
	if (values.team_role === undefined) current = memberships[0] ?? null;
	else if (data.team_role) {
		current =
			memberships.find((m) => m.team_role === data.team_role) ??
			(memberships.length === 1 ? memberships[0]! : null);
		// Someone holding two roles here (AM and SE): which one the file's role replaces is unsaid.
		if (!current && memberships.length > 1) {
			problems.push({ field: 'team_role', key: 'import.error.memberAmbiguous' });
		}
	}
	if (memberships.length === 0 && values.team_role === undefined) {
		problems.push({ field: 'team_role', key: 'import.error.notMapped' });
	}
	const role = data.team_role ?? current?.team_role;
	// Who may join is checked for what the row changes: a row repeating a membership as it is
	// (someone disabled since) writes nothing.
	if (user && account && role && current?.team_role !== role) {
		const problem = memberProblem(user, role, account.reseller_id, data.email!);
		if (problem) problems.push(problem);
	}
	if (problems.length > 0) return { line, ok: false, errors: problems };

	const plan = { team_role: role! };
	return {
		line,
		ok: true,
		action: rowAction(current, plan, WRITTEN),
		row: { accountId: account!.id, user: user!, existing: current, values: plan }
	};
}

export const accountTeamImport: ImportKindModule<AccountTeamImportContext, TeamRowPlan> = {
	kind: 'account_team',
	fields: ACCOUNT_TEAM_IMPORT_FIELDS,
	duplicate: { field: 'email', key: 'import.error.duplicateMember' },

	async prepare() {
		return { vocabularies: vocabularyLookups(ACCOUNT_TEAM_IMPORT_FIELDS, await everyCatalogue()) };
	},

	matchKey: teamKey,

	async check(db, rows, context, lock) {
		const accounts = await accountsNamed(db, rows, lock);
		const emails = [
			...new Set(rows.map((r) => (r.values.email ? emailKey(r.values.email) : '')).filter(Boolean))
		];
		const users =
			emails.length === 0
				? []
				: await db
						.selectFrom('users')
						.select(['id', 'name', 'email', 'role', 'reseller_id', 'disabled_at'])
						.where(sql<string>`lower(email)`, 'in', emails)
						.$if(lock, (q) => q.forShare())
						.execute();
		const byEmail = new Map(users.map((user) => [emailKey(user.email), user]));
		const members =
			users.length === 0 || accounts.size === 0
				? []
				: await db
						.selectFrom('account_team_members')
						.selectAll()
						.where(
							'account_id',
							'in',
							[...accounts.values()].map((a) => a.id)
						)
						.where(
							'user_id',
							'in',
							users.map((u) => u.id)
						)
						.orderBy('id')
						.$if(lock, (q) => q.forUpdate())
						.execute();
		const byPair = new Map<string, AccountTeamMember[]>();
		for (const member of members) {
			const key = `${member.account_id}\n${member.user_id}`;
			byPair.set(key, [...(byPair.get(key) ?? []), member]);
		}
		return rows.map(({ line, values }) => {
			const account = accounts.get(accountExternalId(values) ?? '') ?? null;
			const user = byEmail.get(values.email ? emailKey(values.email) : '') ?? null;
			const memberships = account && user ? (byPair.get(`${account.id}\n${user.id}`) ?? []) : [];
			return checkTeamRow(line, values, account, user, memberships, context);
		});
	},

	async write(trx, actor, rows) {
		const { creates, updates } = splitByAction(rows);
		const created =
			creates.length === 0
				? []
				: await trx
						.insertInto('account_team_members')
						.values(
							creates.map((plan) => ({
								account_id: plan.accountId,
								user_id: plan.user.id,
								team_role: plan.values.team_role
							}))
						)
						.returningAll()
						.execute();
		const updated = await updateFromRecords<AccountTeamMember>(
			trx,
			'account_team_members',
			{ team_role: 'text' },
			updates.map((plan) => ({ id: plan.existing!.id, team_role: plan.values.team_role })),
			// A membership keeps no updated_at.
			{ touchesUpdatedAt: false }
		);
		// The audit trail names the person, as the team form's does.
		const names = new Map(rows.map((r) => [r.row.user.id, r.row.user.name]));
		const named = (member: AccountTeamMember) => ({ ...member, name: names.get(member.user_id) });
		await auditWritten(trx, actor, 'team_member', (member) => member.account_id, {
			created: created.map(named),
			updated: updated.map(named),
			before: new Map(updates.map((plan) => [plan.existing!.id, named(plan.existing!)]))
		});
		return [...created, ...updated].map((member) => member.id);
	},

	async finish() {
		// A team is no health input (the team form refreshes nothing either).
	}
};
