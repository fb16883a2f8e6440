import fc from 'fast-check';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { mulBps, splitReward, takeProRata } from './proRata';

describe('mulBps', () => {
	it.each([
		{ value: 10_000n, bps: 1000, out: 1000n },
		{ value: 9n, bps: 5000, out: 4n },
		{ value: 123n, bps: 0, out: 0n },
		{ value: 123n, bps: 10_000, out: 123n }
	])('$value × $bps bps = $out', ({ value, bps, out }) => {
		expect(mulBps(value, bps)).toBe(out);
	});
});

describe('takeProRata', () => {
	it.each([
		{ amount: 4n, holdings: [3n, 3n, 3n], cuts: [2n, 1n, 1n] },
		{ amount: 3n, holdings: [0n, 3n, 4n], cuts: [0n, 2n, 1n] },
		{ amount: 7n, holdings: [0n, 3n, 4n], cuts: [0n, 3n, 4n] },
		{ amount: 0n, holdings: [5n, 5n], cuts: [0n, 0n] },
		{ amount: 0n, holdings: [], cuts: [] }
	])('takes $amount from $holdings', ({ amount, holdings, cuts }) => {
		expect(takeProRata(amount, holdings)).toEqual(cuts);
	});

	it('refuses to take more than there is', () => {
		expect(() => takeProRata(11n, [5n, 5n])).toThrow(/outside/);
	});

	it('never takes more than a holding and always exactly the amount', () => {
		fc.assert(
			fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 24n }), { maxLength: 8 }), fc.integer({ min: 0, max: 10_000 }), (holdings, bps) => {
				const total = holdings.reduce((a, b) => a + b, 0n);
				const amount = mulBps(total, bps);
				const cuts = takeProRata(amount, holdings);
				expect(cuts.reduce((a, b) => a + b, 0n)).toBe(amount);
				cuts.forEach((cut, i) => expect(cut >= 0n && cut <= holdings[i]).toBe(true));
			})
		);
	});
});

describe('splitReward', () => {
	const a = '0x00000000000000000000000000000000000000aa' as Hex;
	const b = '0x00000000000000000000000000000000000000bb' as Hex;
	it.each([
		{ name: 'no stake at all: everything to the operator', reward: 100n, bps: 1000, self: 0n, delegations: {}, op: 100n, out: {} },
		{ name: 'only delegators, no commission', reward: 100n, bps: 0, self: 0n, delegations: { [a]: 1n, [b]: 1n }, op: 0n, out: { [a]: 50n, [b]: 50n } },
		{ name: 'odd wei: dust to the operator', reward: 101n, bps: 0, self: 0n, delegations: { [a]: 1n, [b]: 1n }, op: 1n, out: { [a]: 50n, [b]: 50n } }
	])('$name', ({ reward, bps, self, delegations, op, out }) => {
		expect(splitReward({ reward, commissionBps: bps, selfStake: self, delegations })).toEqual({ toOperator: op, toDelegators: out });
	});

	it('pays out exactly the reward, never less to the operator than its commission', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: 0n, max: 10n ** 24n }),
				fc.integer({ min: 0, max: 10_000 }),
				fc.bigInt({ min: 0n, max: 10n ** 23n }),
				fc.array(fc.bigInt({ min: 1n, max: 10n ** 23n }), { maxLength: 6 }),
				(reward, bps, self, stakes) => {
					const delegations = Object.fromEntries(stakes.map((s, i) => [`0x${(i + 1).toString(16).padStart(40, '0')}`, s])) as Record<Hex, bigint>;
					const { toOperator, toDelegators } = splitReward({ reward, commissionBps: bps, selfStake: self, delegations });
					const sum = Object.values(toDelegators).reduce((x, y) => x + y, toOperator);
					expect(sum).toBe(reward);
					expect(toOperator >= mulBps(reward, bps)).toBe(true);
				}
			)
		);
	});
});
