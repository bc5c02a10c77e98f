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

const TITLE = `Q4 CBR ${Date.now().toString(36)}`;
const AGENDA = 'Adoption of the Fabric ports; open escalations; the 2027 renewal';
const NOTES = 'Usage up 18 % since the last review; two incidents closed.';
const DECISIONS = 'Pilot the Lisbon site in Q1.';
const ACTIONS = ['Send the Lisbon pilot proposal', 'Share the escalation post-mortems'];
/** The demo CSM for English-speaking markets, csm1@keel.demo. */
const CSM_NAME = 'Sanne de Vries';

let accountId: number;
let reviewPath: string;

/** 'YYYY-MM-DD' `days` after today (UTC). Yesterday at 10:00 has passed in every zone. */
function daysFromNow(days: number) {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const summary = (page: Page) => page.locator('section[aria-labelledby="summary-title"]');

describe('business reviews in the browser', () => {
	it('a CSM schedules a CBR, records it as held with notes, decisions and two follow-ups, and finds one in My work', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		const mine = await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
		accountId = await firstAccountId(page, mine!);
		await open(page, `/accounts/${accountId}/reviews`);
		expect(await page.locator('section[aria-labelledby="cadence-title"] h2').textContent()).toBe(
			'Review cadence'
		);

		await page.locator('summary', { hasText: 'Schedule a review' }).click();
		const form = page.locator('form[action="?/schedule"]');
		const contact = form.locator('input[name^="attendee:contact:"]').first();
		const contactName = await form
			.locator(`label[for="${await contact.getAttribute('id')}"]`)
			.textContent();
		// Spaces pass the browser's `required`, not the server: refused at the field, input kept.
		await form.locator('select[name=kind]').selectOption('cbr');
		await form.locator('input[name=title]').fill('   ');
		await form.locator('input[name=date]').fill(daysFromNow(-1));
		await form.locator('input[name=time]').fill('10:00');
		await form.locator('textarea[name=agenda]').fill(AGENDA);
		await contact.check();
		await form.locator('button[type=submit]').click();
		const title = form.locator('input[name=title]');
		await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
		expect(await form.locator('#schedule-title-error').textContent()).toBe(
			'This field is required.'
		);
		expect(await form.locator('input[name=date]').inputValue()).toBe(daysFromNow(-1));
		expect(await form.locator('textarea[name=agenda]').inputValue()).toBe(AGENDA);
		expect(await contact.isChecked()).toBe(true);

		await title.fill(TITLE);
		await Promise.all([
			page.waitForURL(/\/accounts\/\d+\/reviews\/\d+$/),
			form.locator('button[type=submit]').click()
		]);
		reviewPath = new URL(page.url()).pathname;
		await page.locator('html[data-hydrated]').waitFor();
		expect(await page.locator('h1').textContent()).toBe(TITLE);
		// Its time has passed and nobody recorded it yet.
		expect(await summary(page).locator('.item-head').textContent()).toContain('Needs recording');
		expect(await summary(page).textContent()).toContain(contactName!.split(' ')[0]);

		const hold = page.locator('form[action="?/hold"]');
		await hold.locator('textarea[name=notes]').fill(NOTES);
		await hold.locator('textarea[name=decisions]').fill(DECISIONS);
		await hold.locator('button[type=submit]').click();
		await expect.poll(() => summary(page).locator('.item-head').textContent()).toContain('Held');
		expect(await summary(page).textContent()).toContain(NOTES);
		expect(await summary(page).textContent()).toContain(DECISIONS);

		const add = page.locator('form[action="?/action"]');
		const followUps = page.locator('section[aria-labelledby="actions-title"]');
		for (const [i, action] of ACTIONS.entries()) {
			await add.locator('input[name=title]').fill(action);
			await add.locator('select[name=owner_id]').selectOption({ label: CSM_NAME });
			await add.locator('input[name=due_date]').fill(daysFromNow(2 + i));
			await add.locator('button[type=submit]').click();
			await expect.poll(() => followUps.locator('table').textContent()).toContain(action);
		}
		expect(await followUps.locator('tbody tr').count()).toBe(2);
		expect(await followUps.locator('tbody').textContent()).toContain(CSM_NAME);

		// The calendar file and the printable summary.
		const ics = await page.request.get(`${reviewPath}/review.ics`);
		expect(ics.status()).toBe(200);
		expect(ics.headers()['content-type']).toContain('text/calendar');
		const calendar = (await ics.text()).replace(/\r\n /g, '');
		expect(calendar).toContain('BEGIN:VEVENT');
		expect(calendar).toContain(`SUMMARY:CBR: `);
		expect(calendar).toContain(TITLE);
		await open(page, `${reviewPath}/print`);
		const doc = await page.locator('main.review-doc').textContent();
		for (const text of [TITLE, AGENDA, NOTES, DECISIONS, ...ACTIONS, CSM_NAME]) {
			expect(doc).toContain(text);
		}
		expect(await page.locator('nav.main-nav').count()).toBe(0);

		// Each follow-up is a task of the CSM's due this week: in My work, naming its review.
		await open(page, '/my-work');
		const task = page.locator('li', { hasText: ACTIONS[0] });
		expect(await task.count()).toBe(1);
		expect(await task.locator(`a[href="${reviewPath}"]`).textContent()).toContain(`CBR · ${TITLE}`);
		await task.locator('button[type=submit]').click();
		await expect.poll(() => page.locator('li', { hasText: ACTIONS[0] }).count()).toBe(0);
		await open(page, reviewPath);
		expect(await followUps.locator('tbody').textContent()).toContain('Done');
		await context.close();
	});

	it('a CSM sees an upcoming review in My work and on the reviews list', async () => {
		expect(accountId).toBeGreaterThan(0);
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, `/accounts/${accountId}/reviews`);
		await page.locator('summary', { hasText: 'Schedule a review' }).click();
		const form = page.locator('form[action="?/schedule"]');
		const upcoming = `${TITLE} follow-up OBR`;
		await form.locator('select[name=kind]').selectOption('obr');
		await form.locator('input[name=title]').fill(upcoming);
		await form.locator('input[name=date]').fill(daysFromNow(3));
		await Promise.all([
			page.waitForURL(/\/accounts\/\d+\/reviews\/\d+$/),
			form.locator('button[type=submit]').click()
		]);
		await open(page, '/my-work');
		expect(
			await page.locator('section[aria-labelledby="upcoming-reviews"]').textContent()
		).toContain(upcoming);
		// The CSM's own upcoming OBRs, soonest first: it is on one of the first pages.
		const pages: string[] = [];
		for (let n = 1; n <= 5 && !pages.some((text) => text.includes(upcoming)); n++) {
			await open(page, `/reviews?kind=obr&page=${n}`);
			pages.push((await page.locator('main table').textContent()) ?? '');
		}
		expect(pages.join()).toContain(upcoming);
		await open(page, '/reviews?view=cadence');
		expect(await page.locator('h1').textContent()).toBe('Business reviews');
		await context.close();
	});

	it('sales reads reviews but gets no forms, and posting to them is refused', async () => {
		expect(reviewPath).toBeDefined();
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		const list = await open(page, `/accounts/${accountId}/reviews`);
		expect(list?.status()).toBe(200);
		expect(await page.locator('main').textContent()).toContain(TITLE);
		expect(await page.locator('form[action="?/schedule"]').count()).toBe(0);
		await open(page, reviewPath);
		expect(await page.locator('h1').textContent()).toBe(TITLE);
		expect(await page.locator('main form').count()).toBe(0);

		const scheduled = await postForm(page, `/accounts/${accountId}/reviews?/schedule`, {
			kind: 'cbr',
			title: 'Sneaked in',
			date: daysFromNow(5),
			time: '10:00',
			duration_minutes: '60',
			location: '',
			agenda: ''
		});
		expect(scheduled.status).toBe(403);
		const held = await postForm(page, `${reviewPath}?/hold`, {
			version: '2',
			notes: 'Overwritten',
			decisions: ''
		});
		expect(held.status).toBe(403);
		await open(page, `/accounts/${accountId}/reviews`);
		expect(await page.locator('main').textContent()).not.toContain('Sneaked in');
		await context.close();
	});

	it('fits a phone: the reviews tab and a review scroll only downwards', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1, { width: 360 });
		for (const path of [`/accounts/${accountId}/reviews`, reviewPath, '/reviews']) {
			await open(page, path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
		await open(page, `/accounts/${accountId}/reviews`);
		await page.locator('summary', { hasText: 'Schedule a review' }).click();
		const box = await page.locator('form[action="?/schedule"]').boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(360);
		await context.close();
	});
});

describe('exporting the reviews list', () => {
	const exportLink = (page: Page) => page.getByRole('link', { name: 'Export CSV' });
	/** The count under the filters: "N reviews coming up", "N account cadences need…". */
	const total = async (page: Page) =>
		firstNumber(await page.locator('form[role="search"] + p').textContent());

	it('downloads every upcoming review the filters match, not just the page shown', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/reviews?region=emea&page=2');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-reviews-upcoming-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 3)).toEqual([
			'Starts (the review’s time zone)',
			'Time zone',
			'Duration (minutes)'
		]);
		expect(rows.length).toBeGreaterThan(25);
		expect(rows).toHaveLength(await total(page));
		expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(['EMEA']));
		// Page 2's first row is the file's 26th.
		const firstOnPage = page.locator('main tbody tr').first();
		const account = firstOnPage.locator('td[data-label="Account"]');
		expect(rows[25]![5]).toBe((await account.textContent())!.trim());
		const csm = (await firstOnPage.locator('td[data-label="CSM"]').textContent())!.trim();
		expect(rows[25]![8] || '—').toBe(csm);
		await context.close();
	});

	it('downloads the accounts behind their cadence, most overdue first', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/reviews?view=cadence&segment=enterprise');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-reviews-cadence-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 4)).toEqual(['Account', 'Segment', 'Region', 'Kind of review']);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows).toHaveLength(await total(page));
		expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Enterprise']));
		const due = rows.map((r) => r[5]!);
		expect(due).toEqual([...due].sort());
		const firstOnPage = page.locator('main tbody tr').first();
		expect(rows[0]![0]).toBe((await firstOnPage.locator('td a').first().textContent())!.trim());
		const csm = (await firstOnPage.locator('td[data-label="CSM"]').textContent())!.trim();
		expect(rows[0]![9] || '—').toBe(csm);
		await context.close();
	});

	it('downloads the upcoming reviews a CSM sees, soonest first', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, '/reviews');
		const { name, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-reviews-upcoming-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(rows).toHaveLength(await total(page));
		const starts = rows.map((r) => Date.parse(r[0]!));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		const first = page.locator('main tbody tr').first();
		expect(rows[0]![5]).toBe(
			(await first.locator('td[data-label="Account"]').textContent())!.trim()
		);
		const csm = (await first.locator('td[data-label="CSM"]').textContent())!.trim();
		expect(rows[0]![8] || '—').toBe(csm);
		await context.close();
	});

	it('refuses an admin as the page does, and gives a partner their customers only', async () => {
		const admin = await signIn(browser, baseURL, DEMO.admin);
		expect((await admin.page.goto('/reviews'))?.status()).toBe(403);
		for (const view of ['upcoming', 'cadence']) {
			const response = await admin.page.request.get(`/reviews/export.csv?view=${view}`);
			expect(response.status(), view).toBe(403);
		}
		await admin.context.close();

		const { context, page } = await signIn(browser, baseURL, DEMO.partner);
		await open(page, '/reviews?view=cadence');
		const { rows } = await clickDownload(page, exportLink(page));
		expect(rows).toHaveLength(await total(page));
		await context.close();
	});
});
