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
