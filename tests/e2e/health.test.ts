import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, firstAccountId, launchBrowser, open, signIn } from '../support/browser';
import { clickDownload, firstNumber } from '../support/csv';

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
		// Sentiment reads the NPS and CSAT of 180 days: their facts, or why there are none.
		const sentiment = await rows.filter({ hasText: 'Sentiment' }).textContent();
		expect(sentiment).toMatch(
			/NPS -?\d+ from \d+ responses? in 180 days|CSAT [\d.]+ from \d+ responses? in 180 days|no NPS or CSAT response in the last 180 days/
		);
		// Support reads the account's escalations: their facts, or why there are none to read.
		const support = await rows.filter({ hasText: 'support and escalations' }).textContent();
		expect(support).toMatch(/escalation/i);
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

	it('gives a manager the portfolio review, one click from each account’s breakdown', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/health');
		const bands = await page.locator('section[aria-labelledby="bands-title"] table').textContent();
		expect(bands).toMatch(/Red.*Yellow.*Green/s);
		expect(await page.locator('section[aria-labelledby="groups-title"] table').count()).toBe(3);
		// Filters live in the URL: narrowing to red keeps only red rows.
		await page.locator('select[name="band"]').selectOption('red');
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await page.waitForURL(/band=red/);
		const badges = await page
			.locator('section[aria-labelledby="accounts-title"] tbody tr td:nth-child(2)')
			.allTextContents();
		expect(badges.length).toBeGreaterThan(0);
		expect(badges.every((b) => b.includes('Red'))).toBe(true);

		await page.locator('section[aria-labelledby="accounts-title"] tbody a').first().click();
		await page.waitForURL(/\/accounts\/\d+\/health$/);
		expect(await page.locator('section[aria-labelledby="components-title"] tbody tr').count()).toBe(
			5
		);
		await page.getByText('The trend as a table (weekly)').click();
		expect(
			await page.locator('section[aria-labelledby="trend-title"] tbody tr').count()
		).toBeGreaterThan(1);
		await context.close();
	});

	it('lets a CSM set their own assessment beside the data’s, with errors kept at the form', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, '/my-work');
		const mine = await page.locator('nav a', { hasText: 'My accounts' }).getAttribute('href');
		const accountId = await firstAccountId(page, mine!);
		await open(page, `/accounts/${accountId}/health`);
		const judgement = page.locator('section[aria-labelledby="judgement-title"]');
		await judgement.getByText('Give your own assessment').click();
		await judgement.locator('select[name="band"]').selectOption('red');
		await judgement.locator('input[name="expires_on"]').fill('2099-12-31');
		// Blank reason (spaces pass the browser's `required`): refused at the form, the band kept.
		await judgement.locator('textarea[name="reason"]').fill('   ');
		await judgement.locator('form[action="?/judge"] button[type="submit"]').click();
		await expect
			.poll(
				async () => await judgement.locator('textarea[name="reason"][aria-invalid="true"]').count()
			)
			.toBe(1);
		expect(await judgement.locator('select[name="band"]').inputValue()).toBe('red');

		await judgement.locator('textarea[name="reason"]').fill('Their sponsor resigned last week');
		await judgement.locator('form[action="?/judge"] button[type="submit"]').click();
		await expect
			.poll(async () => await judgement.textContent())
			.toContain('Their sponsor resigned last week');
		const sides = await judgement.locator('dl').textContent();
		expect(sides).toContain('The CSM says');
		expect(sides).toContain('Red');
		await context.close();
	});
});

describe('exporting the portfolio health review', () => {
	/** The export link of `table` (the accounts' when none). */
	const exportLink = (page: Page, table?: string) =>
		page.getByRole('link', {
			name: table ? new RegExp(`^Export CSV\\W+${table}$`) : 'Export CSV',
			exact: true
		});
	const accounts = (page: Page) => page.locator('section[aria-labelledby="accounts-title"]');

	it('downloads every account the filters match, in the review’s order', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/health?segment=enterprise&sort=change&page=2');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-health-review-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 5)).toEqual(['Account', 'Segment', 'Region', 'Score', 'Band']);
		const total = firstNumber(await accounts(page).locator('p.muted').textContent());
		expect(total).toBeGreaterThan(25);
		expect(rows).toHaveLength(total);
		expect(rows.every((r) => r[1] === 'Enterprise')).toBe(true);
		// Page 2's first row is the export's 26th: the whole list, not the page shown.
		const firstOnPage = await accounts(page).locator('tbody tr td a').first().textContent();
		expect(rows[25]![0]).toBe(firstOnPage!.trim());
		await context.close();
	});

	it('downloads the band and group tables as the page shows them', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/health?segment=enterprise');
		const bands = await clickDownload(
			page,
			exportLink(page, 'Accounts and ARR in each health band')
		);
		expect(bands.name).toMatch(/^keel-health-bands-\d{4}-\d{2}-\d{2}\.csv$/);
		const bandRows = page.locator('section[aria-labelledby="bands-title"] tbody tr');
		expect(bands.rows).toHaveLength(await bandRows.count());
		const whole = expect.stringMatching(/^\d+$/);
		const share = expect.stringMatching(/^[\d.]+$/);
		expect(bands.rows[0]).toEqual(['Red', whole, share, whole, share]);

		const byCsm = await clickDownload(page, exportLink(page, 'By CSM'));
		const csmTable = page.locator('table', { has: page.locator('caption', { hasText: 'By CSM' }) });
		const csmRows = csmTable.locator('tbody tr');
		expect(byCsm.rows).toHaveLength(await csmRows.count());
		const firstCsm = (await csmRows.first().locator('td').first().textContent())!.trim();
		expect(byCsm.rows[0]![0]).toBe(firstCsm);

		const bySegment = await clickDownload(page, exportLink(page, 'By segment'));
		expect(bySegment.rows).toHaveLength(1);
		expect(bySegment.rows[0]!.slice(0, 2)).toEqual(['Enterprise', whole]);
		await context.close();
	});

	it('refuses the files to everyone but managers, as the page does', async () => {
		for (const who of [DEMO.csm1, DEMO.sales, DEMO.partner]) {
			const { context, page } = await signIn(browser, baseURL, who);
			expect((await page.goto('/health'))?.status()).toBe(403);
			for (const path of ['/health/export.csv', '/health/export.csv?table=bands']) {
				const file = await page.request.get(path, { maxRedirects: 0 });
				expect(file.status()).toBe(403);
			}
			await context.close();
		}
	});
});
