import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, launchBrowser, open, postForm, signIn } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const tag = Date.now().toString(36);

/** The unread count beside "Notifications" in the navigation, 0 when none is shown. */
async function navUnread(page: Page) {
	const badge = page.locator('nav a[href="/notifications"] .nav-count [aria-hidden=true]');
	if ((await badge.count()) === 0) return 0;
	return Number(await badge.textContent());
}

/** csm1's own id, from their "My accounts" link, and their accounts. */
async function csmAccounts(page: Page) {
	const href = await page.locator('nav a[href^="/accounts?csm="]').getAttribute('href');
	const csmId = Number(new URL(href!, baseURL).searchParams.get('csm'));
	await open(page, href!);
	const links = await page
		.locator('table a[href^="/accounts/"]')
		.evaluateAll((as) =>
			as.map((a) => a.getAttribute('href')!).filter((h) => /^\/accounts\/\d+$/.test(h))
		);
	return { csmId, accountIds: links.map((h) => Number(h.split('/')[2])) };
}

/** The first of the accounts whose success plan has an objective to hang a task on. */
async function objectiveOn(page: Page, accountIds: number[]) {
	for (const accountId of accountIds) {
		await open(page, `/accounts/${accountId}/plan`);
		const input = page.locator('input[name=objective_id]').first();
		if ((await input.count()) > 0) return { accountId, objectiveId: await input.inputValue() };
	}
	throw new Error('no objective on csm1’s accounts');
}

describe('notifications in the browser', () => {
	it('shows csm1 a task the manager assigns: counted in the nav, marked read, then gone', async () => {
		const csm = await signIn(browser, baseURL, DEMO.csm1);
		// Start from nothing unread: the demo leaves csm1 some notifications.
		await open(csm.page, '/notifications');
		expect(await csm.page.locator('h1').textContent()).toBe('Notifications');
		const markAll = csm.page.getByRole('button', { name: 'Mark all as read' });
		if ((await markAll.count()) > 0) {
			await markAll.click();
			await expect.poll(() => csm.page.locator('li.unread').count()).toBe(0);
		}
		await open(csm.page, '/my-work');
		expect(await navUnread(csm.page)).toBe(0);
		const { csmId, accountIds } = await csmAccounts(csm.page);

		const manager = await signIn(browser, baseURL, DEMO.manager);
		const { accountId, objectiveId } = await objectiveOn(manager.page, accountIds);
		const title = `Send the e2e capacity plan ${tag}`;
		const posted = await postForm(manager.page, `/accounts/${accountId}/plan?/addTask`, {
			objective_id: objectiveId,
			title,
			owner_user_id: String(csmId),
			due_date: '2027-01-15'
		});
		expect(posted.status).toBe(200);
		await manager.context.close();

		await open(csm.page, '/my-work');
		expect(await navUnread(csm.page)).toBe(1);
		await csm.page.locator('nav a[href="/notifications"]').click();
		await csm.page.waitForURL(/\/notifications$/);
		const item = csm.page.locator('li.unread', { hasText: title });
		expect(await item.count()).toBe(1);
		expect(await item.textContent()).toContain(`Task assigned to you: ${title}`);
		expect(await item.locator('a').first().getAttribute('href')).toBe(
			`/accounts/${accountId}/plan`
		);
		await item.getByRole('button', { name: 'Mark read' }).click();
		await expect.poll(() => csm.page.locator('li.unread').count()).toBe(0);
		await expect.poll(() => navUnread(csm.page)).toBe(0);
		await open(csm.page, '/notifications');
		expect(await navUnread(csm.page)).toBe(0);
		expect(await csm.page.locator('li', { hasText: title }).count()).toBe(1);
		await csm.context.close();
	});

	it('refuses to mark another user’s notification read', async () => {
		const sales = await signIn(browser, baseURL, DEMO.sales);
		await open(sales.page, '/notifications');
		const id = await sales.page.locator('input[name=id]').first().inputValue();
		await sales.context.close();
		const partner = await signIn(browser, baseURL, DEMO.partner);
		const refused = await postForm(partner.page, '/notifications?/read', { id });
		expect(refused.status).toBe(404);
		await partner.context.close();
	});
});

describe('the private calendar feed', () => {
	it('serves the feed without a session, and a new address kills the old one', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, '/settings');
		await page.getByRole('link', { name: 'Calendar feed' }).click();
		await page.waitForURL(/\/settings\/calendar$/);
		await page.locator('html[data-hydrated]').waitFor();
		const create = page.getByRole('button', { name: /Create the feed address|Make a new address/ });
		await create.click();
		const field = page.getByTestId('feed-url');
		await field.waitFor();
		const first = await field.inputValue();
		expect(first).toMatch(new RegExp(`^${baseURL}/calendar/[a-z2-7]{32}\\.ics$`));

		// A calendar app has no cookie: plain fetch from the test, not the signed-in page.
		const feed = await fetch(first);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const text = await feed.text();
		expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(text).toContain('BEGIN:VEVENT');

		await page.getByRole('button', { name: 'Make a new address' }).click();
		await expect.poll(() => field.inputValue()).not.toBe(first);
		const second = await field.inputValue();
		expect((await fetch(first)).status).toBe(404);
		expect((await fetch(second)).status).toBe(200);
		expect((await fetch(`${baseURL}/calendar/not-a-real-token.ics`)).status).toBe(404);

		await page.getByRole('button', { name: 'Turn the feed off' }).click();
		await page.getByText('The feed is off; its address no longer works.').waitFor();
		expect((await fetch(second)).status).toBe(404);
		await context.close();
	});
});
