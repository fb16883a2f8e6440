import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { DEX_ADDRESS, encodeSwap } from '../../chain/calls';
import { SWAP_GAS, TRANSFER_GAS } from '../../chain/execute';
import { addressOf, secpSecretKey } from '../../chain/keys';
import { L2State } from '../../chain/state';
import { fabricateRoots, honestRoots, traceBatch, type ClaimedRoots } from '../../chain/trace';
import { signTx } from '../../chain/tx';
import { playDispute, type PlayDisputeOptions } from './playDispute';

const E18 = 10n ** 18n;
const GWEI = 10n ** 9n;
const keys = Array.from({ length: 8 }, (_, index) => secpSecretKey({ seed: 'play-dispute', label: 'user', index }));
const users = keys.map(addressOf);
const MALLORY: Hex = '0x000000000000000000000000000000000000bad0';

function genesis(): L2State {
	return L2State.genesis([...users.map((address) => ({ address, balance: 100n * E18, usd: 10_000n * E18 })), { address: DEX_ADDRESS, balance: 1_000n * E18, usd: 50_000n * E18 }]);
}

/** A batch of transfers and swaps both ways from eight users; tx 13 reverts (slippage) and tx 20 is invalid (nonce too high). */
function buildBatch(count: number): Hex[] {
	const nonces = users.map(() => 0);
	return Array.from({ length: count }, (_, i) => {
		const from = i % users.length;
		const invalid = i === 20;
		const nonce = invalid ? nonces[from] + 100 : nonces[from]++;
		const fees = { nonce, maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: GWEI };
		if (i % 5 < 3) return signTx({ ...fees, to: users[(from + 1) % users.length], value: BigInt(i + 1) * GWEI, data: '0x', gas: TRANSFER_GAS }, keys[from]);
		const metisIn = i % 5 === 3;
		const minOut = i === 13 ? 10n ** 40n : 0n;
		return signTx({ ...fees, to: DEX_ADDRESS, value: metisIn ? E18 : 0n, data: encodeSwap({ metisIn, amountIn: E18, minOut }), gas: SWAP_GAS }, keys[from]);
	});
}

const txs = buildBatch(64);
const { stepCounts } = traceBatch(genesis(), txs);
const fraudAt = (tamperTx: number): ClaimedRoots => fabricateRoots({ prevState: genesis(), txs, tamperTx, credit: { address: MALLORY, amount: 1_000_000n * E18 } });
const honest = honestRoots({ prevState: genesis(), txs });

function play(defender: ClaimedRoots, change: Partial<PlayDisputeOptions> = {}) {
	return playDispute({ prevState: genesis(), txs, defender, clockMs: 3_600_000, moveMs: { defender: 60_000, challenger: 90_000 }, ...change });
}

describe('playDispute over a 64-transaction batch', () => {
	it('the batch has every kind of step list: transfer, swaps, a revert and an invalid tx', () => {
		expect(new Set(stepCounts)).toEqual(new Set([4, 6, 2, 1]));
		expect([stepCounts[13], stepCounts[20]]).toEqual([2, 1]);
	});

	it.each([
		['the first tx', 0],
		['a transfer in the middle', 31],
		['a reverted swap (two steps)', 13],
		['an invalid tx (one step, no step phase)', 20],
		['a swap', 33],
		['the last tx', 63]
	])('a fraud in %s is caught at its last step, executed on L1', (_name, tamperTx) => {
		const result = play(fraudAt(tamperTx));
		const m = stepCounts[tamperTx];
		expect(result).toMatchObject({ winner: 'challenger', reason: 'one-step', disputedTx: tamperTx, disputedStep: m - 1 });
		// 64 roots bisect in exactly log2(64) = 6 rounds; the steps in floor..ceil of log2(m).
		expect(result.rounds - 6).toBeGreaterThanOrEqual(Math.floor(Math.log2(m)));
		expect(result.rounds - 6).toBeLessThanOrEqual(Math.ceil(Math.log2(m)));
		expect(result.endedAt).toBe(result.rounds * (60_000 + 90_000));
		expect(result.clocks).toEqual({ defender: 3_600_000 - result.rounds * 60_000, challenger: 3_600_000 - result.rounds * 90_000 });
	});

	it('an honest defender wins: the challenger agrees all the way to the last step and L1 upholds it', () => {
		expect(play(honest)).toMatchObject({ winner: 'defender', reason: 'one-step', disputedTx: 63, disputedStep: stepCounts[63] - 1, rounds: 6 + Math.ceil(Math.log2(stepCounts[63])) });
	});

	it.each([
		['a defender that never moves', { defender: null, challenger: 90_000 }, { winner: 'challenger', reason: 'defender-timeout', endedAt: 500 + 3_600_000, rounds: 0, disputedTx: null }],
		['a challenger that never moves', { defender: 60_000, challenger: null }, { winner: 'defender', reason: 'challenger-timeout', endedAt: 500 + 60_000 + 3_600_000, rounds: 0 }],
		['a defender too slow for 6 rounds', { defender: 700_000, challenger: 1_000 }, { winner: 'challenger', reason: 'defender-timeout', endedAt: 500 + 3_600_000 + 5 * 1_000, rounds: 5 }],
		['a challenger too slow for 6 rounds', { defender: 1_000, challenger: 700_000 }, { winner: 'defender', reason: 'challenger-timeout', endedAt: 500 + 6 * 1_000 + 3_600_000, rounds: 5 }]
	])('%s loses on time', (_name, moveMs, expected) => {
		expect(play(fraudAt(40), { moveMs, startedAt: 500 })).toMatchObject({ ...expected, disputedStep: null });
	});

	it('is deterministic: the same inputs give the same result', () => {
		const options = { moveMs: { defender: 1234, challenger: 4321 }, clockMs: { defender: 100_000, challenger: 200_000 } };
		expect(play(fraudAt(17), options)).toEqual(play(fraudAt(17), options));
	});

	it.each([
		['an empty batch', { txs: [] }, /empty batch/],
		['a negative move delay', { moveMs: { defender: -1, challenger: 0 } }, /invalid move delay/]
	])('refuses %s', (_name, change, error) => {
		expect(() => play(honest, change)).toThrow(error);
	});
});
