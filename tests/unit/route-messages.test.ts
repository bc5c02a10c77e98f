import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECTIONS, loadSection, type Section } from '../../src/lib/i18n/catalogue';
import { sectionsForRoute } from '../../src/lib/i18n/route-sections';

/*
 * A page shows a raw key when it uses a message that is not in core or in a section its route
 * loads. This reads each page's files, and what they import from src, and collects the keys
 * they can use:
 * - any string literal that is a key, wherever it sits (t('…') calls, `label: 'nav.x'` in
 *   domain or server code that a load returns, error keys a schema or service sends back);
 * - a dotted literal or template prefix that starts keys (`review.kind.${k}`, tn('x.count', n),
 *   vocabularyOptions(list, 'churn.severity')): every key under it;
 * - a bare namespace handed to code that builds `${prefix}.${value}` (choices(SEGMENTS,
 *   'segment'), `prefix: 'stage'`): every key of that namespace.
 * It over-counts (a literal that only happens to equal a key counts too), never under-counts
 * what these patterns cover, and it refuses a key template it cannot see the start of.
 */

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const ROUTES = join(SRC, 'routes');

const SECTION_KEYS = Object.fromEntries(
	await Promise.all(
		SECTIONS.map(async (s) => [s, Object.keys(await loadSection('en', s))] as const)
	)
) as Record<Section, string[]>;
const KEYS = SECTIONS.flatMap((s) => SECTION_KEYS[s]);
const KEY_SET = new Set(KEYS);
const under = (prefix: string) => KEYS.filter((key) => key.startsWith(prefix));
/** Namespaces whose keys are all `namespace.value`: the closed vocabularies. */
const VOCABULARIES = new Set(
	KEYS.map((key) => key.split('.')[0]!).filter((ns) =>
		under(`${ns}.`).every((key) => key.split('.').length === 2)
	)
);

/**
 * Files that build a key whose namespace is itself a value, and where that value comes from.
 * vocabularyOptions() and AccountForm's choices() get it as a call argument, which the bare
 * namespace rule reads at each caller; GroupsSection gets it from TREND_COMPARISONS.
 */
const NAMESPACE_FROM_VALUE: Record<string, string[]> = {
	'lib/components/filter-options.ts': [],
	'lib/components/AccountForm.svelte': [],
	'routes/(app)/feedback/GroupsSection.svelte': ['segment', 'region', 'channel']
};

function stripComments(text: string) {
	return text
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/\/\*[\s\S]*?\*\//g, '')
		.replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const texts = new Map<string, string>();
function source(file: string) {
	let text = texts.get(file);
	if (text === undefined) {
		text = stripComments(readFileSync(file, 'utf8'));
		texts.set(file, text);
	}
	return text;
}

function resolveImport(from: string, specifier: string): string | null {
	let base: string;
	if (specifier.startsWith('$lib/')) base = join(SRC, 'lib', specifier.slice('$lib/'.length));
	else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
	else return null;
	// The catalogues themselves are what is being checked against.
	if (base.startsWith(join(SRC, 'lib/i18n/messages'))) return null;
	for (const candidate of [
		base,
		`${base}.ts`,
		base.replace(/\.js$/, '.ts'),
		join(base, 'index.ts')
	])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

// Static imports and re-exports; `import type` brings in no values, so no keys.
const IMPORT = /(?:import|export)\s+(?!type\s)(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;

function withImports(entries: string[]): Set<string> {
	const seen = new Set<string>();
	const todo = [...entries];
	while (todo.length > 0) {
		const file = todo.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		for (const match of source(file).matchAll(IMPORT)) {
			const imported = resolveImport(file, match[1]!);
			if (imported) todo.push(imported);
		}
	}
	return seen;
}

const STRING = /'((?:[^'\\\n]|\\.)*)'|"(?:[^"\\\n]|\\.)*"|`((?:[^`\\]|\\.)*)`/g;
const NAMESPACE_ARGUMENT = /prefix:\s*'(\w+)'|,\s*'(\w+)'\s*\)/g;
const KEY_FROM_VALUE = /\btn?\(\s*`\$\{/;

/** The keys one file can show, each with why. */
function keysUsedBy(file: string, inBrowser: boolean): Map<string, string> {
	const text = source(file);
	const name = relative(SRC, file);
	const used = new Map<string, string>();
	const add = (keys: string[], why: string) => {
		for (const key of keys) if (!used.has(key)) used.set(key, `${name}: ${why}`);
	};
	for (const match of text.matchAll(STRING)) {
		const literal = match[1] ?? match[2];
		if (literal === undefined) continue;
		if (match[2] !== undefined && literal.includes('${')) {
			const prefix = literal.slice(0, literal.indexOf('${'));
			if (prefix.includes('.') && !/[\s/]/.test(prefix)) add(under(prefix), `\`${prefix}…\``);
			continue;
		}
		if (KEY_SET.has(literal)) add([literal], `'${literal}'`);
		if (literal.includes('.')) add(under(`${literal}.`), `'${literal}' as a prefix`);
	}
	if (inBrowser)
		for (const match of text.matchAll(NAMESPACE_ARGUMENT)) {
			const namespace = (match[1] ?? match[2])!;
			if (VOCABULARIES.has(namespace)) add(under(`${namespace}.`), `'${namespace}' as a prefix`);
		}
	for (const namespace of NAMESPACE_FROM_VALUE[name] ?? [])
		add(under(`${namespace}.`), `${namespace}.* built from a value`);
	return used;
}

interface RoutePage {
	routeId: string;
	/** The page, the layouts and error pages it renders in, and their universal loads. */
	browser: string[];
	/** Its server loads and actions. */
	server: string[];
}

function routePages(): RoutePage[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
		);
	return walk(ROUTES)
		.filter((file) => /^\+page(@[^.]*)?\.svelte$/.test(basename(file)))
		.map((page) => {
			const segments = relative(ROUTES, dirname(page)).split('/').filter(Boolean);
			// `+page@.svelte` resets to the root layout, `+page@(app).svelte` to (app)'s.
			const reset = basename(page).match(/@([^.]*)\.svelte$/)?.[1];
			const lastLayout =
				reset === undefined ? segments.length : reset === '' ? 0 : segments.lastIndexOf(reset) + 1;
			const here = (dir: string, files: string[]) =>
				files.map((f) => join(dir, f)).filter((f) => existsSync(f));
			const browser = [page, ...here(dirname(page), ['+page.ts'])];
			const server = here(dirname(page), ['+page.server.ts']);
			for (let depth = 0; depth <= segments.length; depth++) {
				const dir = join(ROUTES, ...segments.slice(0, depth));
				browser.push(...here(dir, ['+layout.ts', '+error.svelte']));
				if (depth <= lastLayout) browser.push(...here(dir, ['+layout.svelte']));
				server.push(...here(dir, ['+layout.server.ts']));
			}
			return { routeId: `/${segments.join('/')}`, browser, server };
		});
}

function keysOfPage({ browser, server }: RoutePage) {
	const inBrowser = withImports(browser);
	const used = new Map<string, string>();
	for (const file of withImports([...browser, ...server]))
		for (const [key, why] of keysUsedBy(file, inBrowser.has(file)))
			if (!used.has(key)) used.set(key, why);
	return { used, files: inBrowser };
}

function loadedKeys(routeId: string | null) {
	return new Set(['core' as const, ...sectionsForRoute(routeId)].flatMap((s) => SECTION_KEYS[s]));
}

const PAGES = routePages();

describe('every page finds its messages in the sections its route loads', () => {
	it('finds the pages', () => {
		expect(PAGES.map((p) => p.routeId)).toContain('/(app)/reviews');
		expect(PAGES.map((p) => p.routeId)).toContain(
			'/(app)/accounts/[accountId=id]/reviews/[reviewId=id]/print'
		);
	});

	it.each(PAGES.map((page) => [page.routeId, page] as const))('%s', (routeId, page) => {
		const loaded = loadedKeys(routeId);
		const { used } = keysOfPage(page);
		expect(used.size, 'no keys found: is the analysis broken?').toBeGreaterThan(0);
		const missing = [...used]
			.filter(([key]) => !loaded.has(key))
			.map(([key, why]) => `${key} (${why})`);
		expect(missing, `not in core + ${sectionsForRoute(routeId).join(' + ')}`).toEqual([]);
	});

	it('shows the not-found page and the shell from core alone', () => {
		const loaded = loadedKeys(null);
		const files = ['+layout.svelte', '+layout.ts', '+error.svelte'].map((f) => join(ROUTES, f));
		const { used } = keysOfPage({
			routeId: '',
			browser: files,
			server: [join(ROUTES, '+layout.server.ts')]
		});
		expect([...used.keys()].filter((key) => !loaded.has(key))).toEqual([]);
	});

	it('can see the start of every key a page builds', () => {
		const files = new Set(PAGES.flatMap((page) => [...keysOfPage(page).files]));
		const unseen = [...files]
			.filter((file) => KEY_FROM_VALUE.test(source(file)))
			.map((file) => relative(SRC, file))
			.filter((name) => !(name in NAMESPACE_FROM_VALUE));
		expect(unseen).toEqual([]);
	});
});

describe('sectionsForRoute', () => {
	it('loads only core for the account list, the account overview and a missing page', () => {
		expect(sectionsForRoute('/(app)/accounts')).toEqual([]);
		expect(sectionsForRoute('/(app)/accounts/[accountId=id]')).toEqual([]);
		expect(sectionsForRoute(null)).toEqual([]);
	});

	it("loads a section for an account's tab and for the portfolio page alike", () => {
		expect(sectionsForRoute('/(app)/reviews')).toEqual(['reviews']);
		expect(sectionsForRoute('/(app)/accounts/[accountId=id]/reviews/[reviewId=id]/print')).toEqual([
			'reviews'
		]);
		expect(sectionsForRoute('/(app)/escalations/[escalationId=id]')).toEqual(['support']);
		expect(sectionsForRoute('/(app)/accounts/[accountId=id]/escalations')).toEqual(['support']);
		expect(sectionsForRoute('/(app)/accounts/[accountId=id]/risks')).toEqual(['health']);
		expect(sectionsForRoute('/(app)/adoption')).toEqual(['plan']);
	});

	it('loads the section an admin page configures', () => {
		expect(sectionsForRoute('/(app)/admin/support/calendars/[calendarId=id]')).toEqual(['support']);
		expect(sectionsForRoute('/(app)/admin/review-cadences')).toEqual(['reviews']);
		expect(sectionsForRoute('/(app)/admin/templates/[templateId=id]')).toEqual(['onboarding']);
		expect(sectionsForRoute('/(app)/admin/users')).toEqual(['users']);
	});

	it('reads whole path segments, not parts of them', () => {
		expect(sectionsForRoute('/(app)/accounts/[accountId=id]/edit')).toEqual([]);
		expect(sectionsForRoute('/(app)/my-work')).toEqual([]);
	});
});
