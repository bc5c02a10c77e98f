import { API_ERROR_CODES } from './api-errors';
import { OPERATIONS, SCHEMAS, type ApiOperation, type JsonSchema } from './api-spec';

const ERROR_TEXT: Record<number, string> = {
	400: 'Invalid input: `error.fields` names each field (or query parameter) and what is wrong.',
	401: 'No token, or a token that is unknown, expired or revoked (WWW-Authenticate: Bearer).',
	403: 'The token may only read, or you may not do this.',
	404: 'No such object, or one you may not see.',
	409: 'The object changed since the version you sent (stale_version).',
	415: 'The body is not application/json.',
	429: 'Rate limited: see Retry-After and the RateLimit-* headers.',
	503: 'The database is unavailable; retry after Retry-After seconds.'
};

const errorAnswer = (status: number) => ({
	description: ERROR_TEXT[status],
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

const RATE_HEADERS = {
	'RateLimit-Limit': { description: 'Requests allowed per window.', schema: { type: 'integer' } },
	'RateLimit-Remaining': {
		description: 'Requests left in this window.',
		schema: { type: 'integer' }
	},
	'RateLimit-Reset': {
		description: 'Seconds until the window resets.',
		schema: { type: 'integer' }
	}
};

function successSchema(op: ApiOperation): JsonSchema {
	const item = { $ref: `#/components/schemas/${op.answer.schema}` };
	if (!op.answer.list) return item;
	return {
		type: 'object',
		properties: {
			data: { type: 'array', items: item },
			next_cursor: {
				type: ['string', 'null'],
				description: 'Pass as `cursor` for the next page; null on the last page.'
			}
		},
		required: ['data', 'next_cursor']
	};
}

function operationObject(id: string, op: ApiOperation) {
	const statuses = new Set<number>([401, 429, 503, ...op.errors]);
	if (op.parameters.some((p) => p.in === 'query') || op.body) statuses.add(400);
	if (op.access === 'write') statuses.add(403);
	if (op.body) statuses.add(415);
	const responses: Record<string, unknown> = {
		[op.answer.status]: {
			description: op.answer.list ? 'A page of the list.' : 'The object.',
			headers: RATE_HEADERS,
			content: { 'application/json': { schema: successSchema(op) } }
		}
	};
	for (const status of [...statuses].sort()) responses[status] = errorAnswer(status);
	return {
		operationId: id,
		tags: [op.tag],
		summary: op.summary,
		...(op.description && { description: op.description }),
		...(op.access === 'write' && {
			'x-token-access': 'write',
			description: `${op.description ?? op.summary}. Needs a read-and-write token.`
		}),
		parameters: op.parameters,
		...(op.body && {
			requestBody: {
				required: true,
				content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } }
			}
		}),
		responses
	};
}

/** The OpenAPI 3.1 document, built from the same table the handlers are looked up in. */
export function openApiDocument(serverUrl = '/api/v1') {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const [id, op] of Object.entries(OPERATIONS) as [string, ApiOperation][]) {
		paths[op.path] ??= {};
		paths[op.path]![op.method.toLowerCase()] = operationObject(id, op);
	}
	paths['/openapi.json'] = {
		get: {
			operationId: 'openApi',
			tags: ['Meta'],
			summary: 'This document',
			security: [],
			responses: {
				200: { description: 'The OpenAPI document.', content: { 'application/json': {} } }
			}
		}
	};
	return {
		openapi: '3.1.0',
		info: {
			title: 'Keel API',
			version: '1.0.0',
			description: [
				'Read and work Keel data with a personal access token made under Settings → API tokens.',
				'Send it as `Authorization: Bearer <token>`; sign-in sessions are not accepted.',
				'Access is exactly the web app’s: a token acts as its user.',
				'Lists are cursor-paginated: `{ data, next_cursor }`.',
				`Errors are JSON \`{ error: { code, message, fields? } }\`; codes: ${API_ERROR_CODES.join(', ')}.`
			].join(' ')
		},
		servers: [{ url: serverUrl }],
		security: [{ bearerToken: [] }],
		paths,
		components: {
			securitySchemes: {
				bearerToken: {
					type: 'http',
					scheme: 'bearer',
					bearerFormat: 'keel_pat_…',
					description: 'A personal access token: read, or read and write.'
				}
			},
			schemas: SCHEMAS
		}
	};
}
