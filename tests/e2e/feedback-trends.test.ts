import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, launchBrowser, open, signIn } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('feedback trends in the browser', () => {
	it('draws NPS, CSAT and theme charts for a manager, each with its table and CSV', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/feedback');
		await expect(page.locator('h1').textContent()).resolves.toBe('Feedback trends');
		for (const id of ['nps-trend', 'csat-trend', 'theme-trend']) {
			const section = page.locator(`section[aria-labelledby="${id}"]`);
			// Chart.js has drawn on the canvas: it has a size and pixels that are not blank.
			const drawn = await section.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
				const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
				return canvas.width > 0 && pixels.data.some((value) => value !== 0);
			});
			expect(drawn, id).toBe(true);
			// The same numbers as a table, one row per month (or theme).
			await section.getByText('Show the numbers as a table').click();
			expect(await section.locator('tbody tr').count(), id).toBeGreaterThan(0);
		}
		const npsRows = page.locator('section[aria-labelledby="nps-trend"] tbody tr');
		expect(await npsRows.count()).toBe(12);

		// Each chart's CSV carries the page's filters.
		const csv = await page.evaluate(async () => {
			const response = await fetch('/feedback/trends.csv?chart=nps&months=6');
			return {
				type: response.headers.get('content-type'),
				lines: (await response.text()).trim().split('\r\n')
			};
		});
		expect(csv.type).toContain('text/csv');
		expect(csv.lines[0]).toBe('Month,Promoters (9–10),Passives (7–8),Detractors (0–6),NPS');
		expect(csv.lines).toHaveLength(7);
		await context.close();
	});

	it('compares customer groups from filters kept in the URL', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/feedback');
		await page.locator('select[name="months"]').selectOption('24');
		await page.locator('select[name="compare"]').selectOption('segment');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL(/compare=segment/);
		expect(page.url()).toContain('months=24');
		const groups = page.locator('section[aria-labelledby="group-trend"]');
		await expect(groups.locator('h2').textContent()).resolves.toBe('NPS and CSAT by segment');
		await groups.getByText('Show the numbers as a table').click();
		const names = await groups.locator('tbody th').allTextContents();
		expect(names.sort()).toEqual(['Enterprise', 'Mid-market', 'Small business']);
		await context.close();
	});

	it('fits a phone, and is not for sales or partners', async () => {
		const phone = await signIn(browser, baseURL, DEMO.csm1, { width: 360 });
		await open(phone.page, '/feedback');
		const overflow = await phone.page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await phone.context.close();

		for (const email of [DEMO.sales, DEMO.partner]) {
			const { context, page } = await signIn(browser, baseURL, email);
			expect((await page.goto('/feedback'))?.status(), email).toBe(403);
			const csv = await page.evaluate(
				async () => (await fetch('/feedback/trends.csv?chart=nps')).status
			);
			expect(csv, email).toBe(403);
			await context.close();
		}
	});
});
