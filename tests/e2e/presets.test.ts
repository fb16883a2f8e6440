import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { KEY_EVENTS } from '../../src/lib/player/keyEvents';
import { watch, worldReady } from './watch';

/** Every preset but the hour-long demo (played by the other tests), with what it expects to happen. */
const PRESETS = readdirSync('content/scenarios')
	.filter((f) => f.endsWith('.json') && f !== 'demo.json')
	.map((f) => JSON.parse(readFileSync(`content/scenarios/${f}`, 'utf8')) as { name: string; title: string; expect?: { events?: string[]; slashed?: string[] } });

for (const preset of PRESETS) {
	test(`the "${preset.name}" preset plays to the end and shows what it is about`, async ({ page }) => {
		test.setTimeout(150_000);
		const seen = watch(page);
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto('/sandbox');
		await worldReady(page);
		// As a person would: pick it, then fast-forward to the end.
		await page.getByRole('combobox', { name: 'Scenario' }).selectOption(preset.name);
		await expect(page).toHaveURL(new RegExp(`scenario=${preset.name}&`));
		await worldReady(page);
		await expect(page.getByRole('region', { name: 'Narration' })).toContainText(preset.title);
		const speed = page.getByRole('slider', { name: 'Speed' });
		await speed.focus();
		await speed.press('End');
		await page.getByRole('button', { name: 'Play' }).click();
		await expect(page.getByText('finished', { exact: true })).toBeVisible({ timeout: 120_000 });
		await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
		// Each key event the preset promises is marked on the timeline.
		const timeline = page.getByRole('group', { name: 'Timeline' });
		for (const type of preset.expect?.events ?? []) {
			const label = KEY_EVENTS[type]?.();
			if (label) await expect(timeline.locator(`[title^="${label} at "]`).first()).toBeAttached();
		}
		if (preset.expect?.slashed?.length) await expect(timeline.locator('[title^="slash at "]').first()).toBeAttached();
		await expect(page.getByRole('alert')).toHaveCount(0);
		expect(seen.errors).toEqual([]);
		expect(seen.outside).toEqual([]);
	});
}
