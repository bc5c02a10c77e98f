import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, firstAccountId, launchBrowser, postForm, signIn } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function navLabels(email: string) {
	const { context, page } = await signIn(browser, baseURL, email);
	const labels = await page.locator('nav.main-nav .nav-label').allTextContents();
	await context.close();
	return labels.map((l) => l.trim());
}

describe('each role sees its own navigation', () => {
	it.each([
		[
			DEMO.csm1,
			[
				'My work',
				'My accounts',
				'Escalations',
				'Reviews',
				'Onboarding',
				'Feedback trends',
				'All accounts',
				'Notifications'
			]
		],
		[
			DEMO.manager,
			[
				'Accounts',
				'Health',
				'Churn risks',
				'Critical escalations',
				'Onboarding',
				'Reviews',
				'Adoption',
				'Feedback trends',
				'My work',
				'Renewals (90 days)',
				'Notifications',
				'New account',
				'Imports'
			]
		],
		[DEMO.sales, ['Churn risks', 'Renewals (90 days)', 'Accounts', 'Notifications']],
		[DEMO.partner, ['My work', 'Customers', 'Escalations', 'Notifications']],
		[
			DEMO.admin,
			[
				'Users',
				'Templates',
				'Health model',
				'Support',
				'Review cadences',
				'Webhooks',
				'Accounts',
				'Imports',
				'Notifications'
			]
		]
	])('%s', async (email, expected) => {
		expect(await navLabels(email)).toEqual(expected);
	});
});

describe('access is enforced on the server', () => {
	it("a CSM cannot edit another CSM's account, by the UI or by posting the action", async () => {
		const other = await signIn(browser, baseURL, DEMO.csm2);
		const id = await firstAccountId(other.page, '/accounts?csm=' + (await myId(other.page)));
		await other.context.close();

		const { context, page } = await signIn(browser, baseURL, DEMO.csm1);
		await page.goto(`/accounts/${id}`);
		await expect(page.getByRole('link', { name: 'Edit account' }).count()).resolves.toBe(0);
		const editPage = await page.goto(`/accounts/${id}/edit`);
		expect(editPage?.status()).toBe(403);

		const before = await page.goto(`/accounts/${id}`).then(() => page.locator('h1').textContent());
		const posted = await postForm(page, `/accounts/${id}/edit`, {
			version: '1',
			name: 'Hijacked by csm1',
			segment: 'smb',
			region: 'emea',
			time_zone: 'Europe/Amsterdam',
			sales_channel: 'direct',
			support_package: 'standard',
			arr: '1',
			lifecycle_stage: 'adoption'
		});
		expect(posted.status).toBe(403);
		const contact = await postForm(page, `/accounts/${id}?/addContact`, { name: 'Sneaky' });
		expect(contact.status).toBe(403);
		await page.goto(`/accounts/${id}`);
		expect(await page.locator('h1').textContent()).toBe(before);
		expect(await page.getByText('Sneaky').count()).toBe(0);
		await context.close();
	});

	it('sales cannot post any action', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.sales);
		const id = await firstAccountId(page, '/accounts');
		await page.goto(`/accounts/${id}`);
		expect(await page.locator('form[action^="?/"]').count()).toBe(0);
		const attempts = [
			postForm(page, `/accounts/${id}?/addContact`, { name: 'From sales' }),
			postForm(page, `/accounts/${id}?/addMember`, { user_id: '1', team_role: 'AM' }),
			postForm(page, `/accounts/${id}?/removeMember`, { id: '1', version: '1' }),
			postForm(page, `/accounts/${id}/edit`, { version: '1', name: 'x' }),
			postForm(page, '/accounts/new', { name: 'x' }),
			postForm(page, `/accounts/${id}/health?/judge`, {
				band: 'red',
				reason: 'x',
				expires_on: '2099-01-01',
				version: ''
			}),
			postForm(page, '/admin/health-model?/save', { segment: '', version: '1' }),
			postForm(page, '/admin/users?/create', {
				name: 'x',
				email: 'x@x.io',
				role: 'admin',
				password: 'longenough-123'
			})
		];
		for (const result of await Promise.all(attempts)) expect(result.status).toBe(403);
		await context.close();
	});

	it('a partner sees only their reseller’s customers and cannot open others', async () => {
		const manager = await signIn(browser, baseURL, DEMO.manager);
		const directId = await firstAccountId(manager.page, '/accounts?channel=direct');
		await manager.context.close();

		const { context, page } = await signIn(browser, baseURL, DEMO.partner);
		await page.goto('/accounts');
		const channels = await page.locator('td[data-label="Sales channel"]').allTextContents();
		expect(channels.length).toBeGreaterThan(0);
		expect(new Set(channels.map((c) => c.trim())).size).toBe(1);
		const response = await page.goto(`/accounts/${directId}`);
		expect(response?.status()).toBe(404);
		await context.close();
	});

	it('only an admin reaches user management', async () => {
		for (const email of [DEMO.manager, DEMO.csm1, DEMO.sales, DEMO.partner]) {
			const { context, page } = await signIn(browser, baseURL, email);
			const response = await page.goto('/admin/users');
			expect(response?.status(), email).toBe(403);
			await context.close();
		}
		const { context, page } = await signIn(browser, baseURL, DEMO.admin);
		const response = await page.goto('/admin/users');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { name: 'Users' }).count()).resolves.toBe(1);
		await context.close();
	});
});

/** A CSM's id, read from their "My accounts" link (found by its URL, in any language). */
async function myId(page: import('playwright-core').Page): Promise<string> {
	const href = await page.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
	return new URL(href!, baseURL).searchParams.get('csm')!;
}
