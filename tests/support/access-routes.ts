import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { OPERATIONS } from '../../src/lib/server/api/api-spec';

/**
 * The app's route list, read from the files SvelteKit reads: every page, every form action of a
 * page and every method of an endpoint. The access matrix is checked against it, so a route added
 * without access rules fails the suite instead of going untested.
 */
export interface DiscoveredRoute {
	/** The URL pattern: route groups dropped, matchers dropped (`/accounts/[accountId]`). */
	path: string;
	/** In the (app) group, behind its layout's sign-in guard. */
	guarded: boolean;
	/** A page answers GET (a +page.svelte, or a +page.server.ts that only redirects). */
	page: boolean;
	/** Named form actions of the page (`default` for an unnamed one). */
	actions: string[];
	/** Methods a +server.ts exports (`fallback` included). */
	methods: string[];
}

const ROUTES_DIR = 'src/routes';
/** The route group whose layout sends visitors to sign in (src/routes/(app)/+layout.server.ts). */
const APP_GROUP = '(app)';
const HTTP_EXPORTS = new Set([
	'GET',
	'POST',
	'PUT',
	'PATCH',
	'DELETE',
	'OPTIONS',
	'HEAD',
	'fallback'
]);

/** `(app)/accounts/[accountId=id]` → `/accounts/[accountId]`. */
export function routePath(dir: string): string {
	const segments = dir
		.split(sep)
		.filter((s) => s !== '' && !/^\(.+\)$/.test(s))
		.map((s) => s.replace(/\[(\.\.\.)?(\w+)=\w+\]/g, '[$1$2]'));
	return '/' + segments.join('/');
}

function parse(file: string) {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

const isExported = (node: ts.Node) =>
	ts.canHaveModifiers(node) &&
	(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports as variables or functions. */
function exportedNames(source: ts.SourceFile): Map<string, ts.Node> {
	const names = new Map<string, ts.Node>();
	for (const statement of source.statements) {
		if (!isExported(statement)) continue;
		if (ts.isFunctionDeclaration(statement) && statement.name)
			names.set(statement.name.text, statement);
		if (ts.isVariableStatement(statement)) {
			for (const decl of statement.declarationList.declarations) {
				if (ts.isIdentifier(decl.name)) names.set(decl.name.text, decl.initializer ?? decl);
			}
		}
	}
	return names;
}

/** The property names of `export const actions = { … }` (through `satisfies` and `as`). */
export function actionNames(file: string): string[] {
	let node = exportedNames(parse(file)).get('actions');
	while (node && (ts.isSatisfiesExpression(node) || ts.isAsExpression(node)))
		node = node.expression;
	if (!node) return [];
	if (!ts.isObjectLiteralExpression(node))
		throw new Error(`${file}: actions is not an object literal; the access test cannot read it`);
	return node.properties.map((p) => {
		if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) return p.name.text;
		throw new Error(`${file}: an action without a plain name`);
	});
}

export function endpointMethods(file: string): string[] {
	return [...exportedNames(parse(file)).keys()].filter((name) => HTTP_EXPORTS.has(name));
}

export function discoverRoutes(root = ROUTES_DIR): DiscoveredRoute[] {
	const found = new Map<string, DiscoveredRoute>();
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(full);
				continue;
			}
			const path = routePath(relative(root, dir));
			const route = () => {
				const existing = found.get(path);
				if (existing) return existing;
				const created: DiscoveredRoute = {
					path,
					guarded: relative(root, dir).split(sep)[0] === APP_GROUP,
					page: false,
					actions: [],
					methods: []
				};
				found.set(path, created);
				return created;
			};
			if (/^\+page(@[^.]*)?\.(svelte|ts)$/.test(entry.name) || entry.name === '+page.server.ts')
				route().page = true;
			if (entry.name === '+page.server.ts') route().actions.push(...actionNames(full));
			if (entry.name === '+server.ts') route().methods.push(...endpointMethods(full));
		}
	};
	walk(root);
	return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Where the versioned API lives; its routes are checked against api-spec.ts's table. */
export const API_PREFIX = '/api/v1';

/** `GET /accounts/{id}` for each operation of the API's route table, by operation id. */
export function apiOperations(): Map<string, string> {
	return new Map(Object.entries(OPERATIONS).map(([id, op]) => [id, `${op.method} ${op.path}`]));
}

/** `/api/v1/accounts/[id]` + `GET` → `GET /accounts/{id}`, the api-spec form. */
export function apiKey(path: string, method: string): string {
	return `${method} ${path.slice(API_PREFIX.length).replace(/\[(\w+)\]/g, '{$1}')}`;
}
