import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Hex } from 'viem';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, encodeSwap } from './calls';
import { SWAP_GAS, TRANSFER_GAS, executeBatch, executeTx } from './execute';
import { addressOf, secpSecretKey } from './keys';
import { L2State } from './state';
import { signTx } from './tx';

const E18 = 10n ** 18n;
const GWEI = 10n ** 9n;
const keys = Array.from({ length: 4 }, (_, index) => secpSecretKey({ seed: 'execute-property', label: 'user', index }));
const users = keys.map(addressOf);
const STRANGER: Hex = '0x0000000000000000000000000000000000c0ffee';

function world(): L2State {
	return L2State.genesis([
		...users.map((address, i) => ({ address, balance: BigInt(i) * 30n * E18 + E18, usd: BigInt(3 - i) * 100n * E18 })),
		{ address: DEX_ADDRESS, balance: 50n * E18, usd: 2_500n * E18 }
	]);
}

// A random step: who sends what. Amounts span "tiny" to "more than anyone has"; nonces are mostly right.
const step = fc.record({
	from: fc.integer({ min: 0, max: 3 }),
	kind: fc.constantFrom('transfer', 'swapIn', 'swapOut', 'garbage'),
	to: fc.integer({ min: 0, max: 5 }),
	amount: fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 20n * E18 }), fc.bigInt({ min: 0n, max: 400n * E18 })),
	minOut: fc.constantFrom(0n, 1n, 10n ** 30n),
	nonceShift: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, fc.constant(-1), fc.constant(1)),
	maxFee: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(GWEI, 2n * GWEI, 50n * GWEI) }, fc.constant(GWEI - 1n)),
	tip: fc.constantFrom(0n, GWEI)
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function sign(state: L2State, s: Step): Hex {
	const to = [...users, STRANGER, FEE_VAULT_ADDRESS][s.to];
	const nonce = Math.max(0, state.nonceOf(users[s.from]) + s.nonceShift);
	const fees = { nonce, maxFeePerGas: s.maxFee, maxPriorityFeePerGas: s.tip < s.maxFee ? s.tip : 0n };
	if (s.kind === 'transfer') return signTx({ ...fees, to, value: s.amount, data: '0x', gas: TRANSFER_GAS }, keys[s.from]);
	const metisIn = s.kind === 'swapIn';
	const data = s.kind === 'garbage' ? '0x1234' : encodeSwap({ metisIn, amountIn: s.amount, minOut: s.minOut });
	return signTx({ ...fees, to: DEX_ADDRESS, value: metisIn ? s.amount : 0n, data, gas: SWAP_GAS }, keys[s.from]);
}

describe('executeTx over random transaction sequences', () => {
	it('conserves METIS and USD exactly, keeps the pool k, and keeps the root honest', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
				const state = world();
				const metis = state.totalMetis();
				const usd = state.totalUsd();
				const included: Hex[] = [];
				const roots: Hex[] = [];
				let vault = 0n;
				for (const s of steps) {
					const raw = sign(state, s);
					const pool = state.get(DEX_ADDRESS);
					const before = state.stateRoot();
					const outcome = executeTx(state, raw);
					expect(state.totalMetis()).toBe(metis);
					expect(state.totalUsd()).toBe(usd);
					expect(state.accounts().reduce((sum, a) => sum + a.balance, 0n)).toBe(metis);
					const after = state.get(DEX_ADDRESS);
					expect(after.balance * after.usd).toBeGreaterThanOrEqual(pool.balance * pool.usd);
					expect(outcome.stateRoot).toBe(state.stateRoot());
					if (outcome.status === 'invalid') {
						expect(outcome.stateRoot).toBe(before);
					} else {
						expect(outcome.sender).toBe(users[s.from]);
						vault += outcome.fee + (outcome.status === 'ok' && s.kind === 'transfer' && s.to === 5 ? s.amount : 0n);
						included.push(raw);
						roots.push(outcome.stateRoot);
					}
				}
				expect(state.balanceOf(FEE_VAULT_ADDRESS)).toBe(vault);
				// Determinism: replaying the included transactions on a fresh genesis gives the same roots.
				const replay = executeBatch(world(), included);
				expect(replay.ok).toBe(true);
				expect(replay.txStateRoots).toEqual(roots);
				expect(replay.stateRoot).toBe(state.stateRoot());
			}),
			{ numRuns: 40 }
		);
	});
});
