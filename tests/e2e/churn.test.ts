import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, launchBrowser, open, postForm, signIn } from '../support/browser';
import { clickDownload, firstNumber } from '../support/csv';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The account of the first flag on the churn risk list, as its Risks-tab path. */
async function firstFlaggedAccount(page: Page) {
	await open(page, '/risks');
	const href = await page.locator('table a[href$="/risks"]').first().getAttribute('href');
	if (!href) throw new Error('no flagged account on /risks');
	return { path: href, accountId: Number(href.split('/')[2]) };
}

describe('churn risks in the browser', () => {
	it('lets sales acknowledge a flag from their list, and nothing else', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		await open(page, '/risks');
		expect(await page.locator('h1').textContent()).toBe('Churn risks');
		// Sales see their own accounts only: the manager's CSM filter is not offered.
		expect(await page.locator('select[name="csm"]').count()).toBe(0);

		const row = page.locator('tbody tr', {
			has: page.locator('button', { hasText: 'Acknowledge' })
		});
		const account = await row.first().locator('td').first().locator('a').textContent();
		await row.first().locator('button', { hasText: 'Acknowledge' }).click();
		await page.waitForLoadState('networkidle');
		const after = page.locator('tbody tr', { hasText: account!.trim() });
		await expect
			.poll(async () => (await after.allTextContents()).join(' '))
			.toContain('Acknowledged');

		// On the account's Risks tab sales may comment, but not raise, edit, move or log mitigation.
		const { path } = await firstFlaggedAccount(page);
		await open(page, path);
		expect(await page.getByText('Raise a churn risk').count()).toBe(0);
		expect(await page.getByText('Change status').count()).toBe(0);
		expect(await page.getByText('Edit the flag').count()).toBe(0);
		const refused = await postForm(page, `${path}?/raise`, {
			summary: 'Sales trying to raise',
			reason: 'competitor',
			severity: 'high',
			arr_at_risk: '1000'
		});
		expect(refused.status).toBe(403);
		const statusRefused = await postForm(page, `${path}?/status`, {
			id: '1',
			version: '1',
			status: 'resolved',
			status_reason: ''
		});
		expect(statusRefused.status).toBe(403);
		await context.close();
	});

	it('lets a manager raise a flag with an error kept at the form, then log mitigation', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		const { path } = await firstFlaggedAccount(page);
		await open(page, path);
		await page.getByText('Raise a churn risk').click();
		const form = page.locator('form[action="?/raise"]');
		await form.locator('select[name="reason"]').selectOption('competitor');
		// Whitespace passes the browser's `required` but not the server; a negative amount neither.
		await form.locator('input[name="summary"]').fill('   ');
		await form.locator('input[name="arr_at_risk"]').fill('-5');
		await form.locator('input[name="next_step"]').fill('Executive call with their CIO');
		await form.locator('button[type="submit"]').click();
		// Both refused at the form, with what was typed kept.
		await expect
			.poll(async () => await form.locator('[aria-invalid="true"]').count())
			.toBeGreaterThanOrEqual(2);
		expect(await form.locator('input[name="next_step"]').inputValue()).toBe(
			'Executive call with their CIO'
		);

		await form.locator('input[name="summary"]').fill('Evaluating a competitor’s campus');
		await form.locator('input[name="arr_at_risk"]').fill('125000');
		await form.locator('button[type="submit"]').click();
		const card = page.locator('article', { hasText: 'Evaluating a competitor’s campus' });
		await expect.poll(async () => await card.count()).toBe(1);
		expect(await card.textContent()).toContain('Competitor');

		await card.getByText('Log mitigation or comment').click();
		await card.locator('textarea[name="body"]').fill('Offered a two-year price lock');
		await card.locator('form[action="?/mitigation"] button[type="submit"]').first().click();
		await card.getByText(/^Log \(\d+\)$/).click();
		await expect
			.poll(async () => await card.textContent())
			.toContain('Offered a two-year price lock');
		await context.close();
	});

	it('keeps churn risk from a reseller’s partner CSM', async () => {
		const manager = await signIn(browser, baseURL, DEMO.manager);
		const { path } = await firstFlaggedAccount(manager.page);
		await manager.context.close();
		const partner = await signIn(browser, baseURL, DEMO.partner);
		const status = (await partner.page.goto(path))?.status();
		expect([403, 404]).toContain(status);
		expect((await partner.page.goto('/risks'))?.status()).toBe(403);
		await partner.context.close();
	});

	it('lists new critical flags for a manager and marks them read', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/notifications');
		expect(await page.locator('h1').textContent()).toBe('Notifications');
		// The demo's rules raise critical flags (renewal within 90 days while red) as it is seeded,
		// and every manager is notified of the last few days' ones.
		expect(
			await page.locator('li.unread', { hasText: 'Critical churn flag' }).count()
		).toBeGreaterThan(0);
		expect(await page.locator('li.unread').count()).toBeGreaterThan(0);
		expect(await page.locator('nav .nav-count').count()).toBe(1);
		await page.getByRole('button', { name: 'Mark all as read' }).click();
		await expect.poll(async () => await page.locator('li.unread').count()).toBe(0);
		await open(page, '/notifications');
		expect(await page.locator('nav .nav-count').count()).toBe(0);
		await context.close();
	});
});

describe('exporting the churn risk list', () => {
	const exportLink = (page: Page) => page.getByRole('link', { name: 'Export CSV' });
	/** The flags the list's filters match: the first number of its summary. */
	const total = async (page: Page) =>
		firstNumber(await page.locator('#risk-list-title').textContent());
	const firstAccount = async (page: Page) =>
		(await page.locator('tbody tr td a').first().textContent())!.trim();

	it('downloads every flag the filters match, in the list’s order', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/risks?sort=renewal');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-churn-risks-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 5)).toEqual(['Account', 'Severity', 'Reason', 'Rule', 'Status']);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows).toHaveLength(await total(page));
		expect(rows[0]![0]).toBe(await firstAccount(page));
		// Active flags only, as the list's default state shows.
		expect(rows.every((r) => r[4] === 'Open' || r[4] === 'Mitigating')).toBe(true);
		await context.close();
	});

	it('gives sales only the flags on their own accounts', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		await open(page, '/risks?state=closed');
		const closed = await total(page);
		const { rows } = await clickDownload(page, exportLink(page));
		expect(rows).toHaveLength(closed);
		await open(page, '/risks');
		const active = await clickDownload(page, exportLink(page));
		expect(active.rows).toHaveLength(await total(page));
		expect(active.rows[0]![0]).toBe(await firstAccount(page));
		await context.close();
	});

	it('refuses the file to those the list refuses', async () => {
		for (const who of [DEMO.partner, DEMO.csm1]) {
			const { context, page } = await signIn(browser, baseURL, who);
			expect((await page.goto('/risks'))?.status()).toBe(403);
			const file = await page.request.get('/risks/export.csv', { maxRedirects: 0 });
			expect(file.status()).toBe(403);
			await context.close();
		}
		// Signed out: off to sign in, as for the page.
		const context = await browser.newContext({ baseURL });
		const file = await context.request.get('/risks/export.csv', { maxRedirects: 0 });
		expect(file.status()).toBe(303);
		expect(file.headers()['location']).toMatch(/^\/login\?next=/);
		await context.close();
	});
});
