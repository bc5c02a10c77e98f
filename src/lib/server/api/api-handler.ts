import { parseForm, type Parsed, type Schema } from '../../domain/validation';
import type { SessionUser } from '../auth/session-user';
import type { Db } from '../db/database';
import { ApiError, errorResponse, jsonResponse, toApiError, validationError } from './api-errors';
import {
	AUTH_FAILURE_LIMIT,
	TOKEN_LIMIT,
	hit,
	ipKey,
	peek,
	pruneRateLimits,
	rateLimitHeaders,
	tokenKey
} from './api-rate-limit';
import { bearerToken } from './api-token';
import { authenticateToken } from './api-token.service';
import type { TokenAccess } from './api.table';

/** The part of SvelteKit's RequestEvent the API reads (tests build one by hand). */
export interface ApiEvent {
	request: Request;
	url: URL;
	params: Partial<Record<string, string>>;
	locals: { db: Db };
	getClientAddress(): string;
}

/** What an endpoint gets: the token's user as the actor every service takes. */
export interface ApiContext {
	db: Db;
	actor: SessionUser;
	url: URL;
	params: Partial<Record<string, string>>;
	request: Request;
}

export interface ApiResult {
	status?: number;
	body: unknown;
}

export type Endpoint = (ctx: ApiContext) => Promise<ApiResult>;

/** A 200 answer with this body. */
export const ok = (body: unknown): ApiResult => ({ body });

const REALM = 'Bearer realm="keel"';

function unauthorized(message: string, invalidToken: boolean) {
	return new ApiError(401, 'unauthorized', message, undefined, {
		'WWW-Authenticate': invalidToken ? `${REALM}, error="invalid_token"` : REALM
	});
}

/**
 * Wraps an endpoint with what every API request needs, in order: a bearer token from the
 * Authorization header (never a cookie or the query string: sign-in sessions do not open the
 * API), a throttle on failed authentications per IP, the token's rate limit, its access (read or
 * read and write), and JSON answers for every error, never HTML.
 */
export function apiHandler(access: TokenAccess, endpoint: Endpoint) {
	return async (event: ApiEvent): Promise<Response> => {
		let headers: Record<string, string> = {};
		try {
			const { db } = event.locals;
			const token = bearerToken(event.request.headers.get('authorization'));
			if (!token)
				throw unauthorized('Send a personal access token: Authorization: Bearer <token>.', false);
			const ip = event.getClientAddress();
			const guessing = await peek(db, ipKey(ip), AUTH_FAILURE_LIMIT);
			if (guessing.limited) {
				throw new ApiError(
					429,
					'rate_limited',
					'Too many failed authentications; wait and retry.',
					undefined,
					{
						'Retry-After': String(guessing.resetSeconds)
					}
				);
			}
			const auth = await authenticateToken(db, token);
			if (!auth) {
				await hit(db, ipKey(ip), AUTH_FAILURE_LIMIT);
				await pruneRateLimits(db);
				throw unauthorized('The token is not valid: unknown, expired or revoked.', true);
			}
			const limit = await hit(db, tokenKey(auth.id), TOKEN_LIMIT);
			headers = rateLimitHeaders(limit);
			if (limit.limited) {
				throw new ApiError(
					429,
					'rate_limited',
					'Rate limit reached for this token; wait and retry.'
				);
			}
			if (access === 'write' && auth.access !== 'write') {
				throw new ApiError(403, 'forbidden', 'This token may only read.', undefined, {
					'WWW-Authenticate': `${REALM}, error="insufficient_scope"`
				});
			}
			const result = await endpoint({
				db,
				actor: auth.user,
				url: event.url,
				params: event.params,
				request: event.request
			});
			return jsonResponse(result.body, result.status ?? 200, headers);
		} catch (cause) {
			const error = await toApiError(cause);
			if (error) return errorResponse(error, headers);
			const id = crypto.randomUUID();
			console.error(`[keel] ${id} ${event.request.method} ${event.url.pathname}`, cause);
			return errorResponse(
				new ApiError(500, 'internal', `Something went wrong on our side (reference ${id}).`),
				headers
			);
		}
	};
}

/** A path parameter that must be a database id; anything else cannot name a row: 404. */
export function pathId(ctx: ApiContext, name: string): number {
	const raw = ctx.params[name] ?? '';
	const value = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
	if (!(value <= 2_147_483_647)) throw new ApiError(404, 'not_found', 'Not found.');
	return value;
}

/**
 * A JSON body as the section's form schema reads it: each property becomes a form value (arrays
 * repeat it), so the API validates exactly as the form does, with the same field errors.
 */
export async function readBody<S extends Schema>(ctx: ApiContext, schema: S): Promise<Parsed<S>> {
	return parseBody(schema, await bodyForm(ctx));
}

export async function bodyForm(ctx: ApiContext): Promise<FormData> {
	const type = ctx.request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
	}
	let body: unknown;
	try {
		body = await ctx.request.json();
	} catch {
		throw new ApiError(400, 'bad_request', 'The body is not valid JSON.');
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ApiError(400, 'bad_request', 'The body must be a JSON object.');
	}
	const form = new FormData();
	for (const [name, value] of Object.entries(body)) {
		for (const item of Array.isArray(value) ? value : [value]) {
			if (item === null || item === undefined) continue;
			if (typeof item === 'object') {
				throw new ApiError(400, 'validation_failed', 'The request has invalid fields.', {
					[name]: 'Use a string, number or boolean.'
				});
			}
			form.append(name, String(item));
		}
	}
	return form;
}

export async function parseBody<S extends Schema>(schema: S, form: FormData): Promise<Parsed<S>> {
	const parsed = parseForm(schema, form);
	if (!parsed.ok) throw await validationError(parsed.errors);
	return parsed.data;
}

/** Answers an unknown path or method under /api as JSON, not the app's HTML 404 page. */
export function notFoundEndpoint(): Response {
	return errorResponse(new ApiError(404, 'not_found', 'No such endpoint.'));
}

export function methodNotAllowed(): Response {
	return errorResponse(
		new ApiError(405, 'method_not_allowed', 'This endpoint does not take that method.')
	);
}
