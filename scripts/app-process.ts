/**
 * The built app (`build/index.js`) as a child process, for the scripts that measure it (load,
 * lighthouse, bench) and the browser tests that drive it: a free port, a start that waits until
 * it answers, a stop that cannot hang, a demo user's session cookie, and a build when the
 * sources are newer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port nothing listens on right now (the OS picks it; closed again before we return). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject()
			);
		});
	});
}

export interface BuiltAppOptions {
	port: number;
	/** The app's ORIGIN; `http://localhost:<port>` unless given (e.g. an https one behind a proxy). */
	origin?: string;
	/** Set over this process's environment; `undefined` removes a variable (DATABASE_URL for an
	 * embedded run, so the caller's own server is never the one written to). */
	env?: NodeJS.ProcessEnv;
	/** How long the first start may take: it migrates, and may write the demo, before it answers. */
	timeoutMs: number;
}

export interface BuiltApp {
	child: ChildProcess;
	/** All it printed so far, stdout and stderr interleaved. */
	output(): string;
	/** SIGTERM, then SIGKILL if it is still running after `graceMs`; resolves once it exited. */
	stop(graceMs?: number): Promise<void>;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/**
 * Starts `build/index.js` on `port` and resolves once `/login` answers below 500. Rejects with
 * the app's output when it exits first or does not answer in time (then it is killed, so a
 * failed start never leaves a server holding the port).
 */
export async function startBuiltApp({
	port,
	origin = `http://localhost:${port}`,
	env = {},
	timeoutMs
}: BuiltAppOptions): Promise<BuiltApp> {
	const childEnv: NodeJS.ProcessEnv = {
		...process.env,
		...env,
		PORT: String(port),
		ORIGIN: origin
	};
	for (const [key, value] of Object.entries(childEnv))
		if (value === undefined) delete childEnv[key];
	const child = spawn(process.execPath, ['build/index.js'], {
		env: childEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const chunks: string[] = [];
	child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
	const output = () => chunks.join('');

	async function stop(graceMs = 10_000) {
		if (exited(child)) return;
		const gone = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		await gone;
		clearTimeout(timer);
	}

	// Probed over plain http on the port itself: the origin may be an https one a proxy would serve.
	const probe = `http://localhost:${port}/login`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited(child)) throw new Error(`Keel exited during start:\n${output()}`);
		try {
			if ((await fetch(probe, { redirect: 'manual' })).status < 500) return { child, output, stop };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	child.kill('SIGKILL');
	throw new Error(`Keel did not answer at ${probe} within ${timeoutMs / 1000} s:\n${output()}`);
}

/** Signs in with the login form as a browser would (its Origin included); the `keel_session=…` pair. */
export async function signInCookie(origin: string, email: string, password: string) {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, password })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('keel_session='));
	if (response.status !== 303 || !cookie)
		throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
	return cookie.split(';')[0]!;
}

function newestMtime(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * Builds when build/index.js is missing or older than anything it is built from, so a
 * measurement never runs stale code by accident; `noBuild` uses a stale build (and says so).
 */
export function buildIfNeeded(noBuild: boolean, log: (line: string) => void) {
	const inputs = [
		'src',
		'migrations',
		'static',
		'package.json',
		'svelte.config.js',
		'vite.config.ts'
	];
	const built = existsSync('build/index.js') ? statSync('build/index.js').mtimeMs : 0;
	const newest = Math.max(...inputs.filter((p) => existsSync(p)).map(newestMtime));
	if (built >= newest) return log('the build is up to date');
	if (noBuild) return log('the build is older than the sources (--no-build: using it)');
	log('building');
	const build = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}
