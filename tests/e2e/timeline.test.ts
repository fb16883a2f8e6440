import { expect, test } from '@playwright/test';
import { axeClean, clockMs, pausedClock, watch, worldReady } from './watch';

test('a learner scrubs back in time, replays forward, and jumps to the next key moment', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?scenario=proposer-offline');
	await worldReady(page);
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	for (let i = 0; i < 5; i++) await speed.press('ArrowRight');
	await expect(speed).toHaveAttribute('aria-valuetext', '100×');
	await page.getByRole('button', { name: 'Play' }).click();
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration).toContainText(/Re-span/, { timeout: 90_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	const reached = await clockMs(page);

	// Drag back by keyboard: Home goes to the start, the span reached stays.
	const scrub = page.getByRole('slider', { name: 'Timeline' });
	await scrub.focus();
	await scrub.press('Home');
	await expect.poll(() => clockMs(page)).toBeLessThan(1000);
	await expect(scrub).toHaveAttribute('aria-valuetext', /reached \(drag right to replay\)$/);
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

	// Half way, with the mouse: the world is rebuilt there, deterministically.
	const box = await scrub.boundingBox();
	if (!box) throw new Error('the timeline slider is not laid out');
	await scrub.click({ position: { x: box.width / 2, y: box.height / 2 } });
	await expect.poll(() => clockMs(page)).toBeGreaterThan(reached * 0.3);
	const middle = await clockMs(page);
	expect(middle).toBeLessThan(reached);

	// The marks on the timeline: the re-span the learner saw is one of them.
	const timeline = page.getByRole('group', { name: 'Timeline' });
	await expect(timeline.locator('[title^="re-span at "]').first()).toBeAttached();

	// Forward again to where it was, then "n" jumps to the next key moment.
	await scrub.press('End');
	await expect.poll(() => clockMs(page)).toBeGreaterThanOrEqual(reached - 1000);
	await page.getByRole('button', { name: 'Next key moment' }).click();
	await expect.poll(() => clockMs(page)).toBeGreaterThan(reached);
	await expect(narration).toContainText(/Jumped to day \d+, [\d:]+: /);

	// Back to half of where it was and change something: the future forks from there.
	const max = Number(await scrub.getAttribute('max'));
	await scrub.click({ position: { x: Math.max(8, (box.width * reached) / 2 / max), y: box.height / 2 } });
	await expect.poll(() => clockMs(page)).toBeLessThan(reached);
	await page.locator('body').press('t');
	await expect(narration).toContainText(/You changed the past at day 0, [\d:]+: the old future/);
	await expect(scrub).not.toHaveAttribute('aria-valuetext', /drag right to replay/);
	await page.screenshot({ path: '.tmp/screens/sandbox-timeline.png' });
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test("Next key moment tells lone-cheater's story: the slash comes within three presses", async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await page.goto('/sandbox?scenario=lone-cheater');
	await worldReady(page);
	const next = page.getByRole('button', { name: 'Next key moment' });
	const narration = page.getByRole('region', { name: 'Narration' });
	const slashMark = page.getByRole('group', { name: 'Timeline' }).locator('[title^="slash at "]');
	let presses = 0;
	while (presses < 3 && (await slashMark.count()) === 0) {
		const before = await clockMs(page);
		await next.click();
		presses++;
		await expect.poll(() => clockMs(page)).toBeGreaterThan(before);
		await expect(narration).toContainText(/Jumped to day \d+, [\d:]+: /);
	}
	await expect(slashMark.first()).toBeAttached();
	// seq-0's forged transaction is caught in its first batch, 36 s in; the page is at that moment.
	await expect(slashMark.first()).toHaveAttribute('title', /^slash at day 0, 00:00:3\d/);
	expect(await clockMs(page)).toBeLessThan(40_000);
	// One stop per moment of the story, not one per batch the cheater signs: the faults are one mark.
	expect(await page.getByRole('group', { name: 'Timeline' }).locator('[title^="fault at "]').count()).toBe(1);
	expect(seen.errors).toEqual([]);
});
