import type { TeamRole, UserRole } from './vocabulary';

/**
 * Who may do what, as pure rules. Services gather the facts (is the user on this account's
 * team? which reseller sold it?) and ask here; routes never decide access themselves.
 */
export interface Actor {
	id: number;
	role: UserRole;
	resellerId: number | null;
}

/** Roles that may ever change account data; the rest are refused before their input is read. */
export const ACCOUNT_WRITERS = ['csm', 'manager'] as const satisfies readonly UserRole[];

export interface AccountFacts {
	resellerId: number | null;
	/** The actor is a member of the account team, in any team role. */
	actorOnTeam: boolean;
}

/** Partners see only the end customers sold through their reseller; every other role reads all. */
export function canReadAccount(actor: Actor, account: Pick<AccountFacts, 'resellerId'>): boolean {
	if (actor.role === 'partner')
		return actor.resellerId !== null && account.resellerId === actor.resellerId;
	return true;
}

/**
 * The reseller whose accounts a list may show: a partner's own (-1, matching none, for a partner
 * without one); null for every other role, who read all accounts. The list queries' form of
 * canReadAccount.
 */
export function readableReseller(actor: Actor): number | null {
	return actor.role === 'partner' ? (actor.resellerId ?? -1) : null;
}

/** Details, contacts and non-CSM team roles: managers anywhere, CSMs on their own accounts. */
export function canEditAccount(actor: Actor, account: AccountFacts): boolean {
	if (actor.role === 'manager') return true;
	if (actor.role === 'csm') return account.actorOnTeam;
	return false;
}

/** Assigning CSMs is a manager's call; other team roles follow canEditAccount. */
export function canChangeTeamRole(
	actor: Actor,
	account: AccountFacts,
	teamRole: TeamRole
): boolean {
	if (teamRole === 'CSM') return actor.role === 'manager';
	return canEditAccount(actor, account);
}

/**
 * Working follow-ups (completing, reopening, noting tasks): everyone who may edit the account,
 * and a reseller's CSM on the end customers sold through that reseller (DESIGN.md roles).
 */
export function canWorkTasks(actor: Actor, account: AccountFacts): boolean {
	if (canEditAccount(actor, account)) return true;
	return actor.role === 'partner' && canReadAccount(actor, account);
}

export function canCreateAccount(actor: Actor): boolean {
	return actor.role === 'manager';
}

export function canManageUsers(actor: Actor): boolean {
	return actor.role === 'admin';
}

/**
 * Churn risk is the vendor's own commercial read of a customer: every internal role sees it, a
 * reseller's partner CSM does not.
 */
export function canReadChurn(actor: Actor): boolean {
	return actor.role !== 'partner';
}

/** Raising, editing, moving and dismissing flags, and logging mitigation: as canEditAccount. */
export const canManageChurn = canEditAccount;

/** Sales acknowledge flags (as do managers); acknowledging is their only write besides comments. */
export function canAcknowledgeChurn(actor: Actor): boolean {
	return actor.role === 'sales' || actor.role === 'manager';
}

/** Comments: whoever manages the flag, and sales. */
export function canCommentChurn(actor: Actor, account: AccountFacts): boolean {
	return canEditAccount(actor, account) || actor.role === 'sales';
}

/**
 * Escalations: whoever reads the account reads them. Opening one and commenting is for whoever
 * works the account's follow-ups, a reseller's partner CSM included (seed 001: the reseller
 * takes the customer's calls); running it (status, priority, owner, routing, post-mortem) is
 * for those who may edit the account.
 */
export const canRaiseEscalation = canWorkTasks;
export const canManageEscalation = canEditAccount;

/** Only managers delete a feedback response: it is the customer's word, and trends count it. */
export function canDeleteFeedback(actor: Actor): boolean {
	return actor.role === 'manager';
}

/**
 * CSV imports write many records at once, past the per-account rules: for those who run the
 * whole portfolio (managers) and configure Keel (admins), as issue 8 asks.
 */
export const IMPORTERS = ['manager', 'admin'] as const satisfies readonly UserRole[];

export function canImport(actor: Actor): boolean {
	return (IMPORTERS as readonly UserRole[]).includes(actor.role);
}
