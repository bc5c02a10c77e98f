import type { Browser, Locator } from 'playwright-core';
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

describe('support settings in the browser', () => {
	it('lets the admin create a calendar from a preset and a pasted holiday list, and edit a policy', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.admin);
		await open(page, '/admin/support');
		await page.getByRole('link', { name: 'Support', exact: true }).waitFor();
		await page.getByRole('link', { name: 'New calendar' }).click();
		await page.waitForURL('**/admin/support/calendars/new');
		await page.locator('html[data-hydrated]').waitFor();

		const name = `Lisbon office ${Date.now().toString(36)}`;
		await page.locator('input[name=name]').fill(name);
		await page.locator('input[name=time_zone]').fill('Europe/Lisbon');
		await page.getByRole('button', { name: 'Monday–Friday 09:00–18:00' }).click();
		await expect(page.getByLabel('Monday: Opens', { exact: true }).inputValue()).resolves.toBe(
			'09:00'
		);
		await expect(page.getByLabel('Friday: Closes', { exact: true }).inputValue()).resolves.toBe(
			'18:00'
		);
		await expect(page.getByLabel('Saturday: Opens', { exact: true }).inputValue()).resolves.toBe(
			''
		);

		const pasted = '2026-06-10\tDia de Portugal\n\n13/06/2026 Santo António\n2026-12-25, Natal';
		await page.locator('textarea[name=holidays]').fill(pasted);
		await page.getByRole('button', { name: 'Create calendar' }).click();
		const holidayError = page.locator('#holidays-error');
		await expect(holidayError.textContent()).resolves.toBe(
			'Line 3 does not start with a real date (YYYY-MM-DD).'
		);
		// Everything typed is still there, the preset's hours included.
		await expect(page.locator('textarea[name=holidays]').inputValue()).resolves.toBe(pasted);
		await expect(page.locator('input[name=name]').inputValue()).resolves.toBe(name);
		await expect(page.getByLabel('Wednesday: Opens', { exact: true }).inputValue()).resolves.toBe(
			'09:00'
		);
		await expect(
			page.locator('textarea[name=holidays]').getAttribute('aria-invalid')
		).resolves.toBe('true');

		await page
			.locator('textarea[name=holidays]')
			.fill('2026-06-10\tDia de Portugal\n2026-06-13 Santo António\n2026-12-25, Natal');
		await Promise.all([
			page.waitForURL(/\/admin\/support\/calendars\/\d+/),
			page.getByRole('button', { name: 'Create calendar' }).click()
		]);
		await expect(page.locator('h1').textContent()).resolves.toBe(name);
		await expect(page.getByRole('status').textContent()).resolves.toContain('Calendar created.');
		await expect(page.locator('textarea[name=holidays]').inputValue()).resolves.toBe(
			'2026-06-10 Dia de Portugal\n2026-06-13 Santo António\n2026-12-25 Natal'
		);

		await open(page, '/admin/support');
		const row = page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
		await expect(row.textContent()).resolves.toMatch(
			/Europe\/Lisbon.*Mon–Fri 09:00–18:00.*3 holidays/s
		);

		// Standard P3: first response within 6 hours, resolution within 50.
		const response = page.getByLabel('First response (minutes): Standard P3');
		await response.fill('360');
		await page.getByLabel('Resolution (minutes, optional): Standard P3').fill('3000');
		await expect(
			page.locator('#policy-' + (await formIdOf(response)) + '-response-words').textContent()
		).resolves.toBe('6h');
		await page.getByRole('button', { name: 'Save Standard P3' }).click();
		await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
		await page.reload();
		await expect(
			page.getByLabel('First response (minutes): Standard P3').inputValue()
		).resolves.toBe('360');
		await expect(
			page.getByLabel('Resolution (minutes, optional): Standard P3').inputValue()
		).resolves.toBe('3000');
		await context.close();
	});

	it('works without JavaScript: the grid is filled by hand, a spare row splits a day, and a bad line comes back with the input', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.admin, {
			javaScriptEnabled: false
		});
		await page.goto('/admin/support/calendars/new');
		// The presets and the add buttons need JavaScript, so they are not offered.
		expect(await page.getByRole('button', { name: '24×7' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Add hours to Monday' }).count()).toBe(0);
		const name = `No-JS ${Date.now().toString(36)}`;
		await page.locator('input[name=name]').fill(name);
		await page.locator('input[name=time_zone]').fill('America/Sao_Paulo');
		await page.locator('input[name=open_1_1]').fill('09:00');
		await page.locator('input[name=close_1_1]').fill('08:00');
		// Each day offers one empty row for another range.
		await page.getByLabel('Monday: Opens (range 2)').fill('13:00');
		await page.getByLabel('Monday: Closes (range 2)').fill('18:00');
		await page.locator('input[name=open_2_1]').fill('09:00');
		await page.locator('textarea[name=holidays]').fill('2026-11-20 Consciência Negra\nNatal');
		await Promise.all([
			page.waitForLoadState('load'),
			page.getByRole('button', { name: 'Create calendar' }).click()
		]);
		await expect(page.locator('#close_1_1-error').textContent()).resolves.toBe(
			'The closing time must be after the opening time.'
		);
		await expect(page.locator('#close_2_1-error').textContent()).resolves.toContain(
			'leave both empty'
		);
		await expect(page.locator('#holidays-error').textContent()).resolves.toContain('Line 2');
		await expect(page.locator('input[name=open_1_1]').inputValue()).resolves.toBe('09:00');
		await expect(page.locator('input[name=close_1_1]').inputValue()).resolves.toBe('08:00');
		await expect(page.locator('input[name=open_1_2]').inputValue()).resolves.toBe('13:00');
		await expect(page.locator('input[name=close_1_2]').inputValue()).resolves.toBe('18:00');
		// The filled spare row is now a range, and a new spare row follows it.
		await expect(page.locator('input[name=open_1_3]').inputValue()).resolves.toBe('');
		await expect(page.locator('input[name=time_zone]').inputValue()).resolves.toBe(
			'America/Sao_Paulo'
		);
		await expect(page.locator('textarea[name=holidays]').inputValue()).resolves.toBe(
			'2026-11-20 Consciência Negra\nNatal'
		);

		await page.locator('input[name=close_1_1]').fill('12:00');
		await page.locator('input[name=close_2_1]').fill('18:00');
		await page.locator('textarea[name=holidays]').fill('2026-11-20 Consciência Negra');
		await Promise.all([
			page.waitForURL(/\/admin\/support\/calendars\/\d+/),
			page.getByRole('button', { name: 'Create calendar' }).click()
		]);
		await expect(page.locator('h1').textContent()).resolves.toBe(name);
		const monday = await Promise.all(
			['open_1_1', 'close_1_1', 'open_1_2', 'close_1_2', 'open_1_3'].map((field) =>
				page.locator(`input[name=${field}]`).inputValue()
			)
		);
		expect(monday).toEqual(['09:00', '12:00', '13:00', '18:00', '']);
		await context.close();
	});

	it('lets the admin split a day into ranges, refusing an overlap, and keeps both after saving', async () => {
		// At phone width: the grid must fit without scrolling sideways.
		const { context, page } = await signIn(browser, baseURL, DEMO.admin, { width: 360 });
		await open(page, '/admin/support/calendars/new');
		const name = `Lunch break ${Date.now().toString(36)}`;
		await page.locator('input[name=name]').fill(name);
		await page.locator('input[name=time_zone]').fill('Europe/Lisbon');
		await page.getByRole('button', { name: 'Monday–Friday 09:00–18:00' }).click();

		const mondayOpens = page.getByLabel('Monday: Opens', { exact: true });
		const mondayCloses = page.getByLabel('Monday: Closes', { exact: true });
		const secondOpens = page.getByLabel('Monday: Opens (range 2)');
		const secondCloses = page.getByLabel('Monday: Closes (range 2)');
		await mondayCloses.fill('12:00');
		await page.getByRole('button', { name: 'Add hours to Monday' }).click();
		// The new row takes the focus, ready to type into.
		await expect(secondOpens.evaluate((input) => input === document.activeElement)).resolves.toBe(
			true
		);
		await secondOpens.fill('11:00');
		await secondCloses.fill('18:00');
		// A third row, added and removed again, changes nothing.
		await page.getByRole('button', { name: 'Add hours to Monday' }).click();
		await page.getByLabel('Monday: Opens (range 3)').fill('20:00');
		await page.getByRole('button', { name: 'Remove Monday range 3' }).click();
		expect(await page.getByLabel('Monday: Opens (range 3)').count()).toBe(0);

		const grid = page.locator('fieldset.week');
		const overflow = await grid.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);

		await page.getByRole('button', { name: 'Create calendar' }).click();
		await expect(page.locator('#open_1_2-error').textContent()).resolves.toBe(
			'These hours overlap 09:00–12:00 on the same day.'
		);
		await expect(secondOpens.getAttribute('aria-invalid')).resolves.toBe('true');
		// Nothing typed is lost.
		await expect(secondOpens.inputValue()).resolves.toBe('11:00');
		await expect(mondayCloses.inputValue()).resolves.toBe('12:00');

		await secondOpens.fill('13:00');
		await Promise.all([
			page.waitForURL(/\/admin\/support\/calendars\/\d+/),
			page.getByRole('button', { name: 'Create calendar' }).click()
		]);
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor();
		const mondayHours = async () =>
			Promise.all(
				[mondayOpens, mondayCloses, secondOpens, secondCloses].map((i) => i.inputValue())
			);
		expect(await mondayHours()).toEqual(['09:00', '12:00', '13:00', '18:00']);
		expect(await page.getByLabel('Tuesday: Opens (range 2)').count()).toBe(0);

		// Saving again, unchanged, keeps both ranges.
		await page.getByRole('button', { name: 'Save calendar' }).click();
		await page.getByRole('status').filter({ hasText: 'Calendar saved.' }).waitFor();
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor();
		expect(await mondayHours()).toEqual(['09:00', '12:00', '13:00', '18:00']);

		await open(page, '/admin/support');
		const row = page.locator('tr', { has: page.getByRole('link', { name, exact: true }) });
		await expect(row.textContent()).resolves.toMatch(/09:00–12:00.*13:00–18:00/s);
		await context.close();
	});

	it('refuses a CSM the page and its actions', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		expect((await page.goto('/admin/support'))?.status()).toBe(403);
		expect((await page.goto('/admin/support/calendars/new'))?.status()).toBe(403);
		const attempts = await Promise.all([
			postForm(page, '/admin/support?/policy', {
				id: '1',
				version: '1',
				response_minutes: '1',
				resolution_minutes: '',
				clock: '24x7'
			}),
			postForm(page, '/admin/support?/region', { region: 'emea', calendar_id: '1' }),
			postForm(page, '/admin/support/calendars/new?/save', { name: 'x', time_zone: 'UTC' })
		]);
		for (const result of attempts) expect(result.status).toBe(403);
		await context.close();
	});
});

/** The id of the policy form an input belongs to (its `form` attribute is `policy-<id>`). */
async function formIdOf(input: Locator) {
	const form = await input.getAttribute('form');
	return form!.replace('policy-', '');
}
