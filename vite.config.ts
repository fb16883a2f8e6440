import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// Learner-facing text comes from messages/{locale}.json, compiled into src/lib/paraglide
		// (under Vitest by `npm run messages` beforehand: the plugin's watcher would keep Vitest from exiting).
		...(process.env.VITEST ? [] : [paraglideVitePlugin({ project: './project.inlang', outdir: './src/lib/paraglide', strategy: ['url', 'baseLocale'] })]),
		sveltekit()
	],
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	server: { host: '127.0.0.1', port: 5173 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000
	}
});
