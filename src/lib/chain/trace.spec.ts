import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Hex } from 'viem';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, encodeSwap } from './calls';
import { SWAP_GAS, TRANSFER_GAS, executeBatch, executeTx } from './execute';
import { addressOf, secpSecretKey } from './keys';
import { L2State } from './state';
import { executeStep, fabricateRoots, honestRoots, planTx, stateBeforeStep, traceBatch, traceTx, txStepNames } from './trace';
import { signTx, type TxRequest } from './tx';

const E18 = 10n ** 18n;
const GWEI = 10n ** 9n;
const keys = Array.from({ length: 3 }, (_, index) => secpSecretKey({ seed: 'trace-spec', label: 'user', index }));
const [alice, bob, carol] = keys.map(addressOf);
const STRANGER: Hex = '0x00000000000000000000000000000000000abcde';

function world(): L2State {
	return L2State.genesis([
		{ address: alice, balance: 100n * E18, usd: 1_000n * E18 },
		{ address: bob, balance: 100n * E18, usd: 0n },
		{ address: carol, balance: 0n, usd: 0n },
		{ address: DEX_ADDRESS, balance: 1_000n * E18, usd: 50_000n * E18 }
	]);
}

function tx(change: Partial<TxRequest> = {}, key = keys[0]): Hex {
	return signTx({ nonce: 0, to: bob, value: E18, data: '0x', gas: TRANSFER_GAS, maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: GWEI, ...change }, key);
}

function swapTx(metisIn: boolean, amountIn: bigint, minOut = 0n, change: Partial<TxRequest> = {}): Hex {
	return tx({ to: DEX_ADDRESS, value: metisIn ? amountIn : 0n, data: encodeSwap({ metisIn, amountIn, minOut }), gas: SWAP_GAS, ...change });
}

const FEE = ['charge-fee', 'pay-vault'];
const TRANSFER = [...FEE, 'debit-value', 'credit-value'];

const cases: [string, () => Hex, string[], 'ok' | 'reverted' | 'invalid'][] = [
	['a transfer', () => tx(), TRANSFER, 'ok'],
	['a transfer to a new account', () => tx({ to: STRANGER }), TRANSFER, 'ok'],
	['a zero-value transfer to a new account', () => tx({ to: STRANGER, value: 0n }), TRANSFER, 'ok'],
	['a transfer to oneself', () => tx({ to: alice }), TRANSFER, 'ok'],
	['a transfer to the fee vault', () => tx({ to: FEE_VAULT_ADDRESS }), TRANSFER, 'ok'],
	['a swap of METIS for USD', () => swapTx(true, 10n * E18), [...FEE, 'debit-metis-in', 'credit-pool-metis', 'debit-pool-usd', 'credit-usd-out'], 'ok'],
	['a swap of USD for METIS', () => swapTx(false, 500n * E18), [...FEE, 'debit-usd-in', 'credit-pool-usd', 'debit-pool-metis', 'credit-metis-out'], 'ok'],
	['a swap reverted by slippage', () => swapTx(true, E18, 10n ** 30n), FEE, 'reverted'],
	['an unknown DEX call (reverted)', () => tx({ to: DEX_ADDRESS, value: 0n, data: '0x1234', gas: SWAP_GAS }), FEE, 'reverted'],
	['a swap selling more USD than owned (reverted)', () => swapTx(false, 2_000n * E18), FEE, 'reverted'],
	['a nonce too high (invalid)', () => tx({ nonce: 3 }), ['check'], 'invalid'],
	['undecodable bytes (invalid)', () => '0x1234', ['check'], 'invalid']
];

describe('traceTx', () => {
	it.each(cases)('%s: steps, status, and a last root equal to executeTx', (_name, make, steps, status) => {
		const raw = make();
		const expected = world();
		const outcome = executeTx(expected, raw);
		const state = world();
		expect(txStepNames(state, raw)).toEqual(steps);
		const trace = traceTx(state, raw);
		expect(trace.steps).toEqual(steps);
		expect(trace.roots).toHaveLength(steps.length);
		expect(trace.outcome).toEqual(outcome);
		expect(trace.outcome.status).toBe(status);
		expect(trace.roots.at(-1)).toBe(outcome.stateRoot);
		expect(state.stateRoot()).toBe(expected.stateRoot());
		expect(state.accounts()).toEqual(expected.accounts());
	});

	it.each(cases)('%s: executeStep reproduces every step root from the state before it', (_name, make) => {
		const raw = make();
		const pre = world();
		const { roots } = traceTx(world(), raw);
		const state = world();
		roots.forEach((root, step) => expect(executeStep(state, raw, step, pre)).toBe(root));
		expect(pre.stateRoot()).toBe(world().stateRoot());
	});

	it('changes exactly one account a step, and only the first step of a transfer touches the nonce', () => {
		const plan = planTx(world(), tx());
		expect(plan.map((s) => [s.address, s.nonce])).toEqual([
			[alice, 1],
			[FEE_VAULT_ADDRESS, 0],
			[alice, 0],
			[bob, 0]
		]);
		expect(plan[0].metis).toBe(-plan[1].metis);
		expect(plan[2].metis).toBe(-E18);
	});

	it.each([
		['a negative step', -1],
		['a step past the end', 4],
		['a fractional step', 1.5]
	])('executeStep refuses %s', (_name, step) => {
		expect(() => executeStep(world(), tx(), step, world())).toThrow(RangeError);
	});
});

/** Alice's transfers to Bob with nonces 0..n-1, one of them replaced. */
function batch(n: number, replace: Record<number, Hex> = {}): Hex[] {
	return Array.from({ length: n }, (_, nonce) => replace[nonce] ?? tx({ nonce, value: BigInt(nonce + 1) * GWEI }));
}

describe('traceBatch and stateBeforeStep', () => {
	it('gives executeBatch per-tx roots and the step counts of each tx', () => {
		const txs = [...batch(3), swapTx(true, E18, 0n, { nonce: 3 }), swapTx(true, E18, 10n ** 30n, { nonce: 4 })];
		const { txRoots, stepCounts } = traceBatch(world(), txs);
		expect(txRoots).toEqual(executeBatch(world(), txs).txStateRoots);
		expect(stepCounts).toEqual([4, 4, 4, 6, 2]);
	});

	it('keeps going past an invalid tx, which is a one-step no-op (executeBatch stops there)', () => {
		const txs = [tx({ nonce: 0 }), tx({ nonce: 5 }), tx({ nonce: 1 })];
		const { txRoots, stepCounts } = traceBatch(world(), txs);
		expect(txRoots.slice(0, 2)).toEqual(executeBatch(world(), txs).txStateRoots);
		expect(txRoots[1]).toBe(txRoots[0]);
		expect(txRoots[2]).not.toBe(txRoots[1]);
		expect(stepCounts).toEqual([4, 1, 4]);
	});

	it.each([
		[0, 0],
		[0, 3],
		[2, 0],
		[2, 2],
		[3, 5]
	])('tx %i step %i: the pre-step state has the previous step root, and prevState is untouched', (txIndex, step) => {
		const txs = [...batch(3), swapTx(false, E18, 0n, { nonce: 3 })];
		const prev = world();
		const prevRoot = prev.stateRoot();
		const state = stateBeforeStep(prev, txs, txIndex, step);
		const txPre = stateBeforeStep(prev, txs, txIndex, 0);
		const { roots } = traceTx(txPre.clone(), txs[txIndex]);
		const { txRoots } = traceBatch(world(), txs);
		const expected = step === 0 ? (txIndex === 0 ? prevRoot : txRoots[txIndex - 1]) : roots[step - 1];
		expect(state.stateRoot()).toBe(expected);
		expect(executeStep(state, txs[txIndex], step, txPre)).toBe(roots[step]);
		expect(prev.stateRoot()).toBe(prevRoot);
	});

	it.each([
		['a tx out of range', 4, 0],
		['a step out of range', 1, 4]
	])('stateBeforeStep refuses %s', (_name, txIndex, step) => {
		expect(() => stateBeforeStep(world(), batch(4), txIndex, step)).toThrow(RangeError);
	});
});

describe('fabricateRoots', () => {
	const txs = batch(6);
	const honest = traceBatch(world(), txs).txRoots;
	const credit = { address: carol, amount: 1_000n * E18 };

	it.each([0, 2, 5])('tampering tx %i changes the tx roots from there on and only its last step root', (tamperTx) => {
		const fake = fabricateRoots({ prevState: world(), txs, tamperTx, credit });
		expect(fake.txRoots.map((root, i) => root === honest[i])).toEqual(txs.map((_, i) => i < tamperTx));
		const honestSteps = traceTx(stateBeforeStep(world(), txs, tamperTx, 0), txs[tamperTx]).roots;
		const fakeSteps = fake.stepRoots(tamperTx);
		expect(fakeSteps.map((root, i) => root === honestSteps[i])).toEqual(honestSteps.map((_, i) => i < honestSteps.length - 1));
		txs.forEach((_, i) => expect(fake.stepRoots(i).at(-1)).toBe(fake.txRoots[i]));
	});

	it('mints exactly the credit: the claimed final state holds that much more METIS', () => {
		const tampered = world();
		for (const raw of txs.slice(0, 3)) executeTx(tampered, raw);
		tampered.addBalance(carol, credit.amount);
		for (const raw of txs.slice(3)) executeTx(tampered, raw);
		expect(fabricateRoots({ prevState: world(), txs, tamperTx: 2, credit }).txRoots.at(-1)).toBe(tampered.stateRoot());
	});

	it('honestRoots are the true roots of every tx and step', () => {
		const claim = honestRoots({ prevState: world(), txs });
		expect(claim.txRoots).toEqual(honest);
		expect(claim.stepRoots(3)).toEqual(traceTx(stateBeforeStep(world(), txs, 3, 0), txs[3]).roots);
	});

	it.each([-1, 6])('refuses to tamper tx %i, outside the batch', (tamperTx) => {
		expect(() => fabricateRoots({ prevState: world(), txs, tamperTx, credit })).toThrow(RangeError);
	});
});

// Random sequences, as execute.property.spec.ts: who sends what, with mostly right nonces.
const randomTx = fc.record({
	from: fc.integer({ min: 0, max: 2 }),
	kind: fc.constantFrom('transfer', 'swapIn', 'swapOut', 'garbage'),
	to: fc.integer({ min: 0, max: 4 }),
	amount: fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 20n * E18 }), fc.bigInt({ min: 0n, max: 400n * E18 })),
	minOut: fc.constantFrom(0n, 10n ** 30n),
	nonceShift: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, fc.constant(1))
});

describe('traceTx over random transaction sequences', () => {
	it('matches executeTx root for root, and executeStep replays every step', () => {
		fc.assert(
			fc.property(fc.array(randomTx, { minLength: 1, maxLength: 10 }), (picks) => {
				const traced = world();
				const executed = world();
				const txs: Hex[] = [];
				for (const p of picks) {
					const to = [alice, bob, carol, STRANGER, FEE_VAULT_ADDRESS][p.to];
					const nonce = traced.nonceOf(addressOf(keys[p.from])) + p.nonceShift;
					const fees = { nonce, maxFeePerGas: 2n * GWEI, maxPriorityFeePerGas: GWEI };
					const data = p.kind === 'garbage' ? '0x1234' : encodeSwap({ metisIn: p.kind === 'swapIn', amountIn: p.amount, minOut: p.minOut });
					const raw =
						p.kind === 'transfer'
							? signTx({ ...fees, to, value: p.amount, data: '0x', gas: TRANSFER_GAS }, keys[p.from])
							: signTx({ ...fees, to: DEX_ADDRESS, value: p.kind === 'swapIn' ? p.amount : 0n, data, gas: SWAP_GAS }, keys[p.from]);
					txs.push(raw);
					const pre = traced.clone();
					const trace = traceTx(traced, raw);
					expect(trace.outcome).toEqual(executeTx(executed, raw));
					expect(traced.accounts()).toEqual(executed.accounts());
					const stepper = pre.clone();
					trace.roots.forEach((root, step) => expect(executeStep(stepper, raw, step, pre)).toBe(root));
				}
				const { txRoots } = traceBatch(world(), txs);
				expect(txRoots.at(-1)).toBe(executed.stateRoot());
				const { txStateRoots } = executeBatch(world(), txs);
				expect(txRoots.slice(0, txStateRoots.length)).toEqual(txStateRoots);
			}),
			{ numRuns: 40 }
		);
	});
});
