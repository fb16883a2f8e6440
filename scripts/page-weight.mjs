/**
 * How much JavaScript a page loads, gzipped: what it loads to show itself, and what comes later
 * (a lesson's live world loads only once its stage is on screen; the worker is counted apart).
 * Pages open in a phone-sized window, where a lesson's stage sits below its words, then the stage
 * is scrolled into view.
 * Usage: `npm run weight [-- --json] [-- --no-build] [-- /learn /learn/two-thirds/quiz]`. Asserts nothing.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.mjs';
import { prepareSite, serveSite } from './builtSite.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const paths = args.filter((a) => a.startsWith('/'));
const pages = paths.length ? paths : ['/learn', '/learn/two-thirds/quiz', '/learn/two-thirds/a-third-offline', '/sandbox'];
const port = 4179;
const log = (...m) => (json ? console.error(...m) : console.log(...m));

prepareSite({ build: !args.includes('--no-build'), quiet: json, log });
const stop = await serveSite(port);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const out = {};
const kb = (n) => Math.round(n / 102.4) / 10;
try {
	for (const path of pages) {
		const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
		const page = await context.newPage();
		const seen = [];
		let phase = 'page';
		page.on('response', async (res) => {
			const url = new URL(res.url());
			const worker = res.request().resourceType() === 'other' || /worker/i.test(url.pathname);
			if (!/\.js$/.test(url.pathname)) return;
			const body = await res.body().catch(() => null);
			if (body) seen.push({ file: url.pathname, phase: worker ? 'worker' : phase, gz: gzipSync(body).length });
		});
		await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
		await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
		phase = 'later';
		const slot = page.locator('[data-testid=stage-slot]');
		if (await slot.count()) await slot.scrollIntoViewIfNeeded();
		if (await page.locator('svg.scene, [data-testid=stage-slot]').count()) await page.waitForSelector('svg.scene', { timeout: 90_000 });
		await page.waitForLoadState('networkidle');
		const sum = (p) => seen.filter((s) => s.phase === p).reduce((a, s) => a + s.gz, 0);
		out[path] = { pageKB: kb(sum('page')), laterKB: kb(sum('later')), workerKB: kb(sum('worker')), files: seen.length };
		const r = out[path];
		log(`${path}: page ${r.pageKB} KB gz · loaded with its stage ${r.laterKB} KB · worker ${r.workerKB} KB (${r.files} files)`);
		await context.close();
	}
} finally {
	await browser.close();
	stop();
}
if (json) console.log(JSON.stringify(out, null, 2));
