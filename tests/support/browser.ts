import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KEEL_CHROMIUM ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'keel-demo-2026';

export const DEMO = {
	admin: 'admin@keel.demo',
	manager: 'manager@keel.demo',
	csm1: 'csm1@keel.demo',
	csm2: 'csm2@keel.demo',
	csm3: 'csm3@keel.demo',
	sales: 'sales@keel.demo',
	partner: 'partner@keel.demo',
	partner2: 'partner2@keel.demo'
} as const;

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export async function signIn(
	browser: Browser,
	baseURL: string,
	email: string,
	options: { javaScriptEnabled?: boolean; width?: number } = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: { width: options.width ?? 1280, height: 900 },
		locale: 'en-GB'
	});
	const page = await context.newPage();
	await page.goto('/login');
	if (options.javaScriptEnabled !== false) await page.locator('html[data-hydrated]').waitFor();
	await page.fill('input[name=email]', email);
	await page.fill('input[name=password]', DEMO_PASSWORD);
	await Promise.all([
		page.waitForURL((url) => !url.pathname.startsWith('/login')),
		page.click('main form button[type=submit]')
	]);
	if (options.javaScriptEnabled !== false) await page.locator('html[data-hydrated]').waitFor();
	return { context, page };
}

/** Goes to a page and waits until it is hydrated (JavaScript on), as a person would before typing. */
export async function open(page: Page, path: string) {
	const response = await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor();
	return response;
}

/** Posts a form to an action from inside the page, as a crafted request would (same origin). */
export async function postForm(page: Page, path: string, fields: Record<string, string>) {
	return page.evaluate(
		async ({ path, fields }) => {
			const body = new FormData();
			for (const [k, v] of Object.entries(fields)) body.set(k, v);
			const response = await fetch(path, { method: 'POST', body, redirect: 'manual' });
			return { status: response.status, body: await response.text() };
		},
		{ path, fields }
	);
}

/** The id of the first account link on a list page. */
export async function firstAccountId(page: Page, path: string): Promise<number> {
	await page.goto(path);
	const href = await page.locator('table a[href^="/accounts/"]').first().getAttribute('href');
	if (!href) throw new Error(`no account on ${path}`);
	return Number(href.split('/').pop());
}
