import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO } from './browser';

/**
 * Every page of Keel, with the roles that may open it, for the accessibility checks. The list
 * is checked against the `+page` files under src/routes (`pageRoutes`), so a new page fails
 * the suite until it says here who may open it; its parameters come from the demo data.
 */

/** Most privileged reader first: the quick run checks each page as the first role listed. */
export const ROLES = ['manager', 'admin', 'csm', 'partner', 'sales'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_USERS: Record<Role, string> = {
	manager: DEMO.manager,
	admin: DEMO.admin,
	csm: DEMO.csm1,
	partner: DEMO.partner,
	sales: DEMO.sales
};

export interface A11yPage {
	/** The SvelteKit route id: the folder under src/routes, groups and matchers included. */
	route: string;
	/** Every role that may open it, most privileged first. Empty: signed out. */
	roles: readonly Role[];
}

const ALL = ROLES;
/** Who edits an account: its CSMs and managers. */
const WRITERS: readonly Role[] = ['manager', 'csm'];
const IMPORTERS: readonly Role[] = ['manager', 'admin'];
const ADMIN: readonly Role[] = ['admin'];

export const PAGES: readonly A11yPage[] = [
	{ route: '/(auth)/login', roles: [] },
	{ route: '/(app)/my-work', roles: ALL },
	{ route: '/(app)/notifications', roles: ALL },
	{ route: '/(app)/settings', roles: ALL },
	{ route: '/(app)/settings/calendar', roles: ALL },
	{ route: '/(app)/settings/tokens', roles: ALL },

	{ route: '/(app)/accounts', roles: ALL },
	{ route: '/(app)/accounts/new', roles: ['manager'] },
	{ route: '/(app)/accounts/[accountId=id]', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/edit', roles: WRITERS },
	{ route: '/(app)/accounts/[accountId=id]/health', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/onboarding', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/plan', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/plan/print', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/adoption', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/escalations', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/reviews', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/reviews/[reviewId=id]', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/reviews/[reviewId=id]/print', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/feedback', roles: ALL },
	{ route: '/(app)/accounts/[accountId=id]/feedback/[feedbackId=id]', roles: WRITERS },
	{ route: '/(app)/accounts/[accountId=id]/risks', roles: ['manager', 'admin', 'csm', 'sales'] },

	{ route: '/(app)/health', roles: ['manager'] },
	{ route: '/(app)/risks', roles: ['manager', 'sales'] },
	{ route: '/(app)/onboarding', roles: ALL },
	{ route: '/(app)/adoption', roles: ['manager'] },
	{ route: '/(app)/reviews', roles: ['manager', 'csm', 'partner', 'sales'] },
	{ route: '/(app)/feedback', roles: WRITERS },
	{ route: '/(app)/escalations', roles: ALL },
	{ route: '/(app)/escalations/[escalationId=id]', roles: ALL },
	{ route: '/(app)/escalations/postmortems', roles: ALL },
	{ route: '/(app)/imports', roles: IMPORTERS },
	{ route: '/(app)/imports/[importId=id]', roles: IMPORTERS },

	{ route: '/(app)/admin/users', roles: ADMIN },
	{ route: '/(app)/admin/templates', roles: ADMIN },
	{ route: '/(app)/admin/templates/[templateId=id]', roles: ADMIN },
	{ route: '/(app)/admin/health-model', roles: ADMIN },
	{ route: '/(app)/admin/support', roles: ADMIN },
	{ route: '/(app)/admin/support/calendars/new', roles: ADMIN },
	{ route: '/(app)/admin/support/calendars/[calendarId=id]', roles: ADMIN },
	{ route: '/(app)/admin/review-cadences', roles: ADMIN },
	{ route: '/(app)/admin/webhooks', roles: ADMIN },
	{ route: '/(app)/admin/webhooks/new', roles: ADMIN },
	{ route: '/(app)/admin/webhooks/[webhookId=id]', roles: ADMIN }
];

/** The route id of every page file (`+page.svelte`, `+page@.svelte`…) under src/routes. */
export function pageRoutes(root = 'src/routes'): string[] {
	const routes: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(join(dir, entry.name));
			else if (/^\+page(@[^.]*)?\.svelte$/.test(entry.name)) {
				const path = relative(root, dir).split(sep).join('/');
				routes.push(path ? `/${path}` : '/');
			}
		}
	};
	walk(root);
	return routes.sort();
}

/** The route's parameter names, in order: `[accountId=id]` → `accountId`. */
export function routeParams(route: string): string[] {
	return [...route.matchAll(/\[([^\]=]+)(?:=[^\]]+)?\]/g)].map((m) => m[1]!);
}

/** The address of a route with its parameters filled: groups dropped, matchers too. */
export function pathOf(page: A11yPage, params: Record<string, number>): string {
	const path = page.route
		.replace(/\/\([^)]+\)/g, '')
		.replace(/\[([^\]=]+)(?:=[^\]]+)?\]/g, (_, name: string) => {
			const value = params[name];
			if (value === undefined) throw new Error(`no demo value for ${name} in ${page.route}`);
			return String(value);
		});
	return path || '/';
}

/** The ids found so far, by parameter name: another role's finder may start from them. */
export type FoundParams = Map<string, number>;

/**
 * Finds real ids for a role's pages in the demo data, each only when a page needs it: an account
 * of theirs with business reviews (a CSM's own, so its forms show) and one of its reviews and
 * responses, an escalation they see, and the admin's records. Roles that read what a manager
 * reads start from the manager's `found`. Webhooks and imports are not in the demo data:
 * `create` makes one when the list is empty.
 */
export function paramFinder(
	page: Page,
	create: { webhook: () => Promise<number>; import: () => Promise<number> },
	found: FoundParams = new Map()
) {
	const finders: Record<string, () => Promise<number>> = {
		accountId: async () => {
			// The first review on the role's review list: an account with reviews (a CSM's own).
			const [first = []] = await linkedPairs(
				page,
				'/reviews',
				/^\/accounts\/(\d+)\/reviews\/(\d+)$/
			);
			const [account, review] = first;
			if (account !== undefined && review !== undefined) {
				found.set('reviewId', review);
				return account;
			}
			// No review list (an admin): the first account on theirs that has a review.
			const mine = page.locator('nav.main-nav a[href*="csm="]');
			const list = (await mine.count()) > 0 ? await mine.first().getAttribute('href') : null;
			const candidates = await linkedIds(page, list ?? '/accounts', /^\/accounts\/(\d+)$/);
			for (const id of candidates.slice(0, 10)) {
				const held = await linkedIds(page, `/accounts/${id}/reviews`, /\/reviews\/(\d+)$/);
				if (held[0] === undefined) continue;
				found.set('reviewId', held[0]);
				return id;
			}
			throw new Error(`none of the first accounts on ${list ?? '/accounts'} has a review`);
		},
		reviewId: async () => {
			await get('accountId');
			const id = found.get('reviewId');
			if (id === undefined) throw new Error('no review found with the account');
			return id;
		},
		feedbackId: async () =>
			first(`/accounts/${await get('accountId')}/feedback`, /\/feedback\/(\d+)$/, 'response'),
		escalationId: () => first('/escalations', /^\/escalations\/(\d+)$/, 'escalation'),
		templateId: () => first('/admin/templates', /^\/admin\/templates\/(\d+)$/, 'template'),
		calendarId: () => first('/admin/support', /^\/admin\/support\/calendars\/(\d+)$/, 'calendar'),
		webhookId: async () =>
			(await linkedIds(page, '/admin/webhooks', /^\/admin\/webhooks\/(\d+)$/))[0] ??
			create.webhook(),
		importId: async () =>
			(await linkedIds(page, '/imports', /^\/imports\/(\d+)$/))[0] ?? create.import()
	};
	async function first(path: string, pattern: RegExp, what: string) {
		const [id] = await linkedIds(page, path, pattern);
		if (id === undefined) throw new Error(`no ${what} linked from ${path}`);
		return id;
	}
	async function get(name: string): Promise<number> {
		const known = found.get(name);
		if (known !== undefined) return known;
		const finder = finders[name];
		if (!finder) throw new Error(`no way to find a demo ${name}: add one to paramFinder`);
		const value = await finder();
		found.set(name, value);
		return value;
	}
	return {
		found,
		/** The parameters a page needs, found on first use. */
		params: async (target: A11yPage) => {
			const params: Record<string, number> = {};
			for (const name of routeParams(target.route)) params[name] = await get(name);
			return params;
		}
	};
}

/** The ids that links in the page's main content carry in the group of `pattern`, in order. */
async function linkedIds(page: Page, path: string, pattern: RegExp): Promise<number[]> {
	const pairs = await linkedPairs(page, path, pattern);
	return [...new Set(pairs.flatMap(([id]) => (id === undefined ? [] : [id])))];
}

/** Each link's ids in the groups of `pattern` (nothing for a page the role may not open). */
async function linkedPairs(page: Page, path: string, pattern: RegExp): Promise<number[][]> {
	const response = await page.goto(path);
	if (!response?.ok()) return [];
	const hrefs = await page
		.locator('main a[href]')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return hrefs.flatMap((href) => {
		const match = pattern.exec(href);
		return match ? [match.slice(1).map(Number)] : [];
	});
}

/**
 * A paused webhook (it never sends), for its page when an admin has none yet. Left in place:
 * paused, it changes nothing another test sees.
 */
export async function createPausedWebhook(page: Page): Promise<number> {
	await page.goto('/admin/webhooks/new');
	await page.locator('html[data-hydrated]').waitFor();
	await page.fill('input[name=url]', 'http://127.0.0.1:9/keel-accessibility-check');
	await page.fill('input[name=description]', 'Accessibility check (paused)');
	await page.locator('input[name^="event."]').first().check();
	await page.locator('input[name=active]').uncheck();
	await Promise.all([
		page.waitForURL(/\/admin\/webhooks\/\d+/),
		page.locator('main form button[type=submit]').click()
	]);
	return Number(/\/admin\/webhooks\/(\d+)/.exec(page.url())![1]);
}

/** An uploaded, not yet imported, one-row accounts file, for the import page when none exists. */
export async function createPendingImport(page: Page): Promise<number> {
	await page.goto('/imports');
	await page.locator('html[data-hydrated]').waitFor();
	const csv =
		'Account ID;Account name;Segment;Region;Time zone;Stage;Channel;Package;ARR;Renewal\r\n' +
		'a11y-1;Accessibility Check Ltd;smb;emea;Europe/London;onboarding;direct;standard;1000;\r\n';
	await page.setInputFiles('#import-file', {
		name: 'accessibility-check.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await page.fill('#import-source', 'Accessibility check');
	await Promise.all([
		page.waitForURL(/\/imports\/\d+$/),
		page.locator('main form button[type=submit]').first().click()
	]);
	return Number(/\/imports\/(\d+)$/.exec(page.url())![1]);
}

/**
 * Where each role starts: the page sign-in lands on first, then the pages its work begins
 * from. The quick run checks these as the role itself, on top of each page as its first role.
 */
export const LANDING: Record<Role, readonly string[]> = {
	manager: ['/(app)/accounts'],
	admin: ['/(app)/admin/users', '/(app)/accounts/[accountId=id]'],
	csm: ['/(app)/my-work', '/(app)/accounts', '/(app)/accounts/[accountId=id]'],
	partner: ['/(app)/my-work', '/(app)/accounts', '/(app)/accounts/[accountId=id]'],
	sales: ['/(app)/risks', '/(app)/accounts', '/(app)/accounts/[accountId=id]']
};
