import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, SCHEMAS } from '../../src/lib/server/api/api-spec';
import { openApiDocument } from '../../src/lib/server/api/openapi';
import { API_ERROR_CODES } from '../../src/lib/server/api/api-errors';
import {
	looksLikeApiToken,
	bearerToken,
	generateApiToken
} from '../../src/lib/server/api/api-token';

const ROOT = join(__dirname, '../../src/routes/api/v1');

/** Every +server.ts under /api/v1 with the OpenAPI path its folder makes. */
function routeFiles(dir = ROOT): { path: string; source: string }[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) return routeFiles(full);
		if (name !== '+server.ts') return [];
		const folder = relative(ROOT, dir).split(sep).filter(Boolean);
		const path = '/' + folder.map((part) => part.replace(/^\[(\w+)(=\w+)?\]$/, '{$1}')).join('/');
		return [{ path, source: readFileSync(full, 'utf8') }];
	});
}

/** What each route file serves: `export const GET: RequestHandler = endpoint('listAccounts')`. */
const served = routeFiles().flatMap(({ path, source }) =>
	[
		...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b[^=]*=\s*(endpoint\('(\w+)'\))?/g)
	].map((m) => ({ path, method: m[1]!, operation: m[3] ?? null }))
);

describe('the OpenAPI document', () => {
	const doc = openApiDocument();
	const paths = doc.paths as Record<
		string,
		Record<
			string,
			{
				operationId: string;
				responses: Record<string, unknown>;
				parameters?: { name: string; in: string }[];
			}
		>
	>;

	it('documents every method every route file serves, and nothing it does not', () => {
		expect(served.length).toBeGreaterThan(5);
		for (const route of served) {
			const documented = paths[route.path]?.[route.method.toLowerCase()];
			expect(documented, `${route.method} ${route.path}`).toBeDefined();
			if (route.operation !== null) {
				expect(documented!.operationId).toBe(route.operation);
				const op = OPERATIONS[route.operation as keyof typeof OPERATIONS];
				expect(op.method).toBe(route.method);
				expect(op.path).toBe(route.path);
			}
		}
		const documented = Object.entries(paths).flatMap(([path, methods]) =>
			Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)
		);
		expect(documented.sort()).toEqual(served.map((r) => `${r.method} ${r.path}`).sort());
	});

	it('names the bearer scheme, every path parameter, the errors and the list shape', () => {
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.components.securitySchemes.bearerToken).toMatchObject({
			type: 'http',
			scheme: 'bearer'
		});
		expect(paths['/openapi.json']!.get!).toMatchObject({ security: [] });
		for (const [path, methods] of Object.entries(paths)) {
			for (const [method, op] of Object.entries(methods)) {
				if (path === '/openapi.json') continue;
				const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
				const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
				expect(pathParams, `${method} ${path}`).toEqual(names);
				for (const status of ['401', '429', '503']) expect(op.responses).toHaveProperty(status);
				if (method === 'post') expect(op.responses).toHaveProperty('403');
			}
		}
		const list = paths['/accounts']!.get!.responses['200'] as {
			content: { 'application/json': { schema: { required: string[] } } };
		};
		expect(list.content['application/json'].schema.required).toEqual(['data', 'next_cursor']);
		expect(JSON.stringify(SCHEMAS.Error)).toContain(JSON.stringify([...API_ERROR_CODES]));
	});

	it('refers only to schemas it defines', () => {
		const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g)].map(
			(m) => m[1]!
		);
		for (const name of refs) expect(Object.keys(SCHEMAS)).toContain(name);
	});
});

describe('tokens', () => {
	it('have a recognisable shape and are read only from a Bearer header', () => {
		const token = generateApiToken();
		expect(looksLikeApiToken(token)).toBe(true);
		expect(looksLikeApiToken(token.slice(0, -1))).toBe(false);
		expect(looksLikeApiToken(token.replace('keel_pat_', 'keel_xyz_'))).toBe(false);
		expect(generateApiToken()).not.toBe(token);
		expect(bearerToken(`Bearer ${token}`)).toBe(token);
		expect(bearerToken(`bearer  ${token} `)).toBe(token);
		expect(bearerToken(`Basic ${token}`)).toBeNull();
		expect(bearerToken(token)).toBeNull();
		expect(bearerToken(null)).toBeNull();
	});
});
