import { expect, test, type Page } from '@playwright/test';
import { axeClean, watch } from './watch';

test.use({ viewport: { width: 1920, height: 1080 } });

const count = (page: Page) => page.getByTestId('scene-count');
const subtitle = (page: Page) => page.getByTestId('subtitle');

/** Waits until the scene's world is drawn at the scene's own time, paused; returns that time (ms). */
async function sceneShown(page: Page): Promise<string> {
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	const at = (await page.getByTestId('present').getAttribute('data-scene-at'))!;
	await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-t', at, { timeout: 60_000 });
	await expect(page.locator('svg.scene')).toBeVisible();
	return at;
}

test('a talk moves only on the presenter keys, as reveal.js maps them, and no key moves the world’s clock', async ({ page }) => {
	const seen = watch(page);
	await page.goto('/present/why-decentralize');
	await expect(count(page)).toHaveText('1 / 9');
	await expect(subtitle(page)).toHaveText('One sequencer decides who goes first');
	const first = await sceneShown(page);
	expect(first).toBe('20000');

	for (const [key, n] of [['PageDown', 2], ['n', 3], [' ', 4], ['ArrowRight', 5], ['PageUp', 4], ['p', 3], ['ArrowLeft', 2], ['End', 9], ['Home', 1]] as const) {
		await page.keyboard.press(key === ' ' ? 'Space' : key);
		await expect(count(page), key).toHaveText(`${n} / 9`);
		await sceneShown(page);
	}
	await expect(page).toHaveURL(/scene=1$/);
	await expect(page.getByTestId('present-announce')).toHaveText('Scene 1 of 9: One sequencer decides who goes first');

	// Blanking and resuming, with each of reveal.js's keys; the world stays where it is.
	for (const key of ['b', 'v', '.', '/']) {
		await page.keyboard.press(key);
		await expect(page.getByTestId('blank'), key).toBeVisible();
		await page.keyboard.press(key);
		await expect(page.getByTestId('blank'), key).toBeHidden();
	}
	// G goes to a scene by number; ? lists the keys.
	await page.keyboard.press('g');
	const box = page.getByRole('textbox', { name: /Go to scene/ });
	await expect(box).toBeFocused();
	await box.fill('7');
	await box.press('Enter');
	await expect(count(page)).toHaveText('7 / 9');
	await expect(subtitle(page)).toHaveText('Three silent minutes, and the pool re-spans');
	const at7 = await sceneShown(page);
	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Presenter keys' });
	await expect(help).toBeVisible();
	await axeClean(page);
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();
	// Keys that are not the talk's (S/L aside) leave everything as it was, and the world never played.
	for (const key of ['k', 'Tab', 't', 'h', 'i']) await page.keyboard.press(key);
	await expect(count(page)).toHaveText('7 / 9');
	await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-t', at7);
	await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-playing', 'false');
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('the speaker drops into live control, plays and scrubs, and the remote brings the talk back exactly where it was', async ({ page }) => {
	await page.goto('/present/why-decentralize?scene=8');
	await expect(subtitle(page)).toHaveText('A lone cheater signs its own conviction');
	const at = await sceneShown(page);
	await page.keyboard.press('l');
	await expect(page.getByText('Live control.')).toBeVisible();
	await page.getByRole('button', { name: 'Play' }).click();
	await expect.poll(async () => Number(await page.getByTestId('sim-clock').getAttribute('data-t')), { timeout: 30_000 }).toBeGreaterThan(Number(at) + 2_000);
	await page.getByRole('button', { name: 'Pause' }).click();
	// Scrub: the timeline's own keys work in live control…
	const timeline = page.getByRole('slider', { name: 'Timeline' });
	await timeline.focus();
	await timeline.press('Home');
	await expect.poll(async () => Number(await page.getByTestId('sim-clock').getAttribute('data-t'))).toBeLessThan(Number(at));
	// …but Page Down, from a remote, never rewinds the world: it brings back the talk at its scene.
	await timeline.press('PageDown');
	await expect(page.getByText('Live control.')).toBeHidden();
	await expect(count(page)).toHaveText('8 / 9');
	await sceneShown(page);
	await expect(page.getByTestId('sim-clock')).toHaveAttribute('data-playing', 'false');
	await expect(page.getByRole('slider', { name: 'Speed' })).toHaveCount(0);
	// And the next Page Down moves on.
	await page.keyboard.press('PageDown');
	await expect(count(page)).toHaveText('9 / 9');
});

test('the speaker view follows the audience window and moves it: scenes, notes, clocks, blanking and the QR code’s base', async ({ page, context }) => {
	const seen = watch(page);
	await page.goto('/present/finality');
	await sceneShown(page);
	const speakerOpened = context.waitForEvent('page');
	await page.keyboard.press('s');
	const speaker = await speakerOpened;
	await expect(speaker).toHaveURL(/\/present\/finality\/speaker$/);
	await expect(speaker.getByTestId('speaker-current')).toHaveText('Final means: who could still undo it?');
	await expect(speaker.getByTestId('speaker-next')).toHaveText('Ethereum makes the data final in about 13 minutes');
	await expect(speaker.getByTestId('speaker-notes')).toContainText(/\w{4,}/);
	await expect(speaker.getByTestId('elapsed')).toHaveText('0:00');
	await expect(speaker.getByTestId('scene-timer')).toContainText('/ 0:40');

	await page.bringToFront();
	await page.keyboard.press('PageDown');
	await expect(speaker.getByTestId('speaker-current')).toHaveText('Ethereum makes the data final in about 13 minutes');
	await expect(speaker.getByText(/Against the plan/)).toBeVisible();

	await speaker.getByRole('button', { name: 'Next ▶' }).click();
	await expect(count(page)).toHaveText('3 / 12');
	await speaker.keyboard.press('PageDown');
	await expect(count(page)).toHaveText('4 / 12');
	await speaker.getByRole('combobox', { name: 'Go to scene' }).selectOption({ index: 9 });
	await expect(count(page)).toHaveText('10 / 12');
	await speaker.keyboard.press('b');
	await expect(page.getByTestId('blank')).toBeVisible();
	await expect(speaker.getByRole('status').filter({ hasText: 'The projector is blank.' })).toBeVisible();
	await speaker.getByRole('button', { name: /Blank the screen/ }).click();
	await expect(page.getByTestId('blank')).toBeHidden();

	// The QR code opens the scene's lesson at the base the speaker sets; a base that is not an address is refused, naming why.
	const field = speaker.getByRole('textbox', { name: 'The QR code opens the lesson at' });
	await field.fill('not a url');
	await speaker.getByRole('button', { name: 'Use this address' }).click();
	await expect(speaker.getByRole('alert')).toContainText('not a web address');
	await field.fill('https://talk.example/lab/');
	await speaker.getByRole('button', { name: 'Use this address' }).click();
	await expect(page.getByRole('img', { name: /QR code: lesson “Hybrid finality” at https:\/\/talk\.example\/lab\/learn\/hybrid-finality/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'talk.example/lab/learn/hybrid-finality' })).toHaveAttribute('href', 'https://talk.example/lab/learn/hybrid-finality');
	await axeClean(speaker);
	expect(seen.errors).toEqual([]);
});

test('the QR code opens the matching lesson on this site by default', async ({ page }) => {
	await page.goto('/present/why-decentralize?scene=2');
	await sceneShown(page);
	const link = page.getByRole('link', { name: /\/learn\/one-sequencer$/ });
	await expect(link).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/learn\/one-sequencer$/);
	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/One sequencer/);
});

test('projector theme: every word on the talk’s screen is at least 28 px at 1080 lines', async ({ page }) => {
	await page.goto('/present/why-decentralize');
	await sceneShown(page);
	const sizes = await page.getByTestId('present').evaluate((root) => {
		const out: { text: string; px: number }[] = [];
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement!;
			if (!n.textContent?.trim() || el.closest('svg, .visually-hidden')) continue;
			out.push({ text: n.textContent.trim().slice(0, 30), px: parseFloat(getComputedStyle(el).fontSize) });
		}
		return out;
	});
	expect(sizes.length).toBeGreaterThan(5);
	expect(sizes.filter((s) => s.px < 28)).toEqual([]);
	expect(Math.max(...sizes.map((s) => s.px))).toBeGreaterThanOrEqual(50);
});

test('the booth loop (?kiosk) moves on by itself, holds for a visitor, starts over after a quiet minute and never opens a dialog', async ({ page }) => {
	await page.clock.install();
	await page.goto('/present/why-decentralize?kiosk');
	await sceneShown(page);
	await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1_000));
	await expect(count(page)).toHaveText('1 / 9');
	await page.clock.runFor(30_000);
	await expect(count(page)).toHaveText('2 / 9');
	await page.clock.runFor(35_000);
	await expect(count(page)).toHaveText('3 / 9');
	// A visitor: the loop holds; help, go-to and the speaker view are not offered.
	await page.keyboard.press('PageDown');
	await expect(count(page)).toHaveText('4 / 9');
	for (const key of ['?', 'g', 's']) await page.keyboard.press(key);
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(page.getByRole('textbox')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Speaker view/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'Try it yourself' }).click();
	await expect(page.getByText('Live control.')).toBeVisible();
	await page.clock.runFor(59_000);
	await expect(count(page)).toHaveText('4 / 9');
	await page.clock.runFor(2_000);
	await expect(count(page)).toHaveText('1 / 9');
	await expect(page.getByText('Live control.')).toBeHidden();
	await page.clock.runFor(30_000);
	await expect(count(page)).toHaveText('2 / 9');
});

test('the talk list names each talk and its length', async ({ page }) => {
	await page.goto('/present');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Talks');
	await expect(page.getByRole('link', { name: 'Why decentralize the sequencer' })).toHaveAttribute('href', '/present/why-decentralize');
	await expect(page.getByText('About 7 min · 12 scenes')).toBeVisible();
	await axeClean(page);
});
