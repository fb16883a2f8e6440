import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import adapter from '@sveltejs/adapter-static';

/** A hash of everything the site is built from, so each different build has its own version (and offline cache), and the same sources give the same one. */
function sourceVersion() {
	const hash = createHash('sha256');
	const walk = (dir) => {
		for (const name of readdirSync(dir).sort()) {
			const path = join(dir, name);
			if (path === join('src', 'lib', 'paraglide')) continue;
			if (statSync(path).isDirectory()) walk(path);
			else hash.update(path).update(readFileSync(path));
		}
	};
	for (const dir of ['src', 'content', 'messages', 'static']) walk(dir);
	hash.update(readFileSync('package-lock.json'));
	return hash.digest('hex').slice(0, 12);
}
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		version: { name: sourceVersion() },
		// Registered by the layout once the page is idle, and never from an embedded module.
		serviceWorker: { register: false },
		// The pages' styles go inline: no stylesheet holds up the first paint (they are a few KB compressed).
		inlineStyleThreshold: 64_000
	}
};

export default config;
