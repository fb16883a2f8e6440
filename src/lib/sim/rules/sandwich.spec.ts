import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, encodeSwap } from '../../chain/calls';
import { getAmountOut, minOutWithSlippage } from '../../chain/dex';
import { BASE_FEE, SWAP_GAS, effectiveGasPrice, executeTx } from '../../chain/execute';
import { addressOf, secpSecretKey } from '../../chain/keys';
import { L2State } from '../../chain/state';
import { signTx } from '../../chain/tx';
import { planSandwich, simulateSandwich, type SandwichSituation } from './sandwich';

const E = 10n ** 18n;
const MAX_FEE = 2n * BASE_FEE;
const TIP = BASE_FEE / 10n;
const GAS = 2n * SWAP_GAS * effectiveGasPrice(MAX_FEE, TIP);

function situation(victimMetis: bigint, slippageBps: bigint, poolMetis = 20_000n): SandwichSituation {
	const reserveIn = poolMetis * E;
	const reserveOut = poolMetis * 10n * E;
	const victimIn = victimMetis * E;
	return { victimIn, minOut: minOutWithSlippage(getAmountOut(victimIn, reserveIn, reserveOut), slippageBps), reserveIn, reserveOut, metisIn: true, budget: 900n * E, gasCost: GAS };
}

describe('the sandwich rule', () => {
	it.each([
		{ name: 'a small swap in a deep pool does not pay', victim: 5n, slippage: 100n, pool: 1_000_000n, pays: false },
		{ name: 'a 5 METIS swap with 1% slippage cannot cover two 0.3% fees', victim: 5n, slippage: 100n, pool: 20_000n, pays: false },
		{ name: 'a 50 METIS swap with 1% slippage still does not', victim: 50n, slippage: 100n, pool: 20_000n, pays: false },
		{ name: 'a 100 METIS swap with 2% slippage pays', victim: 100n, slippage: 200n, pool: 20_000n, pays: true },
		{ name: 'a 300 METIS swap with 2% slippage pays more', victim: 300n, slippage: 200n, pool: 20_000n, pays: true }
	])('$name', ({ victim, slippage, pool, pays }) => {
		const plan = planSandwich(situation(victim, slippage, pool));
		expect(plan !== null).toBe(pays);
		if (plan) {
			expect(plan.netProfitMetis).toBeGreaterThan(0n);
			expect(plan.victimOut).toBeGreaterThanOrEqual(situation(victim, slippage, pool).minOut);
		}
	});

	it('never plans past the victim’s limit, and takes the best front-run (its neighbours pay no more)', () => {
		const s = situation(300n, 200n);
		const plan = planSandwich(s)!;
		for (const x of [plan.frontIn - 10n ** 15n, plan.frontIn + 10n ** 15n]) {
			const other = simulateSandwich(s, x);
			if (other) expect(other.netProfitMetis).toBeLessThanOrEqual(plan.netProfitMetis);
		}
		expect(simulateSandwich(s, s.budget * 10n)).toBeNull();
	});

	it('what it plans is what the chain pays: front-run, victim, back-run executed for real', () => {
		let made = 0;
		fc.assert(
			fc.property(fc.integer({ min: 20, max: 400 }), fc.integer({ min: 50, max: 500 }), (victimMetis, slippage) => {
				const attackerKey = secpSecretKey({ seed: 'sandwich-spec', label: 'attacker', index: 0 });
				const victimKey = secpSecretKey({ seed: 'sandwich-spec', label: 'victim', index: 0 });
				const attacker = addressOf(attackerKey);
				const victim = addressOf(victimKey);
				const state = L2State.genesis([
					{ address: DEX_ADDRESS, balance: 20_000n * E, usd: 200_000n * E },
					{ address: FEE_VAULT_ADDRESS, balance: 0n, usd: 0n },
					{ address: attacker, balance: 1_000n * E, usd: 0n },
					{ address: victim, balance: 1_000n * E, usd: 0n }
				]);
				const s = situation(BigInt(victimMetis), BigInt(slippage));
				const plan = planSandwich({ ...s, budget: 1_000n * E - 2n * SWAP_GAS * MAX_FEE });
				if (!plan) return;
				made++;
				const fees = { maxFeePerGas: MAX_FEE, maxPriorityFeePerGas: TIP, chainId: 59902, gas: SWAP_GAS };
				const swap = (key: Uint8Array, nonce: number, metisIn: boolean, amountIn: bigint, minOut: bigint) =>
					signTx({ nonce, to: DEX_ADDRESS, value: metisIn ? amountIn : 0n, data: encodeSwap({ metisIn, amountIn, minOut }), ...fees }, key);
				const before = state.balanceOf(attacker);
				expect(executeTx(state, swap(attackerKey, 0, true, plan.frontIn, 0n), { withRoot: false }).status).toBe('ok');
				expect(executeTx(state, swap(victimKey, 0, true, s.victimIn, s.minOut), { withRoot: false }).status).toBe('ok');
				expect(state.usdOf(victim)).toBe(plan.victimOut);
				expect(executeTx(state, swap(attackerKey, 1, false, plan.frontOut, 0n), { withRoot: false }).status).toBe('ok');
				expect(state.usdOf(attacker)).toBe(0n);
				expect(state.balanceOf(attacker) - before).toBe(plan.netProfitMetis);
				expect(plan.netProfitMetis).toBeGreaterThan(0n);
			}),
			{ numRuns: 25, seed: 20261201 }
		);
		expect(made).toBeGreaterThan(10);
	});
});
