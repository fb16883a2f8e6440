/** Shared checks for the end-to-end tests: console errors, requests leaving 127.0.0.1, axe. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Collects console errors and requests that leave this machine. */
export function watch(page: Page) {
	const errors: string[] = [];
	const outside: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) outside.push(req.url());
	});
	return { errors, outside };
}

/** Asserts axe finds no accessibility violations on the page as it is now. */
export async function axeClean(page: Page) {
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits until the page is hydrated and a world is built (Play or Pause is enabled). */
export async function worldReady(page: Page) {
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled({ timeout: 45_000 });
}

/** Waits for the page to paint `count` more frames: as long as the page takes, never a fixed sleep. */
export async function nextFrames(page: Page, count: number) {
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve) => {
				let left = n;
				const frame = () => (--left <= 0 ? resolve() : requestAnimationFrame(frame));
				requestAnimationFrame(frame);
			}),
		count
	);
}

/**
 * After Pause: waits until Play shows and the worker's answer is in (the clock then shows the moment
 * the worker stopped), and checks that the clock holds still over the next 30 frames. Returns its text.
 */
export async function pausedClock(page: Page): Promise<string> {
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	const clock = page.getByLabel('Simulated time');
	await expect(clock).toHaveAttribute('data-playing', 'false');
	const stopped = (await clock.textContent()) ?? '';
	await nextFrames(page, 30);
	expect(await clock.textContent()).toBe(stopped);
	await expect(clock).toHaveAttribute('data-playing', 'false');
	return stopped;
}

/** The Speed slider's steps, as its aria-valuetext reads them. */
const SPEEDS = ['0.1×', '0.25×', '0.5×', '1×', '2×', '5×', '10×', '30×', '100×', '300×', '1,000×', '3,600×', 'fast-forward'];

/** Moves the Speed slider with the keyboard to `label`. */
export async function setSpeed(page: Pick<Page, 'getByRole'>, label: string) {
	const slider = page.getByRole('slider', { name: 'Speed' });
	await slider.focus();
	const from = Number(await slider.inputValue());
	const to = SPEEDS.indexOf(label);
	for (let i = from; i !== to; i += Math.sign(to - i)) await slider.press(to > from ? 'ArrowRight' : 'ArrowLeft');
	await expect(slider).toHaveAttribute('aria-valuetext', label);
}

/** Simulated ms from the clock's text, e.g. "day 0 · 00:01:23" plus ".456". */
export async function clockMs(page: Page): Promise<number> {
	const text = (await page.getByLabel('Simulated time').textContent()) ?? '';
	const m = /(\d+):(\d{2}):(\d{2})\.(\d{3})/.exec(text);
	const day = /day (\d+)/i.exec(text);
	if (!m) throw new Error(`unreadable clock: ${text}`);
	return ((Number(day?.[1] ?? 0) * 24 + Number(m[1])) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 + Number(m[4]);
}

/** A label drawn on the stage (effects are pictures: found by their text, not by role). */
export const onStage = (page: Page, text: string | RegExp) => page.locator('svg.scene text').filter({ hasText: text }).first();

/** The "third offline" mission, done: plays the quorum-loss world at 10× until seq-5 goes offline (as `narration` tells), then brings seq-5 back and plays on. */
export async function bringSeq5Back(page: Pick<Page, 'getByRole'>, narration: string) {
	await setSpeed(page, '10×');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('region', { name: narration })).toContainText('seq-5 goes offline', { timeout: 60_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.getByRole('button', { name: /^seq-5,/ }).click();
	await page.getByRole('menu').getByRole('menuitemradio', { name: 'Back to honest' }).click();
	await page.getByRole('button', { name: 'Play' }).click();
}
