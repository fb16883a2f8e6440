import { expect, test, type Page } from '@playwright/test';
import { axeClean, nextFrames, pausedClock, watch } from './watch';
import { answerAll } from './quiz';

/** The lesson walked through, and its step that waits for the world. */
const LESSON = 'two-thirds';

test.use({ viewport: { width: 1366, height: 768 } });

async function ready(page: Page) {
	await expect(page.locator('html[data-ready="true"]')).toBeAttached();
}

/** Waits for a step's world to be drawn and playable. */
async function stageReady(page: Page) {
	await expect(page.locator('svg.scene')).toBeVisible({ timeout: 45_000 });
	await expect(page.getByRole('button', { name: /^(Play|Pause)$/ })).toBeEnabled({ timeout: 45_000 });
}

test('a learner takes the pre-test, steps through a lesson, goes back to the same world, resumes, and sees their gain', async ({ page }) => {
	test.setTimeout(300_000);
	const seen = watch(page);
	await page.goto('/learn');
	await ready(page);
	await expect(page.getByRole('heading', { level: 1, name: 'The course' })).toBeVisible();
	await axeClean(page);

	// The pre-test, answered as it comes (whatever the first tries give is the "before").
	await page.getByRole('link', { name: /before you start/i }).click();
	await expect(page).toHaveURL(/\/learn\/pre-test$/);
	await answerAll(page);
	await expect(page.getByTestId('test-result')).toContainText(/Your score: \d of \d+ right at the first try/);
	await axeClean(page);

	// Lesson 4, step by step: a step that waits for the world opens Continue only once it happened.
	await page.goto(`/learn/${LESSON}`);
	await ready(page);
	await page.getByRole('link', { name: 'Start the lesson' }).click();
	let gatedClock = '';
	let gatedUrl = '';
	for (let step = 0; step < 12; step++) {
		const cont = page.getByRole('button', { name: /Continue|Finish the lesson/ });
		const quiz = (await page.getByTestId('question').count()) > 0;
		if (quiz) break;
		if (await page.getByTestId('stage-slot').count()) await stageReady(page);
		if (await cont.isDisabled()) {
			await expect(page.locator('#continue-why')).toContainText('Continue once');
			await page.getByRole('button', { name: 'Play' }).click();
			await expect(cont).toBeEnabled({ timeout: 90_000 });
			await page.getByRole('button', { name: 'Pause' }).click();
			gatedClock = await pausedClock(page);
			gatedUrl = page.url();
			await axeClean(page);
			await cont.click();
			break;
		}
		await cont.click();
	}
	expect(gatedUrl, 'the lesson has a step that waits for the world').not.toBe('');

	// On the next step the world moves on; Back shows the gated step's world exactly as it was left.
	await expect(page).not.toHaveURL(gatedUrl);
	if (await page.getByTestId('stage-slot').count()) {
		await stageReady(page);
		await page.getByRole('button', { name: 'Play' }).click();
		await expect(page.getByTestId('sim-clock')).not.toHaveText(gatedClock);
		await page.getByRole('button', { name: 'Pause' }).click();
		await pausedClock(page);
	}
	await page.getByRole('link', { name: '← Back' }).click();
	await expect(page).toHaveURL(gatedUrl);
	await expect(page.getByTestId('sim-clock')).toHaveText(gatedClock);
	await expect(page.getByRole('button', { name: /Continue/ })).toBeEnabled();

	// A reload comes back to the same step and the same world; the course map offers to resume there.
	await page.reload();
	await ready(page);
	await stageReady(page);
	await expect(page.getByTestId('sim-clock')).toHaveText(gatedClock);
	await page.goto('/learn');
	await ready(page);
	await expect(page.getByTestId('resume')).toHaveAttribute('href', new URL(gatedUrl).pathname);

	// The lesson's quiz: a wrong answer explains itself; Finish opens once each question is right.
	await page.goto(`/learn/${LESSON}/quiz`);
	await ready(page);
	const finish = page.getByRole('button', { name: 'Finish the lesson →' });
	await expect(finish).toBeDisabled();
	expect(await answerAll(page)).toBeGreaterThan(0);
	await axeClean(page);
	await finish.click();
	await page.goto('/learn');
	await ready(page);
	await expect(page.getByRole('listitem').filter({ hasText: 'Two thirds' })).toContainText('done');

	// The post-test, and the gain since the pre-test.
	await page.goto('/learn/post-test');
	await ready(page);
	await answerAll(page);
	await expect(page.getByTestId('learning-gain')).toContainText(/Before the course: \d of \d+\. After it: \d of \d+\./);
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

/** The clocks of the worlds side by side, once they have stopped moving. */
async function stillClocks(page: Page): Promise<string[]> {
	const clocks = page.getByTestId('column-clock');
	await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
	const before = await clocks.allTextContents();
	await nextFrames(page, 30);
	expect(await clocks.allTextContents()).toEqual(before);
	return before;
}

test('worlds side by side come back as they were left, and an unreadable one is said and replaced', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	const first = '/learn/textbook-versus-deployed/two-worlds-one-seed';
	await page.goto(first);
	await ready(page);
	const columns = page.getByTestId('world-column');
	await expect(columns).toHaveCount(2, { timeout: 45_000 });
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 45_000 });
	const start = await stillClocks(page);
	await page.getByRole('button', { name: 'Play' }).click();
	for (let i = 0; i < 2; i++) await expect(page.getByTestId('column-clock').nth(i)).not.toHaveText(start[i], { timeout: 30_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	const left = await stillClocks(page);

	// Away to the next step and Back: both worlds are where they were left, not at their start.
	await page.getByRole('link', { name: /The owner's levers/ }).click();
	await expect(page).toHaveURL(/the-owners-levers$/);
	await page.getByRole('link', { name: '← Back' }).click();
	await expect(page).toHaveURL(new RegExp(first + '$'));
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 45_000 });
	for (let i = 0; i < 2; i++) await expect(page.getByTestId('column-clock').nth(i)).toHaveText(left[i]);

	// A kept world made unreadable by hand (away from the step, which keeps its worlds as it is left): an alert says so and that world starts from its scenario; the other is kept.
	await page.goto('/learn');
	await ready(page);
	await page.evaluate(() => {
		const record = JSON.parse(localStorage.getItem('rollup-lab:progress') ?? '{}');
		const key = Object.keys(record.worlds).find((k) => k.endsWith('two-worlds-one-seed#2'));
		if (!key) throw new Error('no kept world for the second column');
		record.worlds[key].query = 'scenario=no-such-world&seed=x';
		localStorage.setItem('rollup-lab:progress', JSON.stringify(record));
	});
	await page.goto(first);
	await ready(page);
	await expect(page.getByRole('alert')).toContainText('could not be read back');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 45_000 });
	await expect(page.getByTestId('column-clock').nth(0)).toHaveText(left[0]);
	await expect(page.getByTestId('column-clock').nth(1)).toHaveText(start[1]);
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('the four worlds of the race each get a column wide enough for the compact stage at 1366×768, their stages level', async ({ page }) => {
	await page.goto('/learn/the-finality-race/four-worlds');
	await ready(page);
	await page.getByTestId('worlds-slot').scrollIntoViewIfNeeded();
	const scenes = page.locator('[data-testid=world-column] svg.scene');
	await expect(scenes).toHaveCount(4, { timeout: 45_000 });
	const boxes = await scenes.evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect()).map((b) => ({ width: b.width, top: b.top })));
	for (const box of boxes) expect(box.width).toBeGreaterThanOrEqual(560);
	// Two by two: each row's stages start at the same height, whatever their titles' lengths.
	expect(boxes[0].top).toBeCloseTo(boxes[1].top, 0);
	expect(boxes[2].top).toBeCloseTo(boxes[3].top, 0);
	await axeClean(page);
});

test('corrupt saved progress is set aside with a notice, and the backup keeps it', async ({ page }) => {
	await page.goto('/learn');
	await ready(page);
	await page.evaluate(() => localStorage.setItem('rollup-lab:progress', '{"format":"rollup-lab/progress","version":1,"at":'));
	await page.reload();
	await ready(page);
	await expect(page.getByTestId('progress-notice')).toContainText('backup');
	const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rollup-lab:progress:backup:')).map((k) => localStorage.getItem(k)));
	expect(kept).toEqual(['{"format":"rollup-lab/progress","version":1,"at":']);
	// Working on does not lose the backup.
	await page.goto('/learn/pre-test');
	await ready(page);
	await page.getByTestId('question').first().getByRole('radio').first().check();
	await page.getByTestId('question').first().getByRole('button', { name: 'Check' }).click();
	const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rollup-lab:progress:backup:')).length);
	expect(after).toBe(1);
	await axeClean(page);
});

test('every page of the course is axe clean', async ({ page }) => {
	test.setTimeout(600_000);
	await page.goto('/learn');
	await ready(page);
	const lessons = await page.locator('.lessons a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
	const pages = new Set<string>(lessons);
	for (const lesson of lessons) {
		await page.goto(lesson);
		await ready(page);
		for (const href of await page.locator('.steps a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) pages.add(href);
	}
	expect(pages.size).toBeGreaterThan(lessons.length);
	for (const path of pages) {
		await page.goto(path);
		await ready(page);
		if (await page.getByTestId('stage-slot').count()) await stageReady(page);
		if (await page.getByTestId('worlds-slot').count()) {
			await expect(page.getByTestId('world-column').first()).toBeVisible({ timeout: 45_000 });
			await expect(page.getByTestId('world-column').locator('svg.scene')).toHaveCount(await page.getByTestId('world-column').count(), { timeout: 90_000 });
		}
		await axeClean(page);
	}
});
