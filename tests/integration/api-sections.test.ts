import { describe, expect, it } from 'vitest';
import { endpoint } from '../../src/lib/server/api/api-endpoints';
import { OPERATIONS, type OperationId } from '../../src/lib/server/api/api-spec';
import * as tokens from '../../src/lib/server/api/api-token.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import * as reviews from '../../src/lib/server/reviews/review.service';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueIp } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

/** The answers' fields these tests read. */
interface ApiBody {
	data: { id: number; account_id: number; response_clock?: unknown }[];
	next_cursor: string | null;
	error: { code: string; fields?: Record<string, string> };
	id: number;
	follow_up_task_id: number | null;
	events: { kind: string }[];
	actions: { task_id: number }[];
}

function route(method: string, path: string): { id: OperationId; params: Record<string, string> } {
	for (const [id, op] of Object.entries(OPERATIONS)) {
		const names: string[] = [];
		const pattern = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
		const match = new RegExp(`^${pattern}$`).exec(path);
		if (op.method === method && match) {
			const params = Object.fromEntries(names.map((n, i) => [n, match[i + 1]!]));
			return { id: id as OperationId, params };
		}
	}
	throw new Error(`no operation for ${method} ${path}`);
}

async function as(role: SessionUser['role'], options: { resellerId?: number } = {}) {
	const user = await makeUser(t.db, role, options);
	const { token } = await tokens.createToken(t.db, user, {
		name: 'T',
		access: 'write',
		expires_on: null
	});
	const send = async (method: 'GET' | 'POST', pathAndQuery: string, body?: unknown) => {
		const url = new URL(`http://keel.test/api/v1${pathAndQuery}`);
		const { id, params } = route(method, url.pathname.slice('/api/v1'.length));
		const headers = new Headers({ authorization: `Bearer ${token}` });
		if (body !== undefined) headers.set('content-type', 'application/json');
		const response = await endpoint(id)({
			request: new Request(url, {
				method,
				headers,
				body: body === undefined ? undefined : JSON.stringify(body)
			}),
			url,
			params,
			locals: { db: t.db },
			getClientAddress: () => uniqueIp()
		});
		return { status: response.status, json: (await response.json()) as ApiBody };
	};
	return {
		user,
		get: (path: string) => send('GET', path),
		post: (path: string, body: unknown) => send('POST', path, body)
	};
}

describe('feedback', () => {
	it('records a response through the capture service (a detractor gets a follow-up) and reads it back', async () => {
		const csm = await as('csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm.user);
		const made = await csm.post(`/accounts/${account.id}/feedback`, {
			kind: 'nps',
			score: 3,
			comment: 'Too slow',
			source: 'survey',
			received_on: '2026-11-20',
			status: 'new'
		});
		expect(made.status).toBe(201);
		expect(made.json).toMatchObject({ account_id: account.id, kind: 'nps', score: 3 });
		expect(made.json.follow_up_task_id).not.toBeNull();
		const audit = await t.db
			.selectFrom('audit_log')
			.select('actor_id')
			.where('entity', '=', 'feedback')
			.where('entity_id', '=', made.json.id)
			.execute();
		expect(audit).toEqual([{ actor_id: csm.user.id }]);
		expect((await csm.get(`/feedback/${made.json.id}`)).json.id).toBe(made.json.id);

		// The follow-up is a task like any other: completed and reopened, version by version.
		const taskId = made.json.follow_up_task_id!;
		const done = await csm.post(`/tasks/${taskId}/complete`, { version: 1 });
		expect(done.json).toMatchObject({ status: 'done', version: 2 });
		const reopened = await csm.post(`/tasks/${taskId}/reopen`, { version: 2 });
		expect(reopened.status).toBe(200);
		expect(reopened.json).toMatchObject({ status: 'open', version: 3 });

		const bad = await csm.post(`/accounts/${account.id}/feedback`, {
			kind: 'nps',
			score: 11,
			source: 'survey',
			received_on: '2026-11-20',
			status: 'new'
		});
		expect(bad.status).toBe(400);
		expect(bad.json.error.fields).toHaveProperty('score');

		const sales = await as('sales');
		const refused = await sales.post(`/accounts/${account.id}/feedback`, {
			kind: 'csat',
			score: 5,
			source: 'call',
			received_on: '2026-11-20',
			status: 'new'
		});
		expect(refused.status).toBe(403);
	});

	it('lists an account’s responses newest first across pages; a partner cannot see another reseller’s', async () => {
		const csm = await as('csm');
		const account = await makeAccount(t.db, { reseller_id: (await makeReseller(t.db)).id });
		await putOnTeam(t.db, account.id, csm.user);
		const ids: number[] = [];
		for (const day of ['2026-11-01', '2026-11-03', '2026-11-03', '2026-11-02']) {
			const made = await csm.post(`/accounts/${account.id}/feedback`, {
				kind: 'csat',
				score: 4,
				source: 'email',
				received_on: day,
				status: 'new'
			});
			ids.push(made.json.id);
		}
		const seen: number[] = [];
		let cursor: string | null = null;
		do {
			const page = await csm.get(
				`/accounts/${account.id}/feedback?limit=3${cursor ? `&cursor=${cursor}` : ''}`
			);
			seen.push(...page.json.data.map((f) => f.id));
			cursor = page.json.next_cursor;
		} while (cursor);
		expect(seen).toEqual([ids[2], ids[1], ids[3], ids[0]]);
		const partner = await as('partner');
		expect((await partner.get(`/accounts/${account.id}/feedback`)).status).toBe(404);
		expect((await partner.get(`/feedback/${ids[0]}`)).status).toBe(404);
	});
});

describe('escalations, reviews and the health review', () => {
	it('lists the escalation queue with clocks and reads one with its timeline; partners only their own', async () => {
		const csm = await as('csm');
		const reseller = await makeReseller(t.db);
		const account = await makeAccount(t.db, {
			support_package: 'premium',
			reseller_id: reseller.id
		});
		await putOnTeam(t.db, account.id, csm.user);
		const id = await escalations.openEscalation(t.db, csm.user, account.id, {
			title: 'Checkout down',
			description: 'Every payment fails',
			priority: 'P1',
			category: 'outage',
			external_ref: '',
			reported_via: 'phone',
			contact_id: null,
			owner_id: csm.user.id,
			routed_to: null
		});
		// Two more, so the CSM's own queue spans pages read by the keyset of exact instants.
		for (const priority of ['P3', 'P1'] as const) {
			await escalations.openEscalation(t.db, csm.user, account.id, {
				title: `Also ${priority}`,
				description: '',
				priority,
				category: 'outage',
				external_ref: '',
				reported_via: 'email',
				contact_id: null,
				owner_id: csm.user.id,
				routed_to: null
			});
		}
		const all = await csm.get(`/escalations?owner=${csm.user.id}&limit=200`);
		expect(all.json.data).toHaveLength(3);
		const walked: number[] = [];
		let cursor: string | null = null;
		do {
			const page = await csm.get(
				`/escalations?owner=${csm.user.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`
			);
			walked.push(...page.json.data.map((e) => e.id));
			cursor = page.json.next_cursor;
		} while (cursor);
		expect(walked).toEqual(all.json.data.map((e) => e.id));
		const partner = await as('partner', { resellerId: reseller.id });
		const queue = await partner.get('/escalations?priority=P1&limit=200');
		expect(queue.status).toBe(200);
		const row = queue.json.data.find((e) => e.id === id);
		expect(row).toMatchObject({
			account_id: account.id,
			response_clock: { state: expect.any(String) }
		});
		const one = await partner.get(`/escalations/${id}`);
		expect(one.status).toBe(200);
		expect(one.json.events.map((e) => e.kind)).toContain('opened');
		const stranger = await as('partner');
		expect((await stranger.get(`/escalations/${id}`)).status).toBe(404);
		expect(
			(await stranger.get('/escalations?priority=P1&limit=200')).json.data.map((e) => e.id)
		).not.toContain(id);
	});

	it('lists upcoming reviews as the reviews page, and reads one; admins are refused the list', async () => {
		const csm = await as('csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm.user);
		const id = await reviews.scheduleReview(t.db, csm.user, account.id, {
			kind: 'qbr',
			title: 'Quarterly',
			date: '2031-03-10',
			time: '10:00',
			duration_minutes: 60,
			location: '',
			agenda: '',
			attendees: []
		});
		const list = await csm.get('/reviews?view=upcoming&limit=200');
		expect(list.json.data.map((r) => r.id)).toContain(id);
		const one = await csm.get(`/reviews/${id}`);
		expect(one.status).toBe(200);
		expect(one.json).toMatchObject({ id, account_id: account.id, actions: [] });
		expect((await (await as('admin')).get('/reviews')).status).toBe(403);
	});

	it('gives managers the portfolio health review and refuses other roles', async () => {
		const manager = await as('manager');
		const page = await manager.get('/health?limit=2');
		expect(page.status).toBe(200);
		expect(Array.isArray(page.json.data)).toBe(true);
		expect((await (await as('csm')).get('/health')).status).toBe(403);
		const account = await makeAccount(t.db);
		const health = await manager.get(`/accounts/${account.id}/health`);
		expect(health.status).toBe(200);
	});
});
