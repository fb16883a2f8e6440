import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeClean, setSpeed, watch, worldReady } from './watch';

const LONE = JSON.parse(readFileSync('content/scenarios/lone-cheater.json', 'utf8')) as { title: string; summary: string; watch: string };
const LONE_URL = '/sandbox?seed=2&scenario=lone-cheater&finality=optimistic';

/** Plays the open world at full speed until nothing more will happen. */
async function playToEnd(page: Page) {
	await setSpeed(page, 'fast-forward');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 120_000 });
}

test('the scenario card says what the world is about, hides on Esc or Play, and tells what happened at the end', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(LONE_URL);
	await worldReady(page);

	const card = page.getByRole('region', { name: LONE.title });
	await expect(card).toBeVisible();
	await expect(card).toContainText(LONE.summary);
	await expect(card).toContainText(`What to watch: ${LONE.watch}`);
	// It takes no focus and blocks no control.
	await expect(card).not.toContainText('What happened');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
	await page.screenshot({ path: '.tmp/screens/explain-card-1280x720.png' });
	await axeClean(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.screenshot({ path: '.tmp/screens/explain-card-1920x1080.png' });
	await page.setViewportSize({ width: 1280, height: 720 });

	// Esc hides it.
	await page.locator('body').press('Escape');
	await expect(card).toHaveCount(0);

	// A fresh open shows it again, and Play hides it.
	await page.goto(LONE_URL);
	await worldReady(page);
	await expect(card).toBeVisible();
	await playToEnd(page);

	// At the end it comes back with what happened, from the world's events.
	await expect(card).toContainText('What happened');
	await expect(card).toContainText("seq-0 put a transaction with a forged signature in batch 0; seq-1 sent seq-0's signed header to L1 as evidence");
	await expect(card).toContainText('seq-0 was slashed 30,000 METIS');
	await expect(card).toContainText(/All [\d,]+ transactions settled\./);
	await page.screenshot({ path: '.tmp/screens/explain-outcome-1280x720.png' });
	await axeClean(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.screenshot({ path: '.tmp/screens/explain-outcome-1920x1080.png' });

	// Its own button hides it too.
	await card.getByRole('button', { name: 'Hide this card' }).click();
	await expect(card).toHaveCount(0);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('the key opens with k or its button, Esc closes it and gives focus back; the shortcuts fit the screen', async ({ page }) => {
	const seen = watch(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/sandbox?seed=1&scenario=happy-path&finality=optimistic');
	await worldReady(page);

	const play = page.getByRole('button', { name: 'Play' });
	await play.focus();
	await page.keyboard.press('k');
	const key = page.getByRole('dialog', { name: 'Key to the stage' });
	await expect(key).toBeVisible();
	for (const words of ['Quorum meter', 'Thick ring and ★', 'Hatched, “stalled”', 'Green, full, ✓', 'Red ⚑', 'Chip B3', 'Dispute bar ⚖', 'Orange particle', 'Black ✕']) await expect(key).toContainText(words);
	await page.screenshot({ path: '.tmp/screens/explain-legend-1280x720.png' });
	await axeClean(page);
	await page.keyboard.press('Escape');
	await expect(key).toHaveCount(0);
	await expect(play).toBeFocused();

	const button = page.getByRole('button', { name: 'Key', exact: true });
	await button.click();
	await expect(key).toBeVisible();
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.screenshot({ path: '.tmp/screens/explain-legend-1920x1080.png' });
	await page.keyboard.press('Escape');
	await expect(button).toBeFocused();
	await page.setViewportSize({ width: 1280, height: 720 });

	// The shortcuts dialog lists n and k, and fits 1280×720 without scrolling.
	await page.keyboard.press('?');
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help).toBeVisible();
	await expect(help.getByRole('row', { name: /^n Jump to the next key moment/ })).toBeVisible();
	await expect(help.getByRole('row', { name: /^k Open the key/ })).toBeVisible();
	const box = await help.evaluate((el) => ({ scrolls: el.scrollHeight > el.clientHeight, top: el.getBoundingClientRect().top, bottom: el.getBoundingClientRect().bottom, height: innerHeight }));
	expect(box.scrolls, JSON.stringify(box)).toBe(false);
	expect(box.top).toBeGreaterThanOrEqual(0);
	expect(box.bottom).toBeLessThanOrEqual(box.height);
	await page.screenshot({ path: '.tmp/screens/explain-help-1280x720.png' });
	await page.keyboard.press('Escape');
	expect(seen.errors).toEqual([]);
});

test('Copy link copies the address that rebuilds this world and says so', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/sandbox?seed=1&scenario=happy-path&finality=zk');
	await worldReady(page);
	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
	await axeClean(page);
});

test('timeline marks are reached and used by keyboard; Esc from the inspector gives focus back to the node that opened it', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto(LONE_URL);
	await worldReady(page);
	await playToEnd(page);

	// Shift+Tab from the scrubber lands on the marks (one tab stop); arrows move between them.
	const marks = page.getByRole('toolbar', { name: 'Key moments' });
	await page.getByRole('slider', { name: 'Timeline' }).focus();
	await page.keyboard.press('Shift+Tab');
	const first = marks.getByRole('button').first();
	await expect(first).toBeFocused();
	await expect(first).toHaveAccessibleName(/^fault at day 0, \d\d:\d\d:\d\d$/);
	await page.keyboard.press('End');
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowRight');
	const second = marks.getByRole('button').nth(1);
	await expect(second).toBeFocused();
	const name = (await second.getAttribute('aria-label')) ?? '';
	const at = /(\d\d:\d\d:\d\d)$/.exec(name)?.[1];
	expect(at).toBeTruthy();
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Simulated time')).toContainText(at!);
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText(`Moved to day 0, ${at}`);

	// A sequencer node (drawn in SVG) opens the inspector through its menu; Esc gives focus back to it.
	const seq = page.getByRole('button', { name: /^seq-1, / });
	await seq.focus();
	await page.keyboard.press('Enter');
	const inspect = page.getByRole('menu').getByRole('menuitem', { name: 'Inspect' });
	await inspect.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('dialog', { name: /^seq-1/ })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(seq).toBeFocused();
	await axeClean(page);
	expect(seen.errors).toEqual([]);
});

test('a colluding majority: the outcome names every colluder slashed, the challenger paid and the reverted batches', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/sandbox?seed=1&scenario=colluding-majority-hybrid&finality=hybrid');
	await worldReady(page);
	const card = page.getByRole('region', { name: 'A colluding majority, hybrid' });
	await expect(card).toContainText('What to watch: Watch the dispute bar');
	await playToEnd(page);
	await expect(card).toContainText('What happened');
	await expect(card).toContainText('seq-0, seq-1, seq-2, seq-3 and seq-4 were slashed 40,000 METIS each');
	await expect(card).toContainText('val-0 challenged batch 0 on L1 and won with one ZK fraud proof');
	await expect(card).toContainText('20 batches were reverted and the honest pool re-derived the chain.');
	await expect(card).toContainText(/All [\d,]+ transactions settled\./);
	await page.screenshot({ path: '.tmp/screens/explain-outcome-collusion-1280x720.png' });
	await axeClean(page);
	expect(seen.errors).toEqual([]);
});
