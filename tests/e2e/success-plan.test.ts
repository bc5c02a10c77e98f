import type { Browser, Page } from 'playwright-core';
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

/**
 * A month no account can see as in the future: the month it is at UTC−12, the last place on
 * Earth to turn the page. 'YYYY-MM'.
 */
function safeMonth(now = new Date()) {
	return new Date(now.getTime() - 12 * 3600_000).toISOString().slice(0, 7);
}

const OBJECTIVE = 'Move branch traffic onto Fabric';

describe('success plan and adoption in the browser', () => {
	it('a CSM records usage, then binds a new objective to that metric and plans a task', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		const mine = await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
		accountId = await firstAccountId(page, `${mine}&stage=adoption&channel=direct`);
		const month = safeMonth();

		// Opening the month by URL fills the form with its reading when one exists (with its
		// version), so the same steps record a new month or correct an existing one.
		await open(page, `/accounts/${accountId}/adoption?metric=fabric_ports&month=${month}`);
		const record = page.locator('form[action="?/record"]');
		await record.locator('select[name=metric]').selectOption('fabric_ports');
		await record.locator('input[name=month]').fill(month);
		await record.locator('input[name=entitled]').fill('20');
		await record.locator('input[name=used]').fill('9');
		await record.locator('button[type=submit]').click();
		await page.getByText('Usage saved.').waitFor();
		const card = page.locator('article:has(#metric-fabric_ports)');
		await expect.poll(() => card.textContent()).toContain('9 of 20 ports');
		expect(await card.textContent()).toContain('Under-used');

		await open(page, `/accounts/${accountId}/plan`);
		const create = page.locator('form[action="?/createObjective"]');
		// Bad input first: a metric criterion without its metric is refused at the form, and
		// what was typed stays.
		await create.locator('input[name=title]').fill(OBJECTIVE);
		await create.locator('input[name=target_value]').fill('18');
		await create.locator('button[type=submit]').click();
		await page.getByText('Choose the usage metric that measures this objective.').waitFor();
		expect(await create.locator('input[name=title]').inputValue()).toBe(OBJECTIVE);

		await create.locator('select[name=metric]').selectOption('fabric_ports');
		await create
			.locator('textarea[name=why]')
			.fill('Branches still backhaul over MPLS; Fabric cuts latency and cost.');
		await create.locator('select[name=status]').selectOption('on_track');
		await create.locator('button[type=submit]').click();
		const objective = page.locator(`article.objective:has(h2:text-is("${OBJECTIVE}"))`);
		await objective.waitFor();
		const text = await objective.textContent();
		expect(text).toContain('Fabric ports reaches 18 ports');
		expect(text).toContain('50%');
		expect(text).toMatch(/9 of 18 ports in \w+ \d{4}/);
		expect(await objective.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('50');

		await objective.locator('summary', { hasText: 'Add task' }).click();
		const addTask = objective.locator('form[action="?/addTask"]');
		await addTask.locator('input[name=title]').fill('Order two more Fabric ports in AM11');
		await addTask.locator('button[type=submit]').click();
		await objective
			.locator('.item-title', { hasText: 'Order two more Fabric ports in AM11' })
			.waitFor();
		const task = objective.locator('li', { hasText: 'Order two more Fabric ports in AM11' });
		await task.locator('form[action="?/taskDone"] button').click();
		await objective.locator('li.item-done', { hasText: 'Order two more Fabric ports' }).waitFor();
		// Task progress does not replace the metric's: the objective still reads 50 %.
		expect(await objective.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('50');

		// The plan review prints without the app around it.
		await open(page, `/accounts/${accountId}/plan/print`);
		expect(await page.locator('nav.main-nav').count()).toBe(0);
		expect(await page.locator('main.plan-doc').textContent()).toContain(OBJECTIVE);
		await context.close();
	});

	it('sales reads the plan and the adoption tab but may not change either', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		await open(page, `/accounts/${accountId}/plan`);
		const objective = page.locator(`article.objective:has(h2:text-is("${OBJECTIVE}"))`);
		expect(await objective.textContent()).toContain('Order two more Fabric ports in AM11');
		expect(await page.locator('main form').count()).toBe(0);

		const create = await postForm(page, `/accounts/${accountId}/plan?/createObjective`, {
			title: 'Sneaked in',
			criterion_kind: 'outcome',
			outcome: 'Nothing',
			status: 'not_started'
		});
		expect(create.status).toBe(403);
		const done = await postForm(page, `/accounts/${accountId}/plan?/taskDone`, {
			id: '1',
			version: '1'
		});
		expect(done.status).toBe(403);

		await open(page, `/accounts/${accountId}/adoption`);
		expect(await page.locator('#metric-fabric_ports').count()).toBe(1);
		expect(await page.locator('form[action="?/record"]').count()).toBe(0);
		const record = await postForm(page, `/accounts/${accountId}/adoption?/record`, {
			metric: 'fabric_ports',
			month: safeMonth(),
			entitled: '1',
			used: '1'
		});
		expect(record.status).toBe(403);
		expect((await page.goto('/adoption'))?.status()).toBe(403);
		await context.close();
	});

	it('a manager reads portfolio adoption, filters it, and finds the least adopted first', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/adoption');
		const rows = page.locator('section[aria-labelledby="least-adopted"] tbody tr');
		expect(await rows.count()).toBeGreaterThan(1);
		const adoption = await rows.locator('td:nth-child(6)').allTextContents();
		const values = adoption.map((v) => Number(v.replace(/[^\d]/g, '')));
		expect(values).toEqual([...values].sort((a, b) => a - b));

		await page.locator('select#segment').selectOption('enterprise');
		await page.locator('form[role=search] button[type=submit]').click();
		await page.waitForURL(/segment=enterprise/);
		const segments = await page
			.locator('section[aria-labelledby="least-adopted"] tbody td:nth-child(3)')
			.allTextContents();
		expect(segments.length).toBeGreaterThan(0);
		expect(new Set(segments)).toEqual(new Set(['Enterprise']));
		await context.close();
	});

	it('a partner does not see another reseller’s plan, nor a CSM the portfolio view', async () => {
		const partner = await signIn(browser, baseURL, DEMO.partner);
		const theirs = await firstAccountId(partner.page, '/accounts');
		expect((await partner.page.goto(`/accounts/${theirs}/plan`))?.status()).toBe(200);
		// The CSM's direct account is not sold through the partner's reseller.
		expect((await partner.page.goto(`/accounts/${accountId}/plan`))?.status()).toBe(404);
		await partner.context.close();

		const csm = await signIn(browser, baseURL, DEMO.csm2);
		expect((await csm.page.goto('/adoption'))?.status()).toBe(403);
		await csm.context.close();
	});
});

describe('exporting portfolio adoption', () => {
	const section = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

	it('downloads the least adopted accounts, all of them, and utilisation by product', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/adoption?segment=enterprise');
		const least = section(page, 'least-adopted');
		const accounts = await clickDownload(
			page,
			least.getByRole('link', { name: /^Export CSV\W+Least adopted accounts first$/ })
		);
		expect(accounts.name).toMatch(/^keel-adoption-least-adopted-\d{4}-\d{2}\.csv$/);
		expect(accounts.header.slice(0, 3)).toEqual(['Name', 'CSM', 'Segment']);
		expect(accounts.rows).toHaveLength(firstNumber(await least.locator('p.muted').textContent()));
		expect(new Set(accounts.rows.map((r) => r[2]))).toEqual(new Set(['Enterprise']));
		const firstRow = least.locator('tbody tr').first();
		expect(accounts.rows[0]![0]).toBe((await firstRow.locator('td a').textContent())!.trim());
		const adoption = accounts.rows.map((r) => Number(r[6]));
		expect(adoption).toEqual([...adoption].sort((a, b) => a - b));

		const byProduct = section(page, 'by-product');
		const metrics = await clickDownload(
			page,
			byProduct.getByRole('link', { name: /^Export CSV\W+Utilisation by product$/ })
		);
		expect(metrics.name).toMatch(/^keel-adoption-utilisation-\d{4}-\d{2}\.csv$/);
		expect(metrics.rows).toHaveLength(await byProduct.locator('tbody tr').count());
		expect(metrics.rows[0]![0]).toBe(
			(await byProduct.locator('tbody tr strong').first().textContent())!.trim()
		);
		await context.close();
	});

	it('refuses a CSM the file as the view does', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm2);
		expect((await page.goto('/adoption'))?.status()).toBe(403);
		for (const table of ['least-adopted', 'utilisation']) {
			const response = await page.request.get(`/adoption/export.csv?table=${table}`);
			expect(response.status(), table).toBe(403);
		}
		await context.close();
	});
});
