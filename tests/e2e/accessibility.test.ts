import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
	LANDING,
	PAGES,
	ROLES,
	ROLE_USERS,
	createPausedWebhook,
	createPendingImport,
	pageRoutes,
	paramFinder,
	pathOf,
	type FoundParams
} from '../support/a11y-pages';
import { launchBrowser, signIn } from '../support/browser';

/**
 * axe-core on every page of Keel, at desktop and phone width, against WCAG 2.1 A and AA. The
 * default run checks each page as the most privileged role that may open it, and each role's
 * own landing pages; `npm run a11y` (KEEL_A11Y=full) checks every role on every page it may
 * open, and that the others are refused it, so the page list cannot drift from the app.
 */
const FULL = process.env.KEEL_A11Y === 'full';
const baseURL = inject('baseURL');
const WIDTHS = [
	{ name: 'desktop', width: 1280, height: 800 },
	{ name: 'phone', width: 390, height: 844 }
] as const;
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** What AxeBuilder evaluates to "inject" axe when the page already has it. */
const AXE_IN_PAGE = 'void 0';
/** Pages checked at once per role: the machine has two cores. */
const AT_ONCE = 2;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Waits until the page has drawn the frame after a change (a resize, opened sections). */
const settled = (page: Page) =>
	page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	);

/**
 * Every chart (a canvas or an SVG) must come with words: a canvas sits in an image named for
 * what it shows whose `aria-details` is a table with the same numbers; an SVG hidden from
 * screen readers has text beside it that they read instead.
 */
function chartsWithoutText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const problems: string[] = [];
		const where = (el: Element) => el.closest('[id]')?.id ?? el.parentElement?.className ?? '?';
		for (const canvas of document.querySelectorAll('canvas')) {
			const chart = canvas.closest('[role="img"]');
			const name = chart?.getAttribute('aria-label')?.trim();
			const target = document.getElementById(chart?.getAttribute('aria-details') ?? '');
			const rows = target?.querySelectorAll('table tbody tr, tbody tr').length ?? 0;
			if (!chart || !name) problems.push(`chart in ${where(canvas)} has no accessible name`);
			else if (!target || rows === 0)
				problems.push(`chart "${name}" has no table of its numbers (aria-details)`);
			else if (target.closest('[aria-hidden="true"]'))
				problems.push(`chart "${name}": its table is hidden from screen readers`);
		}
		for (const svg of document.querySelectorAll('svg')) {
			const named = svg.getAttribute('role') === 'img' && svg.getAttribute('aria-label');
			const hidden = svg.getAttribute('aria-hidden') === 'true';
			const words = (svg.parentElement?.textContent ?? '').trim();
			if (!named && !(hidden && words)) problems.push(`graphic in ${where(svg)} has no text`);
		}
		return problems;
	});
}

/** Opens a page and lists what keeps it from being accessible: empty when all is well. */
async function audit(page: Page, path: string, status = 200): Promise<string[]> {
	const response = await page.goto(path);
	if (response?.status() !== status) return [`answered ${response?.status()}, not ${status}`];
	await page.locator('html[data-hydrated]').waitFor();
	// Folded sections (tables under a chart, row forms) are checked open.
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	const problems = await chartsWithoutText(page);
	for (const [i, size] of WIDTHS.entries()) {
		await page.setViewportSize({ width: size.width, height: size.height });
		await settled(page);
		// Legacy mode runs axe in the page itself: Keel has no frames, and the default mode's
		// extra blank page per check triples the time. axe goes into the page once per visit.
		const results = await new AxeBuilder({ page, ...(i > 0 ? { axeSource: AXE_IN_PAGE } : {}) })
			.setLegacyMode(true)
			.withTags(WCAG_21_AA)
			.options({ resultTypes: ['violations'] })
			.analyze();
		for (const v of results.violations) {
			const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '));
			problems.push(`${size.name}: ${v.id} (${v.impact}) ${v.help} — ${targets.join(' | ')}`);
		}
	}
	return problems;
}

/** A few pages of a context, each checked by the first of `AT_ONCE` tabs that is free. */
function tabPool(context: BrowserContext) {
	const free: Page[] = [];
	const waiting: ((page: Page) => void)[] = [];
	let opened = 0;
	return async <T>(work: (page: Page) => Promise<T>): Promise<T> => {
		let page = free.pop();
		if (!page && opened < AT_ONCE) {
			opened++;
			page = await context.newPage();
		}
		page ??= await new Promise<Page>((resolve) => waiting.push(resolve));
		try {
			return await work(page);
		} finally {
			const next = waiting.shift();
			if (next) next(page);
			else free.push(page);
		}
	};
}

const routes = [...new Set(PAGES.map((p) => p.route))].sort();

describe('the page list', () => {
	it('names every page under src/routes, with who may open it', () => {
		expect(routes).toEqual(pageRoutes());
		expect(PAGES, 'each page once').toHaveLength(routes.length);
		for (const page of PAGES) expect(new Set(page.roles).size, page.route).toBe(page.roles.length);
		for (const landing of Object.values(LANDING))
			for (const route of landing) expect(routes, route).toContain(route);
	});
});

describe.concurrent('signed out', () => {
	it.for(['/login', '/login?next=%2Faccounts'])('%s', async (path, { expect }) => {
		const context = await browser.newContext({ baseURL, locale: 'en-GB' });
		expect(await audit(await context.newPage(), path)).toEqual([]);
		await context.close();
	});
});

/** The manager's ids, shared with roles that read what a manager reads (admin and sales). */
let managerFound: FoundParams = new Map();

for (const role of ROLES) {
	const mine = PAGES.filter((p) => p.roles.includes(role));
	const checked = FULL
		? mine
		: mine.filter((p) => p.roles[0] === role || LANDING[role].includes(p.route));
	const refused = FULL ? PAGES.filter((p) => p.roles.length > 0 && !p.roles.includes(role)) : [];

	describe.concurrent(`as ${role}`, () => {
		let context: BrowserContext;
		let run: ReturnType<typeof tabPool>;
		const paths = new Map<string, string>();
		const refusedPaths = new Map<string, string>();

		beforeAll(async () => {
			const session = await signIn(browser, baseURL, ROLE_USERS[role]);
			context = session.context;
			// The first landing page is where sign-in takes the role.
			const landing = PAGES.find((p) => p.route === LANDING[role][0])!;
			expect(new URL(session.page.url()).pathname).toBe(pathOf(landing, {}));
			const shared = role === 'admin' || role === 'sales' ? new Map(managerFound) : new Map();
			const finder = paramFinder(
				session.page,
				{
					webhook: () => createPausedWebhook(session.page),
					import: () => createPendingImport(session.page)
				},
				shared
			);
			if (role === 'manager') managerFound = finder.found;
			for (const page of checked) paths.set(page.route, pathOf(page, await finder.params(page)));
			// Refusals are tried with whatever ids this role or the manager found.
			const known = new Map([...managerFound, ...finder.found]);
			for (const page of refused) {
				try {
					refusedPaths.set(page.route, pathOf(page, Object.fromEntries(known)));
				} catch {
					// An id no role here has found (an admin record, say): nothing to try it with.
				}
			}
			await session.page.close();
			run = tabPool(context);
		}, 120_000);
		afterAll(async () => {
			await context?.close();
		});

		it.for(checked.map((p) => p.route))('%s', { timeout: 120_000 }, async (route, { expect }) => {
			const path = paths.get(route)!;
			expect(await run((page) => audit(page, path)), path).toEqual([]);
		});

		if (role === 'manager')
			it('the page for something that is not there', { timeout: 120_000 }, async ({ expect }) => {
				expect(await run((page) => audit(page, '/accounts/99999999', 404))).toEqual([]);
			});

		if (refused.length > 0)
			it('is refused the pages it may not open', { timeout: 120_000 }, async ({ expect }) => {
				const opened: string[] = [];
				await run(async (page) => {
					for (const [route, path] of refusedPaths) {
						const status = (await page.goto(path))?.status() ?? 0;
						if (status !== 403 && status !== 404) opened.push(`${route} (${path}): ${status}`);
					}
				});
				expect(opened).toEqual([]);
			});
	});
}
