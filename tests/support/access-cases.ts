import { OPERATIONS, type OperationId } from '../../src/lib/server/api/api-spec';
import { api, Client, type Answer } from './access-client';
import { SCOPES, type Fixtures, type Ref, type Scope, type ScopeFixture } from './access-fixtures';
import {
	API,
	PASS,
	ROUTES,
	SIGNED_IN_ROLES,
	type Expect,
	type Role,
	type ActionRule,
	type RoleExpect,
	type Roles,
	type RouteRule
} from './access-rules';
import { DEMO } from './browser';

/** The table (access-rules.ts) unrolled into requests: route × what × scope × role. */
export interface Case {
	/** The table's key: a route path, or `API <operation>`. */
	rule: string;
	/** What is requested: `GET`, `POST ?/removeMember`, … */
	what: string;
	role: Role;
	scope: Scope | null;
	/** The rule's answer made concrete: 'ok' for an allowed read, the holding status for a write. */
	expect: Exclude<Expect, typeof PASS>;
	run: (ctx: RunContext) => Promise<Answer>;
}

export interface RunContext {
	baseURL: string;
	clients: Record<Role, Client>;
	/** Read-and-write API tokens per role (none for anonymous). */
	tokens: Record<Role, string | null>;
	fx: Fixtures;
}

export const ROLE_EMAIL: Record<Exclude<Role, 'anon'>, string> = {
	admin: DEMO.admin,
	manager: DEMO.manager,
	csm: DEMO.csm1,
	sales: DEMO.sales,
	partner: DEMO.partner
};

const ROLES: readonly Role[] = ['anon', ...SIGNED_IN_ROLES];
/** Visitors are turned away before any object is looked at: once per route is enough. */
const rolesFor = (scope: Scope | null) => (scope === 'other' ? SIGNED_IN_ROLES : ROLES);
/** What PASS comes to: a read answers; a write is held back past access (see PASS). */
function concrete(expect: Expect, held: 400 | 404 | 409 | null): Case['expect'] {
	if (expect !== PASS) return expect;
	return held ?? 'ok';
}

function resolve(expect: RoleExpect, ref: Ref | null, where: string): Expect {
	if (typeof expect !== 'object') return expect;
	if (!ref) throw new Error(`${where}: a conditional rule on an unscoped route`);
	const yes = expect.when === 'team' ? ref.csm1OnTeam : ref.partners;
	return yes ? expect.yes : expect.no;
}

function expectFor(roles: Roles, role: Role, ref: Ref | null, where: string, anon: Expect | null) {
	if (role !== 'anon') return resolve(roles[role], ref, where);
	const visitor = roles.anon ?? anon;
	if (visitor === null) throw new Error(`${where}: say what a visitor who is not signed in gets`);
	return resolve(visitor, ref, where);
}

/** `/accounts/[accountId]` with { accountId: 12 } → `/accounts/12`. */
export function fill(path: string, params: Record<string, string | number>): string {
	return path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
		if (params[name] === undefined) throw new Error(`${path}: no value for ${name}`);
		return encodeURIComponent(String(params[name]));
	});
}

function routeCases(path: string, rule: RouteRule, fx: Fixtures, guarded: boolean): Case[] {
	const cases: Case[] = [];
	// Under (app) the layout guard sends visitors to sign in; elsewhere each rule says.
	const anon: Expect | null = guarded ? 'login' : null;
	const scopes = (at: ((s: ScopeFixture) => Ref) | undefined) =>
		at
			? SCOPES.map((scope) => ({ scope, ref: at(fx[scope]) as Ref | null }))
			: [{ scope: null, ref: null }];
	const urlOf = (ref: Ref | null, params?: ActionRule['params']) => {
		if (params && ref) return fill(path, params(ref, fx));
		if (rule.params) return fill(path, rule.params(ref, fx));
		return fill(path, ref ? { accountId: ref.account } : {});
	};

	if (rule.page) {
		const page = rule.page;
		for (const { scope, ref } of scopes(rule.at)) {
			const url = urlOf(ref) + (page.query ?? '');
			for (const role of rolesFor(scope)) {
				cases.push({
					rule: path,
					what: 'GET',
					role,
					scope,
					expect: concrete(expectFor(page.roles, role, ref, path, anon), null),
					run: ({ clients }) => clients[role].get(url)
				});
			}
		}
	}
	for (const [method, m] of Object.entries(rule.methods ?? {})) {
		for (const { scope, ref } of scopes(rule.at)) {
			const url = urlOf(ref) + (m.query ?? '');
			for (const role of rolesFor(scope)) {
				const verb =
					method === 'fallback' ? (path.startsWith('/api/v1') ? 'DELETE' : 'GET') : method;
				cases.push({
					rule: path,
					what: method === 'fallback' ? `fallback (${verb})` : method,
					role,
					scope,
					expect: concrete(expectFor(m.roles, role, ref, path, anon), null),
					run: async ({ clients, baseURL }) => {
						let client = clients[role];
						if (m.freshSession && role !== 'anon')
							client = await Client.signIn(baseURL, ROLE_EMAIL[role]);
						if (verb === 'GET') return client.get(url);
						return client.send(verb, url, m.body ?? {}, m.type);
					}
				});
			}
		}
	}
	for (const [name, action] of Object.entries(rule.actions ?? {})) {
		const at = action.at ?? rule.at;
		for (const { scope, ref } of scopes(at)) {
			const url = urlOf(ref, action.params);
			const s = fx[scope ?? 'own'];
			for (const role of rolesFor(scope)) {
				const allowed = expectFor(action.roles, role, ref, `${path} ?/${name}`, anon);
				// Allowed roles post what fails validation when the well-formed body would write.
				const body = allowed === PASS && action.invalid ? action.invalid : action.body(s, fx);
				const expect = concrete(allowed, action.held ?? (action.invalid ? 400 : 409));
				cases.push({
					rule: path,
					what: `POST ?/${name}`,
					role,
					scope,
					expect,
					run: async ({ clients }) => {
						const answer = await clients[role].action(url, name, body);
						if (action.undo && answer.outcome === 'ok') {
							await clients[role].action(url, action.undo, {});
						}
						return answer;
					}
				});
			}
		}
	}
	return cases;
}

function apiCases(id: OperationId, fx: Fixtures): Case[] {
	const rule = API[id];
	const op = OPERATIONS[id];
	const cases: Case[] = [];
	const scopes = rule.at
		? SCOPES.map((scope) => ({ scope, ref: rule.at!(fx[scope]) as Ref | null }))
		: [{ scope: null, ref: null }];
	for (const { scope, ref } of scopes) {
		const path = op.path.replace('{id}', String(ref?.id ?? '')) + (rule.query ?? '');
		const s = fx[scope ?? 'own'];
		for (const role of rolesFor(scope)) {
			const allowed = expectFor(rule.roles, role, ref, `API ${id}`, 401);
			const write = op.method !== 'GET';
			const body = !write
				? undefined
				: allowed === PASS && rule.invalid
					? rule.invalid
					: (rule.body?.(s, fx) ?? {});
			const expect = concrete(allowed, write ? (rule.held ?? (rule.invalid ? 400 : 409)) : null);
			cases.push({
				rule: `API ${id}`,
				what: `${op.method} ${op.path}`,
				role,
				scope,
				expect,
				run: async ({ baseURL, tokens }) => {
					const { outcome, json } = await api(baseURL, tokens[role], op.method, path, body);
					return { outcome, detail: JSON.stringify(json).slice(0, 300) };
				}
			});
		}
	}
	return cases;
}

/** `guarded`: the paths of routes in the (app) group, behind its sign-in guard. */
export function allCases(fx: Fixtures, guarded: ReadonlySet<string>): Case[] {
	return [
		...Object.entries(ROUTES).flatMap(([path, rule]) =>
			routeCases(path, rule, fx, guarded.has(path))
		),
		...(Object.keys(API) as OperationId[]).flatMap((id) => apiCases(id, fx))
	];
}

export function describeCase(c: Case, answer: Answer): string {
	const scope = c.scope ? ` [${c.scope}]` : '';
	return `${c.role}${scope} ${c.what}: expected ${c.expect}, got ${answer.outcome} ${answer.detail.replace(/\s+/g, ' ').slice(0, 160)}`;
}
