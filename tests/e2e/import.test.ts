/**
 * Import world with files that lie: a hand-edited file is either refused with its field named (the
 * world on screen stays, same scenario and clock) or rebuilt and reported as not matching, naming
 * the first field that differs. Never "matches" for a file that says something the world did not do.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { pausedClock, setSpeed, watch, worldReady } from './watch';
import { download, importWorld } from './worldMenu';

test.describe.configure({ mode: 'serial' });

type WorldFile = Record<string, unknown> & {
	events: { t: number }[];
	batches: (Record<string, unknown> & { stateRoot: string; aggregateSignature: string; txs: string[] })[];
	sequencers: Record<string, string>[];
	slashings: unknown[];
	supply: { final: Record<string, string> };
	params: Record<string, string | number>;
	replay: { at: number; scenario: Record<string, unknown>; params: Record<string, string | number>; commands: unknown[] };
};

const START = '/sandbox?seed=4&scenario=lone-cheater&finality=optimistic&users=8';
let exported: { path: string; world: WorldFile; clock: string };

/** Flips the last hex digit: the value stays well-formed, and is no longer true. */
const flip = (hex: string) => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');

/** A copy of the exported world with one edit. */
function edited(edit: (x: WorldFile) => void): WorldFile {
	const copy = structuredClone(exported.world);
	edit(copy);
	return copy;
}

const status = (page: Page) => page.getByTestId('world-notice');
const clock = (page: Page) => page.getByLabel('Simulated time');
const narration = (page: Page) => page.getByRole('region', { name: 'Narration' });

/** Opens the lone cheater, plays until batches are on L1, pauses and exports. */
async function openAndExport(page: Page) {
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto(START);
	await worldReady(page);
	await setSpeed(page, '30×');
	await page.getByRole('button', { name: 'Play' }).click();
	await expect(page.getByRole('button', { name: /^B2: batch 2/ })).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Pause' }).click();
	const at = await pausedClock(page);
	const file = await download(page, 'Export world');
	const world = JSON.parse(file.bytes.toString('utf8')) as WorldFile;
	expect(world.batches.length).toBeGreaterThanOrEqual(2);
	return { path: file.path, world, clock: at };
}

test('the exported world imports as a match', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	exported = await openAndExport(page);
	await importWorld(page, exported.path);
	await expect(status(page)).toContainText(`matches the file, all ${exported.world.events.length.toLocaleString('en')} events`, { timeout: 60_000 });
	await expect(status(page)).toContainText('and everything else the file says about it');
	await expect(clock(page)).toHaveText(exported.clock);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test('an edited file that parses is rebuilt and said not to match, naming the first field that differs', async ({ page }) => {
	test.setTimeout(420_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto(START);
	await worldReady(page);
	const cases: [string, (x: WorldFile) => void, RegExp][] = [
		['signature', (x) => (x.batches[1].aggregateSignature = flip(x.batches[1].aggregateSignature)), /batches\[1\]\.aggregateSignature is 0x\S+ in the file but 0x\S+ in the rebuilt world/],
		['state-root', (x) => (x.batches[0].stateRoot = flip(x.batches[0].stateRoot)), /batches\[0\]\.stateRoot is 0x\S+ in the file but 0x\S+ in the rebuilt world/],
		['tx', (x) => (x.batches[0].txs[0] = `0x${'5a'.repeat(60)}`), /batches\[0\]\.txs\[0\] is 0x5a5a\S+ in the file but 0x02\S+ in the rebuilt world/],
		['bls-key', (x) => (x.sequencers[2].blsPublicKey = flip(x.sequencers[2].blsPublicKey)), /sequencers\[2\]\.blsPublicKey is 0x\S+ in the file but 0x\S+ in the rebuilt world/],
		['stake', (x) => (x.sequencers[0].stake = `${x.sequencers[0].stake}0`), /sequencers\[0\]\.stake is "\d+" in the file but "\d+" in the rebuilt world/],
		['supply', (x) => (x.supply.final.total = String(2n * BigInt(x.supply.final.total))), /supply\.final\.total is "\d+" in the file but "\d+" in the rebuilt world/],
		['slashing', (x) => x.slashings.push({ sequencer: 'seq-1', amount: '1000', reason: 'made up', offence: 'invalid-state-root', batch: 0, proposal: 0, challenger: null, challengerId: null, challengerReward: '0', burned: '1000', fromUnbonding: '0', offenceAt: 1, at: 2 }), /the file has slashings\[0\] \(.*\), which the rebuilt world does not have/],
		['traffic', (x) => (x.params.txPerSecond = 7), /params\.txPerSecond is 7 in the file but \d+ in the rebuilt world/]
	];
	for (const [name, edit, message] of cases) {
		await importWorld(page, { name: `${name}.json`, json: edited(edit) });
		const notice = status(page).filter({ hasText: `${name}.json` });
		await expect(notice).toContainText('does not match the file', { timeout: 60_000 });
		await expect(notice).toContainText(message);
		await expect(notice).not.toContainText('matches the file, all');
		await worldReady(page);
		// What is on screen is the rebuilt world: the true one, at the file's time.
		await expect(clock(page)).toHaveText(exported.clock);
	}
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test.describe('a refused file names the field and leaves the world on screen as it was', () => {
	const cases: [string, (x: WorldFile) => void, RegExp][] = [
		['negative-stake', (x) => (x.sequencers[1].stake = '-5000'), /sequencers\[1\]\.stake: expected an amount in wei: a whole, non-negative decimal string/],
		['garbage-tx', (x) => (x.batches[0].txs[0] = 'not a transaction'), /batches\[0\]\.txs\[0\]: expected a raw signed transaction as 0x-prefixed lowercase hex/],
		['key-not-hex', (x) => (x.sequencers[0].blsPublicKey = `0x${'zz'.repeat(48)}`), /sequencers\[0\]\.blsPublicKey: expected a BLS public key: 48 bytes of 0x-prefixed lowercase hex/],
		['traffic-1e30', (x) => (x.params.txPerSecond = 1e30), /params\.txPerSecond: expected a number from 0 to 1000, not 1e\+30/],
		['at-1e300', (x) => (x.replay.at = 1e300), /replay\.at: at most 90 days \(7,776,000,000 ms\) of simulated time/],
		['quorum-1e300', (x) => (x.replay.params.quorumDenominator = 1e300), /replay\.params\.quorumDenominator: expected a whole number from 1 to 1,000, not 1e\+300/],
		['command-1e300', (x) => (x.replay.commands = [{ at: 1e300, command: { type: 'traffic.rate', txPerSecond: 2 } }]), /replay\.commands\[0\]\.at: at most 90 days/],
		['params-set-1e300', (x) => (x.replay.commands = [{ at: 1000, command: { type: 'params.set', params: { quorumDenominator: 1e300 } } }]), /replay\.commands\[0\]\.command\.params\.quorumDenominator: expected a whole number from 1 to 1,000/],
		['many-users', (x) => (x.replay.scenario.users = 1e6), /replay\.scenario\.users: at most 5000 users/],
		['event-1e300', (x) => (x.events[3].t = 1e300), /events\[3\]\.t: at most 90 days/]
	];
	test('each in turn', async ({ page }) => {
		test.setTimeout(240_000);
		const seen = watch(page);
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(START);
		await worldReady(page);
		await importWorld(page, { name: 'exported.json', json: exported.world });
		await expect(status(page)).toContainText('matches the file', { timeout: 60_000 });
		await worldReady(page);
		const url = page.url();
		const title = 'A lone cheater: 8 users, seed 4';
		await expect(narration(page)).toContainText(title);
		for (const [name, edit, message] of cases) {
			await importWorld(page, { name: `${name}.json`, json: edited(edit) });
			const alert = page.getByRole('alert');
			await expect(alert).toContainText(message);
			await expect(alert).toContainText('Your world is unchanged');
			await expect(alert).not.toContainText(/RollupInbox|StakingPool|RangeError|each_key_duplicate/);
			await expect(clock(page)).toHaveText(exported.clock);
			await expect(page).toHaveURL(url);
			await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('lone-cheater');
			await expect(narration(page)).toContainText(title);
			await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
			await page.getByRole('button', { name: 'Dismiss' }).click();
		}
		expect(seen.errors).toEqual([]);
		expect(seen.outside).toEqual([]);
	});
});

test('after a world with its own scenario, a refused file keeps that world', async ({ page }) => {
	test.setTimeout(240_000);
	const seen = watch(page);
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto(START);
	await worldReady(page);
	// A scenario of the learner's own (not a preset reshaped): no link can hold it.
	const own = edited((x) => {
		x.replay.scenario = { ...x.replay.scenario, title: 'My own cheater', summary: 'Hand-made.' };
	});
	await importWorld(page, { name: 'own.json', json: own });
	await expect(status(page)).toContainText('A link cannot hold its custom scenario', { timeout: 60_000 });
	await worldReady(page);
	await expect(narration(page)).toContainText('My own cheater');
	const url = page.url();

	await importWorld(page, { name: 'quorum.json', json: { ...own, replay: { ...own.replay, params: { ...own.replay.params, quorumDenominator: 1e300 } } } });
	await expect(page.getByRole('alert')).toContainText('replay.params.quorumDenominator: expected a whole number from 1 to 1,000');
	await expect(page.getByRole('alert')).toContainText('Your world is unchanged');
	await expect(page.getByRole('alert')).not.toContainText('RollupInbox');
	await expect(narration(page)).toContainText('My own cheater');
	await expect(narration(page)).not.toContainText('The demo world');
	await expect(clock(page)).toHaveText(exported.clock);
	await expect(page).toHaveURL(url);
	expect(seen.errors).toEqual([]);
	expect(seen.outside).toEqual([]);
});

test.describe('links with times and parameters out of bounds show why', () => {
	for (const [name, query, message] of [
		['a quorum denominator of 1e300', '?scenario=happy-path&p.quorumDenominator=1e300', /p\.quorumDenominator: expected a whole number from 1 to 1,000, not 1e\+300/],
		['a command at 1e300', `?scenario=happy-path&cmds=${LZString.compressToEncodedURIComponent(JSON.stringify([{ at: 1e300, command: { type: 'traffic.rate', txPerSecond: 2 } }]))}`, /cmds\[0\]\.at: at most 90 days/],
		['an exit delay of a century', '?scenario=happy-path&p.exitDelayMs=3153600000000', /p\.exitDelayMs: expected a duration in whole ms from 0 to 90 days/]
	] as const) {
		test(name, async ({ page }) => {
			test.setTimeout(120_000);
			const seen = watch(page);
			await page.goto(`/sandbox${query}`);
			await expect(page.getByRole('alert')).toContainText(message);
			await expect(page.getByRole('alert')).not.toContainText(/RollupInbox|StakingPool/);
			await worldReady(page);
			expect(seen.errors).toEqual([]);
		});
	}
});

test('the worker rebuilds in slices: it reports progress, hears a cancel, and keeps the running world', async ({ page }) => {
	test.setTimeout(180_000);
	const seen = watch(page);
	await page.goto(START);
	await worldReady(page);
	// The page's own worker script, driven here directly: the page does not send cancelLoad yet.
	const script = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).find((n) => /simulation\.worker/.test(n)));
	expect(script).toBeTruthy();
	const scenario = JSON.parse(readFileSync('content/scenarios/lone-cheater.json', 'utf8'));
	const replies = await page.evaluate(
		({ script, scenario }) =>
			new Promise<{ type: string; generation: number; kept?: number | null; cancelled?: boolean; message?: string; at?: number; until?: number }[]>((resolve, reject) => {
				const worker = new Worker(script, { type: 'module' });
				const got: { type: string; generation: number }[] = [];
				let seq = 0;
				const send = (msg: Record<string, unknown>) => worker.postMessage({ ...msg, seq: ++seq });
				worker.onerror = (e) => reject(new Error(e.message));
				worker.onmessage = (e) => {
					const msg = e.data;
					if (msg.type === 'frame') return;
					got.push(msg);
					if (msg.type === 'loaded' && msg.generation === 1) {
						// Eighty days of traffic: far longer to rebuild than it takes to cancel.
						send({ type: 'load', generation: 2, seed: 4, scenario, finality: 'optimistic', params: { trafficUntilMs: 80 * 86_400_000 }, rebuildCheck: { until: 80 * 86_400_000, events: [], asserted: {} } });
					}
					if (msg.type === 'loadProgress' && got.filter((m) => m.type === 'loadProgress').length === 2) send({ type: 'cancelLoad' });
					if (msg.type === 'loadFailed') send({ type: 'export' });
					if (msg.type === 'exported') {
						worker.terminate();
						resolve(got.map((m) => ({ ...m, json: undefined, info: undefined })));
					}
				};
				send({ type: 'load', generation: 1, seed: 4, scenario, finality: 'optimistic' });
			}),
		{ script: script!, scenario }
	);
	const types = replies.map((m) => `${m.type}:${m.generation}`);
	expect(types.slice(0, 3)).toEqual(['loading:1', 'loaded:1', 'loading:2']);
	const progress = replies.filter((m) => m.type === 'loadProgress');
	expect(progress.length).toBeGreaterThanOrEqual(2);
	expect(progress.every((m) => m.generation === 2 && m.until === 80 * 86_400_000 && m.at! < m.until!)).toBe(true);
	expect(progress[1].at).toBeGreaterThan(progress[0].at!);
	const failed = replies.find((m) => m.type === 'loadFailed');
	expect(failed).toMatchObject({ generation: 2, kept: 1, cancelled: true, message: expect.stringMatching(/^the rebuild was cancelled at day \d+, \d\d:\d\d:\d\d of day 80, 00:00:00$/) });
	// The world still running is the first one: its export answers under generation 1.
	expect(types[types.length - 1]).toBe('exported:1');
	expect(seen.errors).toEqual([]);
});

// The page does not show the worker's loadProgress or send cancelLoad yet (the sandbox page is being rewritten over LiveWorld).
test('a long rebuild shows its progress and Cancel keeps the world on screen', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto(START);
	await worldReady(page);
	const before = await clock(page).textContent();
	// Eighty days of an idle world with traffic all along: long enough to cancel.
	const long = edited((x) => {
		x.replay.params = { ...x.replay.params, trafficUntilMs: 80 * 86_400_000 };
		x.replay.at = 80 * 86_400_000;
	});
	await importWorld(page, { name: 'long.json', json: long });
	await expect(page.getByRole('progressbar', { name: /Rebuilding/ })).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('alert')).toContainText('cancelled');
	await expect(clock(page)).toHaveText(before ?? '');
});
