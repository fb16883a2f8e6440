import { describe, expect, it } from 'vitest';
import { createWorld } from '$lib/sim';
import { auditExport } from '$lib/sim/world/audit';
import { MINUTE } from '$lib/sim/units';
import { linkRecipe } from './linkRecipe';
import type { WorldLink } from './urlState';
import { readWorldFile } from './worldFile';
import { checkRebuild, exportWithReplay } from './worker/worldFiles';

const link: WorldLink = { seed: 8, scenario: 'happy-path', finality: 'zk', shape: { sequencers: 4, users: 12 }, params: { trafficUntilMs: 2 * MINUTE, sampleRate: 1 } };

function liveWorld() {
	const built = linkRecipe(link);
	if (!built.ok) throw new Error(JSON.stringify(built.errors));
	const world = createWorld(built.recipe);
	world.runUntil(40_000);
	world.dispatch({ type: 'traffic.rate', txPerSecond: 2 });
	world.runUntil(3 * MINUTE);
	return { world, recipe: built.recipe };
}

function read(text: string) {
	const r = readWorldFile(text);
	if (!r.ok) throw new Error(r.errors.join('\n'));
	return r;
}

describe('world files', () => {
	const { world, recipe } = liveWorld();
	const exported = exportWithReplay(world, recipe);
	const text = JSON.stringify(exported);

	it('adds a replay section and still passes the audit', () => {
		expect(exported.replay).toEqual({ scenario: recipe.scenario, params: link.params, commands: [{ at: 40_000, command: { type: 'traffic.rate', txPerSecond: 2 } }], at: 3 * MINUTE });
		expect(Object.keys(exported).slice(0, -1)).toEqual(['format', 'scenario', 'seed', 'finality', 'chainId', 'params', 'users', 'validators', 'sequencers', 'batches', 'slashings', 'supply', 'events']);
		expect(exported.format).toBe('rollup-lab/world-export@2');
		expect(auditExport(exported)).toEqual([]);
	});

	it('rebuilds from the replay, gives back the share link, and the logs match', () => {
		const file = read(text);
		expect(file.fromReplay).toBe(true);
		expect(file.link).toEqual({ ...link, commands: exported.replay!.commands });
		expect(file.check.until).toBe(3 * MINUTE);
		expect(exported.events[exported.events.length - 1].t).toBeLessThan(3 * MINUTE);
		const rebuilt = checkRebuild(createWorld(file.recipe), file.check);
		expect(rebuilt).toMatchObject({ matches: true, firstDifference: null, fileEvents: exported.events.length, worldEvents: exported.events.length, until: 3 * MINUTE });
	});

	it('rebuilds a file without a replay from its preset, seed and parameters', () => {
		const plain = createWorld({ seed: 3, scenario: linkRecipeScenario('lone-cheater'), finality: 'optimistic', params: { trafficUntilMs: MINUTE, minStake: '15000' } });
		plain.runUntil(2 * MINUTE);
		const file = read(JSON.stringify(plain.exportWorld()));
		expect(file.fromReplay).toBe(false);
		expect(file.link).toEqual({ seed: 3, scenario: 'lone-cheater', finality: 'optimistic', params: { trafficUntilMs: MINUTE, minStake: '15000' } });
		expect(checkRebuild(createWorld(file.recipe), file.check).matches).toBe(true);
	});

	it('rebuilds a file of the earlier format from its recipe, without comparing its old log', () => {
		const older = structuredClone(exported) as unknown as Record<string, unknown>;
		older.format = 'rollup-lab/world-export@1';
		older.events = [{ t: 0, type: 'world.genesis', stale: true }];
		const file = read(JSON.stringify(older));
		expect(file.check).toMatchObject({ olderFormat: true, events: [] });
		expect(checkRebuild(createWorld(file.recipe), file.check)).toMatchObject({ olderFormat: true, matches: false, firstDifference: null, fileEvents: 0 });
	});

	it('says where a file and its rebuilt world part ways', () => {
		const tampered = structuredClone(exported);
		tampered.events[5] = { ...tampered.events[5], t: tampered.events[5].t + 1 };
		const file = read(JSON.stringify(tampered));
		expect(checkRebuild(createWorld(file.recipe), file.check)).toMatchObject({ matches: false, firstDifference: 5 });
	});

	const broken = (patch: (x: Record<string, unknown>) => void) => {
		const copy = structuredClone(exported) as unknown as Record<string, unknown>;
		patch(copy);
		return JSON.stringify(copy);
	};
	it.each([
		['not JSON', '{"format": "rollup-lab/world-export@2",', /^not valid JSON/],
		['another format', broken((x) => (x.format = 'something-else@2')), /^format: expected "rollup-lab\/world-export@2"/],
		['no event log', broken((x) => delete x.events), /^events: missing$/],
		['a bad event', broken((x) => ((x.events as unknown[])[3] = { t: 'soon' })), /^events\[3\]\.t: expected a time/],
		['a bad finality', broken((x) => (x.finality = 'instant')), /^finality: expected one of optimistic, zk, hybrid/],
		['a broken scenario', broken((x) => ((x.replay as { scenario: { users: number } }).scenario.users = -1)), /^replay\.scenario\.users: the number of users cannot be negative/],
		['an absurd parameter', broken((x) => ((x.replay as { params: Record<string, number> }).params.sampleRate = 9)), /^replay\.params\.sampleRate: a probability cannot exceed 1/],
		['a bad command', broken((x) => ((x.replay as { commands: unknown[] }).commands = [{ at: 1, command: { type: 'nope' } }])), /^replay\.commands\[0\]\.command: type:/],
		['an unknown scenario and no replay', broken((x) => { delete x.replay; x.scenario = 'elsewhere'; }), /^scenario: "elsewhere" is not one of this sandbox's presets/],
		['a bad amount and no replay', broken((x) => { delete x.replay; (x.params as Record<string, string>).minStake = 'lots'; }), /^params\.minStake: expected an amount in wei/],
		// What a file says about its world must be well-formed before it is compared.
		['a negative stake', broken((x) => (sequencers(x)[1].stake = '-5000')), /^sequencers\[1\]\.stake: expected an amount in wei: a whole, non-negative decimal string$/],
		['a key that is not hex', broken((x) => (sequencers(x)[0].blsPublicKey = `0x${'zz'.repeat(48)}`)), /^sequencers\[0\]\.blsPublicKey: expected a BLS public key: 48 bytes/],
		['a short root', broken((x) => (batches(x)[2].stateRoot = '0x1234')), /^batches\[2\]\.stateRoot: expected a 32-byte root: 32 bytes/],
		['a tx that is not hex', broken((x) => (batches(x)[0].txs[0] = 'garbage')), /^batches\[0\]\.txs\[0\]: expected a raw signed transaction as 0x-prefixed lowercase hex/],
		['a made-up status', broken((x) => (batches(x)[0].status = 'great')), /^batches\[0\]\.status: expected pending, challenged/],
		['a negative supply', broken((x) => (((x.supply as Record<string, Record<string, string>>).final.total = '-1'))), /^supply\.final\.total: expected an amount in wei/],
		['a traffic rate of 1e30', broken((x) => ((x.params as Record<string, number>).txPerSecond = 1e30)), /^params\.txPerSecond: expected a number from 0 to 1000, not 1e\+30$/],
		// Every time and count a file may ask for has a bound, named in the message.
		['replay.at of 1e300', broken((x) => (replay(x).at = 1e300)), /^replay\.at: at most 90 days \(7,776,000,000 ms\) of simulated time$/],
		['an event at 1e300', broken((x) => ((x.events as { t: number }[])[4].t = 1e300)), /^events\[4\]\.t: at most 90 days/],
		['a quorum denominator of 1e300', broken((x) => (replay(x).params.quorumDenominator = 1e300)), /^replay\.params\.quorumDenominator: expected a whole number from 1 to 1,000, not 1e\+300$/],
		['a fractional block time', broken((x) => (replay(x).params.l2BlockMs = 1500.5)), /^replay\.params\.l2BlockMs: expected a duration in whole ms from 100 ms to 1 hour/],
		['a zero minimum stake', broken((x) => (replay(x).params.minStake = '0')), /^replay\.params\.minStake: expected an amount of more than zero$/],
		['an amount beyond any supply', broken((x) => (replay(x).params.treasury = '1'.padEnd(40, '0'))), /^replay\.params\.treasury: at most 1,000,000,000,000 METIS$/],
		['a command at 1e300', broken((x) => (replay(x).commands = [{ at: 1e300, command: { type: 'traffic.rate', txPerSecond: 1 } }])), /^replay\.commands\[0\]\.at: at most 90 days/],
		['too many commands', broken((x) => (replay(x).commands = Array.from({ length: 1001 }, (_, i) => ({ at: i, command: { type: 'traffic.rate', txPerSecond: 1 } })))), /^replay\.commands: at most 1000 commands$/],
		['a parameter change to 1e300', broken((x) => (replay(x).commands = [{ at: 5, command: { type: 'params.set', params: { quorumDenominator: 1e300 } } }])), /^replay\.commands\[0\]\.command\.params\.quorumDenominator: expected a whole number from 1 to 1,000/],
		['a million users', broken((x) => (replay(x).scenario.users = 1e6)), /^replay\.scenario\.users: at most 5000 users$/],
		['a timeline entry at 1e300', broken((x) => (replay(x).scenario.timeline = [{ at: 1e300, command: { type: 'traffic.rate', txPerSecond: 1 } }])), /^replay\.scenario\.timeline\[0\]\.at: /],
		['a huge seed', broken((x) => (x.seed = 1e300)), /^seed: expected a whole-number seed up to/]
	])('refuses %s with the field named', (_, text, message) => {
		const r = readWorldFile(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.errors[0]).toMatch(message);
	});
});

type Json = Record<string, unknown>;
const sequencers = (x: Json) => x.sequencers as Record<string, string>[];
const batches = (x: Json) => x.batches as (Record<string, string> & { txs: string[] })[];
const replay = (x: Json) => x.replay as { at: number; params: Record<string, string | number>; commands: unknown[]; scenario: Record<string, unknown> };

function linkRecipeScenario(name: string): unknown {
	const r = linkRecipe({ seed: 1, scenario: name, finality: 'optimistic' });
	if (!r.ok) throw new Error(name);
	return r.recipe.scenario;
}
