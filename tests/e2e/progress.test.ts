import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeClean, bringSeq5Back, watch, worldReady } from './watch';

test.use({ viewport: { width: 1366, height: 768 } });

const LESSONS = resolve(import.meta.dirname, '../../content/lessons');
const slug = (dir: string) => dir.replace(/^\d+-/, '');

/** Steps of the course in order, with their points (the frontmatter's, else 10), read from the content as the build does. */
function courseSteps(): { path: string; lesson: string; points: number }[] {
	const out: { path: string; lesson: string; points: number }[] = [];
	for (const lesson of readdirSync(LESSONS).sort()) {
		for (const step of readdirSync(join(LESSONS, lesson)).sort()) {
			if (step.endsWith('.md')) continue;
			const text = readFileSync(join(LESSONS, lesson, step, 'index.md'), 'utf8');
			const front = text.split('---')[1] ?? '';
			out.push({ path: `${slug(lesson)}/${slug(step)}`, lesson: slug(lesson), points: Number(/^points:\s*(\d+)/m.exec(front)?.[1] ?? 10) });
		}
	}
	return out;
}

/** A progress record with the first steps of the course done, worth just under Bronze (400) but within one mission (40) of it. */
function nearlyBronze(): { record: unknown; points: number } {
	const steps: Record<string, { done: boolean }> = {};
	let points = 0;
	for (const s of courseSteps()) {
		if (points + s.points > 399) break;
		steps[s.path] = { done: true };
		points += s.points;
	}
	expect(points).toBeGreaterThanOrEqual(360);
	return { record: { format: 'rollup-lab/progress', version: 1, at: null, steps, lessons: {}, answers: {}, goals: {}, worlds: {} }, points };
}

async function ready(page: Page) {
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
}

const total = (page: Page) => page.getByTestId('points-total');

test('a learner finishes a mission, reaches Bronze and sees the badge; exports, resets and imports back; a tampered file is refused', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	const { record, points } = nearlyBronze();
	await page.goto('/progress');
	await ready(page);
	await page.evaluate((r) => localStorage.setItem('rollup-lab:progress', JSON.stringify(r)), record);
	await page.reload();
	await ready(page);
	await expect(total(page)).toHaveText(String(points));
	await expect(page.getByTestId('tier')).toHaveText('No tier yet');
	await expect(page.getByTestId('badge-locked')).toBeVisible();
	await axeClean(page);

	// A mission, done in the sandbox from its own link: with a third of the pool offline, the rest still sign.
	await page.getByRole('link', { name: /^Start it: More than a third offline/ }).click();
	await worldReady(page);
	await bringSeq5Back(page, 'Narration');
	await page.locator('summary', { hasText: 'Missions' }).click();
	const mission = page.getByRole('listitem').filter({ hasText: 'Live with a third offline' });
	await expect(mission).toContainText('✓ done', { timeout: 90_000 });

	// Back on /progress: the mission's points, the tier and the badge drawn from what was done.
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await ready(page);
	await expect(total(page)).toHaveText(String(points + 40));
	await expect(page.getByTestId('tier')).toHaveText('Tier: Bronze');
	await expect(page.getByRole('img', { name: /^Rollup Lab Bronze badge: 0 of 12 lessons, 1 mission/ })).toBeVisible();
	await expect(page.getByTestId('mission').filter({ hasText: 'Live with a third offline' })).toContainText('✓ done');
	await axeClean(page);
	// The badge as a picture: a real PNG, drawn from the SVG in the browser.
	const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PNG' }).click()]);
	expect(png.suggestedFilename()).toMatch(/^rollup-lab-badge-bronze-0of12\.png$/);
	expect((await readFile(await png.path())).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

	// Export, reset (after saying what would be lost), and import the file back.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
	const file = await readFile(await download.path(), 'utf8');
	await page.getByRole('button', { name: 'Reset my progress…' }).click();
	await expect(page.getByRole('group', { name: /Reset your progress/ })).toContainText(`${Object.keys((record as { steps: object }).steps).length} steps finished`);
	await page.getByRole('button', { name: 'Yes, reset everything' }).click();
	await expect(total(page)).toHaveText('0');
	const importFile = async (text: string) => {
		const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import progress' }).click()]);
		await chooser.setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	};
	await importFile(file);
	await page.getByRole('button', { name: 'Replace my progress' }).click();
	await expect(total(page)).toHaveText(String(points + 40));

	// A file whose progress was edited after signing is refused, and the progress stays as it is.
	const tampered = JSON.parse(file);
	tampered.progress.goals['mission-sandwich'] = { done: true };
	await importFile(JSON.stringify(tampered));
	await expect(page.getByRole('alert')).toContainText('changed after it was signed');
	await expect(total(page)).toHaveText(String(points + 40));
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
