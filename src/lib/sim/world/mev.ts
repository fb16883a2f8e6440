/**
 * MEV by reordering: a proposer that sandwiches users' swaps on the toy DEX, buying just before a
 * victim and selling just after, sized to use up the victim's slippage tolerance. Honest peers see
 * the gossip arrival order, refuse to sign, and vote (by stake) to slash it.
 */
import type { Hex } from 'viem';
import { DEX_ADDRESS, decodeCall, encodeSwap } from '../../chain/calls';
import { getAmountOut } from '../../chain/dex';
import { BASE_FEE, SWAP_GAS } from '../../chain/execute';
import { decodeTx, signTx } from '../../chain/tx';
import { record, type WorldCore } from './core';
import type { L2State } from '../../chain/state';

/** A transaction the proposer puts in a block: a user's, or one of its own. */
export interface BlockTx {
	/** Raw signed transaction. */
	raw: Hex;
	/** Hash. */
	hash: Hex;
	/** Sender's user id, or '' for the proposer's own. */
	user: string;
}

/**
 * For a victim's swap, the front-run and back-run the proposer signs; null when no profitable
 * sandwich fits in the victim's slippage tolerance.
 */
export function sandwich(w: WorldCore, proposer: string, state: L2State, victimRaw: Hex, nonce: number): { front: BlockTx; back: () => BlockTx } | null {
	const tx = decodeTx(victimRaw);
	if (!tx || tx.to !== DEX_ADDRESS) return null;
	const call = decodeCall(tx.data);
	if (!call) return null;
	const pool = state.get(DEX_ADDRESS);
	const [rIn, rOut] = call.metisIn ? [pool.balance, pool.usd] : [pool.usd, pool.balance];
	// The largest front-run (in steps of the victim's size) that still lets the victim trade.
	let front = 0n;
	for (let k = 16n; k >= 1n; k /= 2n) {
		const amount = call.amountIn * k;
		const out = getAmountOut(amount, rIn, rOut);
		if (getAmountOut(call.amountIn, rIn + amount, rOut - out) >= call.minOut && amountAffordable(state, w, proposer, call.metisIn, amount)) {
			front = amount;
			break;
		}
	}
	if (front === 0n) return null;
	const key = operatorKey(w, proposer);
	const fees = { maxFeePerGas: 2n * BASE_FEE, maxPriorityFeePerGas: BASE_FEE / 10n, chainId: w.data.params.chainId, gas: SWAP_GAS };
	const frontRaw = signTx({ nonce, to: DEX_ADDRESS, value: call.metisIn ? front : 0n, data: encodeSwap({ metisIn: call.metisIn, amountIn: front, minOut: 0n }), ...fees }, key);
	const bought = getAmountOut(front, rIn, rOut);
	return {
		front: { raw: frontRaw, hash: decodeTx(frontRaw)!.hash, user: '' },
		back: () => {
			const backRaw = signTx({ nonce: nonce + 1, to: DEX_ADDRESS, value: call.metisIn ? 0n : bought, data: encodeSwap({ metisIn: !call.metisIn, amountIn: bought, minOut: 0n }), ...fees }, key);
			return { raw: backRaw, hash: decodeTx(backRaw)!.hash, user: '' };
		}
	};
}

function amountAffordable(state: L2State, w: WorldCore, proposer: string, metisIn: boolean, amount: bigint): boolean {
	const address = w.cast.sequencerById.get(proposer)!.address;
	return metisIn ? state.balanceOf(address) > amount + 10n ** 17n : state.usdOf(address) >= amount;
}

function operatorKey(w: WorldCore, proposer: string): Uint8Array {
	return w.cast.sequencerById.get(proposer)!.operatorKey;
}

/** Peers that refused the reordered batch report it; a stake-weighted vote of two thirds slashes. */
export function tallyMevReports(w: WorldCore, proposer: string, index: number, reporters: string[], activeStakes: Record<string, string>): boolean {
	const total = Object.values(activeStakes).reduce((a, s) => a + BigInt(s), 0n);
	const inFavour = reporters.reduce((a, r) => a + BigInt(activeStakes[r] ?? '0'), 0n);
	const p = w.data.params;
	const passed = inFavour * BigInt(p.quorumDenominator) >= BigInt(p.quorumNumerator) * total;
	record(w, passed ? 'vote.passed' : 'vote.failed', { sequencer: proposer, batch: index, fault: 'reorder', votes: reporters, stakeFor: inFavour.toString(), stakeTotal: total.toString() });
	return passed;
}
