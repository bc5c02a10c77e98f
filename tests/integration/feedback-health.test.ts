import { describe, expect, it } from 'vitest';
import { healthInputsChanged, refreshAllHealth } from '../../src/lib/server/health/health-refresh';
import { makeAccount, makeUser, putOnTeam } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

const NOW = new Date('2026-11-22T12:00:00Z');

async function setup() {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, { time_zone: 'America/Sao_Paulo' });
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

/** A response written as the feedback service writes it, then the account's inputs refreshed. */
async function give(
	account: Awaited<ReturnType<typeof makeAccount>>,
	kind: 'nps' | 'csat',
	score: number,
	received_on: string
) {
	await t.db.transaction().execute(async (trx) => {
		await trx
			.insertInto('feedback')
			.values({
				account_id: account.id,
				kind,
				score,
				source: 'survey',
				received_on,
				segment: account.segment,
				region: account.region,
				sales_channel: account.sales_channel,
				csm_id: null,
				contact_id: null,
				review_id: null,
				routed_team: null,
				follow_up_task_id: null,
				created_by: null
			})
			.execute();
		await healthInputsChanged(trx, account.id, NOW);
	});
}

const health = (accountId: number) =>
	t.db
		.selectFrom('account_health')
		.select(['sentiment', 'engagement'])
		.where('account_id', '=', accountId)
		.executeTakeFirstOrThrow();

describe(`feedback and reviews in account health on ${ENGINE}`, () => {
	it('scores sentiment from NPS and CSAT in the transaction that records them', async () => {
		const { account } = await setup();
		await healthInputsChanged(t.db, account.id, NOW);
		expect((await health(account.id)).sentiment).toBeNull();

		await give(account, 'nps', 10, '2026-11-20');
		expect((await health(account.id)).sentiment).toBe(100);
		// A detractor beside the promoter: NPS 0 → 50.
		await give(account, 'nps', 3, '2026-11-21');
		expect((await health(account.id)).sentiment).toBe(50);
		// CSAT 5 → 100, averaged with the NPS part.
		await give(account, 'csat', 5, '2026-11-21');
		expect((await health(account.id)).sentiment).toBe(75);
	});

	it('lets a response leave the window as the days pass', async () => {
		const { account } = await setup();
		// 179 days before 22 November in São Paulo: still in the window.
		await give(account, 'nps', 0, '2026-05-27');
		expect((await health(account.id)).sentiment).toBe(0);
		// Two days on, the daily pass scores it out of the window.
		await refreshAllHealth(t.db, new Date(NOW.getTime() + 2 * 86_400_000));
		expect((await health(account.id)).sentiment).toBeNull();
	});

	it('counts a business review held as a touch, and not one still planned or cancelled', async () => {
		const { csm, account } = await setup();
		const review = (status: 'planned' | 'held' | 'cancelled', startsAt: string) =>
			t.db
				.insertInto('business_reviews')
				.values({
					account_id: account.id,
					kind: 'cbr',
					status,
					starts_at: new Date(startsAt),
					time_zone: account.time_zone,
					attendees: '[]',
					created_by: csm.id
				})
				.execute();
		await review('cancelled', '2026-11-20T13:00:00Z');
		await review('planned', '2026-11-21T13:00:00Z');
		await healthInputsChanged(t.db, account.id, NOW);
		expect((await health(account.id)).engagement).toBeNull();

		// Held 40 days ago: 14 days of full marks, then 76 days down to 0.
		await review('held', '2026-10-13T13:00:00Z');
		await healthInputsChanged(t.db, account.id, NOW);
		expect((await health(account.id)).engagement).toBe(66);
	});
});
