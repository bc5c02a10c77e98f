import { describe, expect, it } from 'vitest';
import { parseFeedbackTrendsQuery } from '../../src/lib/domain/feedback-trends-query';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { loadCatalogue } from '../../src/lib/i18n/catalogue';
import {
	addToRollup,
	moveInRollup,
	rebuildRollup
} from '../../src/lib/server/feedback/feedback-rollup.repository';
import { trendsCsv } from '../../src/lib/server/feedback/feedback-trends-csv';
import { trends } from '../../src/lib/server/feedback/feedback-trends.service';
import { makeAccount, makeUser } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

const NOW = new Date('2026-11-22T12:00:00Z');
const query = (params: Record<string, string> = {}) =>
	parseFeedbackTrendsQuery(new URLSearchParams(params));

type Account = Awaited<ReturnType<typeof makeAccount>>;

/** Writes responses as the feedback service does: the row, then its share of the rollups. */
async function give(
	account: Account,
	responses: { kind: 'nps' | 'csat' | 'comment'; score?: number; on: string; themes?: string[] }[],
	csmId: number | null = null
) {
	const rows = await t.db
		.insertInto('feedback')
		.values(
			responses.map((r) => ({
				account_id: account.id,
				kind: r.kind,
				score: r.score ?? null,
				source: 'survey' as const,
				received_on: r.on,
				themes: r.themes ?? [],
				segment: account.segment,
				region: account.region,
				sales_channel: account.sales_channel,
				csm_id: csmId,
				contact_id: null,
				review_id: null,
				routed_team: null,
				follow_up_task_id: null,
				created_by: null
			}))
		)
		.returning('id')
		.execute();
	await addToRollup(
		t.db,
		rows.map((r) => r.id),
		1
	);
	return rows.map((r) => r.id);
}

/** Clears every response and total, so each test reads only its own. */
async function fresh() {
	await t.db.deleteFrom('feedback').execute();
	await rebuildRollup(t.db);
}

describe(`feedback trends on ${ENGINE}`, () => {
	it('adds up NPS and CSAT by month, with empty months kept as gaps', async () => {
		await fresh();
		const manager = { ...(await makeUser(t.db, 'manager')), timeZone: 'UTC' };
		const account = await makeAccount(t.db, { segment: 'enterprise' });
		await give(account, [
			{ kind: 'nps', score: 10, on: '2026-11-02' },
			{ kind: 'nps', score: 9, on: '2026-11-03' },
			{ kind: 'nps', score: 7, on: '2026-11-04' },
			{ kind: 'nps', score: 2, on: '2026-11-05' },
			{ kind: 'csat', score: 4, on: '2026-11-06' },
			{ kind: 'csat', score: 5, on: '2026-11-07' },
			{ kind: 'comment', on: '2026-09-10' },
			// Before the 12 months the page shows by default.
			{ kind: 'nps', score: 0, on: '2025-11-30' }
		]);
		const data = await trends(t.db, manager, query(), NOW);
		expect(data.months).toHaveLength(12);
		expect(data.months[0]).toBe('2025-12-01');
		const november = data.series.at(-1)!;
		expect(november).toMatchObject({
			month: '2026-11-01',
			responses: 6,
			promoters: 2,
			passives: 1,
			detractors: 1,
			nps: 25,
			csatResponses: 2,
			csat: 4.5
		});
		const september = data.series.find((s) => s.month === '2026-09-01')!;
		expect(september).toMatchObject({ responses: 1, nps: null, csat: null });
		expect(data.total).toMatchObject({ responses: 7, nps: 25 });

		const longer = await trends(t.db, manager, query({ months: '24' }), NOW);
		expect(longer.total).toMatchObject({ responses: 8, detractors: 2, nps: 0 });
	});

	it('narrows by segment, region, channel and CSM, and compares groups', async () => {
		await fresh();
		const manager = { ...(await makeUser(t.db, 'manager')), timeZone: 'UTC' };
		const csm = await makeUser(t.db, 'csm');
		const enterprise = await makeAccount(t.db, { segment: 'enterprise', region: 'emea' });
		const smb = await makeAccount(t.db, { segment: 'smb', region: 'latam' });
		await give(enterprise, [{ kind: 'nps', score: 10, on: '2026-10-01' }], csm.id);
		await give(smb, [
			{ kind: 'nps', score: 1, on: '2026-10-02' },
			{ kind: 'nps', score: 3, on: '2026-11-02' }
		]);

		const bySegment = await trends(t.db, manager, query({ segment: 'smb' }), NOW);
		expect(bySegment.total).toMatchObject({ responses: 2, nps: -100 });
		const byRegion = await trends(t.db, manager, query({ region: 'emea' }), NOW);
		expect(byRegion.total).toMatchObject({ responses: 1, nps: 100 });
		const byCsm = await trends(t.db, manager, query({ csm: String(csm.id) }), NOW);
		expect(byCsm.total.responses).toBe(1);
		const byChannel = await trends(t.db, manager, query({ channel: 'reseller' }), NOW);
		expect(byChannel.total.responses).toBe(0);

		const compared = await trends(t.db, manager, query({ compare: 'segment' }), NOW);
		// Most responses first; each with its months.
		expect(compared.groups.map((g) => [g.key, g.total.responses, g.total.nps])).toEqual([
			['smb', 2, -100],
			['enterprise', 1, 100]
		]);
		expect(compared.groups[0]!.months.at(-1)).toMatchObject({ responses: 1, nps: -100 });
		// The whole portfolio's series is still there beside the groups.
		expect(compared.total.responses).toBe(3);

		const byCsmGroup = await trends(t.db, manager, query({ compare: 'csm' }), NOW);
		expect(byCsmGroup.groups.map((g) => [g.key, g.csmName])).toEqual([
			['0', null],
			[String(csm.id), csm.name]
		]);
	});

	it('ranks the themes raised most, with mentions per month, by CSM too', async () => {
		await fresh();
		const manager = { ...(await makeUser(t.db, 'manager')), timeZone: 'UTC' };
		const csm = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		await give(account, [
			{ kind: 'comment', on: '2026-10-01', themes: ['billing', 'usability'] },
			{ kind: 'nps', score: 8, on: '2026-11-01', themes: ['billing'] },
			{ kind: 'csat', score: 2, on: '2026-11-03', themes: ['billing', 'slow-portal'] }
		]);
		await give(account, [{ kind: 'comment', on: '2026-11-04', themes: ['training'] }], csm.id);

		const data = await trends(t.db, manager, query(), NOW);
		expect(data.themes.map((th) => [th.theme, th.total])).toEqual([
			['billing', 3],
			['slow-portal', 1],
			['training', 1],
			['usability', 1]
		]);
		const billing = data.themes[0]!;
		expect(billing.mentions.slice(-2)).toEqual([1, 2]);

		const forCsm = await trends(t.db, manager, query({ csm: String(csm.id) }), NOW);
		expect(forCsm.themes.map((th) => th.theme)).toEqual(['training']);
	});

	it('keeps the totals equal to a rebuild through captures, edits and deletes', async () => {
		await fresh();
		const account = await makeAccount(t.db);
		const [first, second] = await give(account, [
			{ kind: 'nps', score: 9, on: '2026-10-01', themes: ['billing'] },
			{ kind: 'csat', score: 3, on: '2026-11-01', themes: ['onboarding', 'billing'] }
		]);
		// An edit moves the response's share; a delete takes it away.
		await t.db.transaction().execute(async (trx) => {
			const before = await trx
				.selectFrom('feedback')
				.selectAll()
				.where('id', '=', first!)
				.executeTakeFirstOrThrow();
			await trx
				.updateTable('feedback')
				.set({ score: 4, received_on: '2026-09-15', themes: ['pricing'] })
				.where('id', '=', first!)
				.execute();
			await moveInRollup(trx, before);
			await addToRollup(trx, [second!], -1);
			await trx.deleteFrom('feedback').where('id', '=', second!).execute();
		});
		const totals = async () => ({
			monthly: await t.db
				.selectFrom('feedback_monthly')
				.selectAll()
				.where('responses', '<>', 0)
				.orderBy('month')
				.orderBy('segment')
				.orderBy('region')
				.orderBy('sales_channel')
				.orderBy('csm_id')
				.execute(),
			themes: await t.db
				.selectFrom('feedback_theme_monthly')
				.selectAll()
				.where('mentions', '<>', 0)
				.orderBy('month')
				.orderBy('theme')
				.execute()
		});
		const kept = await totals();
		await rebuildRollup(t.db);
		expect(kept).toEqual(await totals());
		expect(kept.monthly).toHaveLength(1);
		expect(kept.monthly[0]).toMatchObject({ month: '2026-09-01', detractors: 1, responses: 1 });
		expect(kept.themes.map((r) => r.theme)).toEqual(['pricing']);
	});

	it('is for managers and CSMs: sales, partners and admins may not read it', async () => {
		const csm = { ...(await makeUser(t.db, 'csm')), timeZone: 'UTC' };
		await expect(trends(t.db, csm, query(), NOW)).resolves.toBeDefined();
		for (const role of ['sales', 'partner', 'admin'] as const) {
			const user = { ...(await makeUser(t.db, role)), timeZone: 'UTC' };
			await expect(trends(t.db, user, query(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
		}
	});

	it('gives each chart as CSV, headed in the reader language', async () => {
		await fresh();
		const manager = { ...(await makeUser(t.db, 'manager')), timeZone: 'UTC' };
		const account = await makeAccount(t.db, { segment: 'smb' });
		await give(account, [{ kind: 'nps', score: 10, on: '2026-11-02', themes: ['=cmd'] }]);
		const data = await trends(t.db, manager, query({ compare: 'segment', months: '6' }), NOW);
		const pt = await loadCatalogue('pt-BR');
		const nps = trendsCsv(data, 'nps', 'segment', pt).split('\r\n');
		expect(nps[0]).toBe('Mês,Promotores (9–10),Neutros (7–8),Detratores (0–6),NPS');
		expect(nps).toHaveLength(6 + 2);
		expect(nps[6]).toBe('2026-11,1,0,0,100');
		expect(nps[1]).toBe('2026-06,0,0,0,');
		// A free tag that looks like a formula is defused.
		expect(trendsCsv(data, 'themes', 'segment', pt).split('\r\n')[0]).toBe("Mês,'=cmd");
		expect(trendsCsv(data, 'groups', 'segment', pt).split('\r\n')[0]).toBe(
			'Mês,Pequena empresa: NPS,Pequena empresa: CSAT,Pequena empresa: Respostas'
		);
	});
});
