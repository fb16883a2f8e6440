import { expect, test } from '@playwright/test';
import LZString from 'lz-string';
import { axeClean, pausedClock, watch, worldReady } from './watch';
import { download, worldMenu } from './worldMenu';

const offline = [{ at: 20_000, command: { type: 'sequencer.behaviour', sequencer: 'seq-1', behaviour: 'offline' } }];
const shared = `/sandbox?seed=5&scenario=happy-path&finality=zk&seqs=4&vals=3&users=12&p.sampleRate=0.5&p.txPerSecond=2&cmds=${LZString.compressToEncodedURIComponent(JSON.stringify(offline))}`;

test('a shared link opens the world it names, and what the learner does goes into the link', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto(shared);
	await worldReady(page);
	await expect(page).toHaveURL(shared);
	const narration = page.getByRole('region', { name: 'Narration' });
	await expect(narration).toContainText('The happy path: 12 users, seed 5, ZK finality');
	await expect(page.getByRole('alert')).toHaveCount(0);

	// The controls still fit on one line with the World menu in the bar.
	const bar = await page.locator('.controls').boundingBox();
	const play = await page.getByRole('button', { name: 'Play' }).boundingBox();
	expect(bar!.height).toBeLessThan(play!.height * 2.2);

	// The settings show the world the link built.
	await page.locator('body').press('w');
	const dialog = page.getByRole('dialog', { name: 'World settings' });
	await expect(dialog).toBeVisible();
	for (const [label, value] of [['Seed', '5'], ['Sequencers', '4'], ['Validators', '3'], ['Users', '12'], ['Traffic (tx/s)', '2'], ['Sample rate', '0.5'], ['Quorum fraction', '2/3'], ['Challenge window', '7d'], ['Hybrid proof deadline', '4h'], ['Exit delay', '21d']]) {
		await expect(dialog.getByLabel(label, { exact: true })).toHaveValue(value);
	}
	await expect(dialog.getByLabel('Quorum rule')).toHaveValue('count');
	await expect(dialog.getByLabel('Quorum threshold')).toHaveValue('at-least');
	await expect(dialog.getByLabel('ZK: slash signers of a batch never proven (%)')).toHaveValue('0');
	await expect(dialog.getByLabel(/Replay my 1 change/)).toBeChecked();
	await page.screenshot({ path: '.tmp/screens/share-settings-1366x768.png' });
	await axeClean(page);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();

	// The link's command plays at 20 s; then a live change (double the traffic) is written into the link at once.
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	for (let i = 0; i < 3; i++) await speed.press('ArrowRight');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(narration).toContainText('seq-1 goes offline', { timeout: 30_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.locator('body').press('t');
	await expect(page).not.toHaveURL(shared);
	const cmds = new URL(page.url()).searchParams.get('cmds') ?? '';
	const commands = JSON.parse(LZString.decompressFromEncodedURIComponent(cmds.replace(/ /g, '+')));
	expect(commands).toEqual([offline[0], { at: expect.any(Number), command: { type: 'traffic.rate', txPerSecond: 4 } }]);
	expect(commands[1].at).toBeGreaterThan(20_000);
	expect(page.url()).toContain('seed=5&scenario=happy-path&finality=zk&seqs=4&vals=3&users=12&p.sampleRate=0.5&p.txPerSecond=2&cmds=');

	// The same link in a fresh page replays that world.
	const again = await page.context().newPage();
	await again.goto(page.url());
	await worldReady(again);
	await expect(again.getByRole('alert')).toHaveCount(0);
	await expect(again).toHaveURL(page.url());
	await again.close();

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('settings explain a bad value in place, keep what was typed, and Apply builds the new world', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.goto('/sandbox?seed=3&scenario=happy-path&finality=optimistic');
	await worldReady(page);
	await worldMenu(page, 'World settings');
	const dialog = page.getByRole('dialog', { name: 'World settings' });
	await dialog.getByLabel('Users', { exact: true }).fill('30');
	await dialog.getByLabel('Sample rate').fill('1.5');
	await dialog.getByLabel('Quorum fraction').fill('4/3');
	await dialog.getByLabel('ZK: slash signers of a batch never proven (%)').fill('150');
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(dialog.getByLabel('ZK: slash signers of a batch never proven (%)')).toHaveAccessibleDescription(/a share cannot exceed 100%/);
	const sample = dialog.getByLabel('Sample rate');
	await expect(sample).toHaveAttribute('aria-invalid', 'true');
	await expect(sample).toHaveAccessibleDescription(/a probability cannot exceed 1/);
	await expect(dialog.getByLabel('Quorum fraction')).toHaveAccessibleDescription(/can never be reached/);
	await expect(dialog.getByLabel('Quorum fraction')).toBeFocused();
	await expect(dialog.getByLabel('Users', { exact: true })).toHaveValue('30');
	await page.screenshot({ path: '.tmp/screens/share-settings-1920x1080.png' });
	await axeClean(page);
	await expect(page).toHaveURL('/sandbox?seed=3&scenario=happy-path&finality=optimistic');

	await sample.fill('0.75');
	await dialog.getByLabel('Quorum fraction').fill('3/4');
	await dialog.getByLabel('Quorum rule').selectOption('stake');
	await dialog.getByLabel('Quorum threshold').selectOption('more-than');
	await dialog.getByLabel('ZK: slash signers of a batch never proven (%)').fill('12.5');
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(dialog).toBeHidden();
	await expect(page).toHaveURL('/sandbox?seed=3&scenario=happy-path&finality=optimistic&users=30&p.missingProofSlashBps=1250&p.quorumBy=stake&p.quorumDenominator=4&p.quorumNumerator=3&p.quorumThreshold=more-than&p.sampleRate=0.75');
	await worldReady(page);
	await expect(page.getByRole('region', { name: 'Narration' })).toContainText('30 users, seed 3');

	// Reset to scenario defaults brings the preset's values back into the form.
	await page.locator('body').press('w');
	await expect(dialog.getByLabel('Sample rate')).toHaveValue('0.75');
	await expect(dialog.getByLabel('Quorum threshold')).toHaveValue('more-than');
	await dialog.getByRole('button', { name: 'Reset to scenario defaults' }).click();
	await expect(dialog.getByLabel('Users', { exact: true })).toHaveValue('20');
	await expect(dialog.getByLabel('Quorum rule')).toHaveValue('count');
	await expect(dialog.getByLabel('Quorum threshold')).toHaveValue('at-least');
	await expect(dialog.getByLabel('Seed')).toHaveValue('1');
	await dialog.getByRole('button', { name: 'Apply' }).click();
	await expect(page).toHaveURL('/sandbox?seed=1&scenario=happy-path&finality=optimistic');
	await worldReady(page);

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test.describe('broken links show why and open the default world', () => {
	for (const [name, query, message] of [
		['bad commands', '?scenario=happy-path&cmds=NoTaCoMmAnDlIsT', /cmds: the commands could not be read/],
		['an absurd sample rate', '?scenario=happy-path&p.sampleRate=7', /p\.sampleRate: a probability cannot exceed 1/],
		['an unknown scenario', '?scenario=atlantis&seed=2', /there is no scenario "atlantis"/],
		['too many sequencers', '?scenario=happy-path&seqs=500', /seqs: expected a whole number of sequencers from 1 to 100/]
	] as const) {
		test(name, async ({ page }) => {
			test.setTimeout(120_000);
			const seen = watch(page);
			await page.setViewportSize({ width: 1366, height: 768 });
			await page.goto(`/sandbox${query}`);
			await expect(page.getByRole('alert')).toContainText(message);
			await expect(page.getByRole('alert')).toContainText('Showing the default world instead');
			await worldReady(page);
			await expect(page).toHaveURL('/sandbox?seed=1&scenario=demo&finality=hybrid');
			await expect(page.getByRole('region', { name: 'Narration' })).toContainText('The demo world');
			expect(seen.errors).toEqual([]);
			expect(seen.outside).toEqual([]);
		});
	}
});

test('export, re-import, a broken file, and pictures of the stage', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/sandbox?seed=4&scenario=lone-cheater&finality=optimistic&users=8');
	await worldReady(page);
	const speed = page.getByRole('slider', { name: 'Speed' });
	await speed.focus();
	for (let i = 0; i < 4; i++) await speed.press('ArrowRight');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('button', { name: /^B1: batch 1/ })).toBeVisible({ timeout: 60_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	// The clock shows the moment the worker stopped: the exported world is at that moment too.
	const pausedAt = await pausedClock(page);
	await page.locator('body').press('t');
	await expect(page).toHaveURL(/&cmds=/);
	const link = page.url();
	const clock = page.getByLabel('Simulated time');
	await expect(clock).toHaveText(pausedAt);

	await page.getByRole('button', { name: 'World', exact: true }).click();
	await axeClean(page);
	await page.screenshot({ path: '.tmp/screens/share-world-menu.png' });
	const exported = await download(page, 'Export world');
	expect(exported.name).toMatch(/^rollup-lab-lone-cheater-seed4-0d\d\dh\d\dm\d\ds\.json$/);
	const world = JSON.parse(exported.bytes.toString('utf8'));
	expect(world).toMatchObject({ format: 'rollup-lab/world-export@2', scenario: 'lone-cheater', seed: 4, finality: 'optimistic' });
	expect(world.users).toHaveLength(8);
	expect(world.replay.commands).toHaveLength(1);
	expect(world.events.length).toBeGreaterThan(50);
	await expect(page.getByRole('status').filter({ hasText: 'Saved rollup-lab-lone-cheater' })).toBeVisible();

	// Elsewhere, then the file brings the world back and says it matches.
	await page.getByRole('combobox', { name: 'Scenario' }).selectOption('happy-path');
	await worldReady(page);
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), worldMenu(page, 'Import world')]);
	await chooser.setFiles(exported.path);
	await expect(page.getByRole('status').filter({ hasText: 'matches the file' })).toContainText(`all ${world.events.length.toLocaleString('en')} events`, { timeout: 60_000 });
	await worldReady(page);
	await expect(page).toHaveURL(link);
	await expect(clock).toHaveText(pausedAt);
	await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('lone-cheater');

	// A broken file: a clear alert, and the world stays as it was.
	const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), worldMenu(page, 'Import world')]);
	await chooser2.setFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...world, finality: 'instant' })) });
	await expect(page.getByRole('alert')).toContainText('That file could not be opened: finality: expected one of optimistic, zk, hybrid');
	await expect(page.getByRole('alert')).toContainText('Your world is unchanged');
	await expect(page).toHaveURL(link);
	await expect(clock).toHaveText(pausedAt);
	await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
	await page.getByRole('button', { name: 'Dismiss' }).click();

	// A hand-edited scenario inside the file: refused with the field named.
	const badScenario = { ...world, replay: { ...world.replay, scenario: { ...world.replay.scenario, sequencers: [{ stake: '1', behaviour: 'honest', target: 'user-99' }] } } };
	const [chooser3] = await Promise.all([page.waitForEvent('filechooser'), worldMenu(page, 'Import world')]);
	await chooser3.setFiles({ name: 'bad-scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(badScenario)) });
	await expect(page.getByRole('alert')).toContainText('replay.scenario.sequencers[0].target: user-99 does not exist (the scenario has 8 users)');
	await expect(page).toHaveURL(link);
	await page.getByRole('button', { name: 'Dismiss' }).click();

	// Pictures for slides.
	const svg = await download(page, 'Save stage as SVG');
	expect(svg.name).toMatch(/\.svg$/);
	const svgText = svg.bytes.toString('utf8');
	expect(svgText.startsWith('<?xml')).toBe(true);
	expect(svgText.includes('<svg') && svgText.includes('style="fill:')).toBe(true);
	expect(svgText.includes('var(--')).toBe(false);
	expect(svgText.length).toBeGreaterThan(5000);
	const png = await download(page, 'Save stage as PNG');
	expect(png.name).toMatch(/\.png$/);
	expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
	expect(png.bytes.readUInt32BE(16)).toBe(2000);
	await page.screenshot({ path: '.tmp/screens/share-after-import.png' });

	// What the SVG looks like on its own.
	const standalone = await page.context().newPage();
	await standalone.setViewportSize({ width: 1000, height: 560 });
	await standalone.setContent(`<body style="margin:0">${svgText.replace(/^<\?xml[^>]*>/, '')}</body>`);
	await standalone.screenshot({ path: '.tmp/screens/share-stage-standalone-svg.png' });
	await standalone.close();

	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});
