import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startBuiltApp } from '../../scripts/app-process';
import { CHROMIUM_PATH } from '../support/browser';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		port: number;
	}
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
	const server = await startBuiltApp({
		port,
		origin: baseURL,
		// The embedded database always: never a DATABASE_URL the shell happens to carry.
		env: { KEEL_DATA_DIR: join(dataDir, 'pglite'), DATABASE_URL: undefined },
		timeoutMs: 90_000
	});

	project.provide('baseURL', baseURL);
	project.provide('port', port);
	return async () => {
		await server.stop(5000);
		await rm(dataDir, { recursive: true, force: true });
	};
}
