/**
 * `npm run load`: the load test. Starts the built app on the demo portfolio, signs in the demo
 * users (several sessions each), then keeps 32 connections busy for 60 s, each with its own
 * session, cycling through the main pages its user's role may open. Fails (exit 1) on any
 * error (a non-2xx answer, a socket error or a timeout) or when p99 exceeds 4 × p50.
 *
 *   npm run load -- [--duration 60] [--connections 32] [--warmup 5] [--port 4391] [--no-build]
 *
 * Builds first when the build is missing or older than the sources. Without DATABASE_URL the
 * app runs on a fresh embedded database in a temporary folder; with it, on a fresh database
 * `keel_load` on that server (dropped at the end). Either way the app writes its
 * 200-account demo on its first start, as `npm start` does.
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/lib/server/demo/demo-data';
import { buildIfNeeded, startBuiltApp, signInCookie, type BuiltApp } from './app-process';

const { values: args } = parseArgs({
	options: {
		duration: { type: 'string', default: '60' },
		connections: { type: 'string', default: '32' },
		warmup: { type: 'string', default: '5' },
		port: { type: 'string', default: '4391' },
		'no-build': { type: 'boolean', default: false }
	},
	strict: true
});
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const WARMUP = Number(args.warmup);
const PORT = Number(args.port);
const ORIGIN = `http://localhost:${PORT}`;
/** The bound: the slowest 1 % may take at most four times the median. */
const MAX_P99_OVER_P50 = 4;

const log = (line: string) => console.log(`[load] ${line}`);

/** The main pages; `{id}` is an account the signed-in user may open. */
const PAGES = [
	'/my-work',
	'/accounts',
	'/accounts/{id}',
	'/accounts/{id}/health',
	'/accounts/{id}/plan',
	'/accounts/{id}/onboarding',
	'/escalations',
	'/reviews',
	'/health',
	'/risks',
	'/feedback',
	'/notifications'
];

async function onServer(url: string, statement: string) {
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(statement);
	} finally {
		await admin.end();
	}
}

async function freshDatabase(): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
	const serverUrl = process.env.DATABASE_URL;
	if (serverUrl) {
		await onServer(serverUrl, 'drop database if exists keel_load with (force)');
		await onServer(serverUrl, 'create database keel_load');
		const url = new URL(serverUrl);
		url.pathname = '/keel_load';
		return {
			env: { DATABASE_URL: url.toString() },
			cleanup: () => onServer(serverUrl, 'drop database if exists keel_load with (force)')
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'keel-load-'));
	return {
		env: { KEEL_DATA_DIR: join(dir, 'pglite') },
		cleanup: async () => rmSync(dir, { recursive: true, force: true })
	};
}

/** The built app on the fresh database, with the demo portfolio written on its first start. */
function startServer(dbEnv: NodeJS.ProcessEnv) {
	return startBuiltApp({
		port: PORT,
		origin: ORIGIN,
		// An embedded run must not inherit the caller's DATABASE_URL; KEEL_DEMO unset means the demo.
		env: { DATABASE_URL: undefined, ...dbEnv, KEEL_DEMO: undefined },
		timeoutMs: 180_000
	});
}

const signIn = (email: string) => signInCookie(ORIGIN, email, DEMO_PASSWORD);

const get = (path: string, cookie: string) =>
	fetch(`${ORIGIN}${path}`, { redirect: 'manual', headers: { cookie, accept: 'text/html' } });

interface Session {
	email: string;
	role: string;
	cookie: string;
	paths: string[];
	/** The main pages this user's role may not open, with the app's answer. */
	refused: string[];
}

/**
 * The pages each user's role may open, asked of the app itself: a 403 or 404 is the role's
 * refusal (listed in the report); anything else but 200 stops the run.
 */
async function pagesFor(email: string, cookie: string) {
	const list = await get('/accounts', cookie);
	const accountId = /href="\/accounts\/(\d+)"/.exec(await list.text())?.[1];
	const paths: string[] = [];
	const refused: string[] = [];
	for (const page of PAGES) {
		if (page.includes('{id}') && !accountId) {
			refused.push(`${page} (no account listed)`);
			continue;
		}
		const path = page.replace('{id}', accountId ?? '');
		const response = await get(path, cookie);
		await response.arrayBuffer();
		if (response.status === 200) paths.push(path);
		else if (response.status === 403 || response.status === 404)
			refused.push(`${page} (${response.status})`);
		else throw new Error(`${email} ${path} answered ${response.status} before the run`);
	}
	return { paths, refused };
}

function percentile(sorted: Float64Array, p: number) {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Outcome {
	latencies: number[];
	byPage: Map<string, number[]>;
	failures: Map<string, number>;
	/** Requests that got no answer: autocannon's errors, timeouts included, by message. */
	unanswered: Map<string, number>;
	socketErrors: number;
	timeouts: number;
	requests: number;
}

/** The path a client's response answers: autocannon moves to the next request after emitting. */
function currentPath(client: autocannon.Client): string {
	const internals = client as unknown as {
		requestIterator?: { currentRequest?: { path?: string } };
	};
	return internals.requestIterator?.currentRequest?.path ?? '?';
}

/** `connections` clients for `seconds`, client i with session i mod n, each page in turn. */
function run(sessions: Session[], connections: number, seconds: number): Promise<Outcome> {
	const outcome: Outcome = {
		latencies: [],
		byPage: new Map(),
		failures: new Map(),
		unanswered: new Map(),
		socketErrors: 0,
		timeouts: 0,
		requests: 0
	};
	let next = 0;
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: ORIGIN,
				connections,
				duration: seconds,
				timeout: 10,
				setupClient: (client) => {
					const session = sessions[next % sessions.length]!;
					// Each client starts at a different page, so the mix is even from the first second.
					const offset = next++ % session.paths.length;
					const paths = [...session.paths.slice(offset), ...session.paths.slice(0, offset)];
					client.setRequests(
						paths.map((path) => ({
							method: 'GET',
							path,
							headers: { cookie: session.cookie, accept: 'text/html' }
						}))
					);
				}
			},
			(error, result) => {
				if (error) return reject(error);
				// autocannon counts a timeout among its errors too.
				outcome.socketErrors = result.errors - result.timeouts;
				outcome.timeouts = result.timeouts;
				resolve(outcome);
			}
		);
		instance.on('reqError', (error: Error) =>
			outcome.unanswered.set(error.message, (outcome.unanswered.get(error.message) ?? 0) + 1)
		);
		instance.on('response', (client, statusCode, _bytes, responseTime) => {
			const page = currentPath(client).replace(/\/accounts\/\d+/, '/accounts/{id}');
			outcome.requests++;
			outcome.latencies.push(responseTime);
			const times = outcome.byPage.get(page) ?? [];
			times.push(responseTime);
			outcome.byPage.set(page, times);
			if (statusCode < 200 || statusCode >= 300) {
				const key = `${page} → ${statusCode}`;
				outcome.failures.set(key, (outcome.failures.get(key) ?? 0) + 1);
			}
		});
	});
}

const sortedOf = (values: number[]) => Float64Array.from(values).sort();
const ms = (value: number) => value.toFixed(1);

/** Prints the figures; true when the run meets the bounds. `load`: 1-minute load average before and after. */
function report(outcome: Outcome, sessions: Session[], load: [number, number]) {
	const all = sortedOf(outcome.latencies);
	const [p50, p90, p99, max] = [
		percentile(all, 50),
		percentile(all, 90),
		percentile(all, 99),
		all[all.length - 1] ?? NaN
	];
	const httpErrors = [...outcome.failures.values()].reduce((sum, n) => sum + n, 0);
	const errors = httpErrors + outcome.socketErrors + outcome.timeouts;
	const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded database (PGlite)';
	const cpu = cpus();
	console.log(
		`\nKeel load test, ${new Date().toISOString().slice(0, 10)}: ${engine}, 200-account demo, ` +
			`${CONNECTIONS} connections for ${DURATION} s, ${sessions.length} sessions of ` +
			`${new Set(sessions.map((s) => s.email)).size} users; node ${process.version}, ` +
			`${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}; load average ${load[0].toFixed(1)} before, ` +
			`${load[1].toFixed(1)} after`
	);
	console.log(
		`requests ${outcome.requests} (${(outcome.requests / DURATION).toFixed(1)}/s), errors ${errors} ` +
			`(HTTP ${httpErrors}, socket ${outcome.socketErrors}, timeouts ${outcome.timeouts})`
	);
	console.log(
		`latency ms: p50 ${ms(p50)}, p90 ${ms(p90)}, p99 ${ms(p99)}, max ${ms(max)}; ` +
			`p99 ÷ p50 = ${(p99 / p50).toFixed(2)} (bound ${MAX_P99_OVER_P50})`
	);
	console.log('\n| page | requests | p50 ms | p90 ms | p99 ms | max ms |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
	for (const [page, times] of [...outcome.byPage].sort(([a], [b]) => a.localeCompare(b))) {
		const sorted = sortedOf(times);
		console.log(
			`| ${page} | ${times.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 90))} | ` +
				`${ms(percentile(sorted, 99))} | ${ms(sorted[sorted.length - 1]!)} |`
		);
	}
	for (const [key, count] of outcome.failures) console.log(`error: ${key} × ${count}`);
	for (const [key, count] of outcome.unanswered) console.log(`error: ${key} × ${count}`);
	const problems = [
		...(errors > 0 ? [`${errors} errors`] : []),
		...(outcome.requests === 0 ? ['no requests answered'] : []),
		...(p99 > MAX_P99_OVER_P50 * p50
			? [`p99 ${ms(p99)} ms is over ${MAX_P99_OVER_P50} × p50 (${ms(MAX_P99_OVER_P50 * p50)} ms)`]
			: [])
	];
	console.log(problems.length ? `\nFAIL: ${problems.join('; ')}` : '\nPASS');
	return problems.length === 0;
}

async function main() {
	buildIfNeeded(args['no-build'], log);
	const database = await freshDatabase();
	let started: BuiltApp | undefined;
	try {
		log(
			`starting the built app on ${process.env.DATABASE_URL ? 'keel_load' : 'a fresh embedded database'} with the demo`
		);
		started = await startServer(database.env);
		const perUser = Math.ceil(CONNECTIONS / DEMO_USERS.length);
		const byUser: Session[][] = [];
		for (const user of DEMO_USERS) {
			const first = await signIn(user.email);
			const { paths, refused } = await pagesFor(user.email, first);
			if (paths.length === 0) throw new Error(`${user.email} may open none of the main pages`);
			const own = [{ email: user.email, role: user.role, cookie: first, paths, refused }];
			while (own.length < perUser) own.push({ ...own[0]!, cookie: await signIn(user.email) });
			byUser.push(own);
		}
		// Client i takes session i: interleaved, so that every user has clients busy at once.
		const sessions = Array.from({ length: perUser }, (_, i) => byUser.map((own) => own[i]!)).flat();
		log(`${sessions.length} sessions (${perUser} per user); pages per user:`);
		for (const [session] of byUser) {
			const { email, role, paths, refused } = session!;
			const not = refused.length ? `; not for a ${role}: ${refused.join(', ')}` : '';
			log(`  ${email}: ${paths.length} pages${not}`);
		}

		if (WARMUP > 0) {
			log(`warming up for ${WARMUP} s`);
			await run(sessions, CONNECTIONS, WARMUP);
			// The server still renders what the warm-up left in flight; this answer queues behind it.
			await (await get(sessions[0]!.paths[0]!, sessions[0]!.cookie)).arrayBuffer();
		}
		const loadBefore = loadavg()[0]!;
		log(`${CONNECTIONS} connections for ${DURATION} s`);
		const outcome = await run(sessions, CONNECTIONS, DURATION);
		const passed = report(outcome, sessions, [loadBefore, loadavg()[0]!]);
		if (!passed) {
			const serverErrors = started
				.output()
				.split('\n')
				.filter((l) => /error/i.test(l));
			if (serverErrors.length)
				console.log(`\nserver errors:\n${serverErrors.slice(0, 20).join('\n')}`);
		}
		return passed;
	} finally {
		await started?.stop();
		await database.cleanup();
	}
}

main().then(
	(passed) => process.exit(passed ? 0 : 1),
	(error: unknown) => {
		console.error(`[load] ${error instanceof Error ? error.message : String(error)}`);
		process.exit(1);
	}
);
