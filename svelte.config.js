import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		version: { name: 'rollup-lab' },
		// The pages' styles go inline: no stylesheet holds up the first paint (they are a few KB compressed).
		inlineStyleThreshold: 64_000
	}
};

export default config;
