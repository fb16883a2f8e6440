import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { measureStage, type TextReport } from './stageText';
import { axeClean, nextFrames, setSpeed, watch, worldReady } from './watch';

test('two live worlds on one page, each with its own focus, both play and narrate', async ({ page }) => {
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/compare?w=lone-cheater:optimistic:quorum&w=quorum-loss:zk:seq-3');
	await worldReady(page);
	const columns = page.getByTestId('world-column');
	await expect(columns).toHaveCount(2);
	await expect(columns.nth(0).getByRole('heading', { level: 2 })).toContainText('A lone cheater');
	await expect(columns.nth(1).getByRole('heading', { level: 2 })).toContainText('ZK');
	await expect(columns.locator('svg.scene')).toHaveCount(2);

	// Each stage dims what its focus leaves out, and says what the focused part shows.
	await expect(columns.nth(0).getByTestId('focus-line')).toContainText('the quorum meter');
	await expect(columns.nth(1).getByTestId('focus-line')).toContainText('seq-3');
	await expect(columns.nth(0).locator('g.region.dim')).toHaveCount(3);
	await expect(columns.nth(1).locator('[data-actor="seq-0"][data-dim]').first()).toBeAttached();
	await expect(columns.nth(1).locator('[data-actor="seq-3"][data-dim]')).toHaveCount(0);

	// Playing runs both worlds, each in its own worker.
	await page.getByRole('button', { name: 'Play' }).click();
	for (const i of [0, 1]) await expect(columns.nth(i).getByTestId('column-clock')).not.toHaveText(/00:00:00$/, { timeout: 30_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

	// Changing one world's focus changes only that stage.
	await columns.nth(0).getByLabel('Focus').selectOption({ label: 'Ethereum L1' });
	await expect(columns.nth(0).getByTestId('focus-line')).toContainText('Ethereum L1');
	await expect(columns.nth(1).getByTestId('focus-line')).toContainText('seq-3');
	await columns.nth(0).getByLabel('Focus').selectOption({ label: 'the whole stage' });
	await expect(columns.nth(0).locator('g.region.dim')).toHaveCount(0);

	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('the race opens four worlds, and a bad entry in the link is named', async ({ page }) => {
	await page.goto('/compare?race');
	await worldReady(page);
	await expect(page.getByTestId('world-column')).toHaveCount(4);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The finality race');
	await page.goto('/compare?w=nope&w=demo:optimistic');
	await worldReady(page);
	await expect(page.getByRole('alert')).toContainText('w[0]: there is no scenario "nope"');
	await expect(page.getByTestId('world-column')).toHaveCount(1);
});

test('a compact stage focused on L1 or on the dispute reads at 12 px or more in a 600 px column, no words overlapping', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	// Two columns of 600 px: 1251 px less the page's padding and the gap between them.
	await page.setViewportSize({ width: 1251, height: 720 });
	await page.goto('/compare?w=colluding-majority-optimistic:optimistic:l1&w=colluding-majority-optimistic:optimistic:dispute');
	await worldReady(page);
	const columns = page.getByTestId('world-column');
	for (const i of [0, 1]) {
		const box = await columns.nth(i).locator('svg.scene').boundingBox();
		expect(box!.width).toBeGreaterThanOrEqual(590);
		expect(box!.width).toBeLessThanOrEqual(610);
	}
	mkdirSync('.tmp/screens', { recursive: true });
	const found: string[] = [];
	/** Measures both stages (paused, blocks settled in their slots) and files what is wrong under `when`; the dispute's stage says `words`. */
	const check = async (when: string, words: RegExp) => {
		await page.getByRole('button', { name: 'Pause' }).click();
		await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
		await nextFrames(page, 40);
		for (const [i, focus] of ['l1', 'dispute'].entries()) {
			const report: TextReport = await measureStage(page, { scene: i });
			expect(report.count, `${when}, ${focus}: the stage has text`).toBeGreaterThan(8);
			console.log(`${when}, ${focus}: ${report.count} texts, smallest ${report.smallest.toFixed(2)} px, ${report.problems.length} problems`);
			for (const p of report.problems) found.push(`${when}, ${focus}: ${p.kind} ${p.what}`);
		}
		await expect(columns.nth(1).locator('svg.scene')).toContainText(words);
		await page.screenshot({ path: `.tmp/screens/compare-compact-${when.replace(/\W+/g, '-')}.png` });
		await page.getByRole('button', { name: 'Play' }).click();
	};

	// Before any dispute: the contract, the latest blocks and the dispute's empty row.
	await setSpeed(page, '10×');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(columns.nth(0).locator('svg.scene')).toContainText('head #1', { timeout: 60_000 });
	await expect(page.locator('g.dispute')).toHaveCount(0);
	await check('before the dispute', /No dispute open/);
	// A validator challenges batch 0 while its chip is still among the latest blocks.
	await expect(columns.nth(1).locator('g.dispute')).toBeAttached({ timeout: 60_000 });
	await check('the dispute opened', /round 0 of/);
	await expect(columns.nth(0).getByRole('button', { name: /^B0 in L1 block \d+/ })).toBeAttached();
	// The bisection narrows, then L1 executes one step.
	await setSpeed(page, '3,600×');
	await expect(columns.nth(1).locator('g.dispute .trail')).toContainText('→', { timeout: 60_000 });
	await check('during the bisection', /Dispute on L1/);
	await expect(columns.nth(1).locator('g.dispute.over')).toBeAttached({ timeout: 90_000 });
	await check('the dispute decided', /Fraud proven/);
	expect(found).toEqual([]);
	expect(seen.errors).toEqual([]);
});
