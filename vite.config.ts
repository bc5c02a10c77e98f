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
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			...integrationEngines.map((engine) => ({
				extends: true as const,
				test: {
					name: `integration-${engine}`,
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					env: { KEEL_TEST_ENGINE: engine },
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
