import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, StaleVersionError } from '../../src/lib/domain/errors';
import * as kickoff from '../../src/lib/server/onboarding/kickoff.service';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import { makeAccount, makeUser, putOnTeam } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

async function setup() {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		time_zone: 'America/Sao_Paulo',
		name: 'Capixaba Logística'
	});
	await putOnTeam(t.db, account.id, csm);
	const contact = await t.db
		.insertInto('contacts')
		.values({ account_id: account.id, name: 'Beatriz Nogueira', email: 'bia@capixaba.com.br' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const onboardingId = await onboarding.start(t.db, csm, account.id, {
		template_version_id: await makeTemplate(t.db),
		start_date: '2026-11-22',
		target_go_live: '2027-03-01',
		skip_pre_onboarding: false,
		skip_reason: ''
	});
	return { csm, account, contactId: contact.id, onboardingId };
}

const base = {
	duration_minutes: 90,
	location: 'Google Meet',
	agenda: 'Escopo, papéis; cronograma',
	notes: ''
};

describe(`kick-off meetings on ${ENGINE}`, () => {
	it("schedules at a wall-clock time in the account's zone and exports it as .ics", async () => {
		const { csm, account, contactId, onboardingId } = await setup();
		await kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, {
			...base,
			date: '2026-12-01',
			time: '10:00',
			attendees: [`contact:${contactId}`, `user:${csm.id}`],
			version: null
		});
		const row = await t.db
			.selectFrom('kickoff_meetings')
			.selectAll()
			.where('onboarding_id', '=', onboardingId)
			.executeTakeFirstOrThrow();
		expect(row.starts_at.toISOString()).toBe('2026-12-01T13:00:00.000Z'); // São Paulo is UTC−3
		expect(row.attendees).toEqual([
			{ kind: 'contact', id: contactId },
			{ kind: 'user', id: csm.id }
		]);

		const ics = (await kickoff.kickoffIcs(t.db, csm, account.id, onboardingId)).replace(
			/\r\n /g,
			''
		);
		expect(ics).toContain('DTSTART:20261201T130000Z');
		expect(ics).toContain('DTEND:20261201T143000Z');
		expect(ics).toContain('SUMMARY:Kick-off: Capixaba Logística');
		expect(ics).toContain('mailto:bia@capixaba.com.br');
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('entity', '=', 'kickoff_meeting')
			.where('account_id', '=', account.id)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['create']);
	});

	it('reschedules with the current version and refuses a stale one', async () => {
		const { csm, account, onboardingId } = await setup();
		const input = { ...base, date: '2026-12-01', time: '10:00', attendees: [], version: null };
		await kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, input);
		await expect(
			kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, input)
		).rejects.toBeInstanceOf(ConflictError);
		await kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, {
			...input,
			time: '15:30',
			version: 1
		});
		await expect(
			kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, {
				...input,
				time: '16:00',
				version: 1
			})
		).rejects.toBeInstanceOf(StaleVersionError);
		const row = await t.db
			.selectFrom('kickoff_meetings')
			.selectAll()
			.where('onboarding_id', '=', onboardingId)
			.executeTakeFirstOrThrow();
		expect([row.starts_at.toISOString(), row.version]).toEqual(['2026-12-01T18:30:00.000Z', 2]);
	});

	it('refuses attendees from outside the account and people who may not edit it', async () => {
		const { csm, account, onboardingId } = await setup();
		const stranger = await makeUser(t.db, 'csm');
		const input = { ...base, date: '2026-12-01', time: '10:00', version: null };
		await expect(
			kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, {
				...input,
				attendees: [`user:${stranger.id}`]
			})
		).rejects.toBeInstanceOf(ConflictError);
		await expect(
			kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, {
				...input,
				attendees: ['admin:1']
			})
		).rejects.toBeInstanceOf(ConflictError);
		await expect(
			kickoff.scheduleKickoff(t.db, stranger, account.id, onboardingId, { ...input, attendees: [] })
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});
