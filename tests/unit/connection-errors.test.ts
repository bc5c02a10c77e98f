import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { isConnectionFailure } from '../../src/lib/server/db/connection-errors';
import { unavailableResponse } from '../../src/lib/server/http/unavailable';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('a lost database', () => {
	it('is told apart from a failing query, however pg reports it', () => {
		for (const cause of [
			coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
			coded('terminating connection due to administrator command', '57P01'),
			coded('the database system is shutting down', '57P03'),
			coded('connection failure', '08006'),
			new Error('Connection terminated unexpectedly'),
			new Error('timeout exceeded when trying to connect'),
			new Error('Client has encountered a connection error and is not queryable'),
			new Error('Connection terminated due to connection timeout', {
				cause: new Error('timeout expired')
			}),
			// Node's refusal of "localhost" on both ::1 and 127.0.0.1.
			new AggregateError([coded('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], '')
		]) {
			expect(isConnectionFailure(cause), String(cause)).toBe(true);
		}
		for (const cause of [
			coded('duplicate key value', '23505'),
			coded('could not serialize access', '40001'),
			new TypeError('bug'),
			null,
			'ECONNREFUSED'
		]) {
			expect(isConnectionFailure(cause), String(cause)).toBe(false);
		}
	});
});

function event(path: string, init: RequestInit = {}, isDataRequest = false) {
	const url = new URL(path, 'http://keel.test');
	return { url, request: new Request(url, init), isDataRequest } as unknown as RequestEvent;
}

describe('the 503 while the database is down', () => {
	it('takes the form each kind of request reads', async () => {
		const page = unavailableResponse(event('/accounts'));
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('5');
		expect(await page.text()).toContain('Keel is briefly unavailable');

		const api = unavailableResponse(event('/api/v1/accounts'));
		expect(api.status).toBe(503);
		expect((await api.json()).error.code).toBe('unavailable');

		// An enhanced form reads an action result; `$lib/forms/enhance` then keeps the input.
		const enhanced = unavailableResponse(
			event('/accounts/1', { method: 'POST', headers: { accept: 'application/json' } })
		);
		expect(enhanced.status).toBe(503);
		expect(await enhanced.json()).toMatchObject({ type: 'error' });

		// A form posted without JavaScript gets the page.
		const native = unavailableResponse(
			event('/accounts/1', { method: 'POST', headers: { accept: 'text/html,*/*' } })
		);
		expect(native.headers.get('content-type')).toMatch(/^text\/html/);

		const data = unavailableResponse(event('/accounts/__data.json', {}, true));
		expect(data.status).toBe(503);
		expect(typeof (await data.json()).message).toBe('string');
	});
});
