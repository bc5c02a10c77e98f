import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'data/', 'node_modules/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			// Keel is served at the root (no paths.base) and most links carry query strings built
			// from the current URL, which resolve() does not take.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Forms use $lib/forms/enhance, which keeps what the person typed when the database is down.
		files: ['src/**/*.svelte', 'src/**/*.ts'],
		ignores: ['src/lib/forms/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$app/forms',
							importNames: ['enhance'],
							message:
								"Use enhance from '$lib/forms/enhance': it keeps form input during an outage."
						}
					]
				}
			]
		}
	},
	{
		// Migrations are written against Kysely<any> on purpose: they must not depend on app types.
		files: ['migrations/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	}
);
