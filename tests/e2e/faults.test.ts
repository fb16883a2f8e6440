import { expect, test, type Page } from '@playwright/test';
import { axeClean, pausedClock, watch, worldReady } from './watch';

/** Sets the Speed slider `steps` notches above 1×. */
async function speedUp(page: Page, steps: number) {
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	for (let i = 0; i < steps; i++) await speed.press('ArrowRight');
}

/**
 * Resolves once the narration says `text`. It polls every frame, so a line that scrolls out of the
 * three shown within a moment (a busy world) still counts; start it before the action that causes it.
 */
function narrated(page: Page, text: string | RegExp, timeout = 20_000) {
	const want = typeof text === 'string' ? { s: text, re: '' } : { s: '', re: text.source };
	return page.waitForFunction(
		(w) => {
			const said = document.querySelector('section[aria-label="Narration"]')?.textContent ?? '';
			return w.s ? said.includes(w.s) : new RegExp(w.re).test(said);
		},
		want,
		{ polling: 'raf', timeout }
	);
}

/** The id in an actor's accessible name ("seq-3, proposer, …" → "seq-3"). */
async function idOf(el: ReturnType<Page['locator']>) {
	return /^(\w+-\d+),/.exec((await el.getAttribute('aria-label')) ?? '')?.[1] ?? '';
}

test('a speaker breaks the world live: offline proposer, lazy validator, more traffic, censorship', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?seed=1&scenario=demo&finality=hybrid');
	await worldReady(page);
	const narration = page.getByRole('region', { name: 'Narration' });
	const menu = page.getByRole('menu');

	await speedUp(page, 3); // 10×
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(narration).toContainText(/proposed batch 0/, { timeout: 60_000 });

	// Keyboard only: from the users block, Tab reaches the pool's one tab stop, the proposer.
	const users = page.getByRole('button', { name: /^Users: 200, 5 transactions a second — open traffic actions$/ });
	await users.focus();
	await page.keyboard.press('Tab');
	const proposer = page.getByRole('button', { name: /^seq-\d+, proposer, stake \d+k METIS, honest — open actions$/ });
	await expect(proposer).toBeFocused();
	const id = await idOf(proposer);
	// Arrows move around the ring and back; Tab does not visit every node.
	await page.keyboard.press('ArrowRight');
	await expect(proposer).not.toBeFocused();
	await page.keyboard.press('ArrowLeft');
	await expect(proposer).toBeFocused();

	await page.keyboard.press('Enter');
	await expect(menu).toBeVisible();
	await expect(proposer).toHaveAttribute('aria-expanded', 'true');
	const offline = menu.getByRole('menuitemradio', { name: 'Go offline' });
	await expect(offline).toBeFocused();
	await expect(menu.getByRole('menuitemradio', { name: 'Back to honest' })).toHaveAttribute('aria-checked', 'true');
	await page.keyboard.press('End');
	await expect(menu.getByRole('menuitem').last()).toBeFocused();
	await page.keyboard.press('Home');
	await expect(offline).toBeFocused();
	await page.screenshot({ path: '.tmp/screens/faults-menu-1366x768.png' });
	await axeClean(page);
	const wentOffline = narrated(page, `${id} goes offline`);
	const respan = narrated(page, new RegExp(`Re-span: seq-\\d+ replaces ${id} as proposer`), 120_000);
	await page.keyboard.press('Enter');
	await wentOffline;
	await expect(menu).toBeHidden();
	await expect(page.locator(`[data-actor="${id}"] [role="button"]`)).toBeFocused();
	await expect(page.getByRole('button', { name: new RegExp(`^${id}, .*offline — open actions$`) })).toBeVisible();
	await expect(page.locator(`[data-actor="${id}"] text`).filter({ hasText: '✗ offline' })).toBeVisible();
	// A silent proposer is replaced: the pool re-spans.
	await expect(page.locator('svg text').filter({ hasText: /^proposer: seq-\d+$/ })).not.toHaveText(`proposer: ${id}`, { timeout: 90_000 });
	await respan;

	// A validator by its own menu: arrows move in the grid, Enter opens, Enter picks "Be lazy".
	const val0 = page.getByRole('button', { name: /^val-0, honest/ });
	await val0.focus();
	await page.keyboard.press('ArrowRight');
	const val1 = page.getByRole('button', { name: /^val-1, / });
	await expect(val1).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(menu.getByRole('menuitemradio', { name: 'Be lazy (approve without checking)' })).toBeFocused();
	const lazy = narrated(page, 'val-1 turns lazy');
	await page.keyboard.press('Enter');
	await lazy;
	await expect(page.getByRole('button', { name: /^val-1, lazy \(approves without checking\)/ })).toBeVisible();
	await expect(page.locator('[data-actor="val-1"] text').filter({ hasText: 'zz' })).toBeVisible();

	// "t" doubles the traffic, said in words and on the users block.
	const doubled = narrated(page, 'You set the traffic to 10 transactions a second');
	await page.locator('body').press('t');
	await doubled;
	await expect(page.getByRole('button', { name: /^Users: 200, 10 transactions a second/ })).toBeVisible();

	// The users' menu by mouse; Escape closes it and gives focus back.
	await page.getByRole('button', { name: /^Users: 200/ }).click();
	await expect(menu.getByRole('menuitem', { name: 'Double the traffic' })).toBeFocused();
	await expect(page.getByTestId('actor-menu')).toContainText('Users send 20 transactions a second instead of 10');
	await axeClean(page);
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();
	await expect(page.getByRole('button', { name: /^Users: 200/ })).toBeFocused();

	// Censorship needs a target: the sub-choice offers the user who sent last.
	const other = page.getByRole('button', { name: /^seq-\d+, stake .* honest — open actions$/ }).first();
	const censor = await idOf(other);
	await other.click();
	await menu.getByRole('menuitemradio', { name: 'Censor a user…' }).click();
	const which = page.getByRole('spinbutton', { name: /User number/ });
	await expect(which).toBeFocused();
	await expect(which).toHaveValue(/^\d+$/);
	await which.fill('7');
	await page.screenshot({ path: '.tmp/screens/faults-censor.png' });
	const censoring = narrated(page, `${censor} starts censoring user-7`);
	await page.keyboard.press('Enter');
	await censoring;
	await expect(page.locator(`[data-actor="${censor}"] text`).filter({ hasText: 'censors' })).toBeVisible();
	await page.locator('.stage').screenshot({ path: '.tmp/screens/faults-badges.png' });

	// "h": everyone honest again.
	const honest = narrated(page, `${censor} is honest again`);
	await page.locator('body').press('h');
	await honest;
	await expect(page.getByRole('button', { name: /^val-1, honest/ })).toBeVisible();
	await expect(page.getByRole('button', { name: new RegExp(`^${censor}, .*honest — open actions$`) })).toBeVisible();

	// "f" opens the proposer's menu; on a projector it still sits beside the node, inside the screen.
	await page.getByRole('button', { name: 'Pause' }).click();
	await pausedClock(page);
	await page.locator('body').press('f');
	await expect(menu).toBeVisible();
	await expect(page.getByTestId('actor-menu')).toContainText('proposer');
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.screenshot({ path: '.tmp/screens/faults-menu-1920x1080.png' });
	const box = await page.getByTestId('actor-menu').boundingBox();
	expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1920 && box.y + box.height <= 1080).toBe(true);
	await page.keyboard.press('Escape');
	await expect(menu).toBeHidden();

	// The shortcuts are documented in the help dialog.
	await page.locator('body').press('?');
	const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(help.getByRole('row', { name: /Make the proposer go offline/ })).toBeVisible();
	await expect(help.getByRole('row', { name: /Double the traffic/ })).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/faults-help-1920x1080.png' });
	await page.keyboard.press('Escape');

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('in the large world every actor is still reachable and the menu stays on screen', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?seed=1&scenario=demo&finality=hybrid&seqs=21&vals=50&users=1000');
	await worldReady(page);
	const seqs = page.getByRole('button', { name: /^seq-\d+,/ });
	await expect(seqs).toHaveCount(21);
	// Every node is drawn (SVG, not HTML, elements), and only one of them is a tab stop.
	const body = await page.locator('[data-actor="seq-5"] .body').boundingBox();
	expect(body && body.width > 10).toBe(true);
	expect(await page.locator('[data-actor^="seq-"] [tabindex="0"]').count()).toBe(1);
	// Hit targets: each node's clickable area is at least 24 CSS pixels across.
	const hit = await page.locator('[data-actor="seq-20"] .hit').boundingBox();
	expect(hit && hit.width >= 24 && hit.height >= 24).toBe(true);
	const last = page.locator('[data-actor="seq-20"]');
	await last.click();
	await page.getByRole('menuitemradio', { name: 'Equivocate (sign two headers)' }).click();
	await expect(page.getByRole('button', { name: /^seq-20, .*equivocating/ })).toBeVisible();
	await expect(last.locator('text').filter({ hasText: /^E$/ })).toBeVisible();
	await page.locator('[data-actor="val-40"]').click();
	await expect(page.getByRole('menu')).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/faults-large-1366x768.png' });
	const box = await page.getByTestId('actor-menu').boundingBox();
	expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1366 && box.y + box.height <= 768).toBe(true);
	await axeClean(page);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
