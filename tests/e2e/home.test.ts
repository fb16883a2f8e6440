import { expect, test } from '@playwright/test';
import { axeClean, watch } from './watch';

test('home page loads offline with no console errors and no outside requests', async ({ page }) => {
	const seen = watch(page);
	await page.goto('/');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.getByRole('heading', { level: 1, name: 'Rollup Lab' })).toBeVisible();
	await expect(page.getByText('two-thirds quorum')).toBeVisible();
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
