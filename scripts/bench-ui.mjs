/**
 * UI benchmark: frame times and long main-thread tasks while the sandbox plays, in headless Chromium.
 * Worlds: the demo (7 sequencers, 20 validators, 200 users, 5 tx/s), a large one (21, 50, 1,000,
 * 50 tx/s), and the race: four demo-size worlds side by side on /compare, each in its own worker. Usage: `npm run bench:ui [-- --json] [-- --seconds 15] [-- --speed 10] [-- --no-build]`.
 * Prints figures; asserts nothing (targets: p95 frame ≤ 16.7 ms demo and race, ≤ 33 ms large, no task > 50 ms).
 */
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.mjs';
import { prepareSite, serveSite } from './builtSite.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const flag = (name, fallback) => {
	const i = args.indexOf(name);
	return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const seconds = flag('--seconds', 15);
const warmup = flag('--warmup', 3);
const speed = flag('--speed', 1);
const port = flag('--port', 4179);
const base = `http://127.0.0.1:${port}`;
const log = (...m) => {
	if (!json) console.log(...m);
	else console.error(...m);
};

const WORLDS = {
	demo: '/sandbox?seed=1&scenario=demo&finality=hybrid',
	large: '/sandbox?seed=1&scenario=demo&finality=hybrid&seqs=21&vals=50&users=1000&p.txPerSecond=50',
	race: '/compare?race'
};

/** Speed slider positions (see src/lib/stage/speed.ts). */
const SPEED_PRESSES = { 0.1: -1, 1: 0, 3: 1, 5: 2, 10: 3 };

prepareSite({ build: !args.includes('--no-build'), quiet: json, log });

/** Plays one world and measures the main thread. */
async function measure(browser, path) {
	const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
	const errors = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(base + path);
	await page.getByRole('button', { name: 'Play' }).waitFor({ state: 'visible', timeout: 180_000 });
	await page.locator('svg.scene').first().waitFor({ state: 'visible', timeout: 180_000 });
	await page.waitForFunction(() => !document.querySelector('button[aria-keyshortcuts="Space ."]')?.hasAttribute('disabled'), null, { timeout: 180_000 });
	const slider = page.getByRole('slider', { name: 'Speed' });
	const presses = SPEED_PRESSES[speed] ?? 0;
	await slider.focus();
	for (let i = 0; i < Math.abs(presses); i++) await slider.press(presses > 0 ? 'ArrowRight' : 'ArrowLeft');
	await page.getByRole('button', { name: 'Play' }).click();
	await page.waitForTimeout(warmup * 1000);
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__bench = { frames: [], longTasks: [] };
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
		}).observe({ type: 'longtask' });
		let last = performance.now();
		const loop = (now) => {
			w.__bench.frames.push(now - last);
			last = now;
			if (!w.__bench.stop) requestAnimationFrame(loop);
		};
		requestAnimationFrame(loop);
	});
	// The sandbox has one clock; the compare page one per world (the first is read).
	const clock = () => page.locator('[data-testid="sim-clock"], [data-testid="column-clock"]').first().textContent();
	const clockBefore = await clock();
	await page.waitForTimeout(seconds * 1000);
	const result = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__bench.stop = true;
		return w.__bench;
	});
	const clockAfter = await clock();
	await page.close();
	const frames = result.frames.slice(1).sort((a, b) => a - b);
	const pick = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))] ?? 0;
	const round = (x) => Math.round(x * 10) / 10;
	return {
		p95FrameMs: round(pick(0.95)),
		maxLongTaskMs: round(Math.max(0, ...result.longTasks)),
		longTasks: result.longTasks.length,
		frames: frames.length,
		/** Frames that took longer than one and a half 60 Hz intervals (a frame was skipped). */
		droppedFrames: frames.filter((f) => f > 25).length,
		medianFrameMs: round(pick(0.5)),
		maxFrameMs: round(frames[frames.length - 1] ?? 0),
		simulated: `${clockBefore} → ${clockAfter}`,
		errors
	};
}

let stopServer = () => {};
try {
	stopServer = await serveSite(port);
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	const out = {};
	for (const [name, path] of Object.entries(WORLDS)) {
		log(`measuring ${name} (${seconds} s at ${speed}×, after ${warmup} s warm-up)…`);
		out[name] = await measure(browser, path);
		log(`  ${name}: p95 frame ${out[name].p95FrameMs} ms, median ${out[name].medianFrameMs} ms, max ${out[name].maxFrameMs} ms over ${out[name].frames} frames (${out[name].droppedFrames} dropped); ${out[name].longTasks} long tasks (max ${out[name].maxLongTaskMs} ms); clock ${out[name].simulated}`);
	}
	await browser.close();
	if (json) console.log(JSON.stringify(out, null, 2));
} finally {
	stopServer();
}
