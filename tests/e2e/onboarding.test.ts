import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, firstAccountId, launchBrowser, open, postForm, signIn } from '../support/browser';
import { clickDownload, firstNumber } from '../support/csv';

const baseURL = inject('baseURL');
let browser: Browser;
let accountId: number;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Clicks the first of `buttons` and waits until the page shows one fewer of them. */
async function clickFirst(page: Page, buttons: Locator) {
	const before = await buttons.count();
	await buttons.first().click();
	await expect.poll(() => buttons.count(), { timeout: 10_000 }).toBeLessThan(before);
	await page.locator('html[data-hydrated]').waitFor();
}

describe('onboarding in the browser', () => {
	it('a CSM starts an onboarding, works the checklist and hands off', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		const mine = await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
		accountId = await firstAccountId(page, `${mine}&stage=expansion`);
		await open(page, `/accounts/${accountId}/onboarding`);

		const startForm = page.locator('form[action="?/start"]');
		await startForm.locator('input[name=skip_pre_onboarding]').check();
		await startForm
			.locator('input[name=skip_reason]')
			.fill('Existing customer adding a cage; scope is known');
		await startForm.locator('button[type=submit]').click();
		await page.locator('#onboarding-title').waitFor();
		expect(await page.locator('#phase-1-title').locator('..').textContent()).toContain('Skipped');

		// Work every open item, then tick every unmet exit criterion; the phases close themselves.
		const done = page.locator('form[action="?/done"] button');
		while ((await done.count()) > 0) await clickFirst(page, done);
		const unmet = page.locator(
			'form[action="?/criterion"]:has(input[name=checked][value=true]) button'
		);
		while ((await unmet.count()) > 0) await clickFirst(page, unmet);

		const handoff = page.locator('form[action="?/handoff"]');
		await handoff.locator('textarea[name=note]').fill('Live in AM11; first CBR booked for March.');
		await handoff.locator('button[type=submit]').click();
		await page.getByText('Completed', { exact: true }).first().waitFor();
		expect(
			await page.locator('section[aria-labelledby="onboarding-title"]').textContent()
		).toContain('Live in AM11; first CBR booked for March.');

		await open(page, `/accounts/${accountId}`);
		expect(
			await page.locator('section[aria-labelledby="account-title"] .badge').first().textContent()
		).toBe('Adoption');
		const activity = await page.locator('#activity-title + ol').textContent();
		expect(activity).toContain('started the onboarding');
		await context.close();
	});

	it('sales read the onboarding but cannot change it', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		await open(page, `/accounts/${accountId}/onboarding`);
		await page.locator('#onboarding-title').waitFor();
		expect(await page.locator('main form').count()).toBe(0);
		const task = await postForm(page, `/accounts/${accountId}/onboarding?/done`, {
			id: '1',
			version: '1'
		});
		expect(task.status).toBe(403);
		const start = await postForm(page, `/accounts/${accountId}/onboarding?/start`, {
			template_version_id: '1'
		});
		expect(start.status).toBe(403);
		await context.close();
	});

	it('My work lists a CSM’s due tasks by account and completes one in place', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm2);
		expect(new URL(page.url()).pathname).toBe('/my-work');
		const buttons = page.locator('main form[action="?/complete"] button');
		const count = await buttons.count();
		expect(count).toBeGreaterThan(0);
		const badge = page.locator('nav a[href="/my-work"] .nav-count [aria-hidden=true]');
		expect(Number(await badge.textContent())).toBe(count);
		await clickFirst(page, buttons);
		expect(Number(await badge.textContent())).toBe(count - 1);
		await context.close();
	});

	it('an admin edits a template in Portuguese, saving a new version', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.admin);
		await open(page, '/admin/templates');
		const href = await page
			.locator('table a[href^="/admin/templates/"]')
			.first()
			.getAttribute('href');
		await open(page, `${href}?lang=pt-BR`);
		const title = page.locator('input[name=item_title]').first();
		await title.fill('Enviar o e-mail de boas-vindas e apresentar a equipe da conta');
		await Promise.all([page.waitForURL(/saved=\d+/), page.click('main form button[type=submit]')]);
		expect(await page.getByRole('status').textContent()).toMatch(/versão 2|version 2/);
		expect(await page.locator('input[name=item_title]').first().inputValue()).toBe(
			'Enviar o e-mail de boas-vindas e apresentar a equipe da conta'
		);
		await context.close();

		const manager = await signIn(browser, baseURL, DEMO.manager);
		expect((await manager.page.goto(String(href)))?.status()).toBe(403);
		await manager.context.close();
	});
});

describe('exporting the onboarding board', () => {
	const exportLink = (page: Page) => page.getByRole('link', { name: 'Export CSV' });
	const total = async (page: Page) =>
		firstNumber(await page.locator('.page-head p.muted').textContent());

	it('downloads every onboarding the board’s filters find, phase by phase, most urgent first', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/onboarding?region=emea');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-onboarding-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 4)).toEqual(['Current phase', 'Name', 'Segment', 'Region']);
		expect(rows).toHaveLength(await total(page));
		expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['EMEA']));
		// The first card of the first column with any is the file's first row.
		const column = page.locator('section.board-column', { has: page.locator('.board-card') });
		const firstCard = column.first().locator('.board-card h3 a').first();
		expect(rows[0]![1]).toBe((await firstCard.textContent())!.trim());
		expect(await column.first().locator('h2').textContent()).toContain(rows[0]![0]);
		await context.close();
	});

	it('gives a partner only their customers, and a signed-out request the sign-in page', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.partner);
		await open(page, '/onboarding');
		const { rows } = await clickDownload(page, exportLink(page));
		expect(rows).toHaveLength(await total(page));
		await context.close();

		const anonymous = await browser.newContext({ baseURL });
		for (const path of ['/onboarding', '/onboarding/export.csv']) {
			const response = await anonymous.request.get(path, { maxRedirects: 0 });
			expect(response.status(), path).toBe(303);
			expect(response.headers()['location'], path).toMatch(/^\/login\?next=/);
		}
		await anonymous.close();
	});
});
