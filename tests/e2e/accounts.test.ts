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

const XSS = '<img src=x onerror=alert(1)>';

describe('a CSM working on their own account', () => {
	it('saves an edit, shows a hostile note as text, and lists the change in Activity', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs++;
			void dialog.dismiss();
		});
		const id = await firstAccountId(
			page,
			(await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href'))!
		);
		await open(page, `/accounts/${id}/edit`);
		await page.fill('textarea[name=notes]', `Kick-off done. ${XSS}`);
		// The CRM's id, so a later CSV import updates this account rather than adding another.
		const crmId = `CRM-${Date.now()}`;
		await page.fill('input[name=external_id]', crmId);
		await Promise.all([
			page.waitForURL(`**/accounts/${id}?saved=account`),
			page.click('main form button[type=submit]')
		]);

		await expect(page.getByText('Saved.').count()).resolves.toBe(1);
		const header = page.locator('section[aria-labelledby="account-title"]');
		expect(await header.textContent()).toContain(`Kick-off done. ${XSS}`);
		expect(await header.locator('dl.facts').textContent()).toContain(crmId);
		expect(await page.locator('section img').count()).toBe(0);
		expect(dialogs).toBe(0);
		const activity = await page.locator('#activity-title + ol').textContent();
		expect(activity).toContain('updated the account');
		expect(activity).toContain('Notes:');
		await context.close();
	});

	it('refuses a stale edit with a clear message and keeps what the user typed', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		const id = await firstAccountId(
			page,
			(await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href'))!
		);
		const second = await context.newPage();
		await open(page, `/accounts/${id}/edit`);
		await open(second, `/accounts/${id}/edit`);

		await page.fill('input[name=arr]', '777000');
		await Promise.all([
			page.waitForURL(`**/accounts/${id}?saved=account`),
			page.click('main form button[type=submit]')
		]);

		await second.fill('input[name=arr]', '999000');
		await second.click('main form button[type=submit]');
		await second.getByRole('alert').waitFor();
		expect(await second.getByRole('alert').textContent()).toContain('Someone else changed this');
		expect(await second.inputValue('input[name=arr]')).toBe('999000');

		await page.goto(`/accounts/${id}`);
		expect(await page.locator('dl.facts').textContent()).toContain('777,000');
		await context.close();
	});

	it('adds a contact with JavaScript turned off, and shows field errors with input kept', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1, {
			javaScriptEnabled: false
		});
		const id = await firstAccountId(
			page,
			(await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href'))!
		);
		await page.goto(`/accounts/${id}`);
		const form = page.locator('form[action="?/addContact"]');

		// Only spaces: passes the browser's `required`, fails the server's schema.
		await form.locator('input[name=name]').fill('   ');
		await form.locator('input[name=email]').fill('beatriz@cliente.com.br');
		await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
		const failed = page.locator('form[action="?/addContact"]');
		expect(await failed.locator('.field-error').textContent()).toContain('required');
		expect(await failed.locator('input[name=email]').inputValue()).toBe('beatriz@cliente.com.br');

		await failed.locator('input[name=name]').fill('Beatriz Nogueira');
		await Promise.all([page.waitForNavigation(), failed.locator('button[type=submit]').click()]);
		await page.goto(`/accounts/${id}`);
		await expect(page.getByText('Beatriz Nogueira').count()).resolves.toBeGreaterThan(0);
		await context.close();
	});
});

describe('a manager', () => {
	it('creates an account and assigns a CSM', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/accounts/new');
		await page.fill('input[name=name]', 'Nova Colocation Bogotá S.A.S.');
		await page.selectOption('select[name=region]', 'latam');
		await page.fill('input[name=time_zone]', 'America/Bogota');
		await page.fill('input[name=arr]', '84000');
		await Promise.all([
			page.waitForURL(/\/accounts\/\d+$/),
			page.click('main form button[type=submit]')
		]);
		expect(await page.locator('h1').textContent()).toBe('Nova Colocation Bogotá S.A.S.');

		const add = page.locator('form[action="?/addMember"]');
		const csmOption = await add
			.locator('select[name=user_id] option', { hasText: 'Customer success manager' })
			.first()
			.getAttribute('value');
		await add.locator('select[name=user_id]').selectOption(csmOption!);
		await add.locator('select[name=team_role]').selectOption('CSM');
		await add.locator('button[type=submit]').click();
		await page.locator('ul.team').getByText('CSM', { exact: true }).waitFor();
		expect(await page.getByText('This account has no CSM yet.').count()).toBe(0);
		await context.close();
	});
});

describe('exporting the accounts list', () => {
	const exportLink = (page: Page) => page.getByRole('link', { name: 'Export CSV' });
	const total = async (page: Page) =>
		firstNumber(await page.locator('.page-head p.muted').textContent());

	it('downloads every account the filters match, in the list’s order', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		await open(page, '/accounts?segment=enterprise&sort=arr&dir=desc&page=2');
		const { name, header, rows } = await clickDownload(page, exportLink(page));
		expect(name).toMatch(/^keel-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(header.slice(0, 3)).toEqual(['External id', 'Name', 'Segment']);
		expect(rows).toHaveLength(await total(page));
		expect(rows.every((r) => r[2] === 'Enterprise')).toBe(true);
		// Page 2's first row is the export's 26th: the whole list, not the page shown.
		const firstOnPage = await page.locator('tbody tr td a').first().textContent();
		expect(rows[25]![1]).toBe(firstOnPage!.trim());
		await context.close();
	});

	it('gives a partner only their own customers', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.partner);
		await open(page, '/accounts');
		const { rows } = await clickDownload(page, exportLink(page));
		expect(rows).toHaveLength(await total(page));
		await context.close();
	});
});
