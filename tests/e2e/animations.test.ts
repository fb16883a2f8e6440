import { expect, test, type Page } from '@playwright/test';
import { axeClean, onStage, setSpeed, watch } from './watch';

/** Opens a preset (with its own seed and finality) and presses Play. */
async function openPreset(page: Page, scenario: string, size: { width: number; height: number } = { width: 1366, height: 768 }) {
	await page.setViewportSize(size);
	await page.goto(`/sandbox?scenario=${scenario}`);
	await expect(page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 45_000 });
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
}

test('a dispute narrows step by step to one step, then the cheaters are slashed', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await openPreset(page, 'colluding-majority-optimistic');
	await setSpeed(page, '10×');
	const narration = page.getByRole('region', { name: 'Narration' });
	const dispute = page.getByRole('img', { name: /^Dispute on L1 · batch 0 · val-0 vs seq-2/ });
	await expect(dispute).toBeVisible({ timeout: 60_000 });
	await expect(dispute).toHaveAccessibleName(/Bisection: txs 0–27, round 0 of at most 7/);
	await expect(onStage(page, /^⚑ challenge batch 0$/)).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/anim-dispute-open-1366x768.png' });
	await axeClean(page);

	// An hour a second: each move narrows the range of transactions, then of the disputed one's steps.
	await setSpeed(page, '3,600×');
	await expect(dispute).toHaveAccessibleName(/txs 0–27 → 14–27 → 14–20/, { timeout: 60_000 });
	await expect(dispute).toHaveAccessibleName(/tx 19 → steps 0–3/, { timeout: 120_000 });
	await page.screenshot({ path: '.tmp/screens/anim-dispute-steps-1366x768.png' });
	await expect(dispute).toHaveAccessibleName(/step 3, round 7 of at most 7\. ✗ Fraud proven at tx 19, step 3: val-0 wins, seq-2 loses/, { timeout: 120_000 });
	// At an hour a second the slashes, the reverts and the re-derived batches share one frame: the timeline keeps them as marks.
	const timeline = page.getByRole('group', { name: 'Timeline' });
	await expect(timeline.locator('[title^="slash at "]').first()).toBeAttached();
	await expect(timeline.locator('[title^="re-derived at "]').first()).toBeAttached();
	await expect(narration).toContainText(/attempt 2/);

	// The slash: each of the five signers' stake lost, half to the challenger, half burned (five at once are told in one line); the two honest ones carry on.
	await expect(onStage(page, /^slashed 5 × 40,000 · burned 100,000$/)).toBeVisible();
	await expect(onStage(page, /^re-span: seq-1 slashed → seq-5$/)).toBeVisible();
	await expect(onStage(page, /^\+100,000 METIS$/)).toBeVisible({ timeout: 10_000 });
	await expect(onStage(page, /^to val-0$/)).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/anim-slash-1366x768.png' });
	await page.getByRole('button', { name: 'Pause' }).click();
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('on a projector the dispute bar and the slash read from the back of the room', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await openPreset(page, 'colluding-majority-optimistic', { width: 1920, height: 1080 });
	await setSpeed(page, '3,600×');
	const dispute = page.getByRole('img', { name: /^Dispute on L1/ });
	await expect(dispute).toHaveAccessibleName(/txs 0–27 → 14–27 → 14–20/, { timeout: 120_000 });
	await page.screenshot({ path: '.tmp/screens/anim-dispute-1920x1080.png' });
	await expect(onStage(page, /^\+100,000 METIS$/)).toBeVisible({ timeout: 120_000 });
	await page.screenshot({ path: '.tmp/screens/anim-slash-1920x1080.png' });
	expect(seen.errors).toEqual([]);
});

test('a lone cheater: a peer\'s evidence gets it slashed, and the pool goes on without it', async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await openPreset(page, 'lone-cheater');
	await setSpeed(page, '5×');
	await expect(onStage(page, /^evidence: forged tx$/)).toBeVisible({ timeout: 60_000 });
	await expect(onStage(page, /^slashed 30,000$/)).toBeVisible({ timeout: 30_000 });
	await expect(onStage(page, /^re-span: seq-0 slashed → seq-2$/)).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/anim-lone-cheater-refused-1366x768.png' });
	await expect(onStage(page, /^burned 15,000$/)).toBeVisible();
	await expect(onStage(page, /^\+15,000 METIS to seq-1$/)).toBeVisible({ timeout: 10_000 });
	await page.screenshot({ path: '.tmp/screens/anim-lone-cheater-slash-1366x768.png' });
	expect(seen.errors).toEqual([]);
});

test('equivocation: the evidence goes to L1 and the equivocator is slashed', async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await openPreset(page, 'equivocation');
	await setSpeed(page, '5×');
	await expect(onStage(page, /^evidence: two headers$/)).toBeVisible({ timeout: 60_000 });
	await expect(onStage(page, /^slashed 30,000$/)).toBeVisible({ timeout: 30_000 });
	await page.screenshot({ path: '.tmp/screens/anim-equivocation-1366x768.png' });
	expect(seen.errors).toEqual([]);
});

test('more than a third offline stalls the quorum until they return', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await openPreset(page, 'quorum-loss');
	await setSpeed(page, '10×');
	const stall = page.getByRole('img', { name: /^Quorum stalled: fewer than 2\/3 of the sequencers are online/ });
	await expect(stall).toBeVisible({ timeout: 60_000 });
	await expect(onStage(page, /stalled — fewer than 2\/3 online · 3 silent/)).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/anim-quorum-stall-1366x768.png' });
	await axeClean(page);
	// They come back at 6 minutes: the backlog is signed and the stall is over.
	await setSpeed(page, '30×');
	await expect(stall).toBeHidden({ timeout: 90_000 });
	expect(seen.errors).toEqual([]);
});

test('a silent proposer is replaced by a re-span', async ({ page }) => {
	test.setTimeout(120_000);
	const seen = watch(page);
	await openPreset(page, 'proposer-offline');
	await setSpeed(page, '30×');
	await expect(onStage(page, /^re-span: seq-0 silent → seq-4$/)).toBeVisible({ timeout: 60_000 });
	await page.screenshot({ path: '.tmp/screens/anim-respan-1366x768.png' });
	expect(seen.errors).toEqual([]);
});

test('a censored transaction is forced in from L1', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await openPreset(page, 'censorship-forced-inclusion', { width: 1920, height: 1080 });
	await setSpeed(page, '30×');
	await expect(onStage(page, /^user-3 → L1 forced queue/)).toBeVisible({ timeout: 60_000 });
	await expect(onStage(page, /^forced from L1 into L2/)).toBeVisible({ timeout: 90_000 });
	await page.screenshot({ path: '.tmp/screens/anim-forced-1920x1080.png' });
	expect(seen.errors).toEqual([]);
});

test('with reduced motion nothing flies, yet every label still shows', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openPreset(page, 'lone-cheater');
	await setSpeed(page, '5×');
	await expect(onStage(page, /^slashed 30,000$/)).toBeVisible({ timeout: 60_000 });
	await expect(onStage(page, /^re-span: seq-0 slashed → seq-2$/)).toBeVisible();
	await expect(onStage(page, /^\+15,000 METIS to seq-1$/)).toBeVisible();
	// No flying signatures, headers, stars or coins: only the end states.
	await expect(page.locator('svg.scene .effects .sig, svg.scene .effects .envelope, svg.scene .effects .star')).toHaveCount(0);
	await page.screenshot({ path: '.tmp/screens/anim-reduced-motion-1366x768.png' });

	await page.goto('/sandbox?seed=1&scenario=colluding-majority-optimistic&finality=optimistic');
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 45_000 });
	await page.getByRole('button', { name: 'Play' }).click();
	await setSpeed(page, '3,600×');
	await expect(page.getByRole('img', { name: /^Dispute on L1/ })).toHaveAccessibleName(/Fraud proven/, { timeout: 120_000 });
	await expect(onStage(page, /^slashed 5 × 40,000 · burned 100,000$/)).toBeVisible();
	await page.screenshot({ path: '.tmp/screens/anim-reduced-motion-dispute-1366x768.png' });
	expect(seen.errors).toEqual([]);
});
