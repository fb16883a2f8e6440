import { expect, test } from '@playwright/test';
import { axeClean, pausedClock, setSpeed, watch, worldReady } from './watch';

const VERIFIED = /Verified here in your browser: the aggregate of \d+ BLS signatures over signingRoot 0x[0-9a-f]{4}…[0-9a-f]{4} is valid \(fast-aggregate-verify, [\d,]+ ms\)\./;

test('a learner inspects a batch, re-verifies its signature, opens a transaction and a sequencer', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?seed=1&scenario=demo&finality=hybrid');
	await worldReady(page);

	// 10× until batch 0 is on L1, then pause so the pictures hold still.
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	for (let i = 0; i < 3; i++) await speed.press('ArrowRight');
	await page.getByRole('button', { name: 'Play' }).click();
	// Follow batch 0 from the moment it is proposed until L1 takes it.
	const chip = page.getByRole('button', { name: /^B0: batch 0/ });
	await expect(chip).toBeVisible({ timeout: 90_000 });
	await chip.click();
	const ladder = page.getByRole('region', { name: /^Batch 0\b/ });
	await expect(ladder).toContainText(/in L1 block \d+/, { timeout: 90_000 });

	// The batch inspector: header, signers, aggregate; the heading takes focus.
	const opener = ladder.getByRole('button', { name: 'Inspect batch 0' });
	await opener.click();
	const inspector = page.getByRole('dialog', { name: 'Batch 0' });
	await expect(inspector).toBeVisible();
	await expect(inspector.getByRole('heading', { name: 'Batch 0' })).toBeFocused();
	await expect(inspector).toContainText(/signingRoot/);
	await expect(inspector).toContainText(/\d+ of \d+ signed · needs at least 2\/3 by count · quorum met/);
	await expect(inspector.getByRole('button', { name: 'Copy aggregate signature' })).toBeVisible();
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);

	// Re-verify: the worker runs a fresh fast-aggregate-verify and says so.
	await inspector.getByRole('button', { name: 'Re-verify signature' }).click();
	await expect(inspector.getByRole('status')).toHaveText(VERIFIED, { timeout: 30_000 });
	await page.screenshot({ path: '.tmp/screens/inspect-batch-1366x768.png' });
	await axeClean(page);

	// A transaction from the batch: decoded, raw, and its sender recovered from the signature.
	await inspector.getByRole('button', { name: /, transaction 1$/ }).click();
	const tx = page.getByRole('dialog', { name: /^Transaction 0x[0-9a-f]{4}…[0-9a-f]{4}$/ });
	await expect(tx).toBeVisible();
	await expect(tx).toContainText(/matches user-\d+, who sent it/);
	await expect(tx).toContainText(/In L2 block \d+, in batch 0/);
	await expect(tx).toContainText('type 2 (EIP-1559)');
	await expect(tx).toContainText(/Raw transaction \d+ bytes/);
	await expect(tx.getByRole('button', { name: 'Copy raw transaction' })).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/inspect-tx-1366x768.png' });
	await axeClean(page);

	// Back to the batch, then Escape closes and focus returns to the button that opened it.
	await tx.getByRole('button', { name: /^‹ Back/ }).click();
	await expect(page.getByRole('dialog', { name: 'Batch 0' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toHaveCount(0);
	await expect(opener).toBeFocused();

	// A sequencer from its actions menu: state machine, stake, history.
	const seq = page.getByRole('button', { name: /^seq-0, / });
	await seq.click();
	await page.getByRole('menu').getByRole('menuitem', { name: 'Inspect' }).click();
	const actor = page.getByRole('dialog', { name: /^seq-0/ });
	await expect(actor).toBeVisible();
	await expect(actor).toContainText('State machine');
	await expect(actor).toContainText(/total stake\s*[\d,]+ METIS/);
	await expect(actor).toContainText('Latest events');
	await page.screenshot({ path: '.tmp/screens/inspect-actor-1366x768.png' });
	await axeClean(page);
	await actor.getByRole('button', { name: 'Close' }).click();
	await expect(page.getByRole('dialog')).toHaveCount(0);

	// On a big screen, by keyboard: "i" inspects the batch the ladder shows.
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.locator('body').press('i');
	const big = page.getByRole('dialog', { name: 'Batch 0' });
	await expect(big).toBeVisible();
	await big.getByRole('button', { name: 'Re-verify signature' }).click();
	await expect(big.getByRole('status')).toHaveText(VERIFIED, { timeout: 30_000 });
	await page.screenshot({ path: '.tmp/screens/inspect-batch-1920x1080.png' });
	await axeClean(page);

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test("an actor's inspector draws its state machine and lights the state it is in, live", async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1280, height: 720 });
	await page.goto('/sandbox?seed=1&scenario=demo&finality=hybrid');
	await worldReady(page);
	await setSpeed(page, '10×');
	await page.getByRole('button', { name: 'Play' }).click();

	// The proposer's inspector: every state of the sequencer machine drawn, the proposer states lit.
	const proposer = page.getByRole('button', { name: /^seq-\d+, proposer, / });
	await expect(proposer).toBeVisible({ timeout: 60_000 });
	const id = /^(seq-\d+),/.exec((await proposer.getAttribute('aria-label')) ?? '')![1];
	await proposer.click();
	await page.getByRole('menu').getByRole('menuitem', { name: 'Inspect' }).click();
	const actor = page.getByRole('dialog', { name: new RegExp(`^${id}`) });
	const graph = actor.getByRole('img', { name: new RegExp(`^State machine of ${id}: 11 states and 13 transitions;`) });
	await expect(graph).toBeVisible();
	await expect(graph).toHaveAttribute('aria-label', /; now proposer\.blocks\.\w+ \+ proposer\.batch\.\w+\./);
	const lit = (state: string) => graph.locator(`[data-state="sequencer.${state}"]`);
	for (const state of ['candidate', 'peer', 'peer.watching', 'peer.reviewing', 'proposer', 'proposer.blocks', 'proposer.blocks.idle', 'proposer.blocks.building', 'proposer.batch', 'proposer.batch.open', 'proposer.batch.collecting']) {
		await expect(lit(state)).toHaveCount(1);
	}
	// Legible on a laptop: no text under 12 px, and the sequencer fits the panel without scrolling.
	const smallest = await graph.evaluate((svg) => Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize))));
	expect(smallest).toBeGreaterThanOrEqual(12);
	expect(await graph.evaluate((svg) => svg.getBoundingClientRect().width <= svg.parentElement!.clientWidth)).toBe(true);
	await expect(lit('proposer')).toHaveAttribute('data-active', 'true');
	await expect(lit('candidate')).toHaveAttribute('data-active', 'false');
	await expect(lit('peer')).toHaveAttribute('data-active', 'false');
	await expect(actor.getByText(/^now: proposer\.blocks\.\w+ \+ proposer\.batch\.\w+$/)).toBeVisible();
	// The same as a list, for a screen reader or a closer look.
	await actor.getByText('The machine as a list').click();
	await expect(actor.locator('li[data-state="sequencer.peer.reviewing"]')).toContainText(/after [\d.]+ m?s \(reviewTime\) → watching; runs signIfValid, countReview/);

	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await actor.getByText('The machine as a list').click();
	// Scroll the inspector (not the page) so its state machine section is at the top.
	const top = (dialog: typeof actor) =>
		dialog.getByRole('heading', { name: 'State machine' }).evaluate((h) => {
			const body = h.closest('.body')!;
			body.scrollTop += h.getBoundingClientRect().top - body.getBoundingClientRect().top;
		});
	await top(actor);
	await page.screenshot({ path: '.tmp/screens/machine-sequencer-1280x720.png' });
	await axeClean(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await expect(graph).toBeVisible();
	await top(actor);
	await page.screenshot({ path: '.tmp/screens/machine-sequencer-1920x1080.png' });
	await page.setViewportSize({ width: 1280, height: 720 });

	// Take it offline from its menu, the inspector still open: once it is replaced, it is a peer again.
	// The inspector lies over part of the stage, so by keyboard, as a speaker would.
	await page.getByRole('button', { name: new RegExp(`^${id}, `) }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('menu').getByRole('menuitemradio', { name: 'Go offline' })).toBeFocused();
	await page.keyboard.press('Enter');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(lit('peer')).toHaveAttribute('data-active', 'true', { timeout: 120_000 });
	await expect(lit('proposer')).toHaveAttribute('data-active', 'false');
	await expect(actor.getByText(/^now: peer\.\w+$/)).toBeVisible();
	await expect(graph).toHaveAttribute('aria-label', /; now peer\.\w+\./);

	// A validator's machine, by its own menu.
	await page.getByRole('button', { name: /^val-0, / }).focus();
	await page.keyboard.press('Enter');
	await page.keyboard.press('End');
	await expect(page.getByRole('menu').getByRole('menuitem', { name: 'Inspect' })).toBeFocused();
	await page.keyboard.press('Enter');
	const val = page.getByRole('dialog', { name: /^val-0/ });
	const valGraph = val.getByRole('img', { name: /^State machine of val-0: 3 states and 11 transitions; now \w+/ });
	await expect(valGraph).toBeVisible();
	await expect(valGraph.locator('[data-active="true"]')).toHaveCount(1);
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await top(val);
	await page.screenshot({ path: '.tmp/screens/machine-validator-1280x720.png' });
	await axeClean(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await expect(valGraph).toBeVisible();
	await top(val);
	await page.screenshot({ path: '.tmp/screens/machine-validator-1920x1080.png' });

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
