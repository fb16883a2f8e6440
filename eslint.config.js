import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'node_modules/', 'test-results/', 'playwright-report/', '.tmp/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{ languageOptions: { globals: { ...globals.browser, ...globals.node } } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		files: ['src/lib/sim/**/*.ts', 'src/lib/chain/**/*.ts'],
		ignores: ['**/*.spec.ts'],
		rules: {
			'no-restricted-properties': [
				'error',
				{ object: 'Math', property: 'random', message: 'Use the seeded RNG: the simulation must be deterministic.' },
				{ object: 'Date', property: 'now', message: 'Use the virtual clock.' },
				{ object: 'performance', property: 'now', message: 'Use the virtual clock.' }
			],
			'no-restricted-imports': ['error', { patterns: ['svelte', 'svelte/*', 'd3', 'd3-*', '$app/*'] }]
		}
	},
	{
		// The page only draws: importing the simulation's barrel would ship xstate, noble and viem to the main thread.
		files: ['src/lib/stage/**/*.ts', 'src/lib/stage/**/*.svelte', 'src/lib/player/**/*.ts', 'src/lib/player/**/*.svelte', 'src/lib/components/**', 'src/routes/**'],
		ignores: ['**/*.spec.ts', 'src/lib/player/worker/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ paths: [{ name: '$lib/sim', message: 'Import values from a leaf module ($lib/sim/units, params, scenario…); only types may come from $lib/sim.', allowTypeImports: true }] }
			]
		}
	},
	{ rules: { 'svelte/no-navigation-without-resolve': 'off', '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] } }
);
