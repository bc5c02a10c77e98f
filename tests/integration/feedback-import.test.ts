import { describe, expect, it } from 'vitest';
import * as imports from '../../src/lib/server/imports/import.service';
import { makeAccount, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { checkAsOffered, uploadCsv } from '../support/imports';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const NOW = new Date('2026-11-20T12:00:00Z');
const HEADER =
	'Account ID,Response ID,Type,Score,Comment,Source,Date,Contact email,Tags,Routed to,Status';

async function responsesOf(accountId: number) {
	return t.db
		.selectFrom('feedback')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('external_id')
		.execute();
}

/** The trends' monthly totals of one CSM's accounts in November 2026. */
async function monthly(csmId: number) {
	const row = await t.db
		.selectFrom('feedback_monthly')
		.select(['responses', 'promoters', 'detractors', 'csat_count', 'csat_sum'])
		.where('csm_id', '=', csmId)
		.where('month', '=', '2026-11-01')
		.executeTakeFirst();
	return row ?? null;
}

describe(`feedback import on ${ENGINE}`, () => {
	it('records responses by their id, as capturing does, then corrects them on re-import', async () => {
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		await putOnTeam(t.db, account.id, csm, 'CSM');
		const contact = await t.db
			.insertInto('contacts')
			.values({ account_id: account.id, name: 'Ana Souza', email: 'ana@example.com' })
			.returningAll()
			.executeTakeFirstOrThrow();
		const source = `Survey tool ${tag}`;
		const file = [
			HEADER,
			`${tag}-A,R-1,NPS,3,"Slow portal, again",Pesquisa,2026-11-02,ANA@example.com,"Faturamento, slow portal",,`,
			`${tag}-A,R-2,csat,5,,survey,2026-11-03,,,billing,Encaminhado`,
			`${tag}-A,R-3,Comentário,,Great onboarding,call,2026-11-04,,,,`
		].join('\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'feedback', source });
		const { page, result, after } = await checkAsOffered(t.db, manager, id, NOW);
		expect(page.mapping).toEqual({
			account_external_id: 0,
			external_id: 1,
			kind: 2,
			score: 3,
			comment: 4,
			source: 5,
			received_on: 6,
			contact_email: 7,
			themes: 8,
			routed_team: 9,
			status: 10
		});
		expect(result).toEqual({ ok: true, totals: { errors: 0, create: 3, update: 0, unchanged: 0 } });
		await imports.commit(t.db, manager, id, after.import.version, NOW);

		const responses = await responsesOf(account.id);
		expect(
			responses.map((f) => [
				f.external_id,
				f.kind,
				f.score,
				f.source,
				f.contact_id,
				f.themes,
				f.routed_team,
				f.status
			])
		).toEqual([
			['R-1', 'nps', 3, 'survey', contact.id, ['billing', 'slow-portal'], null, 'new'],
			['R-2', 'csat', 5, 'survey', null, [], 'billing', 'routed'],
			['R-3', 'comment', null, 'call', null, [], null, 'new']
		]);
		// As captured: the account's group and CSM of today, and who brought it in.
		expect(responses[0]).toMatchObject({
			segment: account.segment,
			region: account.region,
			csm_id: csm.id,
			created_by: manager.id
		});
		// The detractor's follow-up, for the account's CSM.
		const tasks = await t.db
			.selectFrom('tasks')
			.select(['id', 'owner_user_id', 'source', 'due_date'])
			.where('account_id', '=', account.id)
			.execute();
		expect(tasks).toEqual([
			{
				id: responses[0]!.follow_up_task_id,
				owner_user_id: csm.id,
				source: 'feedback',
				due_date: '2026-11-22'
			}
		]);
		expect(await monthly(csm.id)).toEqual({
			responses: 3,
			promoters: 0,
			detractors: 1,
			csat_count: 1,
			csat_sum: 5
		});
		const audits = await t.db
			.selectFrom('audit_log')
			.select(['entity', 'action', 'actor_id'])
			.where('account_id', '=', account.id)
			.where('entity', 'in', ['feedback', 'task'])
			.orderBy('id')
			.execute();
		expect(audits.filter((a) => a.entity === 'feedback')).toHaveLength(3);
		expect(audits.every((a) => a.actor_id === manager.id && a.action === 'create')).toBe(true);
		const health = await t.db
			.selectFrom('account_health')
			.select('account_id')
			.where('account_id', '=', account.id)
			.execute();
		expect(health).toHaveLength(1);

		// The same file again: nothing is written, and no second follow-up raised.
		const same = await uploadCsv(t.db, manager, file, { kind: 'feedback', source });
		const unchanged = await checkAsOffered(t.db, manager, same, NOW);
		expect(unchanged.page.mappingOrigin).toBe('remembered');
		expect(unchanged.result).toEqual({
			ok: true,
			totals: { errors: 0, create: 0, update: 0, unchanged: 3 }
		});
		await imports.commit(t.db, manager, same, unchanged.after.import.version, NOW);
		expect((await responsesOf(account.id)).map((f) => f.version)).toEqual([1, 1, 1]);

		// The CSAT corrected to 2: updated in place, its follow-up raised, the totals moved.
		const corrected = file.replace(',csat,5,', ',csat,2,');
		const third = await uploadCsv(t.db, manager, corrected, { kind: 'feedback', source });
		const checked = await checkAsOffered(t.db, manager, third, NOW);
		expect(checked.result).toMatchObject({ ok: true, totals: { update: 1, unchanged: 2 } });
		await imports.commit(t.db, manager, third, checked.after.import.version, NOW);
		const [, csat] = await responsesOf(account.id);
		expect(csat).toMatchObject({ external_id: 'R-2', score: 2, version: 2 });
		expect(csat!.follow_up_task_id).not.toBeNull();
		expect(await monthly(csm.id)).toMatchObject({ responses: 3, csat_count: 1, csat_sum: 2 });
		const update = await t.db
			.selectFrom('audit_log')
			.select(['before', 'after'])
			.where('entity', '=', 'feedback')
			.where('action', '=', 'update')
			.where('entity_id', '=', csat!.id)
			.executeTakeFirstOrThrow();
		expect(update).toMatchObject({ before: { score: 5 }, after: { score: 2, name: 'CSAT 2' } });
	});

	it('reports rows the capture form would refuse, by line and column, and records nothing', async () => {
		const manager = await makeUser(t.db, 'manager');
		const tag = uniqueTag();
		const account = await makeAccount(t.db, { external_id: `${tag}-A` });
		const file = [
			HEADER,
			`${tag}-A,R-1,nps,9,,survey,2026-11-02,,,,`,
			`${tag}-Z,R-2,nps,9,,survey,2026-11-02,,,,`,
			`${tag}-A,R-1,nps,8,,survey,2026-11-02,,,,`,
			`${tag}-A,R-3,nps,11,,survey,2026-12-02,,,,`,
			`${tag}-A,R-4,comment,,,call,2026-11-02,,,,`,
			`${tag}-A,R-5,csat,4,,survey,2026-11-02,nobody@example.com,,,routed`,
			`${tag}-A,R-6,poll,4,,fax,2026-11-31,,,,`
		].join('\n');
		const id = await uploadCsv(t.db, manager, file, { kind: 'feedback' });
		const { after } = await checkAsOffered(t.db, manager, id, NOW);
		expect(after.import).toMatchObject({ status: 'invalid', errorCount: 6 });
		expect(after.problems.map((p) => [p.line, p.column, p.message])).toEqual([
			[3, 'Account ID', `No account has the external id "${tag}-Z".`],
			[4, 'Response ID', 'Line 2 has the same account and response id.'],
			[5, 'Score', 'Enter an NPS score, a whole number from 0 to 10.'],
			[5, 'Date', 'The date cannot be after today in the account’s time zone.'],
			[6, 'Comment', 'This field is required.'],
			[7, 'Contact email', 'The account has no contact with the email "nobody@example.com".'],
			[7, 'Routed to', 'Choose the team it was routed to.'],
			[8, 'Type', '"poll" is not one of: NPS, CSAT, Comment.'],
			[8, 'Source', '"fax" is not one of: Survey, CBR, Operational survey, Call, Email.'],
			[8, 'Date', 'Enter a real date (YYYY-MM-DD).']
		]);
		await expect(
			imports.commit(t.db, manager, id, after.import.version, NOW)
		).rejects.toMatchObject({ messageKey: 'import.error.notReady' });
		expect(await responsesOf(account.id)).toEqual([]);
	});
});
