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

const TITLE = 'Packet loss on the AM11 Fabric port';
const DESCRIPTION = 'Two to five percent loss since this morning; their trading app times out.';
const ACTION = 'Add CRC alerting on the AM11 aggregation switch';
/** The demo CSM for English-speaking markets, csm1@keel.demo. */
const CSM_NAME = 'Sanne de Vries';
/** The first demo reseller: partner@keel.demo works for it, partner2@keel.demo for the second. */
const FIRST_RESELLER = 'Lowlands Colocation Partners';

let escalationId: number;
let outsider: string;

/** 'YYYY-MM-DD' `days` after today (UTC): three days out is this week in any zone. */
function daysFromNow(days: number) {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const summary = (page: Page) => page.locator('section[aria-labelledby="summary-title"]');
const clock = (page: Page, label: string) =>
	summary(page).locator('.sla-clock', { has: page.locator(`.sla-label:text-is("${label}")`) });

/** Moves the escalation with the work panel's status form and waits until the page says so. */
async function move(page: Page, to: string, shown: string) {
	const form = page.locator('form[action="?/status"]');
	await form.locator('select[name=status]').selectOption(to);
	await form.locator('button[type=submit]').click();
	await expect.poll(() => summary(page).locator('.item-head').textContent()).toContain(shown);
}

describe('escalations in the browser', () => {
	it('a CSM opens a P2, works it through waiting and P1, and closes it only with a post-mortem', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		const mine = await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
		// Sold through a reseller, so a partner of another reseller has a reason to be refused.
		const accountId = await firstAccountId(page, `${mine}&channel=reseller`);
		await open(page, `/accounts/${accountId}`);
		const header = await page.locator('main').textContent();
		outsider = header?.includes(FIRST_RESELLER) ? DEMO.partner2 : DEMO.partner;

		await open(page, `/accounts/${accountId}/escalations`);
		await page.locator('summary', { hasText: 'Open an escalation' }).click();
		const form = page.locator('form[action="?/open"]');
		// Spaces pass the browser's `required`, not the server: refused at the field, input kept.
		await form.locator('input[name=title]').fill('   ');
		await form.locator('select[name=priority]').selectOption('P2');
		await form.locator('select[name=category]').selectOption('degraded_service');
		await form.locator('input[name=external_ref]').fill('ECP-4711');
		await form.locator('textarea[name=description]').fill(DESCRIPTION);
		await form.locator('button[type=submit]').click();
		const title = form.locator('input[name=title]');
		await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
		expect(await form.locator('#title-error').textContent()).toBe('This field is required.');
		expect(await form.locator('select[name=priority]').inputValue()).toBe('P2');
		expect(await form.locator('select[name=category]').inputValue()).toBe('degraded_service');
		expect(await form.locator('input[name=external_ref]').inputValue()).toBe('ECP-4711');
		expect(await form.locator('textarea[name=description]').inputValue()).toBe(DESCRIPTION);

		await title.fill(TITLE);
		await form.locator('select[name=owner_id]').selectOption({ label: CSM_NAME });
		await Promise.all([
			page.waitForURL(/\/escalations\/\d+$/),
			form.locator('button[type=submit]').click()
		]);
		escalationId = Number(new URL(page.url()).pathname.split('/').pop());
		await page.locator('html[data-hydrated]').waitFor();
		expect(await page.locator('h1').textContent()).toBe(TITLE);
		expect(await summary(page).textContent()).toContain('P2 · high');
		// The first response clock runs on the account's support hours, with its due time.
		const response = await clock(page, 'First response').textContent();
		expect(response).toMatch(/On time|Over 75 % used/);
		expect(response).toMatch(/due \S.*\d/);

		await move(page, 'acknowledged', 'Acknowledged');
		expect(await clock(page, 'First response').textContent()).toContain('Met');

		await move(page, 'waiting_on_customer', 'Waiting on customer');
		expect(await clock(page, 'Resolution').textContent()).toContain('Paused');

		// Raised to P1 while still open: the clocks are computed again, around the clock.
		const priority = page.locator('form[action="?/priority"]');
		await priority.locator('select[name=priority]').selectOption('P1');
		await priority
			.locator('input[name=reason]')
			.fill('Customer confirms the trading floor is down');
		await priority.locator('button[type=submit]').click();
		await expect.poll(() => summary(page).textContent()).toContain('P1 · critical');
		expect(await summary(page).textContent()).toContain('around the clock (24×7)');

		await move(page, 'resolved', 'Resolved');
		// A P1 closes only with a post-mortem: refused at the status field, nothing changes.
		const status = page.locator('form[action="?/status"]');
		await status.locator('select[name=status]').selectOption('closed');
		await status.locator('button[type=submit]').click();
		await expect
			.poll(() => status.locator('#status-status-error').textContent())
			.toBe('Write the post-mortem before closing a P1 or P2.');
		expect(await summary(page).locator('.item-head').textContent()).toContain('Resolved');

		const postmortem = page.locator('form[action="?/postmortem"]');
		await postmortem
			.locator('textarea[name=root_cause]')
			.fill('A faulty optic on the aggregation switch caused CRC errors under load.');
		await postmortem
			.locator('textarea[name=summary]')
			.fill('Optic replaced; CRC errors now alert before customers notice.');
		await postmortem.locator('button[type=submit]').click();
		await page.getByText(`Written by ${CSM_NAME}`).waitFor();

		const action = page.locator('form[action="?/action"]');
		await action.locator('input[name=title]').fill(ACTION);
		await action.locator('select[name=owner_id]').selectOption({ label: CSM_NAME });
		await action.locator('input[name=due_date]').fill(daysFromNow(3));
		await action.locator('button[type=submit]').click();
		const actions = page.locator('section[aria-labelledby="postmortem-title"] ul.checklist');
		await expect.poll(() => actions.textContent()).toContain(ACTION);
		expect(await actions.textContent()).toContain(CSM_NAME);

		// The corrective action is a task of the CSM's, due this week: it is in My work.
		await open(page, '/my-work');
		const task = page.locator('li', { hasText: ACTION });
		expect(await task.count()).toBe(1);
		expect(await task.locator(`a[href="/escalations/${escalationId}"]`).textContent()).toContain(
			TITLE
		);

		await open(page, `/escalations/${escalationId}`);
		await move(page, 'closed', 'Closed');
		const timeline = await page
			.locator('section[aria-labelledby="timeline-title"] ol.timeline')
			.textContent();
		for (const event of [
			'Opened',
			'New → Acknowledged',
			'Acknowledged → Waiting on customer',
			'Priority P2 → P1',
			'Waiting on customer → Resolved',
			'Post-mortem written',
			'Corrective action added',
			'Resolved → Closed'
		]) {
			expect(timeline).toContain(event);
		}
		await context.close();
	});

	it('sales reads the escalation but has no work panel, and posting a move is refused', async () => {
		expect(escalationId).toBeGreaterThan(0);
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		const response = await open(page, `/escalations/${escalationId}`);
		expect(response?.status()).toBe(200);
		expect(await page.locator('h1').textContent()).toBe(TITLE);
		expect(
			await page.locator('section[aria-labelledby="postmortem-title"]').textContent()
		).toContain(ACTION);
		expect(await page.locator('section[aria-labelledby="work-title"]').count()).toBe(0);
		expect(await page.locator('main form').count()).toBe(0);

		for (const [action, fields] of [
			['status', { version: '1', status: 'in_progress', note: '' }],
			['priority', { version: '1', priority: 'P4', reason: 'Sneaked' }],
			['postmortem', { version: '1', root_cause: 'x', summary: 'y' }]
		] as const) {
			const posted = await postForm(page, `/escalations/${escalationId}?/${action}`, fields);
			expect(posted.status, action).toBe(403);
		}
		await open(page, `/escalations/${escalationId}`);
		expect(await summary(page).locator('.item-head').textContent()).toContain('Closed');
		await context.close();
	});

	it('a partner of another reseller does not find the escalation', async () => {
		expect(outsider).toBeDefined();
		const { context, page } = await signIn(browser, baseURL, outsider);
		expect((await page.goto(`/escalations/${escalationId}`))?.status()).toBe(404);
		const posted = await postForm(page, `/escalations/${escalationId}?/comment`, {
			body: 'Hello from another reseller'
		});
		expect(posted.status).toBe(404);
		await context.close();
	});
});

describe('exporting the escalation lists and My work', () => {
	const exportLink = (page: Page) => page.getByRole('link', { name: 'Export CSV' });
	/** The number (digit grouping dropped) the list counts itself with: "1,204 escalations". */
	async function count(page: Page, pattern: RegExp) {
		return firstNumber(await page.locator('main p', { hasText: pattern }).first().textContent());
	}

	it('a manager downloads every escalation the queue’s filters match, in its order', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/escalations?state=all');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-escalations-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 3)).toEqual(['Priority', 'Title', 'Account']);
		expect(header).toContain('First response due (UTC)');
		const total = await count(page, /^[\d.,\u00a0\u202f]+ escalations?$/);
		expect(total).toBeGreaterThan(0);
		expect(rows).toHaveLength(total);
		const first = page.locator('ul.escalations li').first();
		expect(rows[0]![1]).toBe((await first.locator('.item-head a').first().textContent())!.trim());
		expect(await first.textContent()).toContain(rows[0]![2]!);
		await context.close();
	});

	it('a partner’s file holds only their reseller’s escalations, as their queue does', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.partner);
		await open(page, '/escalations?state=all');
		const { rows } = await clickDownload(page, exportLink(page));
		expect(rows).toHaveLength(await count(page, /^[\d.,\u00a0\u202f]+ escalations?$/));
		await context.close();
	});

	it('a CSM downloads the post-mortems the search finds, newest first', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, '/escalations/postmortems');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-postmortems-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header).toContain('Root cause');
		const total = await count(page, /^[\d.,\u00a0\u202f]+ post-mortems?$/);
		expect(total).toBeGreaterThan(0);
		expect(rows).toHaveLength(total);
		const first = page.locator('ul.escalations li').first();
		expect(rows[0]![1]).toBe((await first.locator('.item-head a').first().textContent())!.trim());
		await context.close();
	});

	it('a CSM downloads their My work: every task the page lists, in its order', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, '/my-work');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-my-work-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header).toEqual(['Account', 'Task', 'From', 'Due date', 'Days overdue']);
		const total = await count(page, /tasks? overdue or due by/);
		expect(total).toBeGreaterThan(0);
		expect(rows).toHaveLength(total);
		const group = page.locator('main section.card[aria-labelledby^="account-"]').first();
		expect(rows[0]![0]).toBe((await group.locator('h2').textContent())!.trim());
		expect(rows[0]![1]).toBe((await group.locator('.item-title').first().textContent())!.trim());
		await context.close();
	});

	it('refuses a visitor who is not signed in, as the pages do', async () => {
		const context = await browser.newContext({ baseURL });
		for (const path of ['/escalations', '/escalations/postmortems', '/my-work']) {
			const page = await context.request.get(path, { maxRedirects: 0 });
			const file = await context.request.get(`${path}/export.csv?state=all`, { maxRedirects: 0 });
			expect(page.status(), path).toBe(303);
			expect(file.status(), path).toBe(303);
			expect(file.headers().location).toBe(
				`/login?next=${encodeURIComponent(`${path}/export.csv?state=all`)}`
			);
			expect(await file.text()).not.toContain(',');
		}
		await context.close();
	});
});
