import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../domain/errors';
import type { FieldError } from '../../domain/validation';
import { loadCatalogue } from '../../i18n/catalogue';
import { format } from '../../i18n/format';
import { isConnectionFailure } from '../db/connection-errors';

/** The error codes the API answers with; the OpenAPI document lists them. */
export const API_ERROR_CODES = [
	'bad_request',
	'validation_failed',
	'invalid_cursor',
	'unauthorized',
	'forbidden',
	'not_found',
	'method_not_allowed',
	'stale_version',
	'unsupported_media_type',
	'rate_limited',
	'unavailable',
	'internal'
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An answer the API gives on purpose, with its status and a machine-readable code. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly fields?: Record<string, string>,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
		this.name = 'ApiError';
	}
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', ...headers }
	});
}

export function errorResponse(error: ApiError, headers: Record<string, string> = {}) {
	const body: { code: string; message: string; fields?: Record<string, string> } = {
		code: error.code,
		message: error.message
	};
	if (error.fields) body.fields = error.fields;
	return jsonResponse({ error: body }, error.status, { ...error.headers, ...headers });
}

/** While the database is down: the API's form of the HTML page people get. */
export function apiUnavailable() {
	return errorResponse(
		new ApiError(
			503,
			'unavailable',
			'The database cannot be reached; try again shortly.',
			undefined,
			{
				'Retry-After': '5'
			}
		)
	);
}

/** Field errors as the forms' schema words them, in English (the API's language). */
export async function fieldMessages(
	errors: Partial<Record<string, FieldError>>
): Promise<Record<string, string>> {
	const m = (await loadCatalogue('en')) as Record<string, string>;
	const fields: Record<string, string> = {};
	for (const [name, error] of Object.entries(errors)) {
		if (error) fields[name] = format(m[error.key] ?? error.key, error.params);
	}
	return fields;
}

export async function validationError(errors: Partial<Record<string, FieldError>>) {
	return new ApiError(
		400,
		'validation_failed',
		'The request has invalid fields.',
		await fieldMessages(errors)
	);
}

/**
 * The domain's named errors as API answers, in one place. A miss and an object the user may not
 * see are the same 404, so nothing tells them it exists.
 */
export async function toApiError(cause: unknown): Promise<ApiError | null> {
	if (cause instanceof ApiError) return cause;
	if (cause instanceof NotFoundError) return new ApiError(404, 'not_found', 'Not found.');
	if (cause instanceof ForbiddenError) {
		return new ApiError(403, 'forbidden', 'You may not do this.');
	}
	if (cause instanceof StaleVersionError) {
		return new ApiError(
			409,
			'stale_version',
			`This ${cause.entity} was changed since the version you sent; read it again.`
		);
	}
	if (cause instanceof ConflictError) {
		return validationError({ [cause.field]: { key: cause.messageKey } });
	}
	if (isConnectionFailure(cause)) {
		return new ApiError(
			503,
			'unavailable',
			'The database cannot be reached; try again shortly.',
			undefined,
			{
				'Retry-After': '5'
			}
		);
	}
	return null;
}
