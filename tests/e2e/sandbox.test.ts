import { expect, test } from '@playwright/test';
import { axeClean, nextFrames, pausedClock, watch, worldReady } from './watch';

test('a learner plays, pauses, steps and changes the world', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox');
	await worldReady(page);
	await expect(page).toHaveURL(/\/sandbox\?seed=\d+&scenario=demo&finality=hybrid$/);

	const clock = page.getByLabel('Simulated time');
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration).toContainText('The demo world');
	const atStart = await clock.textContent();

	// 10× so the first batch (about 22 simulated seconds in) comes quickly.
	const speed = page.getByRole('slider', { name: 'Speed' });
	await expect(speed).toHaveAttribute('aria-valuetext', '1×');
	await speed.focus();
	for (let i = 0; i < 3; i++) await speed.press('ArrowRight');
	await expect(speed).toHaveAttribute('aria-valuetext', '10×');

	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(clock).not.toHaveText(atStart ?? '');
	await expect(narration).toContainText(/Batch 0 signed by \d+ of \d+ sequencers|Batch 0 posted to L1 in block \d+/, { timeout: 60_000 });
	const ladder = page.getByRole('region', { name: /^Batch \d+/ });
	await expect(ladder).toContainText(/in L1 block \d+/, { timeout: 60_000 });
	await expect(page.getByTestId('announcer')).not.toHaveText('');

	// Let a few batches through, then look at it on a laptop.
	await expect(page.getByRole('button', { name: /^B2: batch 2/ })).toBeVisible({ timeout: 60_000 });
	await page.screenshot({ path: '.tmp/screens/sandbox-1366x768.png' });
	await axeClean(page);

	// Pause is exact: frames still on their way are not shown, the clock holds where the worker stopped.
	await page.getByRole('button', { name: 'Pause' }).click();
	const paused = await pausedClock(page);

	await page.getByRole('button', { name: 'Step' }).click();
	await expect(clock).not.toHaveText(paused);
	const stepped = await clock.textContent();
	await page.locator('body').press('ArrowRight');
	await expect(clock).not.toHaveText(stepped ?? '');

	// Keyboard: "." plays and pauses; ? opens the help dialog, Escape closes it.
	await page.locator('body').press('.');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await page.locator('body').press('.');
	await pausedClock(page);
	await page.locator('body').press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
	await page.screenshot({ path: '.tmp/screens/sandbox-help.png' });
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	// Pick a batch on the L1 lane: the ladder follows it; "Previous batch" walks back.
	const chip = page.getByRole('button', { name: /^B\d+ in L1 block \d+: batch \d+/ }).first();
	const picked = Number(/^B(\d+) /.exec((await chip.getAttribute('aria-label')) ?? '')?.[1]);
	await chip.click();
	await expect(page.getByRole('region', { name: new RegExp(`^Batch ${picked}\\b`) })).toContainText(/in L1 block \d+/);
	if (picked > 0) {
		await page.getByRole('button', { name: 'Previous batch' }).click();
		await expect(page.getByRole('region', { name: new RegExp(`^Batch ${picked - 1}\\b`) })).toBeVisible();
	}
	await page.getByRole('button', { name: 'Latest' }).click();

	// Fast-forward runs flat out, yet Pause stops the clock at once (the worker runs in small slices).
	const speed2 = page.getByRole('slider', { name: 'Speed' });
	await speed2.focus();
	await speed2.press('End');
	await expect(speed2).toHaveAttribute('aria-valuetext', 'fast-forward');
	await page.getByRole('button', { name: 'Play' }).click();
	const before = await clock.textContent();
	await expect(clock).not.toHaveText(before ?? '');
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);

	// Another world.
	await page.getByRole('combobox', { name: 'Scenario' }).selectOption('happy-path');
	await expect(page).toHaveURL(/scenario=happy-path&finality=optimistic/);
	await worldReady(page);
	await expect(narration).toContainText('The happy path');
	await page.getByRole('combobox', { name: 'Finality' }).selectOption('zk');
	await expect(page).toHaveURL(/scenario=happy-path&finality=zk/);
	await worldReady(page);
	await expect(narration).toContainText('ZK finality');

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('a broken link shows why and opens the default world (with reduced motion)', async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?seed=abc&finality=nope');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('seed "abc"');
	await expect(alert).toContainText('finality "nope"');
	await worldReady(page);
	await expect(page).toHaveURL(/\/sandbox\?seed=\d+&scenario=demo&finality=hybrid$/);
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText('The demo world');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await axeClean(page);
	await page.screenshot({ path: '.tmp/screens/sandbox-broken-link.png' });

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('on a projector (1920×1080) the stage fills the screen', async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto('/sandbox?seed=1&scenario=demo&finality=hybrid');
	await worldReady(page);
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	for (let i = 0; i < 4; i++) await speed.press('ArrowRight');
	await expect(speed).toHaveAttribute('aria-valuetext', '30×');
	await page.locator('body').press(' ');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^B3: batch 3/ })).toBeVisible({ timeout: 60_000 });
	await page.screenshot({ path: '.tmp/screens/sandbox-1920x1080.png' });
	const overflow = () => page.evaluate(() => ({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight }));
	expect(await overflow()).toEqual({ x: 0, y: 0 });
	// A 720p projector: still one screen, the supply total still in view.
	await page.setViewportSize({ width: 1280, height: 720 });
	await nextFrames(page, 2);
	await page.screenshot({ path: '.tmp/screens/sandbox-1280x720.png' });
	expect(await overflow()).toEqual({ x: 0, y: 0 });
	await expect(page.getByRole('row', { name: /^Total/ })).toBeInViewport();
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('a fault scenario shows who went offline and why batches stall', async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?scenario=quorum-loss');
	await worldReady(page);
	await expect(page).toHaveURL(/scenario=quorum-loss&finality=optimistic/);
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	await speed.press('ArrowRight');
	await speed.press('ArrowRight');
	await speed.press('ArrowRight');
	await speed.press('ArrowRight');
	await expect(speed).toHaveAttribute('aria-valuetext', '30×');
	await page.getByRole('button', { name: 'Play' }).click();
	// The node's label (SVG text) says so, not only its dashed outline.
	await expect(page.locator('svg text').filter({ hasText: '✗ offline' }).first()).toBeVisible({ timeout: 60_000 });
	// Why batches stall: the stage says so before the picture is taken.
	await expect(page.getByRole('img', { name: /^Quorum stalled: fewer than 2\/3 of the sequencers are online/ })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await page.screenshot({ path: '.tmp/screens/sandbox-quorum-loss.png' });
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
