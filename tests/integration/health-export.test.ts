import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../src/lib/domain/errors';
import type { HealthBand, HealthComponent } from '../../src/lib/domain/health';
import {
	parseHealthReviewQuery,
	parseHealthReviewTable,
	type HealthReviewTable
} from '../../src/lib/domain/health-review-query';
import type { Region, Segment } from '../../src/lib/domain/vocabulary';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { csvDownload } from '../../src/lib/server/export/csv-download';
import { exportHealthReview, exportHealthTable } from '../../src/lib/server/health/health-export';
import { refreshHealth } from '../../src/lib/server/health/health-refresh';
import { review } from '../../src/lib/server/health/health-review.service';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Users are on UTC (the column's default), so the viewer's today is NOW's date. The review
// covers every account in the file's database: each test makes a CSM of its own and filters by
// them. Rows are not rolled back between tests.
const NOW = new Date('2030-06-15T12:00:00Z');
const WEEK_AGO = '2030-06-08';

const query = (params: Record<string, string>) =>
	parseHealthReviewQuery(new URLSearchParams(params));

/** The CSV text of a response, keeping the byte-order mark. */
async function textOf(response: Response) {
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

/** The review's accounts as a manager downloads them for these parameters. */
async function download(user: SessionUser, params: Record<string, string>, batchSize = 2) {
	const { filename, header, batches } = await exportHealthReview(t.db, user, query(params), {
		now: NOW,
		batchSize
	});
	const response = csvDownload(filename, header, batches);
	return { response, text: await textOf(response) };
}

/** One of the review's small tables, as downloaded. */
async function downloadTable(
	user: SessionUser,
	table: HealthReviewTable,
	params: Record<string, string>
) {
	const { filename, header, batches } = await exportHealthTable(t.db, user, query(params), table, {
		now: NOW
	});
	const response = csvDownload(filename, header, batches);
	return { response, text: await textOf(response) };
}

const records = (text: string) =>
	text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');

const bandOf = (score: number): HealthBand =>
	score <= 50 ? 'red' : score <= 75 ? 'yellow' : 'green';

interface Health {
	name: string;
	score: number | null;
	arr?: number;
	segment?: Segment;
	region?: Region;
	coverage?: number;
	drag?: HealthComponent | null;
	components?: Partial<Record<HealthComponent, number | null>>;
	/** The score a week ago (a snapshot), for this week's change. */
	was?: number | null;
}

/** An account of `csm`'s with exactly this stored health, as the review reads it. */
async function healthy(csm: SessionUser, values: Health) {
	const arr = values.arr ?? 100_000;
	const account = await makeAccount(t.db, {
		name: values.name,
		time_zone: 'UTC',
		renewal_date: null,
		arr,
		segment: values.segment ?? 'mid_market',
		region: values.region ?? 'emea'
	});
	await putOnTeam(t.db, account.id, csm);
	await refreshHealth(t.db, [account.id], NOW);
	await t.db
		.updateTable('account_health')
		.set({
			score: values.score,
			band: values.score === null ? null : bandOf(values.score),
			coverage: values.coverage ?? (values.score === null ? 0 : 0.3),
			biggest_drag: values.drag ?? null,
			adoption: values.score,
			...values.components,
			arr
		})
		.where('account_id', '=', account.id)
		.execute();
	if (values.was !== undefined) {
		await t.db
			.insertInto('health_snapshots')
			.values({
				account_id: account.id,
				day: WEEK_AGO,
				score: values.was,
				band: values.was === null ? null : bandOf(values.was),
				coverage: 0.3
			})
			.execute();
	}
	return account;
}

async function manager(locale: SessionUser['locale'] = 'en') {
	return { ...(await makeUser(t.db, 'manager')), locale };
}

/** The account names of the export's rows, in order. */
const names = (text: string) =>
	records(text)
		.slice(1)
		.map((r) => r.split(',')[0]);

describe(`health review export on ${ENGINE}`, () => {
	it('writes every account the filters match in the review’s sort, batch after batch', async () => {
		const tag = `Health ${uniqueTag()}`;
		const viewer = await manager();
		const csm = await makeUser(t.db, 'csm');
		// Ties in score, ARR and change; no score, no ARR difference, no snapshot.
		const spec: Health[] = [
			{ name: 'a', score: 60, arr: 50_000, was: 70 },
			{ name: 'b', score: null, arr: 90_000, was: 40 },
			{ name: 'c', score: 30, arr: 50_000, was: 50 },
			{ name: 'd', score: 60, arr: 200_000 },
			{ name: 'e', score: 30, arr: 10_000, was: 40 },
			{ name: 'f', score: 80, arr: 90_000, was: 70 },
			{ name: 'g', score: 60, arr: 50_000, was: 70 }
		];
		for (const s of spec) await healthy(csm, { ...s, name: `${tag} ${s.name}` });
		// Another CSM's account stays out.
		await healthy(await makeUser(t.db, 'csm'), { name: `${tag} other`, score: 1 });
		const csmParam = { csm: String(csm.id) };

		const byScore = await download(viewer, csmParam);
		expect(byScore.response.headers.get('content-disposition')).toBe(
			'attachment; filename="keel-health-review-2030-06-15.csv"'
		);
		expect(byScore.text.startsWith('\uFEFF')).toBe(true);
		const expected = {
			score: ['c', 'e', 'a', 'd', 'g', 'f', 'b'],
			arr: ['d', 'b', 'f', 'a', 'c', 'g', 'e'],
			// The biggest fall first, ties in creation order, then the rise; no change (no score, no
			// snapshot) last.
			change: ['c', 'a', 'e', 'g', 'f', 'b', 'd']
		};
		expect(names(byScore.text)).toEqual(expected.score.map((n) => `${tag} ${n}`));
		for (const sort of ['arr', 'change'] as const) {
			const { text } = await download(viewer, { ...csmParam, sort });
			expect(names(text)).toEqual(expected[sort].map((n) => `${tag} ${n}`));
		}

		// The same rows in the same order as the review's list, whatever the sort and filter.
		for (const params of [
			csmParam,
			{ ...csmParam, sort: 'arr' },
			{ ...csmParam, sort: 'change' },
			{ ...csmParam, band: 'red' }
		]) {
			const page = await review(t.db, viewer, query(params), NOW);
			const { text } = await download(viewer, params, 1);
			expect(names(text)).toEqual(page.accounts.map((a) => a.name));
		}
	});

	it('labels every column, enumerations in words and numbers plain', async () => {
		const tag = `Columns ${uniqueTag()}`;
		const viewer = await manager();
		const csm = await makeUser(t.db, 'csm');
		const account = await healthy(csm, {
			name: tag,
			score: 45,
			arr: 250_000,
			segment: 'enterprise',
			region: 'apac',
			coverage: 0.8,
			drag: 'support',
			components: { adoption: 70, engagement: null, progress: 55, support: 10, sentiment: null },
			was: 52
		});
		await t.db
			.insertInto('health_overrides')
			.values({
				account_id: account.id,
				band: 'green',
				reason: 'Sponsor is happy',
				expires_on: '2030-07-01',
				set_by: csm.id
			})
			.execute();
		const { text } = await download(viewer, { csm: String(csm.id) });
		const [header, row, ...rest] = records(text);
		expect(header).toBe(
			'Account,Segment,Region,Score,Band,This week,Coverage,Biggest drag,Adoption,Engagement,Onboarding and plan progress,Support and escalations,"Sentiment (NPS, CSAT)",The CSM says,ARR,Currency,Renewal,CSM'
		);
		expect(row).toBe(
			`${tag},Enterprise,Asia-Pacific,45,Red,-7,0.8,Support and escalations,70,,55,10,,Green,250000,${account.currency},,${csm.name}`
		);
		expect(rest).toEqual([]);
	});

	it('neutralises cells a spreadsheet would run as formulas', async () => {
		const tag = uniqueTag();
		const viewer = await manager();
		const csm = await makeUser(t.db, 'csm');
		await healthy(csm, { name: `=HYPERLINK("http://evil.example","${tag}")`, score: 20 });
		const { text } = await download(viewer, { csm: String(csm.id) });
		expect(records(text)[1]!.startsWith(`"'=HYPERLINK(""http://evil.example"",""${tag}"")",`)).toBe(
			true
		);
	});

	it('writes the band and group tables as the page shows them', async () => {
		const tag = `Tables ${uniqueTag()}`;
		const viewer = await manager();
		const csm = await makeUser(t.db, 'csm');
		const second = await makeUser(t.db, 'csm');
		await healthy(csm, { name: `${tag} 1`, score: 30, arr: 100_000, segment: 'enterprise' });
		await healthy(csm, { name: `${tag} 2`, score: 41, arr: 50_000, region: 'apac' });
		const shared = await healthy(csm, { name: `${tag} 3`, score: 90, arr: 50_000 });
		await putOnTeam(t.db, shared.id, second);
		const params = { csm: String(csm.id) };

		const bands = await downloadTable(viewer, 'bands', params);
		expect(bands.response.headers.get('content-disposition')).toBe(
			'attachment; filename="keel-health-bands-2030-06-15.csv"'
		);
		// Yellow shown with none; no row for "no score" when every account has one.
		expect(records(bands.text)).toEqual([
			'Band,Accounts,Share of accounts,ARR,Share of ARR',
			'Red,2,0.6667,150000,0.75',
			'Yellow,0,0,0,0',
			'Green,1,0.3333,50000,0.25'
		]);
		// The band filter narrows the groups, never the bands.
		const redBands = await downloadTable(viewer, 'bands', { ...params, band: 'red' });
		expect(redBands.text).toBe(bands.text);

		const byCsm = await downloadTable(viewer, 'csm', params);
		const page = await review(t.db, viewer, query(params), NOW);
		expect(records(byCsm.text)).toEqual([
			'CSM,Accounts,Mean score,Red,Yellow,Green',
			...page.byCsm.map((g) =>
				[g.name, g.accounts, Math.round(g.mean!), g.red, g.yellow, g.green].join(',')
			)
		]);
		expect(records(byCsm.text)).toContain(`${csm.name},3,54,2,0,1`);
		expect(records(byCsm.text)).toContain(`${second.name},1,90,0,0,1`);

		const bySegment = await downloadTable(viewer, 'segment', { ...params, band: 'red' });
		expect(bySegment.response.headers.get('content-disposition')).toContain(
			'keel-health-by-segment-2030-06-15.csv'
		);
		expect(records(bySegment.text).slice(1).sort()).toEqual([
			'Enterprise,1,30,1,0,0',
			'Mid-market,1,41,1,0,0'
		]);
		const byRegion = await downloadTable(viewer, 'region', params);
		expect(records(byRegion.text).slice(1).sort()).toEqual([
			'Asia-Pacific,1,41,1,0,0',
			'EMEA,2,60,1,0,1'
		]);
	});

	it('reads which table from the URL, the accounts for anything else', () => {
		const table = (search: string) => parseHealthReviewTable(new URLSearchParams(search));
		expect(table('table=bands')).toBe('bands');
		expect(table('table=region&band=red')).toBe('region');
		expect(table('table=users')).toBeNull();
		expect(table('')).toBeNull();
	});

	it('is for managers only, every table of it', async () => {
		const reseller = await makeReseller(t.db);
		for (const user of [
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'sales'),
			await makeUser(t.db, 'admin'),
			await makeUser(t.db, 'partner', { resellerId: reseller.id })
		]) {
			await expect(exportHealthReview(t.db, user, query({}), { now: NOW })).rejects.toBeInstanceOf(
				ForbiddenError
			);
			for (const table of ['bands', 'csm', 'segment', 'region'] as const) {
				await expect(
					exportHealthTable(t.db, user, query({}), table, { now: NOW })
				).rejects.toBeInstanceOf(ForbiddenError);
			}
		}
	});

	it('labels the columns and values in the user’s language', async () => {
		const tag = `Idioma ${uniqueTag()}`;
		const viewer = await manager('pt-BR');
		const csm = await makeUser(t.db, 'csm');
		await healthy(csm, { name: tag, score: 20, segment: 'smb' });
		const { text } = await download(viewer, { csm: String(csm.id) });
		const [header, row] = records(text);
		expect(header).toContain('Cobertura');
		expect(row).toContain('Vermelho');
		const bands = await downloadTable(viewer, 'bands', { csm: String(csm.id) });
		expect(records(bands.text)[0]).toContain('Participação no ARR');
	});
});
