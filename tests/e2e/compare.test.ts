import { expect, test } from '@playwright/test';
import { axeClean, watch, worldReady } from './watch';

test('two live worlds on one page, each with its own focus, both play and narrate', async ({ page }) => {
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/compare?w=lone-cheater:optimistic:quorum&w=quorum-loss:zk:seq-3');
	await worldReady(page);
	const columns = page.getByTestId('world-column');
	await expect(columns).toHaveCount(2);
	await expect(columns.nth(0).getByRole('heading', { level: 2 })).toContainText('A lone cheater');
	await expect(columns.nth(1).getByRole('heading', { level: 2 })).toContainText('zk');
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
