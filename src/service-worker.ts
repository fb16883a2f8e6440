/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Rollup Lab offline: on install, every page of the site (with its data), every built file and every
 * static file goes into one cache named after this build; after one visit the whole site works with
 * the network off. A new build's worker waits until no tab of the old one is open, so a talk never
 * changes under the speaker; once it takes over it drops the old caches. Embedded modules are left
 * out: they live in hosts' pages, online.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `rollup-lab-${version}`;

/** Whether a page belongs offline (an embedded module does not). */
function offline(path: string): boolean {
	return !/^(\/[a-z]{2}(-[A-Z]{2})?)?\/embed(\/|$)/.test(path);
}

/** Every address the site needs offline: built files, static files, pages and the data their client-side navigation reads. */
function assets(): string[] {
	const pages = prerendered.filter(offline);
	const data = pages.filter((p) => !p.includes('.')).map((p) => (p === '/' ? '/__data.json' : `${p}/__data.json`));
	return [...new Set([...build, ...files, ...pages, ...data])];
}

async function precache(): Promise<void> {
	const cache = await caches.open(CACHE);
	// One file at a time: the open page's own requests always come first. A page without data (no server load) has no __data.json: skipped.
	for (const path of assets()) {
		const reply = await fetch(path, { cache: 'reload' });
		if (reply.ok) await cache.put(path, reply);
		else if (!path.endsWith('/__data.json')) throw new Error(`could not precache ${path}: HTTP ${reply.status}`);
	}
}

sw.addEventListener('install', (event) => {
	event.waitUntil(precache());
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE && key.startsWith('rollup-lab-')) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET' || request.headers.has('range')) return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin || !offline(url.pathname)) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// The address without its query: a sandbox link's world is in its query, its page is the same.
			const hit = (await cache.match(url.pathname)) ?? (await cache.match(request, { ignoreSearch: true }));
			if (hit) return hit;
			try {
				return await fetch(request);
			} catch (error) {
				// Offline and never cached (a page this build does not have): the home page says where to go.
				if (request.mode === 'navigate') {
					const home = await cache.match('/');
					if (home) return home;
				}
				throw error;
			}
		})()
	);
});
