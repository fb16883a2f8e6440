import { describe, expect, it } from 'vitest';
import { createWorld, type WorldExport } from '$lib/sim';
import { MINUTE } from '$lib/sim/units';
import { linkRecipe } from '../linkRecipe';
import { readWorldFile } from '../worldFile';
import { checkRebuild, exportWithReplay, recipeErrors } from './worldFiles';

const built = linkRecipe({ seed: 8, scenario: 'happy-path', finality: 'zk', shape: { sequencers: 4, users: 12 }, params: { trafficUntilMs: 2 * MINUTE, sampleRate: 1 } });
if (!built.ok) throw new Error(JSON.stringify(built.errors));
const live = createWorld(built.recipe);
live.runUntil(3 * MINUTE);
const exported = exportWithReplay(live, built.recipe);

/** Flips the last hex digit of a hex string (a one-byte edit that keeps it well-formed). */
const flip = (hex: string) => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');

/** Reads an edited copy of the export and rebuilds it. */
function rebuild(edit: (x: WorldExport & Record<string, unknown>) => void) {
	const copy = structuredClone(exported) as WorldExport & Record<string, unknown>;
	edit(copy);
	const file = readWorldFile(JSON.stringify(copy));
	if (!file.ok) throw new Error(file.errors.join('\n'));
	return checkRebuild(createWorld(file.recipe), file.check);
}

describe('a rebuilt world compared with everything its file says', () => {
	it('matches an untouched file, field by field', () => {
		expect(exported.batches.length).toBeGreaterThan(2);
		expect(rebuild(() => {})).toMatchObject({ matches: true, firstDifference: null, firstField: null });
	});

	it.each([
		['a flipped byte in an aggregate signature', (x: WorldExport) => (x.batches[2].aggregateSignature = flip(x.batches[2].aggregateSignature!)), 'batches[2].aggregateSignature'],
		['a flipped byte in a state root', (x: WorldExport) => (x.batches[1].stateRoot = flip(x.batches[1].stateRoot)), 'batches[1].stateRoot'],
		['a transaction replaced by other hex', (x: WorldExport) => (x.batches[0].txs[0] = '0xdeadbeef'), 'batches[0].txs[0]'],
		['a flipped byte in a BLS public key', (x: WorldExport) => (x.sequencers[3].blsPublicKey = flip(x.sequencers[3].blsPublicKey)), 'sequencers[3].blsPublicKey'],
		['a larger stake', (x: WorldExport) => (x.sequencers[0].stake = `${x.sequencers[0].stake}0`), 'sequencers[0].stake'],
		['the final supply doubled', (x: WorldExport) => (x.supply.final.total = String(2n * BigInt(x.supply.final.total))), 'supply.final.total'],
		['another traffic rate in force', (x: WorldExport) => (x.params.txPerSecond = 3), 'params.txPerSecond'],
		[
			'a made-up slashing',
			(x: WorldExport) =>
				x.slashings.push({ sequencer: 'seq-1', amount: '1000', reason: 'made up', offence: 'invalid-state-root', batch: 0, proposal: 0, challenger: null, challengerId: null, challengerReward: '0', burned: '1000', fromUnbonding: '0', offenceAt: 1, at: 2 }),
			'slashings[0]'
		],
		['a batch left out', (x: WorldExport) => x.batches.pop(), `batches[${exported.batches.length - 1}]`],
		['another scenario name', (x: WorldExport) => (x.scenario = 'lone-cheater'), 'scenario'],
		['another chain id', (x: WorldExport) => (x.chainId = 1088), 'chainId'],
		['a batch marked fraudulent', (x: WorldExport) => (x.batches[0].fraudulent = true), 'batches[0].fraudulent'],
		['an extra claim', (x: Record<string, unknown>) => (x.audited = true), 'audited']
	])('names the field of %s', (_, edit, path) => {
		const r = rebuild(edit as (x: WorldExport & Record<string, unknown>) => void);
		expect(r.matches).toBe(false);
		// The log was not touched: only the field comparison can tell.
		expect(r.firstDifference).toBeNull();
		expect(r.firstField?.path).toBe(path);
		expect(r.firstField!.file).not.toBe(r.firstField!.rebuilt);
		expect(r.firstField!.file.length).toBeLessThanOrEqual(40);
	});

	it('shows both values of a differing key, shortened', () => {
		const original = exported.sequencers[3].blsPublicKey;
		const r = rebuild((x) => (x.sequencers[3].blsPublicKey = flip(original)));
		expect(r.firstField).toEqual({ path: 'sequencers[3].blsPublicKey', file: `${original.slice(0, 6)}…${flip(original).slice(-9)}`, rebuilt: `${original.slice(0, 6)}…${original.slice(-9)}` });
	});

	it('takes a section the file leaves out as saying nothing', () => {
		expect(rebuild((x) => delete (x as Partial<WorldExport>).batches)).toMatchObject({ matches: true, firstField: null });
	});

	it('reports an edited log and an edited field together', () => {
		const r = rebuild((x) => {
			x.events[7] = { ...x.events[7], t: x.events[7].t + 1 };
			x.supply.final.total = '1';
		});
		expect(r).toMatchObject({ matches: false, firstDifference: 7, firstField: { path: 'supply.final.total', file: '"1"' } });
	});
});

describe('a world with a slashing', () => {
	const mev = linkRecipe({ seed: 1, scenario: 'mev-sandwich', finality: 'optimistic' });
	if (!mev.ok) throw new Error(JSON.stringify(mev.errors));
	const world = createWorld(mev.recipe);
	world.runUntil(60 * MINUTE);
	const file = exportWithReplay(world, mev.recipe);

	it('reads back whole, and an edited slash amount is named', () => {
		expect(file.slashings.length).toBeGreaterThan(0);
		const copy = structuredClone(file);
		copy.slashings[0].amount = String(BigInt(copy.slashings[0].amount) + 1n);
		const read = readWorldFile(JSON.stringify(copy));
		if (!read.ok) throw new Error(read.errors.join('\n'));
		const r = checkRebuild(createWorld(read.recipe), read.check);
		expect(r).toMatchObject({ matches: false, firstDifference: null, firstField: { path: 'slashings[0].amount' } });
	});
});

describe('recipeErrors', () => {
	const recipe = built.recipe;
	it.each([
		['a good recipe', {}, []],
		['a denominator of 1e300', { params: { quorumDenominator: 1e300 } }, ['params.quorumDenominator: expected a whole number from 1 to 1,000, not 1e+300']],
		['a broken scenario', { scenario: { ...(recipe.scenario as object), users: -1 } }, ['scenario.users: the number of users cannot be negative']],
		['a command at 1e300', { commands: [{ at: 1e300, command: { type: 'traffic.rate', txPerSecond: 1 } }] }, [expect.stringMatching(/^commands\[0\]\.at: at most 90 days/)]],
		['a bad command', { commands: [{ at: 1, command: { type: 'nope' } }] }, [expect.stringMatching(/^commands\[0\]\.command: type:/)]]
	])('%s', (_, change, errors) => {
		expect(recipeErrors({ ...recipe, ...change } as typeof recipe)).toEqual(errors);
	});
});
