import { describe, expect, it } from 'vitest';
import type { ChurnRule, ChurnSeverity, ChurnStatus } from '../../src/lib/domain/churn';
import { addDays } from '../../src/lib/domain/dates';
import { ForbiddenError } from '../../src/lib/domain/errors';
import { parseRiskListQuery } from '../../src/lib/domain/risk-list-query';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { exportRisks } from '../../src/lib/server/churn/risk-export';
import { riskList } from '../../src/lib/server/churn/risk-list.service';
import { csvDownload } from '../../src/lib/server/export/csv-download';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Users are on UTC (the column's default), so the viewer's today is NOW's date. Rows are not
// rolled back between tests: each test makes its own CSM and asks for their accounts, or its own
// sales user, who sees only the accounts they are on.
const NOW = new Date('2030-06-15T12:00:00Z');
const TODAY = '2030-06-15';

const query = (params: Record<string, string>) => parseRiskListQuery(new URLSearchParams(params));

/** The CSV a user downloads for these list parameters, read back as text. */
async function download(user: SessionUser, params: Record<string, string>, batchSize = 2) {
	const { filename, header, batches } = await exportRisks(t.db, user, query(params), {
		now: NOW,
		batchSize
	});
	const response = csvDownload(filename, header, batches);
	const bytes = await response.arrayBuffer();
	return { response, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

const records = (text: string) =>
	text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n');

/** An account renewing `days` after TODAY (none with null), on `csm`'s team and maybe `sales`'. */
async function account(
	name: string,
	days: number | null,
	team: { csm: SessionUser; sales?: SessionUser }
) {
	const made = await makeAccount(t.db, {
		name,
		time_zone: 'UTC',
		renewal_date: days === null ? null : addDays(TODAY, days)
	});
	await putOnTeam(t.db, made.id, team.csm);
	if (team.sales) await putOnTeam(t.db, made.id, team.sales, 'AM');
	return made;
}

interface FlagValues {
	severity?: ChurnSeverity;
	status?: ChurnStatus;
	rule?: ChurnRule;
	arr?: number;
	summary?: string;
	nextStep?: string;
	owner?: SessionUser;
	due?: string;
	createdAt?: Date;
}

async function flag(accountId: number, values: FlagValues = {}) {
	const status = values.status ?? 'open';
	const row = await t.db
		.insertInto('churn_flags')
		.values({
			account_id: accountId,
			rule: values.rule ?? null,
			rule_detail: null,
			severity: values.severity ?? 'high',
			reason: 'competitor',
			arr_at_risk: values.arr ?? 10_000,
			summary: values.summary ?? 'At risk',
			next_step: values.nextStep ?? '',
			next_step_owner_id: values.owner?.id ?? null,
			next_step_due: values.due ?? null,
			status,
			status_reason: status === 'churned' ? 'Lost' : null,
			closed_at: status === 'open' || status === 'mitigating' ? null : NOW,
			created_at: values.createdAt ?? NOW
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Seven flags on four accounts of one CSM, with ties in ARR and in renewal, and no renewal. */
async function portfolio(tag: string) {
	const csm = await makeUser(t.db, 'csm');
	const soon = await account(`${tag} soon`, 30, { csm });
	const mid = await account(`${tag} mid`, 100, { csm });
	const alsoMid = await account(`${tag} also mid`, 100, { csm });
	const never = await account(`${tag} never`, null, { csm });
	const flags = {
		soon50: await flag(soon.id, { arr: 50_000 }),
		soon10: await flag(soon.id, { arr: 10_000 }),
		mid50: await flag(mid.id, { arr: 50_000 }),
		alsoMid50: await flag(alsoMid.id, { arr: 50_000 }),
		never90: await flag(never.id, { arr: 90_000 }),
		never10: await flag(never.id, { arr: 10_000 }),
		closed: await flag(mid.id, { arr: 70_000, status: 'resolved' })
	};
	return { csm, flags };
}

/** The account names of the export's rows, in order. */
const names = (text: string) =>
	records(text)
		.slice(1)
		.map((r) => r.split(',')[0]);

describe(`churn risk export on ${ENGINE}`, () => {
	it('writes every matching flag in the list’s sort, batch after batch, nulls last', async () => {
		const tag = `Risk ${uniqueTag()}`;
		const manager = await makeUser(t.db, 'manager');
		const { csm } = await portfolio(tag);

		const byArr = await download(manager, { csm: String(csm.id) });
		expect(byArr.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(byArr.response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="keel-churn-risks-2030-06-15\.csv"$/
		);
		expect(byArr.text.startsWith('\uFEFF')).toBe(true);
		// Most ARR first; within 50,000 the soonest renewal, then the order raised; the closed
		// flag left out, as on the page's default "needs work".
		expect(names(byArr.text)).toEqual(
			['never', 'soon', 'mid', 'also mid', 'soon', 'never'].map((n) => `${tag} ${n}`)
		);

		const byRenewal = await download(manager, { csm: String(csm.id), sort: 'renewal' });
		// Soonest renewal first, the most ARR first within a day; no renewal date last.
		expect(names(byRenewal.text)).toEqual(
			['soon', 'soon', 'mid', 'also mid', 'never', 'never'].map((n) => `${tag} ${n}`)
		);

		// The same rows, in the same order, as the list shows.
		const lists: Record<string, string>[] = [
			{ csm: String(csm.id) },
			{ csm: String(csm.id), sort: 'renewal' },
			{ csm: String(csm.id), state: 'closed' }
		];
		for (const params of lists) {
			const list = await riskList(t.db, manager, query(params), NOW);
			const { text } = await download(manager, params, 1);
			expect(names(text)).toEqual(list.flags.map((f) => f.account_name));
		}
	});

	it('labels every column and writes dates ISO and amounts as plain numbers', async () => {
		const tag = `Columns ${uniqueTag()}`;
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const made = await account(tag, 45, { csm });
		await flag(made.id, {
			rule: 'health_red',
			severity: 'critical',
			arr: 123_456,
			summary: 'Sponsor left',
			nextStep: 'Meet the new CIO',
			owner: csm,
			due: '2030-06-30',
			createdAt: new Date('2030-06-01T23:30:00Z')
		});
		const { text } = await download(manager, { csm: String(csm.id) });
		const [header, row, ...rest] = records(text);
		expect(header).toBe(
			'Account,Severity,Reason,Rule,Status,ARR at risk,Currency,Renewal,Score,Band,What is happening,Next step,Next step owner,Next step due,Raised'
		);
		expect(row).toBe(
			`${tag},Critical,Competitor,Health turned red,Open,123456,${made.currency},2030-07-30,,,Sponsor left,Meet the new CIO,${csm.name},2030-06-30,2030-06-01`
		);
		expect(rest).toEqual([]);
	});

	it('gives the day a flag was raised in the user’s time zone', async () => {
		const tag = `Zone ${uniqueTag()}`;
		const manager = { ...(await makeUser(t.db, 'manager')), timeZone: 'Asia/Tokyo' };
		const csm = await makeUser(t.db, 'csm');
		const made = await account(tag, 45, { csm });
		await flag(made.id, { createdAt: new Date('2030-06-01T23:30:00Z') });
		const { text } = await download(manager, { csm: String(csm.id) });
		expect(records(text)[1]!.split(',').at(-1)).toBe('2030-06-02');
	});

	it('neutralises cells a spreadsheet would run as formulas, and quotes what needs it', async () => {
		const tag = uniqueTag();
		const manager = await makeUser(t.db, 'manager');
		const csm = await makeUser(t.db, 'csm');
		const made = await account(`@SUM(A1) ${tag}`, null, { csm });
		await flag(made.id, {
			arr: 5,
			summary: '=HYPERLINK("http://evil.example","click")',
			nextStep: '-2+3, then\ttab'
		});
		const { text } = await download(manager, { csm: String(csm.id) });
		const cells = records(text)[1]!;
		expect(cells.startsWith(`'@SUM(A1) ${tag},High,Competitor,,Open,5,`)).toBe(true);
		expect(cells).toContain(
			`,"'=HYPERLINK(""http://evil.example"",""click"")","'-2+3, then\ttab",,,2030-06-15`
		);
	});

	it('gives sales only the flags on their own accounts, whatever CSM they ask for', async () => {
		const tag = `Sales ${uniqueTag()}`;
		const sales = await makeUser(t.db, 'sales');
		const csm = await makeUser(t.db, 'csm');
		const otherCsm = await makeUser(t.db, 'csm');
		const theirs = await account(`${tag} theirs`, 30, { csm, sales });
		const alsoTheirs = await account(`${tag} also theirs`, 30, { csm: otherCsm, sales });
		const notTheirs = await account(`${tag} not theirs`, 30, { csm });
		await flag(theirs.id, { arr: 3 });
		await flag(alsoTheirs.id, { arr: 2 });
		await flag(notTheirs.id, { arr: 1 });
		const { text } = await download(sales, { csm: String(csm.id) });
		expect(names(text)).toEqual([`${tag} theirs`, `${tag} also theirs`]);
	});

	it('refuses every role but sales and managers before reading a row', async () => {
		const reseller = await makeReseller(t.db);
		for (const user of [
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'admin'),
			await makeUser(t.db, 'partner', { resellerId: reseller.id })
		]) {
			await expect(exportRisks(t.db, user, query({}), { now: NOW })).rejects.toBeInstanceOf(
				ForbiddenError
			);
		}
	});

	it('labels the columns and values in the user’s language', async () => {
		const tag = `Idioma ${uniqueTag()}`;
		const manager = { ...(await makeUser(t.db, 'manager')), locale: 'es' as const };
		const csm = await makeUser(t.db, 'csm');
		const made = await account(tag, 30, { csm });
		await flag(made.id, { severity: 'critical' });
		const { text } = await download(manager, { csm: String(csm.id) });
		const [header, row] = records(text);
		expect(header).toContain('Motivo');
		expect(row).toContain('Crítica');
	});
});
