/** Shared checks for the end-to-end tests: console errors, requests leaving 127.0.0.1, axe. */
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Collects console errors and requests that leave this machine. */
export function watch(page: Page) {
	const errors: string[] = [];
	const outside: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(err.message));
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) outside.push(req.url());
	});
	return { errors, outside };
}

/** Asserts axe finds no accessibility violations on the page as it is now. */
export async function axeClean(page: Page) {
	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Waits until the page is hydrated and a world is built (Play or Pause is enabled). */
export async function worldReady(page: Page) {
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled({ timeout: 45_000 });
}
