import { describe, expect, it } from 'vitest';
import happyPath from '../../../../content/scenarios/happy-path.json';
import proposerOffline from '../../../../content/scenarios/proposer-offline.json';
import { createWorld, WorldConfigError } from './world';
import { FINALITY_LADDER } from '../events';
import { DAY, HOUR, MINUTE } from '../units';

const SHORT = { trafficUntilMs: 2 * MINUTE, txPerSecond: 1 };

function run(seed: number, finality: 'optimistic' | 'zk' | 'hybrid', until = 8 * DAY) {
	const world = createWorld({ seed, scenario: happyPath, finality, params: SHORT });
	world.runUntil(until);
	return world;
}

describe('the happy path', () => {
	it.each(['optimistic', 'zk', 'hybrid'] as const)('every batch climbs the whole finality ladder (%s)', (finality) => {
		const world = run(3, finality);
		const ex = world.exportWorld();
		expect(ex.batches.length).toBeGreaterThan(0);
		expect(ex.batches.every((b) => b.status === 'finalized')).toBe(true);
		expect(ex.slashings).toEqual([]);
		for (const b of ex.batches) {
			const times = FINALITY_LADDER.slice(1).map((stage) => ex.events.find((e) => e.type === `finality.${stage}` && 'proposal' in e && e.proposal === b.proposal)?.t);
			expect(times.every((t) => typeof t === 'number')).toBe(true);
			expect([...times].sort((x, y) => x! - y!)).toEqual(times);
		}
		const included = ex.events.filter((e) => e.type === 'finality.soft').length;
		expect(included).toBe(ex.batches.reduce((n, b) => n + b.txs.length, 0));
	});

	it.each([
		{ finality: 'optimistic' as const, min: 7 * DAY },
		{ finality: 'hybrid' as const, min: 4 * HOUR },
		{ finality: 'zk' as const, min: 55 * MINUTE }
	])('$finality batches settle no earlier than the mode allows', ({ finality, min }) => {
		const ex = run(5, finality).exportWorld();
		for (const b of ex.batches) expect(b.finalizedAt! - b.submittedAt!).toBeGreaterThanOrEqual(min);
	});

	it('keeps the total supply constant and pays rewards from the pool', () => {
		const ex = run(9, 'zk').exportWorld();
		expect(ex.supply.final.total).toBe(ex.supply.initial.total);
		expect(BigInt(ex.supply.final.rewardsPool)).toBeLessThan(BigInt(ex.params.rewardsPoolFunding as string));
		expect(ex.events.some((e) => e.type === 'rewards.paid')).toBe(true);
	});
});

describe('determinism', () => {
	it('the same seed gives a byte-identical export; another seed does not', () => {
		const a = JSON.stringify(run(11, 'hybrid', 6 * HOUR).exportWorld());
		const b = JSON.stringify(run(11, 'hybrid', 6 * HOUR).exportWorld());
		const c = JSON.stringify(run(12, 'hybrid', 6 * HOUR).exportWorld());
		expect(a).toBe(b);
		expect(a).not.toBe(c);
	});

	it('seeking back then forward reproduces the same snapshot and events', () => {
		const world = createWorld({ seed: 4, scenario: happyPath, finality: 'optimistic', params: SHORT });
		world.runUntil(3 * MINUTE);
		const snapshot = JSON.stringify(world.snapshot());
		const events = JSON.stringify(world.events);
		world.seek(50_000);
		expect(world.now).toBe(50_000);
		expect(world.events.every((e) => e.t <= 50_000)).toBe(true);
		world.seek(3 * MINUTE);
		expect(JSON.stringify(world.snapshot())).toBe(snapshot);
		expect(JSON.stringify(world.events)).toBe(events);
	});

	it('a command in the past forks: the old future is dropped and the new one is deterministic', () => {
		const make = () => createWorld({ seed: 4, scenario: happyPath, finality: 'optimistic', params: SHORT });
		const world = make();
		world.runUntil(90_000);
		world.dispatch({ type: 'traffic.rate', txPerSecond: 0 });
		world.runUntil(3 * MINUTE);
		world.seek(30_000);
		expect(world.dispatch({ type: 'traffic.rate', txPerSecond: 4 })).toEqual({ ok: true });
		expect(world.commandLog.map((c) => c.at)).toEqual([30_000]);
		world.runUntil(3 * MINUTE);
		const replay = createWorld({ seed: 4, scenario: happyPath, finality: 'optimistic', params: SHORT, commands: [{ at: 30_000, command: { type: 'traffic.rate', txPerSecond: 4 } }] });
		replay.runUntil(3 * MINUTE);
		expect(JSON.stringify(replay.events)).toBe(JSON.stringify(world.events));
	});
});

describe('the timeline scrubber', () => {
	it('seeking forward again reuses the checkpoints of the branch and gives the same world as running', () => {
		const straight = createWorld({ seed: 5, scenario: happyPath, finality: 'optimistic', params: SHORT });
		straight.runUntil(3 * MINUTE);
		const world = createWorld({ seed: 5, scenario: happyPath, finality: 'optimistic', params: SHORT });
		world.runUntil(4 * MINUTE);
		expect(world.horizon).toBe(4 * MINUTE);
		world.seek(20_000);
		expect(world.horizon).toBe(4 * MINUTE);
		expect(world.checkpointTimes.some((t) => t > 2 * MINUTE)).toBe(true);
		world.seek(3 * MINUTE);
		expect(JSON.stringify(world.events)).toBe(JSON.stringify(straight.events));
		expect(JSON.stringify(world.snapshot())).toBe(JSON.stringify(straight.snapshot()));
		world.seek(4 * MINUTE);
		straight.runUntil(4 * MINUTE);
		expect(JSON.stringify(world.events)).toBe(JSON.stringify(straight.events));
	});

	it('a fork moves the horizon back to the moment of the change', () => {
		const world = createWorld({ seed: 5, scenario: happyPath, finality: 'optimistic', params: SHORT });
		world.runUntil(3 * MINUTE);
		world.seek(MINUTE);
		world.dispatch({ type: 'traffic.rate', txPerSecond: 3 });
		expect(world.horizon).toBe(MINUTE);
		expect(world.checkpointTimes.every((t) => t <= MINUTE)).toBe(true);
	});

	it('a learner\'s command keeps the scenario\'s own timeline, and replays from userCommands alone', () => {
		const make = (commands?: { at: number; command: { type: 'traffic.rate'; txPerSecond: number } }[]) =>
			createWorld({ seed: 2, scenario: proposerOffline, finality: 'optimistic', params: SHORT, commands });
		const world = make();
		world.runUntil(30_000);
		world.dispatch({ type: 'traffic.rate', txPerSecond: 2 });
		world.runUntil(3 * MINUTE);
		expect(world.events.some((e) => e.type === 'behaviour.changed' && e.actor === 'seq-0' && e.behaviour === 'offline')).toBe(true);
		expect(world.userCommands).toEqual([{ at: 30_000, command: { type: 'traffic.rate', txPerSecond: 2 } }]);
		const replay = make([{ at: 30_000, command: { type: 'traffic.rate', txPerSecond: 2 } }]);
		replay.runUntil(3 * MINUTE);
		expect(JSON.stringify(replay.events)).toBe(JSON.stringify(world.events));
	});
});

describe('bad input', () => {
	const bad = (patch: Record<string, unknown>) => ({ ...happyPath, ...patch });
	it.each([
		{ name: 'unknown behaviour', scenario: bad({ sequencers: [{ stake: '30000', behaviour: 'sneaky' }] }), field: 'sequencers[0].behaviour' },
		{ name: 'negative stake', scenario: bad({ sequencers: [{ stake: '-5' }] }), field: 'sequencers[0].stake' },
		{ name: 'quorum above 100%', scenario: bad({ params: { quorumNumerator: 4, quorumDenominator: 3 } }), field: 'params.quorumNumerator' },
		{ name: 'empty sequencer set', scenario: bad({ sequencers: [] }), field: 'sequencers' },
		{ name: 'unknown parameter', scenario: bad({ params: { blockTime: 3 } }), field: 'params.blockTime' },
		{ name: 'delegation from a missing user', scenario: bad({ sequencers: [{ stake: '20000', delegations: [{ user: 99, amount: '1' }] }] }), field: 'sequencers[0].delegations[0].user' },
		{ name: 'wrong format', scenario: bad({ format: 'v0' }), field: 'format' }
	])('$name is refused naming $field', ({ scenario, field }) => {
		expect(() => createWorld({ seed: 1, scenario })).toThrow(WorldConfigError);
		expect(() => createWorld({ seed: 1, scenario })).toThrow(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}:`, 'm'));
	});

	it.each([
		[{ type: 'traffic.rate', txPerSecond: -1 }],
		[{ type: 'nope' }],
		[{ type: 'params.set', params: { quorumNumerator: 9 } }],
		[{ type: 'stake.delegate', user: 'user-0', sequencer: 'seq-0', amount: 'lots' }]
	])('refuses the bad command %j with a message and keeps running', (command) => {
		const world = createWorld({ seed: 1, scenario: happyPath, params: SHORT });
		world.runUntil(10_000);
		const result = world.dispatch(command);
		expect(result.ok).toBe(false);
		world.runUntil(20_000);
		expect(world.now).toBe(20_000);
	});
});
