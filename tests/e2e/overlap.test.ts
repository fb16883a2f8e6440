import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { measureStage, stageBox, type TextProblem } from './stageText';
import { clockMs, nextFrames, setSpeed, watch, worldReady } from './watch';

/** Every preset, by name. */
const PRESETS = readdirSync('content/scenarios')
	.filter((f) => f.endsWith('.json'))
	.map((f) => (JSON.parse(readFileSync(`content/scenarios/${f}`, 'utf8')) as { name: string }).name);
/** Key moments visited per preset (the hour-long demo reaches fewer in a jump's time budget). */
const JUMPS: Record<string, number> = { demo: 2 };
/** Frames after a jump at which the stage is measured (labels fading in, then standing while glyphs fly). */
const AFTER_JUMP = [3, 24];
/** Screenshots for a person to look at, when SHOTS=1. */
const SHOTS = process.env.SHOTS === '1';

/** Measures the stage now and files what is wrong under `when`. */
async function check(page: Page, when: string, found: string[]): Promise<void> {
	const report = await measureStage(page);
	expect(report.count, `${when}: the stage has text`).toBeGreaterThan(20);
	for (const p of report.problems as TextProblem[]) found.push(`${when}: ${p.kind} ${p.what}`);
}

/** Opens a preset in the sandbox (as a person would: picked from the Scenario list). */
async function openPreset(page: Page, name: string): Promise<void> {
	await page.goto(`/sandbox?scenario=${name}`);
	await worldReady(page);
}

/** Presses "Next key moment" and waits for the world to get there; false when nothing is left. */
async function jump(page: Page): Promise<boolean> {
	const button = page.getByRole('button', { name: 'Next key moment' });
	if (!(await button.isEnabled())) return false;
	const before = await clockMs(page);
	await button.click();
	await expect.poll(() => clockMs(page)).toBeGreaterThan(before);
	return true;
}

for (const name of PRESETS) {
	test(`"${name}": at its key moments no stage text overlaps another, leaves its panel or is under 12 px (1280×720)`, async ({ page }) => {
		test.setTimeout(60_000);
		const seen = watch(page);
		await page.setViewportSize({ width: 1280, height: 720 });
		await openPreset(page, name);
		const found: string[] = [];
		await check(page, 'at the start', found);
		if (SHOTS) mkdirSync('.tmp/shots', { recursive: true });
		for (let i = 1; i <= (JUMPS[name] ?? 3); i++) {
			if (!(await jump(page))) break;
			for (const n of AFTER_JUMP) {
				await nextFrames(page, n - (AFTER_JUMP[AFTER_JUMP.indexOf(n) - 1] ?? 0));
				await check(page, `key moment ${i}, frame ${n}`, found);
				if (SHOTS && n === AFTER_JUMP[1]) await page.screenshot({ path: `.tmp/shots/${name}-1280-${i}.png` });
			}
		}
		// And while it plays: batches signed, aggregates flying, blocks sliding along L1.
		await setSpeed(page, '30×');
		await page.getByRole('button', { name: 'Play' }).click();
		for (let f = 0; f < 2; f++) {
			await nextFrames(page, 20);
			await check(page, `playing, frame ${(f + 1) * 20}`, found);
		}
		await page.getByRole('button', { name: 'Pause' }).click();
		expect(found).toEqual([]);
		expect(seen.errors).toEqual([]);
	});
}

for (const size of [
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`at ${size.width}×${size.height} every stage text is at least 12 px and none overlaps`, async ({ page }) => {
		await page.setViewportSize(size);
		const found: string[] = [];
		for (const name of ['lone-cheater']) {
			await openPreset(page, name);
			for (let i = 1; i <= 3 && (await jump(page)); i++) {
				await nextFrames(page, 10);
				await check(page, `${name}, key moment ${i}`, found);
				if (SHOTS) await page.screenshot({ path: `.tmp/shots/${name}-${size.width}-${i}.png` });
			}
		}
		expect(found).toEqual([]);
	});
}

for (const size of [
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`at ${size.width}×${size.height} the stage keeps its size when Play is pressed and narration arrives`, async ({ page }) => {
		await page.setViewportSize(size);
		await openPreset(page, 'lone-cheater');
		const before = await stageBox(page);
		await setSpeed(page, '100×');
		await page.getByRole('button', { name: 'Play' }).click();
		await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
		await nextFrames(page, 5);
		expect(await stageBox(page)).toEqual(before);
		// Lines arrive (three or more, the most shown), long ones too.
		const narration = page.getByTestId('narration-lines').locator('li');
		await expect(narration).toHaveCount(3, { timeout: 30_000 });
		await jump(page);
		await nextFrames(page, 5);
		expect(await stageBox(page)).toEqual(before);
	});
}
