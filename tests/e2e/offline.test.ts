import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { watch, worldReady } from './watch';

test.use({ serviceWorkers: 'allow' });

/** Every page the build wrote, but the embedded modules (which stay online, in their hosts). */
function pages(dir = 'build'): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'embed' || entry.name === '_app' ? [] : pages(path);
		if (!entry.name.endsWith('.html')) return [];
		const route = `/${relative('build', path).replace(/\.html$/, '')}`;
		return [route === '/index' ? '/' : route];
	});
}

test('after one visit the whole site works with the network off: every page loads, the sandbox builds a world, a talk runs end to end, and links navigate', async ({ page, context }) => {
	test.setTimeout(600_000);
	const seen = watch(page);
	await page.goto('/');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	// The worker takes over once it has cached everything.
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 240_000, intervals: [500] }).toBe(true);

	await context.setOffline(true);
	const routes = pages();
	expect(routes.length).toBeGreaterThan(80);
	for (const route of routes) {
		const reply = await page.goto(route);
		expect(reply?.ok(), route).toBe(true);
		await expect(page.locator('html[data-ready="true"]'), route).toBeAttached();
		await expect(page.getByRole('heading', { level: 1 }).first(), route).toBeVisible();
	}
	// A world is built offline: the page, its worker and the scenario all come from the cache.
	await page.goto('/sandbox?scenario=lone-cheater');
	await worldReady(page);
	// A talk track runs end to end offline: every scene's world is built from the cache, at its moment.
	await page.goto('/present/finality');
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
	const scenes = Number(((await page.getByTestId('scene-count').textContent()) ?? '').split('/')[1]);
	expect(scenes).toBeGreaterThan(5);
	for (let i = 1; i <= scenes; i++) {
		if (i > 1) await page.keyboard.press('PageDown');
		await expect(page.getByTestId('scene-count')).toHaveText(`${i} / ${scenes}`);
		const at = (await page.getByTestId('present').getAttribute('data-scene-at'))!;
		await expect(page.getByTestId('sim-clock'), `scene ${i}`).toHaveAttribute('data-t', at, { timeout: 60_000 });
	}
	// Client-side navigation reads each page's data from the cache too.
	await page.goto('/');
	await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Learn' }).click();
	await expect(page).toHaveURL(/\/learn$/);
	await page.getByRole('link', { name: /What a sequencer does/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lesson 1: What a sequencer does');
	await context.setOffline(false);
	expect(seen.errors).toEqual([]);
});
