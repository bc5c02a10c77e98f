import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, firstAccountId, launchBrowser, open, postForm, signIn } from '../support/browser';
import { clickDownload, firstNumber } from '../support/csv';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const COMMENT = 'Remote hands took two days to swap a failed PSU in cage 4.';
const PRAISE = 'The new portal makes cross-connect orders painless.';

let accountId: number;
let contactName: string;

const responses = (page: Page) => page.locator('section[aria-labelledby="responses-title"]');
const captureForm = (page: Page) => page.locator('form[action="?/capture"]');

/** 'YYYY-MM-DD' a few days ago: in the past in every account's zone. */
const daysAgo = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('feedback in the browser', () => {
	it('a CSM captures an NPS 4 with a theme and a free tag, and follows up from My work', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		const mine = await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
		accountId = await firstAccountId(page, mine!);
		await open(page, `/accounts/${accountId}/feedback`);
		expect(await page.locator('nav.tabs a[aria-current="page"]').textContent()).toContain(
			'Feedback'
		);

		await page.locator('summary', { hasText: 'Record a response' }).click();
		const form = captureForm(page);
		await form.locator('select[name=kind]').selectOption('nps');
		// Out of range: refused at the score field, everything typed kept.
		await form.locator('input[name=score]').fill('11');
		await form.locator('input[name=received_on]').fill(daysAgo(3));
		await form.locator('select[name=source]').selectOption('call');
		const contact = form.locator('select[name=contact_id]');
		const firstContact = contact.locator('option').nth(1);
		contactName = (await firstContact.textContent())!.trim();
		await contact.selectOption({ index: 1 });
		await form.locator('textarea[name=comment]').fill(COMMENT);
		await form.getByLabel('Response time').check();
		await form.locator('input[name=tags]').fill('Remote hands');
		await form.locator('button[type=submit]').click();
		const score = form.locator('input[name=score]');
		await expect.poll(() => score.getAttribute('aria-invalid')).toBe('true');
		expect(await form.locator('#new-score-error').textContent()).toBe(
			'Enter an NPS score, a whole number from 0 to 10.'
		);
		expect(await form.locator('textarea[name=comment]').inputValue()).toBe(COMMENT);
		expect(await form.locator('input[name=tags]').inputValue()).toBe('Remote hands');
		expect(await form.getByLabel('Response time').isChecked()).toBe(true);
		expect(await form.locator('select[name=source]').inputValue()).toBe('call');

		await score.fill('4');
		await form.locator('button[type=submit]').click();
		const saved = page.locator('section[aria-labelledby="capture-title"] .alert.ok');
		await expect.poll(() => saved.textContent()).toContain('Feedback recorded.');
		expect(await saved.textContent()).toContain('A follow-up task for Sanne de Vries');

		const item = responses(page).locator('li', { hasText: COMMENT });
		expect(await item.locator('.badge').first().textContent()).toMatch(/NPS 4\s*·\s*detractor/);
		expect(await item.locator('ul.themes').textContent()).toContain('Response time');
		expect(await item.locator('ul.themes').textContent()).toContain('remote-hands');
		expect(await item.textContent()).toContain('Follow-up: Sanne de Vries');

		// Routed from the row form.
		await item.locator('summary', { hasText: 'Route or change status' }).click();
		await item.locator('select[name=routed_team]').selectOption('service_desk');
		await item.locator('select[name=status]').selectOption('routed');
		await item.locator('button[type=submit]').click();
		await expect
			.poll(() => responses(page).locator('li', { hasText: COMMENT }).textContent())
			.toContain('Routed to Service desk');

		// The follow-up is the CSM's task this week: in My work, and done from there.
		await open(page, '/my-work');
		const title = `Follow up on NPS 4 from ${contactName}`;
		const task = page.locator('li', { hasText: title });
		expect(await task.count()).toBe(1);
		await task.locator('button[type=submit]').click();
		await expect.poll(() => page.locator('li', { hasText: title }).count()).toBe(0);
		await open(page, `/accounts/${accountId}/feedback`);
		expect(await responses(page).locator('li', { hasText: COMMENT }).textContent()).toContain(
			'Follow-up done'
		);
		await context.close();
	});

	it('sales reads the tab but has no form, and a direct POST is refused', async () => {
		expect(accountId).toBeGreaterThan(0);
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		const response = await open(page, `/accounts/${accountId}/feedback`);
		expect(response?.status()).toBe(200);
		expect(await responses(page).textContent()).toContain(COMMENT);
		expect(await page.locator('main form[method="POST"]').count()).toBe(0);
		const posted = await postForm(page, `/accounts/${accountId}/feedback?/capture`, {
			kind: 'nps',
			score: '10',
			source: 'survey',
			received_on: daysAgo(1),
			status: 'new',
			comment: 'Sneaked in'
		});
		expect(posted.status).toBe(403);
		await open(page, `/accounts/${accountId}/feedback`);
		expect(await responses(page).textContent()).not.toContain('Sneaked in');
		await context.close();
	});

	it('captures without JavaScript, and fits a phone without scrolling sideways', async () => {
		expect(accountId).toBeGreaterThan(0);
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1, {
			javaScriptEnabled: false,
			width: 360
		});
		await page.goto(`/accounts/${accountId}/feedback`);
		await page.locator('summary', { hasText: 'Record a response' }).click();
		const form = captureForm(page);
		await form.locator('select[name=kind]').selectOption('csat');
		await form.locator('input[name=score]').fill('5');
		await form.locator('textarea[name=comment]').fill(PRAISE);
		await form.getByLabel('Usability').check();
		await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
		await page.locator('section[aria-labelledby="capture-title"] .alert.ok').waitFor();
		const item = responses(page).locator('li', { hasText: PRAISE });
		expect(await item.locator('.badge').first().textContent()).toContain('CSAT 5');

		await page.goto(`/accounts/${accountId}/feedback`);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		// The NPS by quarter reads as a table too.
		expect(
			await page.locator('section[aria-labelledby="feedback-summary-title"]').textContent()
		).toContain('NPS by quarter');
		await context.close();
	});
});

describe('exporting an account’s feedback', () => {
	const exportLink = (page: Page) => responses(page).getByRole('link', { name: 'Export CSV' });
	const total = async (page: Page) =>
		firstNumber(await responses(page).locator('p[role="status"]').textContent());

	it('downloads every response the tab’s filters match, newest first', async () => {
		expect(accountId).toBeGreaterThan(0);
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, `/accounts/${accountId}/feedback?kind=nps`);
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-feedback-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 3)).toEqual(['Received on', 'Kind', 'Score']);
		expect(rows).toHaveLength(await total(page));
		expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['NPS']));
		const received = rows.map((r) => r[0]!);
		expect(received).toEqual([...received].sort().reverse());
		// The first row is the tab's first response.
		const first = responses(page).locator('ol.feedback-list > li').first();
		expect(rows[0]![0]).toBe(await first.locator('time').getAttribute('datetime'));
		const comment = first.locator('p.comment');
		if ((await comment.count()) > 0) expect(rows[0]![6]).toBe(await comment.textContent());
		await context.close();
	});

	it('answers a partner who may not read the account as the tab does', async () => {
		const statuses = [];
		for (const email of [DEMO.partner, DEMO.partner2]) {
			const { context, page } = await signIn(browser, baseURL, email);
			const tab = (await page.goto(`/accounts/${accountId}/feedback`))!.status();
			const file = await page.request.get(`/accounts/${accountId}/feedback/export.csv`);
			expect(file.status(), email).toBe(tab);
			statuses.push(tab);
			await context.close();
		}
		// The account is sold through one reseller at most: one partner at least is refused.
		expect(statuses).toContain(404);
	});
});
