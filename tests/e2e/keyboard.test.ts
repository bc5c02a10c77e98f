import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, launchBrowser } from '../support/browser';

/**
 * The main flows of a CSM's day with the keyboard alone: Tab and Shift+Tab to move, Enter and
 * Space to act, the arrow keys in a list box. Every stop on the way must show where the focus
 * is, and no widget may keep the focus from leaving it. The mouse is never used; page.goto only
 * sets up, as typing an address would.
 */
const baseURL = inject('baseURL');
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Stops where the focus did not show, across every flow: reported at the end. */
const unseen = new Set<string>();

beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 800 },
		locale: 'en-GB'
	});
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
});

interface Stop {
	matches: boolean;
	/** The focused element, in short: tag, id or name, text. */
	what: string;
	/** It shows a focus ring (an outline or a box shadow) and is on screen. */
	shown: boolean;
	atStart: boolean;
}

/** What has the focus, and whether a sighted keyboard user can see that it has. */
function focused(selector: string, text: string | null): Promise<Stop> {
	return page.evaluate(
		({ selector, text }) => {
			const el = document.activeElement;
			if (!el || el === document.body)
				return { matches: false, what: 'body', shown: true, atStart: true };
			const style = getComputedStyle(el);
			const ring =
				(style.boxShadow !== 'none' && style.boxShadow !== '') ||
				(style.outlineStyle !== 'none' &&
					parseFloat(style.outlineWidth) > 0 &&
					style.outlineColor !== 'rgba(0, 0, 0, 0)');
			const box = el.getBoundingClientRect();
			const onScreen =
				box.width > 0 &&
				box.right > 0 &&
				box.left < innerWidth &&
				box.bottom > 0 &&
				box.top < innerHeight;
			const label = `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''}`;
			const name = el.id || el.getAttribute('name') || el.getAttribute('href') || '';
			return {
				matches: el.matches(selector) && (text === null || new RegExp(text).test(label)),
				what: `${el.tagName.toLowerCase()}${name ? `[${name}]` : ''} "${label.trim().slice(0, 40)}"`,
				shown: ring && onScreen,
				atStart: el.classList.contains('skip-link')
			};
		},
		{ selector, text }
	);
}

/**
 * Presses Tab (Shift+Tab with `back`) until the focus is on an element matching `selector`
 * (and whose text or label matches `text`), noting every stop whose focus did not show.
 */
async function tabTo(
	selector: string,
	text: RegExp | null = null,
	{ back = false, max = 120 } = {}
) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		const stop = await focused(selector, text?.source ?? null);
		if (!stop.shown) unseen.add(`${new URL(page.url()).pathname}: ${stop.what}`);
		if (stop.matches) return stop;
	}
	throw new Error(`${max} presses of Tab did not reach ${selector} ${text ?? ''}`);
}

/** Follows a link or presses a button with Enter, and waits for the page it leads to. */
async function enterTo(url: RegExp) {
	await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
	await page.locator('html[data-hydrated]').waitFor();
}

let accountId: number;
let accountName: string;

describe('keyboard only, as a CSM', () => {
	it('signs in', async () => {
		await page.goto('/login');
		await page.locator('html[data-hydrated]').waitFor();
		await tabTo('input[name=email]');
		await page.keyboard.type(DEMO.csm1);
		await tabTo('input[name=password]');
		await page.keyboard.type(DEMO_PASSWORD);
		await enterTo(/\/my-work/);

		// Set-up, not the flow: an account of theirs mid-onboarding, with a success plan.
		const helper = await context.newPage();
		await helper.goto('/my-work');
		const mine = await helper.locator('nav.main-nav a[href*="csm="]').getAttribute('href');
		await helper.goto(`${mine}&stage=onboarding`);
		const link = helper.locator('table tbody a[href^="/accounts/"]').first();
		accountName = (await link.textContent())!.trim();
		accountId = Number((await link.getAttribute('href'))!.split('/').pop());
		await helper.close();
	});

	it('skips the navigation to the main content', async () => {
		await page.keyboard.press('Tab');
		const skip = await focused('a.skip-link', null);
		expect(skip.matches, skip.what).toBe(true);
		expect(skip.shown, 'the skip link shows when focused').toBe(true);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
		await page.keyboard.press('Tab');
		expect(
			await page.evaluate(() => document.querySelector('main')!.contains(document.activeElement))
		).toBe(true);
	});

	it('finds an account in the list and opens it', async () => {
		await tabTo('nav.main-nav a', /My accounts/, { back: true });
		await enterTo(/\/accounts\?csm=/);
		await tabTo('input[name=q]');
		await page.keyboard.type(accountName);
		await enterTo(/[?&]q=/);
		await tabTo(
			'table tbody a',
			new RegExp(`^\\s*${accountName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
		);
		await enterTo(new RegExp(`/accounts/${accountId}$`));
		expect(await page.locator('h1').first().textContent()).toContain(accountName);
	});

	it('marks an onboarding checklist item done', async () => {
		await tabTo('nav.tabs a', /^\s*Onboarding\s*$/);
		await enterTo(/\/onboarding$/);
		const done = page.locator('form[action="?/done"] button');
		const before = await done.count();
		expect(before).toBeGreaterThan(0);
		await tabTo('form[action="?/done"] button');
		await page.keyboard.press('Space');
		await expect.poll(() => done.count()).toBe(before - 1);
	});

	it('adds a task to an objective of the success plan', async () => {
		await tabTo('nav.tabs a', /^\s*Success plan\s*$/, { back: true });
		await enterTo(/\/plan$/);
		const title = `Book the AM11 cage walk-through ${Date.now().toString(36)}`;
		await tabTo('summary', /Add task/);
		await page.keyboard.press('Enter');
		await tabTo('form[action="?/addTask"] input[name=title]');
		await page.keyboard.type(title);
		await page.keyboard.press('Enter');
		await page.locator('.item-title', { hasText: title }).waitFor();
	});

	it('opens an escalation and moves it on with the status list', async () => {
		await tabTo('nav.main-nav a', /^\s*Escalations\s*$/, { back: true });
		await enterTo(/\/escalations$/);
		await tabTo('ul.escalations a[href^="/escalations/"]');
		await enterTo(/\/escalations\/\d+$/);
		const summary = page.locator('section[aria-labelledby="summary-title"] .item-head');
		const before = await summary.textContent();

		const status = page.locator('form[action="?/status"] select[name=status]');
		const options = await status
			.locator('option')
			.evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
		// A step that needs no post-mortem, reached with the arrow keys when it is not the first.
		const open = ['acknowledged', 'in_progress', 'waiting_on_customer', 'new'];
		const target = options.find((o, i) => i > 0 && open.includes(o)) ?? options[0]!;
		await tabTo('form[action="?/status"] select[name=status]');
		for (let i = 0; i < options.length && (await status.inputValue()) !== target; i++)
			await page.keyboard.press('ArrowDown');
		expect(await status.inputValue()).toBe(target);
		await tabTo('form[action="?/status"] textarea[name=note]');
		await page.keyboard.type('Moved with the keyboard alone.');
		await tabTo('form[action="?/status"] button[type=submit]');
		await page.keyboard.press('Enter');
		await expect.poll(() => summary.textContent()).not.toBe(before);
	});

	it('tabs through a whole page and out of it again, trapped nowhere', async () => {
		for (const path of [`/accounts/${accountId}`, `/accounts/${accountId}/onboarding`]) {
			await page.goto(path);
			await page.locator('html[data-hydrated]').waitFor();
			// From the top, Tab must visit every stop and leave the page (the focus goes back to
			// the browser, then the skip link) within a bound: a trap would hold it in one place.
			let stops = 0;
			let last = '';
			let repeats = 0;
			for (; stops < 400; stops++) {
				await page.keyboard.press('Tab');
				const stop = await focused('*', null);
				if (!stop.shown) unseen.add(`${path}: ${stop.what}`);
				if (stops > 0 && (stop.atStart || stop.what === 'body')) break;
				// A date field takes a few presses (day, month, year, its calendar button); a trap
				// holds the focus for good.
				repeats = stop.what === last ? repeats + 1 : 0;
				expect(repeats, `the focus stays on ${stop.what}`).toBeLessThan(6);
				last = stop.what;
			}
			expect(stops, `${path}: Tab never left the page`).toBeLessThan(400);
			expect(stops, `${path}: too few stops to be the whole page`).toBeGreaterThan(20);
			// And back: Shift+Tab from outside the page lands on its last stop.
			let back = await focused('*', null);
			for (let i = 0; i < 3 && (back.atStart || back.what === 'body'); i++) {
				await page.keyboard.press('Shift+Tab');
				back = await focused('*', null);
			}
			expect(back.what).toBe(last);
		}
	});

	it('shows the focus at every stop on the way', () => {
		expect([...unseen]).toEqual([]);
	});
});
