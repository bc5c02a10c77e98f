import { describe, expect, it } from 'vitest';
import * as imports from '../../src/lib/server/imports/import.service';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { checkAsOffered, uploadCsv } from '../support/imports';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const HEADER = 'Account ID,E-mail,Team role';

async function teamOf(accountId: number) {
	return t.db
		.selectFrom('account_team_members as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select(['u.email', 'm.team_role', 'm.version'])
		.where('m.account_id', '=', accountId)
		.orderBy('m.id')
		.execute();
}

describe(`account team import on ${ENGINE}`, () => {
	it('puts users on teams by email, then changes their role on re-import', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const reseller = await makeReseller(t.db);
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const sold = await makeAccount(t.db, {
			external_id: `${tag}-B`,
			sales_channel: 'reseller',
			reseller_id: reseller.id
		});
		const csm = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		// Someone the file does not name stays on the team.
		const keeper = await makeUser(t.db, 'csm');
		await putOnTeam(t.db, account.id, keeper, 'TAM');
		const source = `HR ${tag}`;
		const file = [
			HEADER,
			`${tag}-A,${csm.email.toUpperCase()},CSM`,
			`${tag}-A,${sales.email},am`,
			`${tag}-B,${partner.email},CSM do parceiro`
		].join('\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'account_team', source });
		const { page, result, after } = await checkAsOffered(t.db, manager, id);
		expect(page.mapping).toEqual({ account_external_id: 0, email: 1, team_role: 2 });
		expect(result).toEqual({ ok: true, totals: { errors: 0, create: 3, update: 0, unchanged: 0 } });
		await imports.commit(t.db, manager, id, after.import.version);

		expect(await teamOf(account.id)).toEqual([
			{ email: keeper.email, team_role: 'TAM', version: 1 },
			{ email: csm.email, team_role: 'CSM', version: 1 },
			{ email: sales.email, team_role: 'AM', version: 1 }
		]);
		expect(await teamOf(sold.id)).toEqual([
			{ email: partner.email, team_role: 'PARTNER_CSM', version: 1 }
		]);
		const audits = await t.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'after'])
			.where('entity', '=', 'team_member')
			.where('account_id', 'in', [account.id, sold.id])
			.orderBy('id')
			.execute();
		expect(audits.map((a) => [a.action, a.actor_id])).toEqual([
			['create', manager.id],
			['create', manager.id],
			['create', manager.id]
		]);
		expect(audits[0]!.after).toMatchObject({ team_role: 'CSM', name: csm.name });

		// The same file: nothing changes.
		const same = await uploadCsv(t.db, manager, file, { kind: 'account_team', source });
		const unchanged = await checkAsOffered(t.db, manager, same);
		expect(unchanged.page.mappingOrigin).toBe('remembered');
		expect(unchanged.result).toEqual({
			ok: true,
			totals: { errors: 0, create: 0, update: 0, unchanged: 3 }
		});
		await imports.commit(t.db, manager, same, unchanged.after.import.version);

		// The AM (typed "am") becomes the account's SE: one membership changes role, none is added.
		const changed = file.replace(',am', ',SE');
		const third = await uploadCsv(t.db, manager, changed, { kind: 'account_team', source });
		const checked = await checkAsOffered(t.db, manager, third);
		expect(checked.result).toMatchObject({ ok: true, totals: { update: 1, unchanged: 2 } });
		await imports.commit(t.db, manager, third, checked.after.import.version);
		expect(await teamOf(account.id)).toEqual([
			{ email: keeper.email, team_role: 'TAM', version: 1 },
			{ email: csm.email, team_role: 'CSM', version: 1 },
			{ email: sales.email, team_role: 'SE', version: 2 }
		]);
		const update = await t.db
			.selectFrom('audit_log')
			.select(['before', 'after'])
			.where('entity', '=', 'team_member')
			.where('action', '=', 'update')
			.where('account_id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(update).toMatchObject({ before: { team_role: 'AM' }, after: { team_role: 'SE' } });
	});

	it('reports rows the team form would refuse, by line and column, and adds no one', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const csm = await makeUser(t.db, 'csm');
		const admin = await makeUser(t.db, 'admin');
		const partner = await makeUser(t.db, 'partner', { resellerId: (await makeReseller(t.db)).id });
		const both = await makeUser(t.db, 'csm');
		await putOnTeam(t.db, account.id, both, 'AM');
		await putOnTeam(t.db, account.id, both, 'SE');
		const file = [
			HEADER,
			`${tag}-A,${csm.email},CSM`,
			`${tag}-Z,${csm.email},CSM`,
			`${tag}-A,nobody-${tag}@example.com,AM`,
			`${tag}-A,${admin.email},AM`,
			`${tag}-A,${partner.email},Partner CSM`,
			`${tag}-A,${csm.email},AM`,
			`${tag}-A,${both.email},TAM`,
			`${tag}-A,${partner.email.replace('@', '')},Boss`
		].join('\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'account_team' });
		const { after } = await checkAsOffered(t.db, manager, id);
		expect(after.import).toMatchObject({ status: 'invalid', errorCount: 7 });
		expect(after.problems.map((p) => [p.line, p.column, p.message])).toEqual([
			[3, 'Account ID', `No account has the external id "${tag}-Z".`],
			[4, 'E-mail', `No user has the email "nobody-${tag}@example.com".`],
			[
				5,
				'E-mail',
				`"${admin.email}" cannot be on an account team: the user is disabled or an administrator.`
			],
			[6, 'E-mail', 'This partner works for another reseller.'],
			[7, 'E-mail', 'Line 2 has the same account and person.'],
			[
				8,
				'Team role',
				"This person has several roles on this account's team; change them on the account page."
			],
			[9, 'E-mail', 'Enter an email address like name@example.com.'],
			[9, 'Team role', expect.stringMatching(/^"Boss" is not one of: AM, CSM, SE/)]
		]);
		await expect(imports.commit(t.db, manager, id, after.import.version)).rejects.toMatchObject({
			messageKey: 'import.error.notReady'
		});
		expect((await teamOf(account.id)).map((m) => m.team_role)).toEqual(['AM', 'SE']);
	});
});
