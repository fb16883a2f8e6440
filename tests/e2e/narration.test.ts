import { expect, test, type Page } from '@playwright/test';
import { pausedClock, setSpeed, worldReady } from './watch';

/** Simulated ms of a key-log time, e.g. "day 0, 00:12:30". */
function ms(text: string): number {
	const m = /day (\d+), (\d+):(\d{2}):(\d{2})/.exec(text);
	return m ? ((Number(m[1]) * 24 + Number(m[2])) * 3600 + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
}

/** Plays a preset at 3,600× until its key log holds every line wanted; checks the log is in time order. */
async function keyLogAtSpeed(page: Page, query: string, wanted: RegExp[]) {
	await page.goto(`/sandbox?${query}`);
	await worldReady(page);
	await setSpeed(page, '3,600×');
	await page.getByRole('button', { name: 'Play' }).click();
	const log = page.getByTestId('key-log');
	for (const line of wanted) await expect(log).toContainText(line, { timeout: 90_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	// Read once the worker has stopped, all in one go, so the log cannot grow between two reads.
	await pausedClock(page);
	const entries = await log.locator('li').evaluateAll((items) => items.map((li) => ({ time: li.querySelector('time')?.textContent ?? '', text: li.textContent ?? '' })));
	const times = entries.map((e) => ms(e.time));
	expect(times.length).toBeGreaterThan(0);
	expect(times).toEqual([...times].sort((a, b) => a - b));
	// Each entry is said once: no two entries carry the same time and text.
	expect(new Set(entries.map((e) => e.text)).size).toBe(entries.length);
}

test.describe('at 3,600× the key-event log keeps every key line, in order', () => {
	test('quorum-loss: the sequencers going offline and the stall', async ({ page }) => {
		await keyLogAtSpeed(page, 'scenario=quorum-loss&seed=5&finality=optimistic', [/seq-\d goes offline/, /no quorum|got only \d+ of \d+ signatures/i]);
	});

	test('colluding-majority: the challenge and the slash', async ({ page }) => {
		await keyLogAtSpeed(page, 'scenario=colluding-majority-optimistic&seed=1&finality=optimistic', [/challenged/, /slashed/]);
	});

	test('mev-sandwich: the first report and the vote', async ({ page }) => {
		await keyLogAtSpeed(page, 'scenario=mev-sandwich&seed=1&finality=optimistic', [/reported seq-\d+ for reordering/, /vote to slash seq-\d+ for reordering passed/]);
	});
});
