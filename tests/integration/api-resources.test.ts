import { describe, expect, it } from 'vitest';
import { endpoint } from '../../src/lib/server/api/api-endpoints';
import { OPERATIONS, type OperationId } from '../../src/lib/server/api/api-spec';
import * as tokens from '../../src/lib/server/api/api-token.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as churn from '../../src/lib/server/churn/churn.service';
import {
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam,
	uniqueIp,
	uniqueTag
} from '../support/factories';
import { useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

/** The operation of the route table a method and path name, with its path parameters. */
function route(method: string, path: string): { id: OperationId; params: Record<string, string> } {
	for (const [id, op] of Object.entries(OPERATIONS)) {
		if (op.method !== method) continue;
		const names: string[] = [];
		const pattern = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
		const match = new RegExp(`^${pattern}$`).exec(path);
		if (match) {
			return {
				id: id as OperationId,
				params: Object.fromEntries(names.map((n, i) => [n, match[i + 1]!]))
			};
		}
	}
	throw new Error(`no operation for ${method} ${path}`);
}

/** The answers' fields these tests read. */
interface ApiBody {
	data: { id: number; account_id: number }[];
	next_cursor: string | null;
	error: { code: string; message: string; fields?: Record<string, string> };
	id: number;
	status: string;
	version: number;
	csm: unknown;
	team: unknown;
	events: { kind: string }[];
}

interface Client {
	user: SessionUser;
	get(path: string): Promise<{ status: number; json: ApiBody }>;
	post(
		path: string,
		body: unknown,
		init?: { contentType?: string; raw?: string }
	): Promise<{ status: number; json: ApiBody }>;
}

async function send(
	token: string,
	method: 'GET' | 'POST',
	pathAndQuery: string,
	body?: string,
	contentType = 'application/json'
) {
	const url = new URL(`http://keel.test/api/v1${pathAndQuery}`);
	const { id, params } = route(method, url.pathname.slice('/api/v1'.length));
	const headers = new Headers({ authorization: `Bearer ${token}` });
	if (body !== undefined) headers.set('content-type', contentType);
	const response = await endpoint(id)({
		request: new Request(url, { method, headers, body }),
		url,
		params,
		locals: { db: t.db },
		getClientAddress: () => uniqueIp()
	});
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	return { status: response.status, json: (await response.json()) as ApiBody };
}

/** A user of `role` with a read-and-write token, calling the API as a client would. */
async function client(
	role: SessionUser['role'],
	options: { resellerId?: number } = {}
): Promise<Client> {
	const user = await makeUser(t.db, role, options);
	const { token } = await tokens.createToken(t.db, user, {
		name: 'Test',
		access: 'write',
		expires_on: null
	});
	return {
		user,
		get: (path) => send(token, 'GET', path),
		post: (path, body, init = {}) =>
			send(token, 'POST', path, init.raw ?? JSON.stringify(body), init.contentType)
	};
}

async function followedPages(c: Client, path: string) {
	const ids: number[] = [];
	let cursor: string | null = null;
	let pages = 0;
	do {
		const sep = path.includes('?') ? '&' : '?';
		const answer = await c.get(
			`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`
		);
		expect(answer.status).toBe(200);
		ids.push(...answer.json.data.map((row: { id: number }) => row.id));
		cursor = answer.json.next_cursor;
		pages++;
	} while (cursor !== null);
	return { ids, pages };
}

async function followUpTask(accountId: number, owner: SessionUser, due = '2030-01-10') {
	return t.db
		.insertInto('tasks')
		.values({
			account_id: accountId,
			title: `Call ${uniqueTag()}`,
			owner_user_id: owner.id,
			due_date: due,
			source: 'feedback'
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

const flagInput = (arr: number): churn.FlagInput => ({
	severity: 'high',
	reason: 'competitor',
	arr_at_risk: arr,
	summary: 'Evaluating a competitor',
	next_step: 'Executive call',
	next_step_owner_id: null,
	next_step_due: null
});

describe('access is the web app’s', () => {
	it('a partner sees only their reseller’s customers; others are 404, not 403', async () => {
		const reseller = await makeReseller(t.db);
		const partner = await client('partner', { resellerId: reseller.id });
		const tag = uniqueTag();
		const theirs = await makeAccount(t.db, { name: `P ${tag} mine`, reseller_id: reseller.id });
		const other = await makeAccount(t.db, {
			name: `P ${tag} other`,
			reseller_id: (await makeReseller(t.db)).id
		});
		const direct = await makeAccount(t.db, { name: `P ${tag} direct` });
		const list = await partner.get(`/accounts?q=${tag}`);
		expect(list.json.data.map((a: { id: number }) => a.id)).toEqual([theirs.id]);
		expect((await partner.get(`/accounts/${theirs.id}`)).status).toBe(200);
		for (const id of [other.id, direct.id]) {
			const answer = await partner.get(`/accounts/${id}`);
			expect(answer.status).toBe(404);
			expect(answer.json.error.code).toBe('not_found');
			expect((await partner.get(`/accounts/${id}/health`)).status).toBe(404);
		}
		const csm = await makeUser(t.db, 'csm');
		const hidden = await followUpTask(other.id, csm);
		expect((await partner.get(`/tasks/${hidden.id}`)).status).toBe(404);
		// Churn risk is the vendor's own read: a partner is refused, as on the page.
		expect((await partner.get('/churn-flags')).status).toBe(403);
	});

	it('a CSM reads every account (as the accounts page) but works tasks only on their own', async () => {
		const mine = await client('csm');
		const otherCsm = await makeUser(t.db, 'csm');
		const theirs = await makeAccount(t.db);
		await putOnTeam(t.db, theirs.id, otherCsm);
		const account = await mine.get(`/accounts/${theirs.id}`);
		expect(account.status).toBe(200);
		expect(account.json.csm).toEqual({ id: otherCsm.id, name: otherCsm.name });
		expect(account.json.team).toEqual([
			{ user_id: otherCsm.id, name: otherCsm.name, team_role: 'CSM' }
		]);
		const task = await followUpTask(theirs.id, otherCsm);
		const refused = await mine.post(`/tasks/${task.id}/complete`, { version: task.version });
		expect(refused.status).toBe(403);
		// The churn risk list is for managers and sales.
		expect((await mine.get('/churn-flags')).status).toBe(403);
	});

	it('sales read the flags of their own accounts and may comment, but not mitigate or work tasks', async () => {
		const sales = await client('sales');
		const csm = await makeUser(t.db, 'csm');
		const ours = await makeAccount(t.db);
		const notOurs = await makeAccount(t.db);
		await putOnTeam(t.db, ours.id, csm);
		await putOnTeam(t.db, ours.id, sales.user, 'AM');
		await putOnTeam(t.db, notOurs.id, csm);
		const flagId = await churn.raiseFlag(t.db, csm, ours.id, flagInput(1000));
		await churn.raiseFlag(t.db, csm, notOurs.id, flagInput(1000));
		const list = await sales.get('/churn-flags');
		expect(list.status).toBe(200);
		expect(list.json.data.map((f: { account_id: number }) => f.account_id)).toEqual([ours.id]);
		expect(list.json.data.map((f) => f.id)).toEqual([flagId]);
		expect((await sales.get(`/churn-flags/${flagId}`)).status).toBe(200);
		const comment = await sales.post(`/churn-flags/${flagId}/notes`, {
			kind: 'comment',
			body: 'Customer confirmed the budget'
		});
		expect(comment.status).toBe(201);
		expect(comment.json.events.at(-1)).toMatchObject({
			kind: 'comment',
			body: 'Customer confirmed the budget',
			actor: sales.user.name
		});
		const audit = await t.db
			.selectFrom('audit_log')
			.select('actor_id')
			.where('entity', '=', 'churn_flag')
			.where('entity_id', '=', flagId)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(audit.actor_id).toBe(sales.user.id);
		expect(
			(await sales.post(`/churn-flags/${flagId}/notes`, { kind: 'mitigation', body: 'x' })).status
		).toBe(403);
		const task = await followUpTask(ours.id, csm);
		expect((await sales.post(`/tasks/${task.id}/complete`, { version: task.version })).status).toBe(
			403
		);
	});

	it('answers 404 for ids that name nothing, including ones that are not numbers', async () => {
		const manager = await client('manager');
		for (const path of [
			'/accounts/2147483000',
			'/accounts/abc',
			'/tasks/0',
			'/churn-flags/99999999'
		]) {
			const answer = await manager.get(path);
			expect(answer.status, path).toBe(404);
			expect(answer.json.error.code).toBe('not_found');
		}
	});
});

describe('cursor pagination', () => {
	it('walks a sorted list page by page without gaps or duplicates, ties broken by id', async () => {
		const manager = await client('manager');
		const tag = uniqueTag();
		const made: Awaited<ReturnType<typeof makeAccount>>[] = [];
		// Several accounts share an ARR, so only the id orders them within it.
		for (let i = 0; i < 7; i++) {
			made.push(
				await makeAccount(t.db, {
					name: `Pg ${tag} ${i}`,
					arr: [500, 100, 100, 300, 100, 500, 200][i]
				})
			);
		}
		const expected = [...made].sort((a, b) => b.arr - a.arr || a.id - b.id).map((a) => a.id);
		const { ids, pages } = await followedPages(
			manager,
			`/accounts?q=${tag}&sort=arr&dir=desc&limit=2`
		);
		expect(ids).toEqual(expected);
		expect(pages).toBe(4);
		const byName = await followedPages(manager, `/accounts?q=${tag}&limit=3`);
		expect(byName.ids).toEqual(made.map((a) => a.id));
		// A limit of exactly the count ends on that page.
		const whole = await manager.get(`/accounts?q=${tag}&limit=7`);
		expect(whole.json.data).toHaveLength(7);
		expect(whole.json.next_cursor).toBeNull();
	});

	it('pages churn flags by ARR at risk and tasks by account and due date', async () => {
		const manager = await client('manager');
		const csm = await client('csm');
		const accounts: Awaited<ReturnType<typeof makeAccount>>[] = [];
		for (let i = 0; i < 3; i++) {
			const account = await makeAccount(t.db, { name: `Tk ${uniqueTag()} ${i}` });
			await putOnTeam(t.db, account.id, csm.user);
			accounts.push(account);
		}
		const tasks: Awaited<ReturnType<typeof followUpTask>>[] = [];
		for (const account of accounts) {
			for (const due of ['2030-01-02', '2030-01-01', '2030-01-01'])
				tasks.push(await followUpTask(account.id, csm.user, due));
		}
		const expected = [...tasks]
			.sort((a, b) => {
				const an = accounts.find((x) => x.id === a.account_id)!.name;
				const bn = accounts.find((x) => x.id === b.account_id)!.name;
				return an < bn
					? -1
					: an > bn
						? 1
						: a.due_date! < b.due_date!
							? -1
							: a.due_date! > b.due_date!
								? 1
								: a.id - b.id;
			})
			.map((x) => x.id);
		const walked = await followedPages(csm, '/tasks?due_by=2030-12-31&limit=4');
		expect(walked.ids).toEqual(expected);

		const severity = 'critical';
		for (const [i, account] of accounts.entries()) {
			await churn.raiseFlag(t.db, csm.user, account.id, {
				...flagInput(7_777_000 + (i % 2)),
				severity
			});
		}
		const all = await followedPages(manager, `/churn-flags?severity=${severity}&limit=1`);
		const first = await manager.get(`/churn-flags?severity=${severity}&limit=200`);
		expect(all.ids).toEqual(first.json.data.map((f: { id: number }) => f.id));
		expect(new Set(all.ids).size).toBe(all.ids.length);
	});
});

describe('errors are structured JSON', () => {
	it('400 with fields for a bad limit, a bad cursor, a cursor from another query and bad input', async () => {
		const manager = await client('manager');
		for (const limit of ['0', '201', 'ten']) {
			const answer = await manager.get(`/accounts?limit=${limit}`);
			expect(answer.status).toBe(400);
			expect(answer.json.error).toMatchObject({
				code: 'validation_failed',
				fields: { limit: expect.any(String) }
			});
		}
		expect((await manager.get('/accounts?cursor=not-a-cursor')).json.error.code).toBe(
			'invalid_cursor'
		);
		const tag = uniqueTag();
		await makeAccount(t.db, { name: `Cur ${tag} a` });
		await makeAccount(t.db, { name: `Cur ${tag} b` });
		const page = await manager.get(`/accounts?q=${tag}&limit=1`);
		const cursor = encodeURIComponent(page.json.next_cursor ?? '');
		expect((await manager.get(`/accounts?q=${tag}&sort=arr&limit=1&cursor=${cursor}`)).status).toBe(
			400
		);
		expect((await manager.get(`/accounts?q=${tag}&limit=1&cursor=${cursor}`)).status).toBe(200);
		// A forged position of the wrong type never reaches SQL as such.
		const forged = Buffer.from(
			JSON.stringify({ q: 'sort=renewal_date', p: { value: 'soon', id: 1 } })
		).toString('base64url');
		const bad = await manager.get(`/accounts?sort=renewal_date&cursor=${forged}`);
		expect(bad.status).toBe(400);
		expect(bad.json.error.code).toBe('invalid_cursor');
		expect((await manager.get('/tasks?due_by=2030-02-31')).json.error.fields).toEqual({
			due_by: expect.any(String)
		});
	});

	it('400 with the schema’s field messages on a write, 415 on a body that is not JSON', async () => {
		const csm = await client('csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm.user);
		const flagId = await churn.raiseFlag(t.db, csm.user, account.id, flagInput(10));
		const invalid = await csm.post(`/churn-flags/${flagId}/notes`, { kind: 'shout', body: '  ' });
		expect(invalid.status).toBe(400);
		expect(invalid.json).toEqual({
			error: {
				code: 'validation_failed',
				message: expect.any(String),
				fields: { kind: 'Choose one of the options.', body: 'This field is required.' }
			}
		});
		const task = await followUpTask(account.id, csm.user);
		const noVersion = await csm.post(`/tasks/${task.id}/complete`, {});
		expect(noVersion.json.error.fields).toHaveProperty('version');
		expect(
			(
				await csm.post(`/tasks/${task.id}/complete`, null, {
					raw: 'version=1',
					contentType: 'application/x-www-form-urlencoded'
				})
			).status
		).toBe(415);
		const broken = await csm.post(`/tasks/${task.id}/complete`, null, { raw: '{"version":' });
		expect(broken.status).toBe(400);
		expect(broken.json.error.code).toBe('bad_request');
	});

	it('409 on a stale version; reopening works at the current one', async () => {
		const csm = await client('csm');
		const account = await makeAccount(t.db);
		await putOnTeam(t.db, account.id, csm.user);
		const task = await followUpTask(account.id, csm.user);
		const done = await csm.post(`/tasks/${task.id}/complete`, { version: task.version });
		expect(done.json.status).toBe('done');
		const stale = await csm.post(`/tasks/${task.id}/reopen`, { version: task.version });
		expect(stale.status).toBe(409);
		expect(stale.json.error.code).toBe('stale_version');
		const reopened = await csm.post(`/tasks/${task.id}/reopen`, { version: done.json.version });
		expect(reopened.status).toBe(200);
		expect(reopened.json).toMatchObject({ status: 'open', version: task.version + 2 });
		const audit = await t.db
			.selectFrom('audit_log')
			.select('actor_id')
			.where('entity', '=', 'task')
			.where('entity_id', '=', task.id)
			.execute();
		expect(audit).toEqual([{ actor_id: csm.user.id }, { actor_id: csm.user.id }]);
	});
});
