import { expect, test, type Page } from '@playwright/test';
import { axeClean, clockMs, nextFrames, onStage, pausedClock, setSpeed, watch, worldReady } from './watch';

/** Screenshots at a laptop's size (now) and then a projector's. */
async function bothSizes(page: Page, name: string) {
	await page.screenshot({ path: `.tmp/screens/${name}-1366x768.png` });
	await page.setViewportSize({ width: 1920, height: 1080 });
	await nextFrames(page, 3);
	await page.screenshot({ path: `.tmp/screens/${name}-1920x1080.png` });
}

test('exactly two thirds: the meter says which rule is in force, and the stall follows the stricter one', async ({ page }) => {
	test.setTimeout(150_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?scenario=two-thirds-edge');
	await worldReady(page);
	await setSpeed(page, '10×');
	await page.getByRole('button', { name: 'Play' }).click();

	// Under the seed article's rule, 4 of 6 is enough.
	const card = page.getByRole('button', { name: /^Batch \d+(, attempt \d+ \(seq-\d+\))?: .*Show its finality\.$/ });
	await expect(onStage(page, /^needs at least 2\/3$/)).toBeVisible({ timeout: 60_000 });
	await expect(card).toHaveAccessibleName(/needs at least 2\/3 by count/);

	// At 4 minutes the administrator adopts Themis' rule: 4 of 6 is no longer a quorum.
	const stall = page.getByRole('img', { name: /^Quorum stalled: only 2\/3 or fewer of the sequencers are online, and the rule needs more than 2\/3 by count\./ });
	await expect(stall).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await expect(onStage(page, /^needs more than 2\/3$/)).toBeVisible();
	await expect(onStage(page, /^stalled — 2\/3 or fewer online · 2 silent$/)).toBeVisible();
	await expect(card).toHaveAccessibleName(/needs more than 2\/3 by count/);
	await expect(page.getByRole('region', { name: /^Batch 8\b/ })).toContainText(/needs more than 2\/3 by count/);

	// A batch signed before the switch keeps the rule it was judged by.
	await page.getByRole('button', { name: /^B7: batch 7, / }).click();
	await expect(page.getByRole('region', { name: /^Batch 7\b/ })).toContainText('4 of 6 sequencers signed (needs at least 2/3 by count)');
	await page.getByRole('button', { name: 'Latest' }).click();
	await axeClean(page);
	await bothSizes(page, 'facts-two-thirds-stall');
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('lazy validators: at the end the supply panel shows the METIS L1 accepted that no transaction created', async ({ page }) => {
	test.setTimeout(150_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?scenario=lazy-validators');
	await worldReady(page);
	const settled = page.getByTestId('settled-on-l1');
	await expect(settled).toHaveText('L1 has settled no batch yet');
	await setSpeed(page, 'fast-forward');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 120_000 });
	await expect(settled).toHaveText(/^⚠\s*L1 accepted \+1,000 METIS that no transaction created \(batch 19 settled with a wrong root; the buckets above count the honest chain\)$/);
	// The buckets still add up: both facts are in view.
	await expect(page.getByText('✓ total unchanged since genesis')).toBeVisible();
	await expect(settled).toBeInViewport();
	await axeClean(page);
	// The last frames' signatures and aggregate finish flying before the picture.
	await expect(page.locator('svg.scene .effects .aggregate, svg.scene .effects .sig')).toHaveCount(0, { timeout: 15_000 });
	await bothSizes(page, 'facts-lazy-validators-end');
	await expect(settled).toBeInViewport();
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('colluding majority: after the fraud is proven, the re-derived batches are named as attempt 2', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?scenario=colluding-majority-optimistic');
	await worldReady(page);
	await setSpeed(page, '3,600×');
	await page.getByRole('button', { name: 'Play' }).click();
	// The dispute takes about 14 simulated hours; slow down for its last half hour.
	await expect.poll(() => clockMs(page), { timeout: 60_000, intervals: [100] }).toBeGreaterThan(13.5 * 3_600_000);
	await setSpeed(page, '100×');
	// The ladder follows the latest batch: once the fraud is proven the honest pool proposes batch 0 again.
	await expect(page.getByRole('region', { name: /^Batch \d+, attempt 2 \(seq-5\)/ })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText(/re-derives L2 blocks 1–198|attempt 2/);
	// At 1× until the first re-derived batch is on L1 and the resolved dispute has left the L1 lane.
	await setSpeed(page, '1×');
	await page.getByRole('button', { name: 'Play' }).click();
	const chip = page.getByRole('button', { name: /^B0 in L1 block \d+: batch 0, attempt 2 \(seq-5\), / });
	await expect(chip).toBeVisible({ timeout: 60_000 });
	await expect(page.getByRole('img', { name: /^Dispute on L1/ })).toBeHidden({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await chip.click();
	const ladder = page.getByRole('region', { name: /^Batch 0, attempt 2 \(seq-5\)/ });
	await expect(ladder).toContainText(/in L1 block \d+/);
	await expect(page.getByRole('button', { name: /^B\d+: batch \d+, attempt 2 \(seq-5\), / }).first()).toBeVisible();

	// The inspector on that attempt: its own proposal id, its epoch, and every attempt at the index.
	await ladder.getByRole('button', { name: 'Inspect batch 0, attempt 2 (seq-5)' }).click();
	const inspector = page.getByRole('dialog', { name: 'Batch 0, attempt 2 (seq-5)' });
	await expect(inspector).toBeVisible();
	await expect(inspector).toContainText(/attempt\s*2 of 2 at index 0/);
	await expect(inspector).toContainText(/epoch\s*4/);
	await expect(inspector.getByRole('listitem').filter({ hasText: /^attempt 1 · proposal #0 · .* · seq-2 · reverted/ })).toBeVisible();
	const shown = inspector.getByRole('listitem').filter({ hasText: /^attempt 2 · proposal #20 · .* · seq-5 · / });
	await expect(shown).toBeVisible();
	await expect(shown).toContainText('shown here');
	await axeClean(page);
	await bothSizes(page, 'facts-rederived-inspector');

	// Played to the end: every batch settled as its second attempt.
	await page.getByRole('button', { name: 'Close' }).click();
	await page.getByRole('button', { name: 'Latest' }).click();
	await setSpeed(page, 'fast-forward');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 120_000 });
	await expect(page.getByRole('region', { name: /^Batch 19, attempt 2 \(seq-5\)\s*settled/ })).toBeVisible();
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
