import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, launchBrowser, open, signIn } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
let dir: string;
beforeAll(async () => {
	browser = await launchBrowser();
	dir = await mkdtemp(join(tmpdir(), 'keel-import-e2e-'));
});
afterAll(async () => {
	await browser?.close();
	await rm(dir, { recursive: true, force: true });
});

const tag = Date.now().toString(36);
const HEADER = 'Account ID;Account name;Segment;Region;Time zone;Stage;Channel;Package;ARR;Renewal';

/** Writes a CSV as Excel's "CSV UTF-8" where the comma is the decimal mark: BOM, ";", CRLF. */
async function csvFile(name: string, rows: string[]) {
	const path = join(dir, name);
	await writeFile(path, '\uFEFF' + [HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');
	return path;
}

async function uploadFile(page: Page, path: string, source?: string) {
	await page.setInputFiles('#import-file', path);
	if (source) await page.fill('#import-source', source);
	await Promise.all([
		page.waitForURL(/\/imports\/\d+$/),
		page.getByRole('button', { name: 'Upload' }).click()
	]);
	await page.locator('html[data-hydrated]').waitFor();
}

async function noHorizontalOverflow(page: Page) {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

describe('importing accounts from a CSV file', () => {
	it('uploads, matches, reports a bad row, then imports the corrected file for a manager', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await page.locator('nav.main-nav').getByRole('link', { name: 'Imports' }).click();
		await page.waitForURL('**/imports');
		await page.locator('html[data-hydrated]').waitFor();
		const source = `Salesforce ${tag}`;

		const bad = await csvFile('accounts-bad.csv', [
			`${tag}-1;Lagoa Azul ${tag};Média empresa;América Latina;America/Sao_Paulo;Adoção;Direto;Padrão;1.250.000;2027-06-30`,
			`${tag}-2;Serra Verde ${tag};Huge;LATAM;America/Sao_Paulo;Onboarding;direct;standard;90.000;2027-01-15`
		]);
		await uploadFile(page, bad, source);

		// Columns matched by their names; the first rows previewed as matched.
		expect(await page.locator('h1').textContent()).toBe('Import of accounts-bad.csv');
		expect(await page.inputValue('select[name="map.external_id"]')).toBe('0');
		expect(await page.inputValue('select[name="map.lifecycle_stage"]')).toBe('5');
		expect(await page.inputValue('select[name="map.notes"]')).toBe('');
		const preview = page.locator('section[aria-labelledby="preview-title"] tbody');
		expect(await preview.locator('tr').count()).toBe(2);
		expect(await preview.textContent()).toContain(`Lagoa Azul ${tag}`);

		await page.getByRole('button', { name: 'Check all rows' }).click();
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toContain('1 row has problems.');
		const problems = page.locator('table.problems tbody tr');
		expect(await problems.count()).toBe(1);
		expect(await problems.first().textContent()).toContain('"Huge" is not one of');
		expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0);

		// The report downloads with the line, the column, the message and the row as it was.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Download every problem (CSV)' }).click()
		]);
		const chunks: Buffer[] = [];
		for await (const chunk of (await download.createReadStream())!) chunks.push(chunk as Buffer);
		const report = Buffer.concat(chunks)
			.toString('utf8')
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(report[0]).toBe(
			'Line,Column,Problem,Account ID,Account name,Segment,Region,Time zone,Stage,Channel,Package,ARR,Renewal'
		);
		expect(report[1]).toContain(
			`3,Segment,"""Huge"" is not one of: Enterprise, Mid-market, Small business.",${tag}-2`
		);

		// A corrected file, from the same source: its matching is remembered.
		await page.getByRole('link', { name: 'Upload a corrected file' }).click();
		await page.waitForURL(/\/imports\?kind=accounts/);
		await page.locator('html[data-hydrated]').waitFor();
		expect(await page.inputValue('#import-source')).toBe(source);
		const good = await csvFile('accounts-good.csv', [
			`${tag}-1;Lagoa Azul ${tag};Média empresa;América Latina;America/Sao_Paulo;Adoção;Direto;Padrão;1.250.000;2027-06-30`,
			`${tag}-2;Serra Verde ${tag};Pequena empresa;LATAM;America/Sao_Paulo;Onboarding;direct;standard;90.000;2027-01-15`
		]);
		await uploadFile(page, good);
		expect(await page.locator('form[action="?/check"]').textContent()).toContain(
			`Matched as the last file from "${source}".`
		);
		await page.getByRole('button', { name: 'Check all rows' }).click();
		await page.getByText('All 2 rows are fine: 2 new, 0 to update, 0 unchanged.').waitFor();

		await page.getByRole('button', { name: 'Import 2 rows' }).click();
		await page.getByText('2 new, 0 updated, 0 unchanged.').waitFor();

		await open(page, `/accounts?q=${encodeURIComponent(`Serra Verde ${tag}`)}`);
		const list = page.locator('table tbody');
		expect(await list.locator('tr').count()).toBe(1);
		expect(await list.textContent()).toContain('Small business');
		await context.close();
	});

	it('imports usage for an imported account, its metric named in Portuguese', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/imports');
		const account = `${tag}-usage`;
		const name = `Uso Real ${tag}`;
		await uploadFile(
			page,
			await csvFile('usage-account.csv', [
				`${account};${name};smb;latam;America/Sao_Paulo;adoption;direct;standard;50000;`
			]),
			`CRM ${tag}`
		);
		await page.getByRole('button', { name: 'Check all rows' }).click();
		await page.getByRole('button', { name: 'Import 1 row' }).click();
		await page.getByText('1 new, 0 updated, 0 unchanged.').waitFor();

		// Last month, so the reading is never in the account's future.
		const now = new Date();
		const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
			.toISOString()
			.slice(0, 7);
		const path = join(dir, 'usage.csv');
		await writeFile(
			path,
			['Account ID;Metric;Month;Entitlement;Used', `${account};Portas Fabric;${month};10;4`].join(
				'\r\n'
			),
			'utf8'
		);
		await open(page, '/imports');
		await page.selectOption('#import-kind', { label: 'Usage metrics' });
		await uploadFile(page, path, `Billing ${tag}`);
		expect(await page.locator('h1').textContent()).toBe('Import of usage.csv');
		expect(await page.inputValue('select[name="map.metric"]')).toBe('1');
		await page.getByRole('button', { name: 'Check all rows' }).click();
		await page.getByText('All 1 rows are fine: 1 new, 0 to update, 0 unchanged.').waitFor();
		await page.getByRole('button', { name: 'Import 1 row' }).click();
		await page.getByText('1 new, 0 updated, 0 unchanged.').waitFor();

		await open(page, `/accounts?q=${encodeURIComponent(name)}`);
		const href = await page.locator('table tbody a', { hasText: name }).getAttribute('href');
		await open(page, `${href}/adoption`);
		expect(
			await page.locator('article[aria-labelledby="metric-fabric_ports"]').textContent()
		).toContain('40%');
		await context.close();
	});

	it('shows a file it cannot read at the form, and keeps nothing of it', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.admin);
		await open(page, '/imports');
		const path = join(dir, 'header-only.csv');
		await writeFile(path, `${HEADER}\r\n`, 'utf8');
		await page.setInputFiles('#import-file', path);
		await page.fill('#import-source', `Empty ${tag}`);
		await page.getByRole('button', { name: 'Upload' }).click();
		await page.getByText('The file has a header line but no rows.').waitFor();
		expect(page.url()).toMatch(/\/imports$/);
		await page.reload();
		expect(
			await page.locator('section[aria-labelledby="recent-imports-title"]').textContent()
		).not.toContain('header-only.csv');
		await context.close();
	});

	it('uploads without JavaScript too', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager, {
			javaScriptEnabled: false
		});
		await page.goto('/imports');
		const path = await csvFile('no-js.csv', [
			`${tag}-nojs;Sem Script ${tag};smb;latam;America/Bogota;onboarding;direct;standard;1000;`
		]);
		await page.setInputFiles('#import-file', path);
		await page.fill('#import-source', `No JS ${tag}`);
		await Promise.all([
			page.waitForURL(/\/imports\/\d+$/),
			page.getByRole('button', { name: 'Upload' }).click()
		]);
		expect(
			await page.locator('section[aria-labelledby="preview-title"] tbody').textContent()
		).toContain(`Sem Script ${tag}`);
		await context.close();
	});

	it('fits a 390-pixel-wide phone without scrolling sideways', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager, { width: 390 });
		await open(page, '/imports');
		expect(await noHorizontalOverflow(page)).toBe(0);
		const href = await page
			.locator('section[aria-labelledby="recent-imports-title"] a')
			.first()
			.getAttribute('href');
		await open(page, href!);
		expect(await noHorizontalOverflow(page)).toBe(0);
		await context.close();
	});

	it('refuses CSMs, sales and partners', async () => {
		for (const email of [DEMO.csm1, DEMO.sales, DEMO.partner]) {
			const { context, page } = await signIn(browser, baseURL, email);
			expect(
				await page.locator('nav.main-nav').getByRole('link', { name: 'Imports' }).count()
			).toBe(0);
			expect((await page.goto('/imports'))?.status(), email).toBe(403);
			await context.close();
		}
	});
});
