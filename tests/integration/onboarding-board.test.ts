import { describe, expect, it } from 'vitest';
import { parseBoardQuery } from '../../src/lib/domain/onboarding-board-query';
import * as onboardingBoard from '../../src/lib/server/onboarding/board.service';
import * as items from '../../src/lib/server/onboarding/onboarding-items.service';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();
const TODAY = new Date().toISOString().slice(0, 10);
const query = (params: Record<string, string> = {}) => parseBoardQuery(new URLSearchParams(params));

async function onboardingFor(
	csm: Awaited<ReturnType<typeof makeUser>>,
	options: { resellerId?: number; name?: string } = {}
) {
	const account = await makeAccount(t.db, {
		...(options.name ? { name: options.name } : {}),
		reseller_id: options.resellerId ?? null,
		sales_channel: options.resellerId ? 'reseller' : 'direct',
		time_zone: 'UTC'
	});
	await putOnTeam(t.db, account.id, csm);
	await onboarding.start(t.db, csm, account.id, {
		template_version_id: await makeTemplate(t.db),
		start_date: TODAY,
		target_go_live: '2099-01-01',
		skip_pre_onboarding: false,
		skip_reason: ''
	});
	return account;
}

describe(`onboarding board on ${ENGINE}`, () => {
	it("shows a CSM their own onboardings by default, everyone's on request", async () => {
		const mine = await makeUser(t.db, 'csm');
		const theirs = await makeUser(t.db, 'csm');
		const a = await onboardingFor(mine, { name: 'Board mine' });
		await onboardingFor(theirs, { name: 'Board theirs' });

		const own = await onboardingBoard.board(t.db, mine, query());
		expect(own.csm).toBe(mine.id);
		expect(own.columns[0]!.cards.map((c) => c.account_id)).toEqual([a.id]);
		const all = await onboardingBoard.board(t.db, mine, query({ csm: 'all' }));
		expect(all.total).toBeGreaterThanOrEqual(2);
	});

	it('counts items and flags overdue required work as at risk', async () => {
		const csm = await makeUser(t.db, 'csm');
		const account = await onboardingFor(csm);
		const view = await onboarding.getForAccount(t.db, csm, account.id);
		const first = view.onboarding!.phases[0]!.items[0]!;
		await items.changeItem(t.db, csm, account.id, first.id, first.version, {
			kind: 'edit',
			due_date: '2020-01-01',
			owner_user_id: csm.id,
			notes: ''
		});
		const result = await onboardingBoard.board(t.db, csm, query());
		const card = result.columns[0]!.cards.find((c) => c.account_id === account.id)!;
		expect([card.total, card.settled, card.overdue]).toEqual([6, 0, 1]);
		expect(card.risk).toEqual(['requiredOverdue']);
		expect(card.daysInPhase).toBe(0);
	});

	it("shows a partner only their reseller's onboardings", async () => {
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const csm = await makeUser(t.db, 'csm');
		const resold = await onboardingFor(csm, { resellerId: reseller.id });
		await onboardingFor(csm);
		const result = await onboardingBoard.board(t.db, partner, query({ csm: 'all' }));
		expect(result.columns.flatMap((c) => c.cards.map((card) => card.account_id))).toEqual([
			resold.id
		]);
	});

	it('costs the same number of queries for 1 or 5 onboardings', async () => {
		const csm = await makeUser(t.db, 'csm');
		const count = async () => {
			const counter = new QueryCounter();
			await onboardingBoard.board(t.db.withPlugin(counter), csm, query());
			return counter.count;
		};
		await onboardingFor(csm);
		const one = await count();
		for (let i = 0; i < 4; i++) await onboardingFor(csm);
		expect(await count()).toBe(one);
	});
});
