import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, firstAccountId, launchBrowser, open, signIn } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('account health in the browser', () => {
	it('shows a manager the score, its coverage and every component with the facts behind it', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		const accountId = await firstAccountId(page, '/accounts?stage=adoption&segment=enterprise');
		await open(page, `/accounts/${accountId}/health`);
		const summary = await page.locator('section[aria-labelledby="health-title"]').textContent();
		expect(summary).toMatch(/\d+\/100/);
		expect(summary).toMatch(/Data backs \d+% of the model’s weight/);
		const rows = page.locator('section[aria-labelledby="components-title"] tbody tr');
		expect(await rows.count()).toBe(5);
		// Sections Keel does not have yet are shown as missing, never scored.
		const support = await rows.filter({ hasText: 'support and escalations' }).textContent();
		expect(support).toContain('No data');
		expect(support).toContain('Keel does not record escalations yet');
		const adoption = await rows.filter({ hasText: 'adoption' }).first().textContent();
		expect(adoption).toMatch(/mean utilisation in \w+ \d{4}/);
		await context.close();
	});

	it('lets sales read health, and hides other resellers’ accounts from a partner', async () => {
		const sales = await signIn(browser, baseURL, DEMO.sales);
		const accountId = await firstAccountId(sales.page, '/accounts?channel=direct');
		expect((await sales.page.goto(`/accounts/${accountId}/health`))?.status()).toBe(200);
		await sales.context.close();

		const partner = await signIn(browser, baseURL, DEMO.partner);
		expect((await partner.page.goto(`/accounts/${accountId}/health`))?.status()).toBe(404);
		await partner.context.close();
	});
});
