/**
 * Lighthouse (its default mobile settings) against the built site served on 127.0.0.1, in Debian's
 * Chromium: prints each page's performance and accessibility scores and the metrics behind them.
 * Usage: `npm run lighthouse [-- --json] [-- --no-build] [-- --desktop] [-- /sandbox /compare]`. Asserts nothing.
 * `--desktop` uses Lighthouse's desktop settings instead (a wide window: a lesson's stage sits beside
 * its words and so loads at once, where on a phone it waits below the fold).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumPath } from './chromium-path.mjs';
import { prepareSite, serveSite } from './builtSite.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const config = args.includes('--desktop') ? desktopConfig : undefined;
const paths = args.filter((a) => a.startsWith('/'));
const pages = paths.length ? paths : ['/', '/sandbox', '/learn', '/learn/two-thirds/a-third-offline'];
const port = 4178;
const base = `http://127.0.0.1:${port}`;
const log = (...m) => (json ? console.error(...m) : console.log(...m));

prepareSite({ build: !args.includes('--no-build'), quiet: json, log });
const stop = await serveSite(port);

const chrome = await chromeLauncher.launch({
	chromePath: chromiumPath(),
	chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
});
const out = {};
try {
	for (const path of pages) {
		const result = await lighthouse(base + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, config);
		const lhr = result.lhr;
		const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
		out[path] = {
			performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
			accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
			firstContentfulPaintMs: ms('first-contentful-paint'),
			largestContentfulPaintMs: ms('largest-contentful-paint'),
			totalBlockingTimeMs: ms('total-blocking-time'),
			cumulativeLayoutShift: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
			speedIndexMs: ms('speed-index'),
			failedAccessibilityAudits: Object.values(lhr.audits).filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id) && a.score === 0).map((a) => a.id)
		};
		const r = out[path];
		log(`${path}: performance ${r.performance}, accessibility ${r.accessibility}; FCP ${r.firstContentfulPaintMs} ms, LCP ${r.largestContentfulPaintMs} ms, TBT ${r.totalBlockingTimeMs} ms, CLS ${r.cumulativeLayoutShift}, SI ${r.speedIndexMs} ms${r.failedAccessibilityAudits.length ? `; failing: ${r.failedAccessibilityAudits.join(', ')}` : ''}`);
	}
} finally {
	await chrome.kill();
	stop();
}
if (json) console.log(JSON.stringify(out, null, 2));
