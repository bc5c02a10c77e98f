import { describe, expect, it } from 'vitest';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../src/lib/domain/errors';
import { apiUnavailable, errorResponse, toApiError } from '../../src/lib/server/api/api-errors';

async function answer(cause: unknown) {
	const error = await toApiError(cause);
	if (!error) return null;
	const response = errorResponse(error);
	return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('API errors', () => {
	it('map the domain’s named errors to statuses and codes', async () => {
		expect(await answer(new NotFoundError('account'))).toMatchObject({
			status: 404,
			body: { error: { code: 'not_found' } }
		});
		expect(await answer(new ForbiddenError())).toMatchObject({
			status: 403,
			body: { error: { code: 'forbidden' } }
		});
		expect(await answer(new StaleVersionError('task'))).toMatchObject({
			status: 409,
			body: { error: { code: 'stale_version' } }
		});
	});

	it('words a conflict as the form would, in English, under its field', async () => {
		const conflict = await answer(new ConflictError('owner_user_id', 'error.ownerNotOnTeam'));
		expect(conflict?.status).toBe(400);
		expect(conflict?.body.error.code).toBe('validation_failed');
		expect(conflict?.body.error.fields.owner_user_id).not.toMatch(/^error\./);
	});

	it('answer 503 with Retry-After while the database cannot be reached', async () => {
		for (const cause of [
			Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
			Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
			new Error('Connection terminated unexpectedly')
		]) {
			const down = await answer(cause);
			expect(down?.status).toBe(503);
			expect(down?.headers.get('retry-after')).toBe('5');
			expect(down?.body.error.code).toBe('unavailable');
		}
		const page = apiUnavailable();
		expect(page.status).toBe(503);
		expect(page.headers.get('content-type')).toMatch(/^application\/json/);
	});

	it('leave other errors to be logged as internal', async () => {
		expect(await answer(new TypeError('bug'))).toBeNull();
		expect(await answer(Object.assign(new Error('duplicate'), { code: '23505' }))).toBeNull();
	});
});
