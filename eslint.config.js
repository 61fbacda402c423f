// Conventions checked by tools, not by memory: `npm run lint` (part of `npm run check`) fails on any finding.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/tmp/'] },
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names itself (svelte-check); the base rule misreads types.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// Links are plain hrefs built from our own routes; resolve() would add nothing here.
			'svelte/no-navigation-without-resolve': 'off',
			// Input checks match control characters on purpose, to refuse them.
			'no-control-regex': 'off',
			// URLSearchParams here build link addresses, never state the page reacts to.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// tests/fixtures.ts fails a test on console errors and CSP violations: only a test from there can be trusted.
		files: ['tests/**/*.e2e.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [{ name: '@playwright/test', importNames: ['test', 'expect'], message: "Import test and expect from './fixtures'." }] }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	}
);
