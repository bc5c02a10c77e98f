/**
 * `npm run bench`: builds Keel, seeds a fresh portfolio, starts the built server, signs in as
 * a manager and loads the main pages under concurrent load. Prints p50/p95/p99, requests/s,
 * errors and each page's p50 relative to a static asset's.
 *
 *   npm run bench -- [--accounts 10000] [--escalations 50000] [--feedback 500000] [--duration 20] [--connections 16] [--no-build]
 *   npm run bench -- --recompute-only --accounts 100000
 *   npm run bench -- --export-only --accounts 100000
 *   npm run bench -- --only 'health|risks'
 *
 * DATABASE_URL set: a fresh database `keel_bench` on that server. Unset: a fresh PGlite folder.
 */
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { launchBrowser } from '../tests/support/browser';
import { openPGlite, openPostgres, type OpenDatabase } from '../src/lib/server/db/connect';
import { refreshPlannerStatistics } from '../src/lib/server/db/maintenance';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/demo/demo-data';
import { refreshAllHealth } from '../src/lib/server/health/health-refresh';
import { runSlaSweep } from '../src/lib/server/jobs/sla-sweep';
import { signInCookie } from './app-process';

const { values: args } = parseArgs({
	options: {
		accounts: { type: 'string', default: '10000' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '16' },
		port: { type: 'string', default: '4390' },
		// Escalations in all (default 5 per account, 50,000 at 10,000); none beyond the demo's
		// few with --recompute-only.
		escalations: { type: 'string' },
		// Feedback responses in all (default 50 per account, 500,000 at 10,000; 20 per account
		// with --recompute-only, whose sentiment reads the last 180 days of them).
		feedback: { type: 'string' },
		'no-build': { type: 'boolean', default: false },
		// Only seed and time the set-based health recompute (e.g. --accounts 100000).
		'recompute-only': { type: 'boolean', default: false },
		// Only seed and stream the accounts export, with the server's memory (e.g. 100000).
		'export-only': { type: 'boolean', default: false },
		// The recompute's ranges and how many run at once (refreshAllHealth's defaults otherwise).
		partitions: { type: 'string' },
		concurrency: { type: 'string' },
		// Only the pages whose name matches this regular expression, e.g. --only 'health|risks'.
		only: { type: 'string' }
	}
});
const ACCOUNTS = Number(args.accounts);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const PORT = Number(args.port);
/** A run at scale for one measurement: lighter seeding, no page measurements. */
const AT_SCALE = args['recompute-only'] || args['export-only'];
const ESCALATIONS = AT_SCALE ? undefined : Number(args.escalations ?? 5 * ACCOUNTS);
const FEEDBACK = Number(args.feedback ?? (AT_SCALE ? 20 : 50) * ACCOUNTS);
const ORIGIN = `http://localhost:${PORT}`;

function log(line: string) {
	console.log(`[bench] ${line}`);
}

async function freshDatabase(): Promise<{
	env: NodeJS.ProcessEnv;
	open: () => Promise<OpenDatabase>;
	cleanup: () => Promise<void>;
}> {
	const serverUrl = process.env.DATABASE_URL;
	if (serverUrl) {
		const admin = new pg.Client({ connectionString: serverUrl });
		await admin.connect();
		await admin.query('drop database if exists keel_bench with (force)');
		await admin.query('create database keel_bench');
		await admin.end();
		const url = new URL(serverUrl);
		url.pathname = '/keel_bench';
		return {
			env: { DATABASE_URL: url.toString() },
			open: async () => openPostgres(url.toString(), 4),
			cleanup: async () => {}
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'keel-bench-'));
	const dataDir = join(dir, 'pglite');
	return {
		env: { KEEL_DATA_DIR: dataDir },
		open: () => openPGlite(dataDir),
		cleanup: async () => rmSync(dir, { recursive: true, force: true })
	};
}

async function waitUntilUp(url: string) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url, { redirect: 'manual' })).status < 500) return;
		} catch {
			// not yet listening
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server did not come up at ${url}`);
}

/** A demo user's session cookie (every bench user is a demo user). */
const signIn = (email: string) => signInCookie(ORIGIN, email, DEMO_PASSWORD);

interface Measured {
	name: string;
	p50: number;
	p95: number;
	p99: number;
	rps: number;
	errors: number;
	requests: number;
}

function percentile(sorted: number[], p: number) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(
	name: string,
	path: string,
	cookie: string,
	connections: number,
	duration: number
): Promise<Measured> {
	const times: number[] = [];
	let errors = 0;
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon(
			{ url: `${ORIGIN}${path}`, connections, duration, headers: { cookie, accept: 'text/html' } },
			(error, done) => (error ? reject(error) : resolve(done))
		);
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			times.push(responseTime);
			if (statusCode !== 200) errors++;
		});
	});
	times.sort((a, b) => a - b);
	return {
		name,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		p99: percentile(times, 99),
		rps: result.requests.average,
		errors: errors + result.errors + result.timeouts,
		requests: times.length
	};
}

/** The JavaScript a first visit to `path` downloads, as Chromium fetches it, gzipped. */
async function firstLoadJs(path: string, cookie: string) {
	const browser = await launchBrowser();
	try {
		const context = await browser.newContext();
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: ORIGIN }]);
		const page = await context.newPage();
		const scripts: Promise<Buffer>[] = [];
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script') scripts.push(response.body());
		});
		await page.goto(`${ORIGIN}${path}`, { waitUntil: 'networkidle' });
		const bodies = await Promise.all(scripts);
		const gzip = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);
		return { files: bodies.length, kb: gzip / 1024 };
	} finally {
		await browser.close();
	}
}

function printTable(title: string, rows: Measured[], staticP50: number) {
	console.log(`\n${title}`);
	console.log('| page | p50 ms | p95 ms | p99 ms | req/s | requests | errors | p50 ÷ static p50 |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of rows) {
		const ratio = staticP50 > 0 ? (r.p50 / staticP50).toFixed(1) : '—';
		console.log(
			`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.requests} | ${r.errors} | ${ratio} |`
		);
	}
}

/**
 * `health:recompute`'s pass over every account, as the daily job runs it: each run a new day,
 * so it writes a full day of snapshots, then once more on the same day (only what moved is
 * rewritten). The budget is ≤ 5 s at 100,000 accounts.
 */
async function timeRecompute(db: OpenDatabase['db']) {
	const day = 86_400_000;
	const runs: { label: string; ms: number }[] = [];
	for (let i = 1; i <= 3; i++) {
		const now = new Date(Date.now() + i * day);
		// A day apart, autovacuum will have cleaned up after the previous pass's updates.
		await sql`vacuum (analyze) account_health, health_snapshots, churn_flags`.execute(db);
		for (const label of [`new day ${i}`, `same day ${i}`]) {
			const started = performance.now();
			const { accounts } = await refreshAllHealth(db, now, RECOMPUTE);
			runs.push({ label, ms: performance.now() - started });
			log(
				`health recompute (${label}): ${accounts} accounts in ${(runs.at(-1)!.ms / 1000).toFixed(2)} s`
			);
		}
	}
	const worst = Math.max(...runs.filter((r) => r.label.startsWith('new')).map((r) => r.ms));
	log(`health recompute, slowest new-day pass: ${(worst / 1000).toFixed(2)} s`);
	// Back to today for the page measurements: drop the days simulated ahead.
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('health_snapshots').where('day', '>', isoToday()).execute();
	});
	await refreshAllHealth(db);
}

const RECOMPUTE = {
	...(args.partitions ? { partitions: Number(args.partitions) } : {}),
	...(args.concurrency ? { concurrency: Number(args.concurrency) } : {})
};

/** The account with the most rows in `table`: the heaviest tab of its kind. */
async function busiestAccount(db: OpenDatabase['db'], table: 'feedback' | 'business_reviews') {
	const row = await db
		.selectFrom(table)
		.select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('account_id')
		.orderBy('n', 'desc')
		.orderBy('account_id')
		.limit(1)
		.executeTakeFirstOrThrow();
	return row.account_id;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

async function main() {
	if (!args['no-build'] && !args['recompute-only']) {
		log('building');
		const build = spawnSync('npm', ['run', 'build'], { stdio: 'ignore' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}
	const database = await freshDatabase();
	const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
	log(`seeding ${ACCOUNTS} accounts into ${engine}`);
	const seedStarted = Date.now();
	const open = await database.open();
	await migrateToLatest(open.db);
	const seeded = await seedDemo(open.db, {
		accounts: ACCOUNTS,
		seed: 42,
		escalations: ESCALATIONS,
		feedback: FEEDBACK
	});
	log(
		`escalations: ${seeded.escalations}, feedback: ${seeded.feedback}, reviews: ${seeded.reviews}`
	);
	// Steady state: what autovacuum does on a server minutes after a bulk load.
	await refreshPlannerStatistics(open.db);
	if (!args['export-only']) await timeRecompute(open.db);
	if (AT_SCALE) {
		await open.close();
		if (args['export-only']) await timeExports(database.env, EXPORTS.slice(0, 1));
		await database.cleanup();
		return;
	}
	const sample = await open.db
		.selectFrom('accounts')
		.select('id')
		.orderBy('id')
		.offset(Math.floor(ACCOUNTS / 2))
		.limit(1)
		.executeTakeFirstOrThrow();
	const withOnboarding = await open.db
		.selectFrom('onboardings')
		.select('account_id')
		.where('status', '=', 'active')
		.orderBy('id')
		.limit(1)
		.executeTakeFirst();
	const onboardingSample = withOnboarding?.account_id ?? sample.id;
	// The account with the most objectives, and one from the middle of those with usage.
	const withPlan = await open.db
		.selectFrom('plan_objectives')
		.select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy('account_id')
		.orderBy('n', 'desc')
		.orderBy('account_id')
		.limit(1)
		.executeTakeFirst();
	const planSample = withPlan?.account_id ?? sample.id;
	const withUsage = await open.db
		.selectFrom('account_adoption')
		.select('account_id')
		.where('account_id', '>=', sample.id)
		.orderBy('account_id')
		.limit(1)
		.executeTakeFirst();
	const usageSample = withUsage?.account_id ?? sample.id;
	// The escalation with the longest timeline, and its account.
	const busiest = await open.db
		.selectFrom('escalation_events')
		.innerJoin('escalations', 'escalations.id', 'escalation_events.escalation_id')
		.select(['escalations.id', 'escalations.account_id', (eb) => eb.fn.countAll<number>().as('n')])
		.groupBy(['escalations.id', 'escalations.account_id'])
		.orderBy('n', 'desc')
		.orderBy('escalations.id')
		.limit(1)
		.executeTakeFirstOrThrow();
	// The SLA sweep, as each instance runs it every minute: its first pass after seeding measures
	// what the seeding left due, a second one a minute later is the steady state.
	for (const label of ['first', 'a minute later']) {
		const started = performance.now();
		const swept = await runSlaSweep(
			open.db,
			new Date(Date.now() + (label === 'first' ? 0 : 60_000))
		);
		log(
			`SLA sweep (${label}): ${swept.breaches} breaches, ${swept.warnings} warnings in ${(performance.now() - started).toFixed(1)} ms`
		);
	}
	// The accounts with the most feedback and the most reviews, and csm1's id.
	const mostFeedback = await busiestAccount(open.db, 'feedback');
	const mostReviews = await busiestAccount(open.db, 'business_reviews');
	const csm1 = await open.db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'csm1@keel.demo')
		.executeTakeFirstOrThrow();
	const usageRows = await open.db
		.selectFrom('usage_records')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	await open.close();
	log(`usage readings: ${usageRows.n}`);
	log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

	const server = await startServer(database.env);
	try {
		const cookie = await signIn('manager@keel.demo');
		const csmCookie = await signIn('csm1@keel.demo');
		const salesCookie = await signIn('sales@keel.demo');
		const allTargets = [
			{ name: 'accounts list, first page', path: '/accounts', cookie },
			{
				name: 'accounts list, filtered + sorted',
				path: '/accounts?segment=mid_market&region=emea&renewal=365&sort=arr&dir=desc&page=2',
				cookie
			},
			{ name: 'accounts list, name search', path: '/accounts?q=tele', cookie },
			{ name: 'account page', path: `/accounts/${sample.id}`, cookie },
			{ name: 'onboarding tab', path: `/accounts/${onboardingSample}/onboarding`, cookie },
			{ name: 'onboarding board, all CSMs', path: '/onboarding?csm=all', cookie },
			{ name: 'onboarding board, one region', path: '/onboarding?csm=all&region=latam', cookie },
			{ name: 'my work (csm1)', path: '/my-work', cookie: csmCookie },
			{ name: 'success plan tab', path: `/accounts/${planSample}/plan`, cookie },
			{ name: 'plan review (print)', path: `/accounts/${planSample}/plan/print`, cookie },
			{ name: 'adoption tab', path: `/accounts/${usageSample}/adoption`, cookie },
			{ name: 'health tab', path: `/accounts/${usageSample}/health`, cookie },
			{ name: 'risks tab', path: `/accounts/${usageSample}/risks`, cookie },
			{ name: 'portfolio health review', path: '/health', cookie },
			{
				name: 'portfolio health, filtered, page 2',
				path: '/health?segment=mid_market&region=emea&sort=change&page=2',
				cookie
			},
			{ name: 'churn risks (manager)', path: '/risks', cookie },
			{ name: 'churn risks, by renewal', path: '/risks?sort=renewal&renewal=180', cookie },
			{ name: 'churn risks (sales)', path: '/risks', cookie: salesCookie },
			{ name: 'notifications (manager)', path: '/notifications', cookie },
			{ name: 'portfolio adoption', path: '/adoption', cookie },
			{
				name: 'portfolio adoption, filtered, page 3',
				path: '/adoption?segment=mid_market&region=emea&page=3',
				cookie
			},
			{ name: 'escalation queue (manager)', path: '/escalations', cookie },
			{ name: 'escalation queue (csm1)', path: '/escalations', cookie: csmCookie },
			{ name: 'critical escalations', path: '/escalations?view=critical', cookie },
			{
				name: 'escalation queue, P1 breached, all states',
				path: '/escalations?priority=P1&clock=breached&state=all',
				cookie
			},
			{
				name: 'escalation queue, all states, page 20',
				path: '/escalations?state=all&page=20',
				cookie
			},
			{ name: 'escalation page', path: `/escalations/${busiest.id}`, cookie },
			{
				name: 'account escalations tab',
				path: `/accounts/${busiest.account_id}/escalations`,
				cookie
			},
			{ name: 'post-mortems, searched', path: '/escalations/postmortems?q=power', cookie },
			{ name: 'feedback trends', path: '/feedback', cookie },
			{
				name: 'feedback trends, 24 months by CSM',
				path: '/feedback?months=24&compare=csm',
				cookie
			},
			{
				name: 'feedback trends, EMEA by segment',
				path: '/feedback?region=emea&compare=segment',
				cookie
			},
			{
				name: 'feedback trends (csm1, own)',
				path: `/feedback?csm=${csm1.id}`,
				cookie: csmCookie
			},
			{ name: 'feedback trends CSV', path: '/feedback/trends.csv?chart=themes', cookie },
			{ name: 'account feedback tab', path: `/accounts/${mostFeedback}/feedback`, cookie },
			{ name: 'account reviews tab', path: `/accounts/${mostReviews}/reviews`, cookie },
			{ name: 'reviews (manager)', path: '/reviews', cookie },
			{ name: 'reviews (csm1)', path: '/reviews', cookie: csmCookie },
			{ name: 'reviews needing recording', path: '/reviews?view=overdue', cookie },
			{ name: 'accounts behind review cadence', path: '/reviews?view=cadence', cookie },
			{
				name: 'behind review cadence (csm1)',
				path: '/reviews?view=cadence',
				cookie: csmCookie
			},
			{ name: 'static asset', path: '/favicon.svg', cookie }
		];
		const only = args.only ? new RegExp(args.only) : null;
		const targets = only ? allTargets.filter((t) => only.test(t.name)) : allTargets;
		// Warm caches and JIT so the first target is not penalised.
		for (const t of targets) await measure(t.name, t.path, t.cookie, 2, 1);

		log(`${CONNECTIONS} connections × ${DURATION} s per page`);
		const loaded: Measured[] = [];
		for (const t of targets)
			loaded.push(await measure(t.name, t.path, t.cookie, CONNECTIONS, DURATION));
		// One connection: the server's own render time, which the DESIGN.md budget speaks of.
		log('1 connection × 5 s per page (server render time without queueing)');
		const serial: Measured[] = [];
		for (const t of targets) serial.push(await measure(t.name, t.path, t.cookie, 1, 5));

		const js = await firstLoadJs('/accounts', cookie);
		const chartJs = await firstLoadJs(`/accounts/${usageSample}/adoption`, cookie);
		console.log(`\nKeel bench: ${engine}, ${ACCOUNTS} accounts, node ${process.version}`);
		console.log(
			`First-load JavaScript of /accounts: ${js.kb.toFixed(1)} KB gzip in ${js.files} files`
		);
		console.log(
			`First-load JavaScript of the adoption tab (with Chart.js): ${chartJs.kb.toFixed(1)} KB gzip in ${chartJs.files} files`
		);
		printTable(
			`Under load (${CONNECTIONS} connections, ${DURATION} s each)`,
			loaded,
			loaded.at(-1)!.p50
		);
		printTable('Serial (1 connection, 5 s each): render time', serial, serial.at(-1)!.p50);
	} finally {
		await stopServer(server);
	}
	await timeExports(database.env, EXPORTS);
	await database.cleanup();
}

/**
 * Starts the built server on the bench's database; resolves once it answers. Not
 * app-process's startBuiltApp: here the server's stderr goes straight to the terminal, so an
 * error shows the moment it happens during a long measurement.
 */
async function startServer(env: NodeJS.ProcessEnv) {
	const server = spawn(process.execPath, ['build/index.js'], {
		env: {
			...process.env,
			DATABASE_URL: undefined,
			...env,
			PORT: String(PORT),
			ORIGIN,
			KEEL_DEMO: '0'
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitUntilUp(`${ORIGIN}/login`);
	return server;
}

async function stopServer(server: ReturnType<typeof spawn>) {
	server.kill('SIGTERM');
	await new Promise((r) => server.once('exit', r));
}

/** The CSV exports timed, each of every row its list holds (a manager sees them all). */
const EXPORTS = [
	{ name: 'accounts list', path: '/accounts/export.csv' },
	{ name: 'escalation queue, all states', path: '/escalations/export.csv?state=all' },
	{ name: 'post-mortems', path: '/escalations/postmortems/export.csv' },
	{ name: 'churn risks', path: '/risks/export.csv' },
	{ name: 'health review', path: '/health/export.csv' },
	{ name: 'onboarding board', path: '/onboarding/export.csv?csm=all' },
	{ name: 'reviews, upcoming', path: '/reviews/export.csv' },
	{ name: 'reviews, behind cadence', path: '/reviews/export.csv?view=cadence' },
	{ name: 'least-adopted accounts', path: '/adoption/export.csv?table=least-adopted' }
];

/**
 * Each export streamed as a browser downloads it, on a fresh server, twice (the first warms
 * it): rows, size, time, and the server's resident memory sampled every 50 ms, so a file
 * built up in memory instead of streamed would show as memory rising with its size.
 */
async function timeExports(env: NodeJS.ProcessEnv, exports: { name: string; path: string }[]) {
	const server = await startServer(env);
	try {
		const cookie = await signIn('manager@keel.demo');
		const rss = () =>
			Number(readFileSync(`/proc/${server.pid}/statm`, 'utf8').split(' ')[1]) * 4096;
		console.log('\nCSV exports (streamed; server memory before and at its peak)');
		console.log('| export | rows | MB | seconds | rows/s | RSS before MB | RSS peak MB |');
		console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const { name, path } of exports) {
			for (const run of ['warm-up', 'measured']) {
				const before = rss();
				let peak = before;
				const sampler = setInterval(() => (peak = Math.max(peak, rss())), 50);
				const started = performance.now();
				const response = await fetch(`${ORIGIN}${path}`, { headers: { cookie } });
				if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
				let bytes = 0;
				let lines = 0;
				for await (const chunk of response.body!) {
					bytes += chunk.length;
					for (const byte of chunk) if (byte === 10) lines++;
				}
				clearInterval(sampler);
				const seconds = (performance.now() - started) / 1000;
				if (run === 'warm-up') continue;
				const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
				console.log(
					`| ${name} | ${lines - 1} | ${mb(bytes)} | ${seconds.toFixed(2)} | ${((lines - 1) / seconds).toFixed(0)} | ${mb(before)} | ${mb(peak)} |`
				);
			}
		}
	} finally {
		await stopServer(server);
	}
}

main().catch((error) => {
	console.error(`[bench] ${(error as Error).message}`);
	process.exit(1);
});
