import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { TRANSFER_GAS } from '../../chain/execute';
import { addressOf, secpSecretKey } from '../../chain/keys';
import { L2State } from '../../chain/state';
import { fabricateRoots, stateBeforeStep, traceBatch, traceTx } from '../../chain/trace';
import { signTx } from '../../chain/tx';
import { executeOneStep, type OneStepCall } from './oneStep';

const E18 = 10n ** 18n;
const GWEI = 10n ** 9n;
const keys = Array.from({ length: 2 }, (_, index) => secpSecretKey({ seed: 'one-step-spec', label: 'user', index }));
const [alice, bob] = keys.map(addressOf);
const prevState = (): L2State =>
	L2State.genesis([
		{ address: alice, balance: 10n * E18, usd: 0n },
		{ address: bob, balance: 0n, usd: 0n }
	]);
const txs: Hex[] = [0, 1, 2].map((nonce) => signTx({ nonce, to: bob, value: E18, data: '0x', gas: TRANSFER_GAS, maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: 0n }, keys[0]));
const honestTxRoots = traceBatch(prevState(), txs).txRoots;
const fake = fabricateRoots({ prevState: prevState(), txs, tamperTx: 1, credit: { address: bob, amount: 5n * E18 } });

/** The call for step `step` of tx 1, with the honest witness and the given claimed post root. */
function call(step: number, claimedPostRoot: Hex, change: Partial<OneStepCall> = {}): OneStepCall {
	const txPreState = stateBeforeStep(prevState(), txs, 1, 0);
	const preState = stateBeforeStep(prevState(), txs, 1, step);
	return { preState, raw: txs[1], step, txPreState, agreedTxPreRoot: honestTxRoots[0], agreedPreRoot: preState.stateRoot(), claimedPostRoot, ...change };
}

const honestSteps = traceTx(stateBeforeStep(prevState(), txs, 1, 0), txs[1]).roots;

describe('executeOneStep', () => {
	it.each([
		['the fabricated last step: fraud proven', 3, () => fake.stepRoots(1)[3], true],
		['an honest last step: claim upheld', 3, () => honestSteps[3], false],
		['an honest first step', 0, () => honestSteps[0], false],
		['a wrong middle step', 2, () => honestSteps[1], true],
		['a claimed root in uppercase hex is compared case-insensitively', 1, () => honestSteps[1].toUpperCase().replace('0X', '0x') as Hex, false]
	])('%s', (_name, step, claimed, challengerWins) => {
		const result = executeOneStep(call(step, claimed()));
		expect(result).toEqual({ ok: true, value: { postRoot: honestSteps[step], challengerWins } });
	});

	it.each<[string, () => OneStepCall, RegExp]>([
		['a pre-state that is not the agreed one', () => call(2, honestSteps[2], { preState: stateBeforeStep(prevState(), txs, 1, 1) }), /pre-state does not match the agreed pre-root/],
		['a tx pre-state that is not the agreed one', () => call(2, honestSteps[2], { txPreState: prevState() }), /tx pre-state does not match/],
		['step 0 from a root other than the tx pre-root', () => call(0, honestSteps[0], { agreedTxPreRoot: prevState().stateRoot(), txPreState: prevState() }), /step 0 must start/],
		['a step past the end', () => call(3, honestSteps[3], { step: 4 }), /no step 4; the tx has 4/],
		['a negative step', () => call(0, honestSteps[0], { step: -1 }), /no step -1/]
	])('refuses %s', (_name, make, error) => {
		const result = executeOneStep(make());
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(error);
	});

	it('leaves the witness states untouched', () => {
		const c = call(2, honestSteps[2]);
		const before = [c.preState.stateRoot(), c.txPreState.stateRoot()];
		executeOneStep(c);
		expect([c.preState.stateRoot(), c.txPreState.stateRoot()]).toEqual(before);
	});
});
