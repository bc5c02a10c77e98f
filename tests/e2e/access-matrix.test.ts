import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { OPERATIONS } from '../../src/lib/server/api/api-spec';
import { allCases, describeCase, fill, type Case } from '../support/access-cases';
import { api, Client, pool, type Answer } from '../support/access-client';
import { findFixtures, type Fixtures, type Sessions } from '../support/access-fixtures';
import { API_PREFIX, apiKey, apiOperations, discoverRoutes } from '../support/access-routes';
import { CROSS } from '../support/access-idor';
import { API, ROUTES, type Role } from '../support/access-rules';
import { DEMO } from '../support/browser';

/**
 * Issue 9, item 1: every route, form action, endpoint and API operation, as each role, against
 * the table in tests/support/access-rules.ts; and IDOR: another CSM's or another reseller's
 * objects named in URLs, hidden form fields, exports, calendar files and API calls are refused.
 * Plain HTTP with each role's session cookie or API token; nothing the demo data holds changes.
 */
const baseURL = inject('baseURL');
const CONCURRENCY = 4;

const routes = discoverRoutes();
/** /api/v1 routes whose every method is an operation of api-spec.ts (checked by API rules). */
const operationKeys = new Map([...apiOperations()].map(([id, key]) => [key, id]));
const isOperationRoute = (path: string, methods: string[]) =>
	path.startsWith(`${API_PREFIX}/`) &&
	methods.some((m) => m !== 'fallback') &&
	methods.filter((m) => m !== 'fallback').every((m) => operationKeys.has(apiKey(path, m)));
const operationRoutes = routes.filter((r) => isOperationRoute(r.path, r.methods));
const appRoutes = routes.filter((r) => !isOperationRoute(r.path, r.methods));

const difference = (a: Iterable<string>, b: Iterable<string>) => {
	const other = new Set(b);
	return [...a].filter((x) => !other.has(x));
};

describe('the access table covers the route list', () => {
	it('has a rule for every route, page, action and method, and none for what is gone', () => {
		const problems: string[] = [];
		for (const route of appRoutes) {
			const rule = ROUTES[route.path];
			if (!rule) {
				problems.push(`${route.path}: no rule in access-rules.ts`);
				continue;
			}
			if (route.page !== Boolean(rule.page))
				problems.push(`${route.path}: page ${route.page ? 'without a rule' : 'rule for no page'}`);
			const actions = Object.keys(rule.actions ?? {});
			for (const a of difference(route.actions, actions))
				problems.push(`${route.path}: no rule for ?/${a}`);
			for (const a of difference(actions, route.actions))
				problems.push(`${route.path}: ?/${a} is gone`);
			const methods = Object.keys(rule.methods ?? {});
			for (const m of difference(route.methods, methods))
				problems.push(`${route.path}: no rule for ${m}`);
			for (const m of difference(methods, route.methods))
				problems.push(`${route.path}: ${m} is gone`);
		}
		for (const path of difference(
			Object.keys(ROUTES),
			appRoutes.map((r) => r.path)
		))
			problems.push(`${path}: a rule for a route that does not exist`);
		for (const { route, action } of CROSS) {
			if (action ? !ROUTES[route]?.actions?.[action] : !ROUTES[route]?.page)
				problems.push(`${route} ${action ?? 'page'}: an IDOR case for what is gone`);
		}
		expect(problems).toEqual([]);
	});

	it('has a rule for every API operation, each served by a route', () => {
		const served = operationRoutes.flatMap((r) =>
			r.methods.filter((m) => m !== 'fallback').map((m) => operationKeys.get(apiKey(r.path, m))!)
		);
		const operations = Object.keys(OPERATIONS);
		expect(difference(operations, served), 'operations no route serves').toEqual([]);
		expect(difference(operations, Object.keys(API)), 'operations without a rule').toEqual([]);
		expect(difference(Object.keys(API), operations), 'rules for no operation').toEqual([]);
		// Every API route answers other methods with 405, never the app's HTML.
		expect(
			operationRoutes.filter((r) => !r.methods.includes('fallback')).map((r) => r.path)
		).toEqual([]);
	});
});

let clients: Record<Role, Client>;
let sessions: Sessions;
let fx: Fixtures;
let tokens: Record<Role, string | null>;
let readToken: string;
const results = new Map<Case, Answer>();
let before: string[];

/** What the demo objects the cases aim at look like: ids, versions, statuses, read marks. */
async function fingerprint(): Promise<string[]> {
	const pages = new Set<string>();
	for (const s of [fx.own, fx.other]) {
		const tabs = ['', '/plan', '/onboarding', '/reviews', '/feedback', '/risks', '/escalations'];
		for (const ref of Object.values(s)) {
			if (typeof ref !== 'object') continue;
			for (const tab of tabs) pages.add(`/accounts/${ref.account}${tab}`);
		}
		pages.add(`/accounts/${s.review.account}/reviews/${s.review.id}`);
		pages.add(`/accounts/${s.reviewAction.account}/reviews/${s.reviewAction.parent}`);
		pages.add(`/escalations/${s.escalation.id}`);
		pages.add(`/escalations/${s.escalationAction.parent}`);
	}
	const reads: [Client, string][] = [
		...[...pages].map((p): [Client, string] => [sessions.manager, p]),
		...[
			'/admin/users',
			'/admin/templates',
			'/admin/support',
			'/admin/review-cadences',
			'/admin/health-model',
			'/admin/webhooks',
			'/imports'
		].map((p): [Client, string] => [sessions.admin, p]),
		[sessions.csm2, '/notifications']
	];
	const marks: string[] = [];
	const walk = (where: string, value: unknown) => {
		if (Array.isArray(value)) value.forEach((v) => walk(where, v));
		else if (value && typeof value === 'object' && !(value instanceof Date)) {
			const o = value as Record<string, unknown>;
			if (typeof o.id === 'number') {
				const read = 'read_at' in o ? (o.read_at ? ' read' : ' unread') : '';
				marks.push(`${where} #${o.id} v${o.version ?? '-'} ${o.status ?? ''}${read}`);
			}
			Object.values(o).forEach((v) => walk(where, v));
		}
	};
	await pool(reads, CONCURRENCY, async ([client, path]) => walk(path, await client.pageData(path)));
	return [...new Set(marks)].sort();
}

beforeAll(async () => {
	const signIn = (email: string) => Client.signIn(baseURL, email);
	const [admin, manager, csm1, csm2, sales, partner, partner2] = await Promise.all(
		[DEMO.admin, DEMO.manager, DEMO.csm1, DEMO.csm2, DEMO.sales, DEMO.partner, DEMO.partner2].map(
			signIn
		)
	);
	sessions = {
		manager: manager!,
		admin: admin!,
		csm1: csm1!,
		csm2: csm2!,
		partner: partner!,
		partner2: partner2!
	};
	clients = {
		anon: new Client(baseURL),
		admin: admin!,
		manager: manager!,
		csm: csm1!,
		sales: sales!,
		partner: partner!
	};
	const [tAdmin, tManager, tCsm, tSales, tPartner, tPartner2, tRead] = await Promise.all([
		admin!.createToken('write'),
		manager!.createToken('write'),
		csm1!.createToken('write'),
		sales!.createToken('write'),
		partner!.createToken('write'),
		partner2!.createToken('write'),
		csm1!.createToken('read')
	]);
	tokens = {
		anon: null,
		admin: tAdmin,
		manager: tManager,
		csm: tCsm,
		sales: tSales,
		partner: tPartner
	};
	readToken = tRead;
	fx = await findFixtures(baseURL, sessions, {
		manager: tManager,
		partner: tPartner,
		partner2: tPartner2
	});
	before = await fingerprint();

	const cases = allCases(fx, new Set(routes.filter((r) => r.guarded).map((r) => r.path)));
	const answers = await pool(cases, CONCURRENCY, (c) => c.run({ baseURL, clients, tokens, fx }));
	cases.forEach((c, i) => results.set(c, answers[i]!));
}, 120_000);

afterAll(async () => {
	if (!sessions) return;
	await Promise.all([...Object.values(sessions), clients.sales].map((c) => c.revokeTokens()));
});

function failures(rule: string): string[] {
	const mine = [...results].filter(([c]) => c.rule === rule);
	if (mine.length === 0) return [`${rule}: no cases ran`];
	return mine.filter(([c, a]) => a.outcome !== c.expect).map(([c, a]) => describeCase(c, a));
}

describe('each role reaches what the table allows, and nothing else', () => {
	it('ran every case', () => {
		// Routes × what × scope × role; the report of issue 9 quotes this count.
		console.log(`[access matrix] ${results.size} cases`);
		expect(results.size).toBeGreaterThan(1000);
	});
	it.each(Object.keys(ROUTES))('%s', (rule) => {
		expect(failures(rule)).toEqual([]);
	});
	it.each(Object.keys(API))('API %s', (id) => {
		expect(failures(`API ${id}`)).toEqual([]);
	});
	it('answers other methods of every API route with 405, as JSON', async () => {
		const answers = await pool(operationRoutes, CONCURRENCY, async (route) => {
			const path = fill(route.path, { id: 1 }).slice(API_PREFIX.length);
			const { outcome } = await api(baseURL, null, 'DELETE', path);
			return `${route.path} ${outcome}`;
		});
		expect(answers).toEqual(operationRoutes.map((r) => `${r.path} 405`));
	});
});

describe('ids of objects on another account, in hidden form fields, are refused', () => {
	it.each(
		CROSS.map(
			(rule, i) =>
				[`${rule.route} ${rule.action ? `?/${rule.action}` : 'GET'} #${i}`, rule] as const
		)
	)('%s', async (_name, rule) => {
		const url = fill(rule.route, rule.params(fx));
		const problems: string[] = [];
		for (const [role, expected] of Object.entries(rule.roles)) {
			const client = clients[role as Role];
			const answer = rule.action
				? await client.action(url, rule.action, rule.body?.(fx.own, fx.other, fx) ?? {})
				: await client.get(url);
			const named = rule.error ? rule.error.test(answer.detail) : true;
			if (answer.outcome !== expected || !named)
				problems.push(
					`${role}: expected ${expected}, got ${answer.outcome} ${answer.detail.slice(0, 160)}`
				);
		}
		expect(problems).toEqual([]);
	});

	it('another user’s API token cannot be revoked', async () => {
		const { tokens: managers } = await sessions.manager.pageData<{ tokens: { id: number }[] }>(
			'/settings/tokens'
		);
		const revoke = await clients.csm.action('/settings/tokens', 'revoke', { id: managers[0]!.id });
		expect(revoke.outcome).toBe(404);
		const still = await api(baseURL, tokens.manager, 'GET', '/accounts?limit=1');
		expect(still.outcome).toBe('ok');
	});

	it('a read-only token reads but never writes', async () => {
		const task = fx.own.planTask;
		expect((await api(baseURL, readToken, 'GET', `/tasks/${task.id}`)).outcome).toBe('ok');
		for (const path of [`/tasks/${task.id}/complete`, `/tasks/${task.id}/reopen`]) {
			const answer = await api(baseURL, readToken, 'POST', path, { version: 1 });
			expect(answer.outcome, path).toBe(403);
		}
		const note = await api(baseURL, readToken, 'POST', `/churn-flags/${fx.own.flag.id}/notes`, {
			kind: 'comment',
			body: 'Access matrix'
		});
		expect(note.outcome).toBe(403);
	});
});

/**
 * Which of the account names a page, file or answer mentions: as text, or in the escaped form
 * HTML, a CSV cell or JSON gives it (another test file's accounts carry quotes and markup).
 */
const FORMS_OF_A_NAME = [
	(name: string) => name,
	(name: string) => name.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
	(name: string) => name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'),
	(name: string) => name.replace(/"/g, '""'),
	(name: string) => JSON.stringify(name).slice(1, -1)
];
const mentions = (text: string, names: string[]) =>
	names.filter((n) => FORMS_OF_A_NAME.some((form) => text.includes(form(n))));

describe("a partner's lists, exports and API answers hold only their reseller's customers", () => {
	/** `{csm2}` stands for csm2's user id: filters must not widen what a partner sees. */
	const withIds = (path: string) => path.replace('{csm2}', String(fx.users.csm2));

	it.each([
		'/accounts',
		'/accounts?csm={csm2}',
		'/accounts/export.csv',
		'/accounts/export.csv?csm={csm2}',
		'/escalations?state=all',
		'/escalations?state=all&owner={csm2}',
		'/escalations/export.csv?state=all',
		'/escalations/postmortems',
		'/escalations/postmortems/export.csv',
		'/onboarding',
		'/onboarding?csm={csm2}',
		'/onboarding/export.csv',
		'/reviews?csm=all',
		'/reviews/export.csv?csm=all',
		'/my-work',
		'/my-work/export.csv',
		'/notifications'
	])('%s', async (path) => {
		const { outcome, body } = await clients.partner.get(withIds(path));
		expect(outcome).toBe('ok');
		expect(mentions(body, fx.partner2Accounts)).toEqual([]);
	});

	it.each([
		'/accounts?limit=100',
		'/accounts?csm={csm2}&limit=100',
		'/escalations?state=all&limit=100',
		'/reviews?csm=all&limit=100',
		'/reviews?csm=all&view=overdue&limit=100',
		'/tasks?limit=100'
	])('API %s', async (path) => {
		const { outcome, json } = await api(baseURL, tokens.partner, 'GET', withIds(path));
		expect(outcome).toBe('ok');
		expect(mentions(JSON.stringify(json), fx.partner2Accounts)).toEqual([]);
	});

	it("is a check that could fail: others' exports name partner2's customers", async () => {
		const { body } = await clients.manager.get('/accounts/export.csv');
		expect(mentions(body, fx.partner2Accounts)).toEqual(fx.partner2Accounts);
		const own = await clients.partner.get('/accounts/export.csv');
		expect(mentions(own.body, fx.partnerAccounts)).toEqual(fx.partnerAccounts);
	});
});

describe('a calendar feed opens with its token only', () => {
	it('answers anyone with the token while it lives, and nobody once removed', async () => {
		const created = await clients.partner.action('/settings/calendar', 'create', {});
		const url = /https?:\/\/[^"\\]+\/calendar\/[a-z2-7]+\.ics/.exec(created.detail)?.[0];
		expect(url, created.detail).toBeTruthy();
		const path = new URL(url!).pathname;
		const feed = await clients.anon.get(path);
		expect(feed.outcome).toBe('ok');
		expect(mentions(feed.body, fx.partner2Accounts)).toEqual([]);
		expect((await clients.partner.action('/settings/calendar', 'remove', {})).outcome).toBe('ok');
		expect((await clients.anon.get(path)).outcome).toBe(404);
	});
});

describe('the demo data', () => {
	it('is as the matrix found it', async () => {
		const after = await fingerprint();
		expect({ added: difference(after, before), gone: difference(before, after) }).toEqual({
			added: [],
			gone: []
		});
	});
});
