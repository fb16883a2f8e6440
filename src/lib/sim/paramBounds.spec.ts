import { describe, expect, it } from 'vitest';
import { createWorld } from './world/world';
import { DEFAULT_PARAMS } from './params';
import { MAX_WORLD_MS, NUMBER_BOUNDS, paramBoundError, paramBoundErrors, shortNumber, timeBoundError } from './paramBounds';
import { resolveParams } from './scenario';
import { MINUTE } from './units';

describe('parameter bounds', () => {
	it('bound every number parameter, and the defaults lie within them', () => {
		const numbers = Object.keys(DEFAULT_PARAMS).filter((k) => typeof (DEFAULT_PARAMS as unknown as Record<string, unknown>)[k] === 'number');
		expect(Object.keys(NUMBER_BOUNDS).sort()).toEqual(numbers.sort());
		expect(paramBoundErrors(DEFAULT_PARAMS)).toEqual([]);
	});

	it.each([
		['quorumDenominator', 1e300, 'expected a whole number from 1 to 1,000, not 1e+300'],
		['quorumNumerator', 0.5, 'expected a whole number from 1 to 1,000, not 0.5'],
		['chainId', 2 ** 53, 'expected a whole number from 1 to 4,294,967,295, not 9007199254740992'],
		['l1BlockMs', 10, 'expected a duration in whole ms from 1 s to 1 hour, not 10'],
		['exitDelayMs', 1e300, 'expected a duration in whole ms from 0 to 90 days, not 1e+300'],
		['forceInclusionDelayMs', 1.5, 'expected a duration in whole ms from 0 to 90 days, not 1.5'],
		['respanDelayMs', 0, 'expected a duration in whole ms from 1 s to 90 days, not 0'],
		['disputeClockMs', 0, 'expected a duration in whole ms from 1 ms to 90 days, not 0'],
		['txPerSecond', 1e30, 'expected a number from 0 to 1000, not 1e+30'],
		['commissionBps', 10_001, 'expected whole basis points from 0 to 10,000, not 10001'],
		['sampleRate', Infinity, 'expected a number from 0 to 1'],
		['minStake', 0n, 'expected an amount of more than zero'],
		['treasury', 10n ** 31n * 10n ** 18n, 'at most 1,000,000,000,000 METIS'],
		['quorumBy', 'weight', 'expected one of "count", "stake"'],
		['epochLength', 1000, null],
		['rewardPerBlock', 0n, null]
	])('%s = %s', (name, value, message) => {
		expect(paramBoundError(name, value)).toBe(message);
	});

	it('name the field through resolveParams, whatever the prefix', () => {
		expect(resolveParams({ quorumDenominator: 1e300 }, 'replay.params')).toEqual({ ok: false, errors: [{ field: 'replay.params.quorumDenominator', message: 'expected a whole number from 1 to 1,000, not 1e+300' }] });
		// A field the older checks already name is named once.
		expect(resolveParams({ sampleRate: 9 }, 'p')).toEqual({ ok: false, errors: [{ field: 'p.sampleRate', message: 'a probability cannot exceed 1' }] });
	});

	it.each([
		[0, null],
		[MAX_WORLD_MS, null],
		[MAX_WORLD_MS + 1, 'at most 90 days (7,776,000,000 ms) of simulated time, not 7776000001'],
		[1e300, 'at most 90 days (7,776,000,000 ms) of simulated time, not 1e+300'],
		[-1, 'expected a time in ms, zero or more'],
		[NaN, 'expected a time in ms, zero or more'],
		['soon', 'expected a time in ms, zero or more']
	])('time %s', (t, message) => {
		expect(timeBoundError(t)).toBe(message);
	});

	it('shortens numbers for messages', () => {
		expect(shortNumber(0.1 + 0.2)).toBe('0.300000');
		expect(shortNumber(1e300)).toBe('1e+300');
		expect(shortNumber(42)).toBe('42');
	});
});

describe('the engine’s own checks are out of reach', () => {
	const scenario = { format: 'rollup-lab/scenario@1', name: 'edge', title: 'Edge', summary: '', users: 2, validators: 1, sequencers: [{ stake: '30000' }, { stake: '30000', behaviour: 'wrong-state-root' }] };
	// The values the L1 contracts, the staking pool, forced inclusion and signing roots refuse by throwing, at the edge of what the bounds allow.
	it.each([
		['the quorum at its largest fraction', { quorumNumerator: 1000, quorumDenominator: 1000 }],
		['the largest chain id, delays and exit', { chainId: 4_294_967_295, forceInclusionDelayMs: MAX_WORLD_MS, exitDelayMs: MAX_WORLD_MS, challengeWindowMs: MINUTE }],
		['the shortest clocks and a one-wei stake', { disputeClockMs: 1, disputeMoveMs: 0, minStake: '0.000000000000000001', rewardPerBlock: '0', respanDelayMs: 1000, signTimeoutMs: 1000 }]
	])('%s builds and runs', (_, params) => {
		const world = createWorld({ seed: 3, scenario, finality: 'optimistic', params: { ...params, trafficUntilMs: MINUTE, sampleRate: 1 } });
		expect(() => world.runUntil(3 * MINUTE)).not.toThrow();
		expect(world.events.length).toBeGreaterThan(10);
	});
});
