/**
 * A reordering proposer's sandwich, built from the world: it reads the victim's swap and the pool,
 * asks the sandwich rule (`rules/sandwich.ts`) for the most profitable front-run within the
 * victim's slippage limit, and signs the front-run and back-run with its operator key. No plan that
 * loses money is ever made.
 */
import type { Hex } from 'viem';
import { DEX_ADDRESS, decodeCall, encodeSwap } from '../../chain/calls';
import { BASE_FEE, SWAP_GAS, effectiveGasPrice } from '../../chain/execute';
import { decodeTx, signTx } from '../../chain/tx';
import type { MevSandwichEvent } from '../events';
import { planSandwich } from '../rules/sandwich';
import type { WorldCore } from './core';

/** A transaction the proposer puts in a block: a user's, or one of its own. */
export interface BlockTx {
	/** Raw signed transaction. */
	raw: Hex;
	/** Hash. */
	hash: Hex;
	/** Sender's user id, or '' for the proposer's own. */
	user: string;
}

/** The sandwicher's two transactions and what the `mev.sandwich` event reports of them. */
export interface Sandwich {
	/** The front-run. */
	front: BlockTx;
	/** The back-run. */
	back: BlockTx;
	/** Sizes and profit, for the event. */
	report: Pick<MevSandwichEvent, 'frontIn' | 'token' | 'grossProfit' | 'gasCost' | 'netProfitMetis' | 'victimLoss'>;
}

const MAX_FEE = 2n * BASE_FEE;
const TIP = BASE_FEE / 10n;

/** The sandwich around a victim's swap that pays best, or null when none pays (or it is not a swap). */
export function sandwichFor(w: WorldCore, proposer: string, victimRaw: Hex): Sandwich | null {
	const tx = decodeTx(victimRaw);
	if (!tx || tx.to !== DEX_ADDRESS) return null;
	const call = decodeCall(tx.data);
	if (!call) return null;
	const state = w.data.l2;
	const pool = state.get(DEX_ADDRESS);
	const operator = w.cast.sequencerById.get(proposer)!;
	const [reserveIn, reserveOut] = call.metisIn ? [pool.balance, pool.usd] : [pool.usd, pool.balance];
	// Its own METIS pays gas for both swaps (and must cover the fee cap the chain checks).
	const gasReserve = 2n * SWAP_GAS * MAX_FEE;
	const budget = call.metisIn ? state.balanceOf(operator.address) - gasReserve : state.usdOf(operator.address);
	if (!call.metisIn && state.balanceOf(operator.address) < gasReserve) return null;
	const gasCost = 2n * SWAP_GAS * effectiveGasPrice(MAX_FEE, TIP);
	const plan = planSandwich({ victimIn: call.amountIn, minOut: call.minOut, reserveIn, reserveOut, metisIn: call.metisIn, budget, gasCost });
	if (!plan) return null;
	const nonce = state.nonceOf(operator.address);
	const fees = { maxFeePerGas: MAX_FEE, maxPriorityFeePerGas: TIP, chainId: w.data.params.chainId, gas: SWAP_GAS };
	const sign = (n: number, metisIn: boolean, amountIn: bigint): BlockTx => {
		const raw = signTx({ nonce: n, to: DEX_ADDRESS, value: metisIn ? amountIn : 0n, data: encodeSwap({ metisIn, amountIn, minOut: 0n }), ...fees }, operator.operatorKey);
		return { raw, hash: decodeTx(raw)!.hash, user: '' };
	};
	return {
		front: sign(nonce, call.metisIn, plan.frontIn),
		back: sign(nonce + 1, !call.metisIn, plan.frontOut),
		report: {
			frontIn: plan.frontIn.toString(),
			token: call.metisIn ? 'METIS' : 'USD',
			grossProfit: plan.grossProfit.toString(),
			gasCost: gasCost.toString(),
			netProfitMetis: plan.netProfitMetis.toString(),
			victimLoss: plan.victimLoss.toString()
		}
	};
}
