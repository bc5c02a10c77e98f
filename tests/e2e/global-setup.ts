import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../support/browser';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		port: number;
	}
}

function freePort(): Promise<number> {
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

async function waitUntilUp(url: string, server: ChildProcess, log: () => string) {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`Keel exited during start:\n${log()}`);
		try {
			const response = await fetch(url, { redirect: 'manual' });
			if (response.status < 500) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`Keel did not answer at ${url} within 90 s:\n${log()}`);
}

/**
 * Starts the built app (npm run build first) on a fresh embedded database with the demo data,
 * as `npm start` would, and hands its address to the browser tests. A missing browser or build
 * fails the run: browser tests never skip.
 */
export default async function setup(project: TestProject) {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`
		);
	}
	if (!existsSync('build/index.js'))
		throw new Error('Browser tests need the built app: npm run build');

	const dataDir = await mkdtemp(join(tmpdir(), 'keel-e2e-'));
	const port = await freePort();
	const baseURL = `http://localhost:${port}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		ORIGIN: baseURL,
		KEEL_DATA_DIR: join(dataDir, 'pglite')
	};
	delete env.DATABASE_URL;
	let output = '';
	const server = spawn(process.execPath, ['build/index.js'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	await waitUntilUp(`${baseURL}/login`, server, () => output);

	project.provide('baseURL', baseURL);
	project.provide('port', port);
	return async () => {
		server.kill('SIGTERM');
		await new Promise((resolve) => {
			if (server.exitCode !== null) return resolve(undefined);
			server.once('exit', resolve);
			setTimeout(() => {
				server.kill('SIGKILL');
				resolve(undefined);
			}, 5000);
		});
		await rm(dataDir, { recursive: true, force: true });
	};
}
