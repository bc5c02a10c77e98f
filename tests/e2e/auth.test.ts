import { request as httpRequest } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, launchBrowser, open, signIn } from '../support/browser';

const baseURL = inject('baseURL');
const port = inject('port');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A sign-in POST from a chosen loopback address, as a second machine would make it. */
function postLogin(email: string, password: string, fromAddress: string) {
	const body = new URLSearchParams({ email, password }).toString();
	return new Promise<{ status: number; location?: string }>((resolve, reject) => {
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port,
				localAddress: fromAddress,
				method: 'POST',
				path: '/login',
				headers: {
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': Buffer.byteLength(body),
					origin: baseURL,
					host: new URL(baseURL).host
				}
			},
			(res) => {
				res.resume();
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, location: res.headers.location })
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

describe('signing in and out', () => {
	it('tells the user when the password is wrong, keeping the email', async () => {
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		await open(page, '/login');
		await page.fill('input[name=email]', DEMO.csm2);
		await page.fill('input[name=password]', 'not-the-password');
		await page.click('main form button[type=submit]');
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('do not match');
		expect(await page.inputValue('input[name=email]')).toBe(DEMO.csm2);
		expect(await page.inputValue('input[name=password]')).toBe('');
		await context.close();
	});

	it('ends the session on the server at sign-out, so the old cookie is worthless', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.manager);
		const cookie = (await context.cookies()).find((c) => c.name === 'keel_session');
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		await page.locator('.user-menu summary').click();
		await Promise.all([
			page.waitForURL('**/login'),
			page.getByRole('button', { name: 'Sign out' }).click()
		]);

		const replay = await browser.newContext({ baseURL });
		await replay.addCookies([{ ...cookie!, expires: -1 }]);
		const again = await replay.newPage();
		await again.goto('/accounts');
		expect(new URL(again.url()).pathname).toBe('/login');
		await replay.close();
		await context.close();
	});

	it('throttles repeated failures from one address without locking out the real user elsewhere', async () => {
		const results = [];
		for (let i = 0; i < 6; i++) results.push(await postLogin(DEMO.csm3, `wrong-${i}`, '127.0.0.3'));
		expect(results.slice(0, 5).map((r) => r.status)).toEqual([400, 400, 400, 400, 400]);
		expect(results[5]?.status).toBe(429);
		expect((await postLogin(DEMO.csm3, DEMO_PASSWORD, '127.0.0.3')).status).toBe(429);

		const elsewhere = await postLogin(DEMO.csm3, DEMO_PASSWORD, '127.0.0.4');
		expect(elsewhere.status).toBe(303);
		expect(elsewhere.location).toBe('/');
	});

	it('switches the interface language and remembers it for the user', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.csm2);
		await page.locator('.user-menu summary').click();
		await page.selectOption('#locale-select', 'pt-BR');
		await Promise.all([page.waitForLoadState('load'), page.locator('.locale-form button').click()]);
		await page.waitForFunction(() => document.documentElement.lang === 'pt-BR');
		await expect(page.getByRole('link', { name: 'Minhas contas' }).count()).resolves.toBe(1);
		await page.locator('.user-menu summary').click();
		await page.selectOption('#locale-select', 'en');
		await page.locator('.locale-form button').click();
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await context.close();
	});
});
