import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, launchBrowser, open, postForm, signIn } from '../support/browser';

const baseURL = inject('baseURL');
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	// The receiver a chat tool would be: on loopback, answering 200 to whatever it is sent.
	receiver = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
			response.writeHead(200, { 'Content-Type': 'text/plain' });
			response.end('ok');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/keel`;
});
afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => receiver.close(resolve));
});

describe('webhooks', () => {
	it('an admin subscribes a loopback receiver, sends a test and sees it delivered, signed', async () => {
		const { context, page } = await signIn(browser, baseURL, DEMO.admin);
		await page.locator('nav.main-nav').getByRole('link', { name: 'Webhooks' }).click();
		await page.waitForURL('**/admin/webhooks');
		await page.locator('html[data-hydrated]').waitFor();
		await page.getByRole('link', { name: 'New webhook' }).click();
		await page.waitForURL('**/admin/webhooks/new');
		await page.locator('html[data-hydrated]').waitFor();

		// A URL that is not http(s), and no event: both refused, what was typed kept.
		await page.fill('#url', 'ftp://127.0.0.1/keel');
		await page.fill('#description', '#cs-alerts');
		await page.getByRole('button', { name: 'Create webhook' }).click();
		await expect.poll(() => page.locator('#url-error').textContent()).toContain('http://');
		await expect.poll(() => page.getByText('Choose at least one event.').count()).toBe(1);
		expect(await page.inputValue('#description')).toBe('#cs-alerts');

		await page.fill('#url', receiverUrl);
		await page.getByLabel('SLA breach').check();
		await page.getByLabel('P1 escalation opened').check();
		await Promise.all([
			page.waitForURL(/\/admin\/webhooks\/\d+\?created$/),
			page.getByRole('button', { name: 'Create webhook' }).click()
		]);
		await page.locator('html[data-hydrated]').waitFor();
		await expect.poll(() => page.getByRole('status').first().textContent()).toContain('created');
		const secret = (await page.locator('[data-secret]').textContent())!.trim();
		expect(secret).toMatch(/^whsec_/);

		await page.getByRole('button', { name: 'Send test' }).click();
		// The worker sends it within seconds; the page looks again until the receiver answered.
		await page.locator('[data-test-outcome="delivered"]').waitFor({ timeout: 30_000 });
		expect(await page.locator('[data-test-outcome="delivered"]').textContent()).toContain('200');
		expect(received).toHaveLength(1);
		const [request] = received;
		const timestamp = String(request!.headers['x-keel-timestamp']);
		const expected = createHmac('sha256', secret)
			.update(`${timestamp}.${request!.body}`)
			.digest('hex');
		expect(request!.headers['x-keel-signature']).toBe(`sha256=${expected}`);
		const body = JSON.parse(request!.body);
		expect(body).toMatchObject({ event: 'test' });
		expect(body.text).toContain('#cs-alerts');
		expect(body.text).toContain(`${baseURL}/admin/webhooks/`);

		// The log shows it; back on the list, the webhook and its last delivery.
		const log = page.getByRole('table', { name: 'Deliveries, latest first' });
		await expect.poll(() => log.getByText('Delivered').count()).toBe(1);
		await open(page, '/admin/webhooks');
		const row = page.getByRole('row').filter({ hasText: '#cs-alerts' });
		expect(await row.textContent()).toContain('SLA breach, P1 escalation opened');
		expect(await row.textContent()).toContain('Delivered');
		await context.close();
	});

	it('refuses everyone but admins', async () => {
		for (const email of [DEMO.manager, DEMO.csm1, DEMO.sales, DEMO.partner]) {
			const { context, page } = await signIn(browser, baseURL, email);
			const response = await page.goto('/admin/webhooks');
			expect(response?.status(), email).toBe(403);
			expect((await page.goto('/admin/webhooks/new'))?.status(), email).toBe(403);
			const posted = await postForm(page, '/admin/webhooks/new?/save', {
				url: receiverUrl,
				'event.escalation.sla_breach': 'on',
				locale: 'en',
				version: '0'
			});
			expect(posted.status, email).toBe(403);
			await context.close();
		}
	});
});
