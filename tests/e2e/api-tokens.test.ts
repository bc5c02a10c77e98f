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

const api = (path: string, token?: string) =>
	fetch(`${baseURL}/api/v1${path}`, {
		headers: token ? { authorization: `Bearer ${token}` } : {}
	});

describe('personal access tokens', () => {
	it('creates a token in settings, shows it once, and the API takes it until it is revoked', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await open(page, '/settings');
		await Promise.all([
			page.waitForURL('**/settings/tokens'),
			page.getByRole('link', { name: 'API tokens' }).click()
		]);
		await page.locator('html[data-hydrated]').waitFor();
		const name = `E2E ${Date.now().toString(36)}`;
		await page.fill('input[name=name]', name);
		await page.selectOption('select[name=access]', 'write');
		await page.getByRole('button', { name: 'Create token' }).click();
		const shown = page.getByTestId('new-token');
		await shown.waitFor();
		const token = await shown.inputValue();
		expect(token).toMatch(/^keel_pat_[a-z2-7]{52}$/);

		// Shown once: a fresh load lists the token by name, never its value.
		await open(page, '/settings/tokens');
		await expect(page.getByTestId('new-token').count()).resolves.toBe(0);
		const row = page.locator('tr', { hasText: name });
		await expect(row.textContent()).resolves.toContain('Never');
		expect(await page.content()).not.toContain(token);

		const accounts = await api('/accounts?limit=2', token);
		expect(accounts.status).toBe(200);
		expect(accounts.headers.get('ratelimit-limit')).toBe('600');
		const body = (await accounts.json()) as { data: { id: number }[]; next_cursor: string | null };
		expect(body.data).toHaveLength(2);
		const next = await api(`/accounts?limit=2&cursor=${body.next_cursor}`, token);
		const second = (await next.json()) as { data: { id: number }[] };
		expect(second.data.map((a) => a.id)).not.toContain(body.data[0]!.id);

		// The browser's session cookie does not open the API, and errors are JSON, never HTML.
		const withCookie = await page.evaluate(async () => {
			const response = await fetch('/api/v1/accounts');
			return {
				status: response.status,
				type: response.headers.get('content-type'),
				body: await response.json()
			};
		});
		expect(withCookie).toMatchObject({
			status: 401,
			type: expect.stringContaining('application/json'),
			body: { error: { code: 'unauthorized' } }
		});
		const unknown = await api('/nothing-here', token);
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
		const doc = await api('/openapi.json');
		expect(doc.status).toBe(200);
		expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0');

		await open(page, '/settings/tokens');
		await Promise.all([
			page.waitForURL('**/settings/tokens?revoked=1'),
			page.getByRole('button', { name: `Revoke token ${name}` }).click()
		]);
		const revoked = await api('/accounts', token);
		expect(revoked.status).toBe(401);
		expect(revoked.headers.get('www-authenticate')).toContain('Bearer');
		await context.close();
	});
});
