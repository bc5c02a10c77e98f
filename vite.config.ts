import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// Integration tests run on the embedded database always, and again on the PostgreSQL server
// named by DATABASE_URL when it is set.
const integrationEngines = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				// Pure functions: one module graph per worker instead of one per file (40 s → 15 s).
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					isolate: false
				}
			},
			...integrationEngines.map((engine) => ({
				extends: true as const,
				test: {
					name: `integration-${engine}`,
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					env: { KEEL_TEST_ENGINE: engine },
					// Each file opens its own database, so files share nothing but the module graph:
					// loading it once per worker instead of once per file halves the run.
					isolate: false,
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			})),
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
