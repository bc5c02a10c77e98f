import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_WRITERS,
	canChangeTeamRole,
	canCreateAccount,
	canEditAccount,
	canManageUsers,
	canReadAccount,
	type Actor,
	type AccountFacts
} from '../../src/lib/domain/access';
import { TEAM_ROLES, USER_ROLES, type UserRole } from '../../src/lib/domain/vocabulary';

const RESELLER = 7;
const OTHER_RESELLER = 8;

const actor = (role: UserRole, resellerId: number | null = null): Actor => ({
	id: 100,
	role,
	resellerId
});
const csm = actor('csm');
const manager = actor('manager');
const partner = actor('partner', RESELLER);

const direct = (actorOnTeam: boolean): AccountFacts => ({ resellerId: null, actorOnTeam });
const resold = (resellerId: number, actorOnTeam = false): AccountFacts => ({
	resellerId,
	actorOnTeam
});

describe('canReadAccount', () => {
	it.each(['csm', 'manager', 'sales', 'admin'] as const)(
		'lets a %s read every account, direct or resold, on the team or not',
		(role) => {
			const a = actor(role);
			expect(canReadAccount(a, direct(false))).toBe(true);
			expect(canReadAccount(a, direct(true))).toBe(true);
			expect(canReadAccount(a, resold(RESELLER))).toBe(true);
			expect(canReadAccount(a, resold(OTHER_RESELLER))).toBe(true);
		}
	);

	it('lets a partner read the customers sold through their own reseller', () => {
		expect(canReadAccount(partner, resold(RESELLER))).toBe(true);
	});

	it('refuses a partner the customers of another reseller', () => {
		expect(canReadAccount(partner, resold(OTHER_RESELLER))).toBe(false);
	});

	it('refuses a partner direct accounts', () => {
		expect(canReadAccount(partner, direct(false))).toBe(false);
		expect(canReadAccount(partner, direct(true))).toBe(false);
	});

	it('refuses a partner with no reseller everything, even direct accounts', () => {
		const orphan = actor('partner', null);
		expect(canReadAccount(orphan, direct(false))).toBe(false);
		expect(canReadAccount(orphan, resold(RESELLER))).toBe(false);
	});
});

describe('canEditAccount', () => {
	it('lets a manager edit any account', () => {
		expect(canEditAccount(manager, direct(false))).toBe(true);
		expect(canEditAccount(manager, direct(true))).toBe(true);
		expect(canEditAccount(manager, resold(OTHER_RESELLER))).toBe(true);
	});

	it('lets a CSM edit accounts whose team they are on', () => {
		expect(canEditAccount(csm, direct(true))).toBe(true);
		expect(canEditAccount(csm, resold(RESELLER, true))).toBe(true);
	});

	it('refuses a CSM accounts whose team they are not on', () => {
		expect(canEditAccount(csm, direct(false))).toBe(false);
		expect(canEditAccount(csm, resold(RESELLER, false))).toBe(false);
	});

	it.each(['sales', 'partner', 'admin'] as const)(
		'refuses a %s, even on the team of their own reseller account',
		(role) => {
			const a = actor(role, role === 'partner' ? RESELLER : null);
			expect(canEditAccount(a, direct(false))).toBe(false);
			expect(canEditAccount(a, direct(true))).toBe(false);
			expect(canEditAccount(a, resold(RESELLER, true))).toBe(false);
		}
	);

	it('lists exactly the roles that may ever edit as ACCOUNT_WRITERS', () => {
		const mayEdit = USER_ROLES.filter((role) =>
			canEditAccount(actor(role, RESELLER), resold(RESELLER, true))
		);
		expect([...mayEdit].sort()).toEqual([...ACCOUNT_WRITERS].sort());
	});
});

describe('canChangeTeamRole', () => {
	const OTHER_ROLES = TEAM_ROLES.filter((role) => role !== 'CSM');

	it('lets a manager assign every team role, the CSM role included', () => {
		for (const teamRole of TEAM_ROLES) {
			expect(canChangeTeamRole(manager, direct(false), teamRole)).toBe(true);
		}
	});

	it('refuses a CSM on the team the CSM role', () => {
		expect(canChangeTeamRole(csm, direct(true), 'CSM')).toBe(false);
	});

	it('lets a CSM on the team assign the other roles, e.g. AM', () => {
		expect(canChangeTeamRole(csm, direct(true), 'AM')).toBe(true);
		for (const teamRole of OTHER_ROLES) {
			expect(canChangeTeamRole(csm, direct(true), teamRole)).toBe(true);
		}
	});

	it('refuses a CSM off the team every role', () => {
		for (const teamRole of TEAM_ROLES) {
			expect(canChangeTeamRole(csm, direct(false), teamRole)).toBe(false);
		}
	});

	it.each(['sales', 'partner', 'admin'] as const)('refuses a %s every role', (role) => {
		const a = actor(role, role === 'partner' ? RESELLER : null);
		for (const teamRole of TEAM_ROLES) {
			expect(canChangeTeamRole(a, resold(RESELLER, true), teamRole)).toBe(false);
			expect(canChangeTeamRole(a, direct(false), teamRole)).toBe(false);
		}
	});
});

describe('canCreateAccount', () => {
	it('lets only a manager create accounts', () => {
		const allowed = USER_ROLES.filter((role) => canCreateAccount(actor(role, RESELLER)));
		expect(allowed).toEqual(['manager']);
	});
});

describe('canManageUsers', () => {
	it('lets only an admin manage users', () => {
		const allowed = USER_ROLES.filter((role) => canManageUsers(actor(role, RESELLER)));
		expect(allowed).toEqual(['admin']);
		expect(canManageUsers(manager)).toBe(false);
	});
});

describe('the access matrix', () => {
	it('matches the documented table for every role', () => {
		const onTeam = resold(RESELLER, true);
		const offTeam = resold(OTHER_RESELLER, false);
		const row = (role: UserRole) => {
			const a = actor(role, role === 'partner' ? RESELLER : null);
			return {
				readOwn: canReadAccount(a, onTeam),
				readOther: canReadAccount(a, offTeam),
				editOnTeam: canEditAccount(a, onTeam),
				editOffTeam: canEditAccount(a, offTeam),
				assignCsm: canChangeTeamRole(a, onTeam, 'CSM'),
				assignAm: canChangeTeamRole(a, onTeam, 'AM'),
				create: canCreateAccount(a),
				users: canManageUsers(a)
			};
		};
		const no = false;
		const yes = true;
		expect(Object.fromEntries(USER_ROLES.map((role) => [role, row(role)]))).toEqual({
			csm: {
				readOwn: yes,
				readOther: yes,
				editOnTeam: yes,
				editOffTeam: no,
				assignCsm: no,
				assignAm: yes,
				create: no,
				users: no
			},
			manager: {
				readOwn: yes,
				readOther: yes,
				editOnTeam: yes,
				editOffTeam: yes,
				assignCsm: yes,
				assignAm: yes,
				create: yes,
				users: no
			},
			sales: {
				readOwn: yes,
				readOther: yes,
				editOnTeam: no,
				editOffTeam: no,
				assignCsm: no,
				assignAm: no,
				create: no,
				users: no
			},
			partner: {
				readOwn: yes,
				readOther: no,
				editOnTeam: no,
				editOffTeam: no,
				assignCsm: no,
				assignAm: no,
				create: no,
				users: no
			},
			admin: {
				readOwn: yes,
				readOther: yes,
				editOnTeam: no,
				editOffTeam: no,
				assignCsm: no,
				assignAm: no,
				create: no,
				users: yes
			}
		});
	});
});
