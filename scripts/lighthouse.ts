/**
 * `npm run lighthouse`: Lighthouse (desktop preset) on Keel's main pages. Builds when the build
 * is missing or older than the sources, starts it on a fresh embedded database with the demo
 * data (as `npm start` does on a first start), signs in as the demo manager, and audits each
 * page with that session's cookie (the sign-in page signed out). Prints performance and
 * accessibility per page; exits 1 when a page scores below 95 for performance or below 100 for
 * accessibility, naming what Lighthouse flagged.
 *
 *   npm run lighthouse -- [--runs 1] [--port 4392] [--only REGEX] [--no-build] [--out DIR]
 *
 * Lighthouse runs through npx at a pinned version, with Debian's Chromium (CHROME_PATH, or
 * /usr/bin/chromium): it is not a dependency, so `npm ci` does not fetch it and its browser
 * tooling for a check that runs by hand. Version 12 is the last that runs on Node 20 (13 needs
 * Node 22). With `--runs` above 1, each page's median run counts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../src/lib/server/demo/demo-data';
import { buildIfNeeded, signInCookie, startBuiltApp } from './app-process';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const MIN_PERFORMANCE = 95;
const MIN_ACCESSIBILITY = 100;

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '1' },
		port: { type: 'string', default: '4392' },
		only: { type: 'string' },
		out: { type: 'string' },
		'no-build': { type: 'boolean', default: false }
	},
	strict: true
});
const RUNS = Math.max(1, Number(args.runs));
const PORT = Number(args.port);
const ORIGIN = `http://localhost:${PORT}`;
const CHROME_PATH = process.env.CHROME_PATH ?? process.env.KEEL_CHROMIUM ?? '/usr/bin/chromium';
const log = (line: string) => console.log(`[lighthouse] ${line}`);

/** The main pages; `{id}` is an account the manager may open. */
const PAGES: { name: string; path: string; signedIn: boolean }[] = [
	{ name: 'sign-in', path: '/login', signedIn: false },
	{ name: 'my work', path: '/my-work', signedIn: true },
	{ name: 'accounts', path: '/accounts', signedIn: true },
	{ name: 'account overview', path: '/accounts/{id}', signedIn: true },
	{ name: 'portfolio health', path: '/health', signedIn: true },
	{ name: 'escalations', path: '/escalations', signedIn: true },
	{ name: 'reviews', path: '/reviews', signedIn: true },
	{ name: 'feedback trends', path: '/feedback', signedIn: true }
];

/** The first account on the manager's list. */
async function someAccount(cookie: string): Promise<string> {
	const list = await fetch(`${ORIGIN}/accounts`, { headers: { cookie, accept: 'text/html' } });
	const id = /href="\/accounts\/(\d+)"/.exec(await list.text())?.[1];
	if (!id) throw new Error('no account on /accounts');
	return id;
}

interface Audit {
	id: string;
	title: string;
	score: number | null;
	displayValue?: string;
}
interface Report {
	categories: Record<string, { score: number; auditRefs: { id: string; weight: number }[] }>;
	audits: Record<string, Audit>;
	runtimeError?: { message: string };
}
interface Result {
	name: string;
	path: string;
	performance: number;
	accessibility: number;
	metrics: string;
	flagged: string[];
}

/** One Lighthouse run on a page; the JSON report is kept in `out`. */
function runLighthouse(url: string, cookie: string | null, file: string): Report {
	const flags = [
		'-y',
		LIGHTHOUSE,
		url,
		'--preset=desktop',
		'--only-categories=performance,accessibility',
		'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
		'--output=json',
		`--output-path=${file}`,
		'--quiet',
		...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : [])
	];
	const run = spawnSync('npx', flags, {
		encoding: 'utf8',
		env: { ...process.env, CHROME_PATH },
		maxBuffer: 64 * 1024 * 1024
	});
	if (run.status !== 0 || !existsSync(file))
		throw new Error(`lighthouse failed on ${url}:\n${run.stdout}${run.stderr}`);
	const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
	if (report.runtimeError) throw new Error(`lighthouse on ${url}: ${report.runtimeError.message}`);
	return report;
}

const score = (report: Report, category: string) =>
	Math.round((report.categories[category]?.score ?? 0) * 100);

/** What cost points: failed accessibility audits, and scored performance audits below 90. */
function flagged(report: Report): string[] {
	const out: string[] = [];
	for (const category of ['accessibility', 'performance']) {
		for (const ref of report.categories[category]?.auditRefs ?? []) {
			const audit = report.audits[ref.id];
			if (!audit || audit.score === null) continue;
			const costs =
				category === 'accessibility' ? audit.score < 1 : ref.weight > 0 && audit.score < 0.9;
			if (!costs) continue;
			const value = audit.displayValue ? ` (${audit.displayValue})` : '';
			out.push(`${category}: ${audit.id}${value}: ${audit.title}`);
		}
	}
	return out;
}

function metrics(report: Report): string {
	const value = (id: string) => report.audits[id]?.displayValue ?? '—';
	return [
		`FCP ${value('first-contentful-paint')}`,
		`LCP ${value('largest-contentful-paint')}`,
		`TBT ${value('total-blocking-time')}`,
		`CLS ${value('cumulative-layout-shift')}`
	].join(', ');
}

function median<T>(items: T[], key: (item: T) => number): T {
	return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
}

function printTable(results: Result[]) {
	const rows = results.map((r) => [
		r.name,
		r.path,
		String(r.performance),
		String(r.accessibility),
		r.metrics
	]);
	const head = ['page', 'path', 'performance', 'accessibility', 'metrics'];
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
	console.log(line(head));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const row of rows) console.log(line(row));
}

async function main() {
	if (!existsSync(CHROME_PATH))
		throw new Error(`no Chromium at ${CHROME_PATH} (apt-get install chromium)`);
	buildIfNeeded(args['no-build'], log);
	const out = args.out ?? mkdtempSync(join(tmpdir(), 'keel-lighthouse-reports-'));
	mkdirSync(out, { recursive: true });
	const dataDir = mkdtempSync(join(tmpdir(), 'keel-lighthouse-'));
	log(`starting Keel on ${ORIGIN} (fresh embedded database with the demo data)`);
	const app = await startBuiltApp({
		port: PORT,
		origin: ORIGIN,
		// Always the embedded database, never the caller's DATABASE_URL; KEEL_DEMO unset means the demo.
		env: { KEEL_DATA_DIR: join(dataDir, 'pglite'), DATABASE_URL: undefined, KEEL_DEMO: undefined },
		timeoutMs: 180_000
	});
	try {
		const cookie = await signInCookie(ORIGIN, 'manager@keel.demo', DEMO_PASSWORD);
		const accountId = await someAccount(cookie);
		const pages = PAGES.filter((p) => !args.only || new RegExp(args.only).test(p.name));
		const results: Result[] = [];
		for (const page of pages) {
			const path = page.path.replace('{id}', accountId);
			const runs: Report[] = [];
			for (let run = 1; run <= RUNS; run++) {
				log(`${page.name}: run ${run} of ${RUNS}`);
				const file = join(out, `${page.name.replace(/\W+/g, '-')}-${run}.json`);
				runs.push(runLighthouse(`${ORIGIN}${path}`, page.signedIn ? cookie : null, file));
			}
			const report = median(runs, (r) => score(r, 'performance'));
			results.push({
				name: page.name,
				path,
				performance: score(report, 'performance'),
				accessibility: score(report, 'accessibility'),
				metrics: metrics(report),
				flagged: flagged(report)
			});
		}
		console.log('');
		printTable(results);
		console.log(`\nReports (JSON): ${out}`);
		const failing = results.filter(
			(r) => r.performance < MIN_PERFORMANCE || r.accessibility < MIN_ACCESSIBILITY
		);
		for (const r of results.filter((r) => r.flagged.length > 0)) {
			console.log(`\n${r.name} (${r.path}):`);
			for (const line of r.flagged) console.log(`  ${line}`);
		}
		if (failing.length > 0) {
			console.log(
				`\nBelow performance ${MIN_PERFORMANCE} or accessibility ${MIN_ACCESSIBILITY}: ${failing.map((r) => r.name).join(', ')}`
			);
			process.exitCode = 1;
		} else {
			console.log(
				`\nEvery page: performance ≥ ${MIN_PERFORMANCE}, accessibility ${MIN_ACCESSIBILITY}.`
			);
		}
	} finally {
		await app.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
