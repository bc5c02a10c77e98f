import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import * as contacts from '../../src/lib/server/accounts/contact.service';
import * as team from '../../src/lib/server/accounts/team.service';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam,
	uniqueTag
} from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

const members = (accountId: number) =>
	t.db
		.selectFrom('account_team_members')
		.select(['id', 'user_id', 'team_role', 'version'])
		.where('account_id', '=', accountId)
		.orderBy('id')
		.execute();

const audits = (accountId: number) =>
	t.db
		.selectFrom('audit_log')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('id')
		.execute();

const contactRows = (accountId: number) =>
	t.db
		.selectFrom('contacts')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('id')
		.execute();

const contactInput = (overrides: Partial<contacts.ContactInput> = {}): contacts.ContactInput => ({
	name: `Contact ${uniqueTag()}`,
	title: 'Head of IT',
	email: 'contact@customer.example',
	phone: '+31 20 123 4567',
	is_primary: false,
	onboarded_on: '2026-01-15',
	...overrides
});

describe(`account team on ${ENGINE}`, () => {
	it('lets a manager assign a CSM, auditing it', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);

		await team.addMember(t.db, manager, account.id, { user_id: csm.id, team_role: 'CSM' });

		expect(await members(account.id)).toMatchObject([{ user_id: csm.id, team_role: 'CSM' }]);
		const [audit, ...rest] = await audits(account.id);
		expect(rest).toHaveLength(0);
		expect(audit).toMatchObject({
			actor_id: manager.id,
			entity: 'team_member',
			action: 'create',
			after: { user_id: csm.id, team_role: 'CSM', name: csm.name }
		});
	});

	it('lets a CSM on the team add an AM, but not add or remove a CSM', async () => {
		const csm = await makeUser(t.db, 'csm');
		const otherCsm = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		const account = await makeAccount(t.db);
		const own = await putOnTeam(t.db, account.id, csm);

		await team.addMember(t.db, csm, account.id, { user_id: sales.id, team_role: 'AM' });
		await expect(
			team.addMember(t.db, csm, account.id, { user_id: otherCsm.id, team_role: 'CSM' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(team.removeMember(t.db, csm, account.id, own.id, 1)).rejects.toBeInstanceOf(
			ForbiddenError
		);

		expect(await members(account.id)).toMatchObject([
			{ user_id: csm.id, team_role: 'CSM' },
			{ user_id: sales.id, team_role: 'AM' }
		]);
		expect((await audits(account.id)).map((a) => a.action)).toEqual(['create']);
	});

	it('refuses a CSM off the team, writing nothing', async () => {
		const owner = await makeUser(t.db, 'csm');
		const outsider = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		const account = await makeAccount(t.db);
		const am = await putOnTeam(t.db, account.id, sales, 'AM');
		await putOnTeam(t.db, account.id, owner);

		await expect(
			team.addMember(t.db, outsider, account.id, { user_id: outsider.id, team_role: 'AM' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(team.removeMember(t.db, outsider, account.id, am.id, 1)).rejects.toBeInstanceOf(
			ForbiddenError
		);

		expect(await members(account.id)).toHaveLength(2);
		expect(await audits(account.id)).toHaveLength(0);
	});

	it('refuses sales, partners and admins any team change', async () => {
		const reseller = await makeReseller(t.db);
		const account = await makeAccount(t.db, { reseller_id: reseller.id });
		const sales = await makeUser(t.db, 'sales');
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const admin = await makeUser(t.db, 'admin');
		const am = await makeUser(t.db, 'sales');
		await putOnTeam(t.db, account.id, sales, 'AM');
		const partnerMember = await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');

		for (const actor of [sales, partner, admin]) {
			await expect(
				team.addMember(t.db, actor, account.id, { user_id: am.id, team_role: 'AM' })
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				team.removeMember(t.db, actor, account.id, partnerMember.id, 1)
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await members(account.id)).toHaveLength(2);
		expect(await audits(account.id)).toHaveLength(0);
	});

	it('refuses the same person twice in the same team role', async () => {
		const manager = await makeUser(t.db, 'manager');
		const sales = await makeUser(t.db, 'sales');
		const account = await makeAccount(t.db);
		await team.addMember(t.db, manager, account.id, { user_id: sales.id, team_role: 'AM' });

		await expectConflict(
			() => team.addMember(t.db, manager, account.id, { user_id: sales.id, team_role: 'AM' }),
			'user_id'
		);
		expect(await members(account.id)).toHaveLength(1);
		expect(await audits(account.id)).toHaveLength(1);
	});

	it("puts a partner user only as PARTNER_CSM, and only on their reseller's accounts", async () => {
		const manager = await makeUser(t.db, 'manager');
		const reseller = await makeReseller(t.db);
		const otherReseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const csm = await makeUser(t.db, 'csm');
		const theirs = await makeAccount(t.db, { reseller_id: reseller.id });
		const others = await makeAccount(t.db, { reseller_id: otherReseller.id });
		const direct = await makeAccount(t.db);

		await expectConflict(
			() => team.addMember(t.db, manager, theirs.id, { user_id: partner.id, team_role: 'AM' }),
			'team_role'
		);
		await expectConflict(
			() => team.addMember(t.db, manager, theirs.id, { user_id: csm.id, team_role: 'PARTNER_CSM' }),
			'team_role'
		);
		for (const account of [others, direct]) {
			await expectConflict(
				() =>
					team.addMember(t.db, manager, account.id, {
						user_id: partner.id,
						team_role: 'PARTNER_CSM'
					}),
				'user_id'
			);
			expect(await members(account.id)).toHaveLength(0);
		}
		expect(await members(theirs.id)).toHaveLength(0);

		await team.addMember(t.db, manager, theirs.id, {
			user_id: partner.id,
			team_role: 'PARTNER_CSM'
		});
		expect(await members(theirs.id)).toMatchObject([
			{ user_id: partner.id, team_role: 'PARTNER_CSM' }
		]);
	});

	it('refuses removing a member with a stale version, then removes and audits it', async () => {
		const manager = await makeUser(t.db, 'manager');
		const sales = await makeUser(t.db, 'sales');
		const account = await makeAccount(t.db);
		const member = await putOnTeam(t.db, account.id, sales, 'AM');

		await expect(team.removeMember(t.db, manager, account.id, member.id, 2)).rejects.toBeInstanceOf(
			StaleVersionError
		);
		expect(await members(account.id)).toHaveLength(1);
		expect(await audits(account.id)).toHaveLength(0);

		await team.removeMember(t.db, manager, account.id, member.id, 1);
		expect(await members(account.id)).toHaveLength(0);
		const [audit] = await audits(account.id);
		expect(audit).toMatchObject({
			actor_id: manager.id,
			entity: 'team_member',
			entity_id: member.id,
			action: 'delete',
			before: { user_id: sales.id, team_role: 'AM' },
			after: null
		});
	});
});

describe(`contacts on ${ENGINE}`, () => {
	it('adds, updates and removes a contact, auditing each with before/after', async () => {
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm);

		const id = await contacts.addContact(
			t.db,
			csm,
			account.id,
			contactInput({ name: 'Ada Lovelace' })
		);
		await contacts.updateContact(
			t.db,
			csm,
			account.id,
			id,
			1,
			contactInput({ name: 'Ada King', title: 'CTO' })
		);
		const [saved] = await contactRows(account.id);
		expect(saved).toMatchObject({ id, name: 'Ada King', title: 'CTO', version: 2 });

		await contacts.removeContact(t.db, csm, account.id, id, 2);
		expect(await contactRows(account.id)).toHaveLength(0);

		const trail = await audits(account.id);
		expect(trail.map((a) => [a.entity, a.entity_id, a.action, a.actor_id])).toEqual([
			['contact', id, 'create', csm.id],
			['contact', id, 'update', csm.id],
			['contact', id, 'delete', csm.id]
		]);
		expect(trail[0]?.before).toBeNull();
		expect(trail[0]?.after?.name).toBe('Ada Lovelace');
		expect(trail[1]?.before).toMatchObject({ name: 'Ada Lovelace', version: 1 });
		expect(trail[1]?.after).toMatchObject({ name: 'Ada King', title: 'CTO', version: 2 });
		expect(trail[2]?.before).toMatchObject({ name: 'Ada King' });
		expect(trail[2]?.after).toBeNull();
	});

	it('keeps exactly one primary contact: a new primary demotes the previous one', async () => {
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		const other = await makeAccount(t.db);
		const otherPrimary = await contacts.addContact(
			t.db,
			manager,
			other.id,
			contactInput({ is_primary: true })
		);

		const first = await contacts.addContact(
			t.db,
			manager,
			account.id,
			contactInput({ is_primary: true })
		);
		const second = await contacts.addContact(
			t.db,
			manager,
			account.id,
			contactInput({ is_primary: true })
		);
		const primaries = async () =>
			(await contactRows(account.id)).filter((c) => c.is_primary).map((c) => c.id);
		expect(await primaries()).toEqual([second]);

		const demoted = (await contactRows(account.id)).find((c) => c.id === first)!;
		expect(demoted.version).toBe(2);
		await contacts.updateContact(
			t.db,
			manager,
			account.id,
			first,
			demoted.version,
			contactInput({ name: demoted.name, is_primary: true })
		);
		expect(await primaries()).toEqual([first]);
		// Another account's primary is left alone.
		const untouched = await contactRows(other.id);
		expect(untouched).toMatchObject([{ id: otherPrimary, is_primary: true, version: 1 }]);
	});

	it('refuses a stale contact update and keeps the data', async () => {
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		const id = await contacts.addContact(t.db, manager, account.id, contactInput({ name: 'Kept' }));
		await contacts.updateContact(t.db, manager, account.id, id, 1, contactInput({ name: 'Newer' }));

		await expect(
			contacts.updateContact(t.db, manager, account.id, id, 1, contactInput({ name: 'Older' }))
		).rejects.toBeInstanceOf(StaleVersionError);
		await expect(contacts.removeContact(t.db, manager, account.id, id, 1)).rejects.toBeInstanceOf(
			StaleVersionError
		);
		expect(await contactRows(account.id)).toMatchObject([{ id, name: 'Newer', version: 2 }]);
		expect((await audits(account.id)).map((a) => a.action)).toEqual(['create', 'update']);
	});

	it("answers a partner asking for another reseller's account with not found", async () => {
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const manager = await makeUser(t.db, 'manager');
		const others = await makeAccount(t.db, { reseller_id: (await makeReseller(t.db)).id });
		const direct = await makeAccount(t.db);
		const id = await contacts.addContact(
			t.db,
			manager,
			others.id,
			contactInput({ name: 'Theirs' })
		);

		for (const account of [others, direct]) {
			await expect(
				contacts.addContact(t.db, partner, account.id, contactInput())
			).rejects.toBeInstanceOf(NotFoundError);
		}
		await expect(
			contacts.updateContact(t.db, partner, others.id, id, 1, contactInput({ name: 'Hijacked' }))
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(contacts.removeContact(t.db, partner, others.id, id, 1)).rejects.toBeInstanceOf(
			NotFoundError
		);
		expect(await contactRows(others.id)).toMatchObject([{ id, name: 'Theirs', version: 1 }]);
		expect(await contactRows(direct.id)).toHaveLength(0);

		// On their own reseller's account a partner may read but not edit.
		const theirs = await makeAccount(t.db, { reseller_id: reseller.id });
		await expect(
			contacts.addContact(t.db, partner, theirs.id, contactInput())
		).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('refuses contact changes by a CSM off the team, writing nothing', async () => {
		const outsider = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const account = await makeAccount(t.db);
		const id = await contacts.addContact(t.db, manager, account.id, contactInput({ name: 'Safe' }));

		await expect(
			contacts.addContact(t.db, outsider, account.id, contactInput())
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(
			contacts.updateContact(t.db, outsider, account.id, id, 1, contactInput({ name: 'Changed' }))
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await contactRows(account.id)).toMatchObject([{ id, name: 'Safe', version: 1 }]);
		expect(await audits(account.id)).toHaveLength(1);
	});
});
