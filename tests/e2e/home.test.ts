import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('home page loads offline with no console errors and no outside requests', async ({ page }) => {
	const errors: string[] = [];
	const outside: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') outside.push(req.url());
	});

	await page.goto('/');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.getByRole('heading', { level: 1, name: 'Rollup Lab' })).toBeVisible();
	await expect(page.getByText('two-thirds quorum')).toBeVisible();

	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => v.id)).toEqual([]);
	expect(errors).toEqual([]);
	expect(outside).toEqual([]);
});
