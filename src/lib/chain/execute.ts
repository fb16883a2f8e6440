import type { Hex } from 'viem';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, decodeCall, type SwapCall } from './calls';
import { getAmountOut } from './dex';
import { fromHex, keccakHex, rememberBounded } from './hex';
import type { L2State } from './state';
import { L2_CHAIN_ID, decodeTx, recoverSender, type DecodedTx } from './tx';

/** The L2's base fee per gas: fixed at 1 gwei (gas is simulated, there is no fee market). */
export const BASE_FEE = 1_000_000_000n;

/** Gas charged for a value transfer (simulated, as Ethereum's intrinsic cost). */
export const TRANSFER_GAS = 21_000n;

/** Gas charged for any call to the DEX, reverted or not (simulated). */
export const SWAP_GAS = 90_000n;

/** ok: applied; reverted: fee and nonce charged, nothing else moved; invalid: not includable, state untouched. */
export type TxStatus = 'ok' | 'reverted' | 'invalid';

/** What executing one raw transaction did. */
export interface TxOutcome {
	/** See TxStatus. */
	status: TxStatus;
	/** keccak256 of the raw bytes (of the string's UTF-8 bytes if it is not even hex). */
	hash: Hex;
	/** Recovered sender; null when undecodable or the signature is bad. */
	sender: Hex | null;
	/** Why the tx reverted or is invalid; absent when ok. */
	error?: string;
	/** Gas charged (0 when invalid). */
	gasUsed: bigint;
	/** METIS moved from the sender to the fee vault: gasUsed × effective gas price (0 when invalid). */
	fee: bigint;
	/** State root after this transaction. */
	stateRoot: Hex;
}

/** Result of running a list of transactions in order. */
export interface BatchExecution {
	/** false when a transaction was invalid: such a batch must not be signed. */
	ok: boolean;
	/** One outcome per executed transaction, stopping at (and including) the first invalid one. */
	outcomes: TxOutcome[];
	/** txStateRoots[i] = outcomes[i].stateRoot: the per-transaction roots the bisection game walks. */
	txStateRoots: Hex[];
	/** State root after the last executed transaction (the starting root when there are none). */
	stateRoot: Hex;
	/** Index of the first invalid transaction, or null when all were includable. */
	firstInvalid: number | null;
}

const HEX_BYTES = /^0x(?:[0-9a-fA-F]{2})*$/;
const encoder = new TextEncoder();

// Every peer re-executes the same raw txs; decoding (RLP parse + canonical check) costs as much as the root.
const DECODE_MEMO_MAX = 10_000;
const decodeMemo = new Map<string, DecodedTx | null>();

function decodeMemoized(raw: Hex): DecodedTx | null {
	const known = decodeMemo.get(raw);
	if (known !== undefined || typeof raw !== 'string') return known ?? null;
	return rememberBounded(decodeMemo, raw, decodeTx(raw), DECODE_MEMO_MAX);
}

/** Gas a transaction to `to` uses: SWAP_GAS for the DEX, TRANSFER_GAS otherwise. */
export function gasUsedBy(to: Hex): bigint {
	return to.toLowerCase() === DEX_ADDRESS ? SWAP_GAS : TRANSFER_GAS;
}

/** Price paid per gas: the fee cap, or base fee plus tip if lower (EIP-1559). */
export function effectiveGasPrice(maxFeePerGas: bigint, maxPriorityFeePerGas: bigint): bigint {
	const price = BASE_FEE + maxPriorityFeePerGas;
	return maxFeePerGas < price ? maxFeePerGas : price;
}

function rawHash(raw: Hex): Hex {
	return keccakHex(typeof raw === 'string' && HEX_BYTES.test(raw) ? fromHex(raw) : encoder.encode(String(raw)));
}

/** Why the transaction cannot be included at all, or null when it can. */
function whyInvalid(state: L2State, tx: DecodedTx, sender: Hex | null): string | null {
	if (tx.chainId !== L2_CHAIN_ID) return `wrong chain id ${tx.chainId}`;
	if (sender === null) return 'bad signature';
	if (tx.to === null) return 'contract creation is not supported';
	const account = state.get(sender);
	if (tx.nonce < account.nonce) return `nonce too low: ${tx.nonce} < ${account.nonce}`;
	if (tx.nonce > account.nonce) return `nonce too high: ${tx.nonce} > ${account.nonce}`;
	if (tx.maxPriorityFeePerGas > tx.maxFeePerGas) return 'priority fee above max fee';
	if (tx.maxFeePerGas < BASE_FEE) return 'max fee below base fee';
	if (tx.gas < gasUsedBy(tx.to)) return `gas limit ${tx.gas} below the ${gasUsedBy(tx.to)} needed`;
	if (account.balance < tx.value + tx.gas * tx.maxFeePerGas) return 'insufficient funds for value + gas × max fee';
	return null;
}

/** Applies a swap; returns the revert reason instead when it cannot happen. */
function swap(state: L2State, sender: Hex, value: bigint, call: SwapCall): string | null {
	const { metisIn, amountIn, minOut } = call;
	if (value !== (metisIn ? amountIn : 0n)) return metisIn ? 'value must equal amountIn' : 'value must be 0 when selling USD';
	if (amountIn === 0n) return 'zero input';
	const pool = state.get(DEX_ADDRESS);
	if (pool.balance === 0n || pool.usd === 0n) return 'no liquidity';
	if (!metisIn && state.usdOf(sender) < amountIn) return 'insufficient USD';
	const amountOut = metisIn ? getAmountOut(amountIn, pool.balance, pool.usd) : getAmountOut(amountIn, pool.usd, pool.balance);
	if (amountOut === 0n) return 'zero output';
	if (amountOut < minOut) return `slippage: output ${amountOut} below minOut ${minOut}`;
	// Debits before credits, re-reading each account, so nothing goes negative even if accounts coincide.
	if (metisIn) {
		state.addBalance(sender, -amountIn);
		state.addBalance(DEX_ADDRESS, amountIn);
		state.addUsd(DEX_ADDRESS, -amountOut);
		state.addUsd(sender, amountOut);
	} else {
		state.addUsd(sender, -amountIn);
		state.addUsd(DEX_ADDRESS, amountIn);
		state.addBalance(DEX_ADDRESS, -amountOut);
		state.addBalance(sender, amountOut);
	}
	return null;
}

/** Runs the transaction's effect after fee and nonce are charged; returns a revert reason or null. */
function apply(state: L2State, sender: Hex, to: Hex, tx: DecodedTx): string | null {
	if (to === DEX_ADDRESS) {
		const call = decodeCall(tx.data);
		return call === null ? 'unknown DEX call' : swap(state, sender, tx.value, call);
	}
	// Any other address is a plain account: the value moves and, as on Ethereum, calldata is ignored.
	state.addBalance(sender, -tx.value);
	state.addBalance(to, tx.value);
	return null;
}

/**
 * Executes one raw signed transaction on `state` (mutating it) and reports what happened. With
 * `withRoot: false` the root is not computed now (a block builder needs only the block's root).
 */
export function executeTx(state: L2State, raw: Hex, { withRoot = true }: { withRoot?: boolean } = {}): TxOutcome {
	const root = () => (withRoot ? state.stateRoot() : NO_ROOT);
	const tx = decodeMemoized(raw);
	if (tx === null) return { status: 'invalid', hash: rawHash(raw), sender: null, error: 'undecodable transaction', gasUsed: 0n, fee: 0n, stateRoot: root() };
	const sender = recoverSender(raw);
	const invalid = whyInvalid(state, tx, sender);
	if (invalid !== null || sender === null || tx.to === null) {
		return { status: 'invalid', hash: tx.hash, sender, error: invalid ?? 'invalid', gasUsed: 0n, fee: 0n, stateRoot: root() };
	}
	const gasUsed = gasUsedBy(tx.to);
	const fee = gasUsed * effectiveGasPrice(tx.maxFeePerGas, tx.maxPriorityFeePerGas);
	const account = state.get(sender);
	state.update(sender, { balance: account.balance - fee, nonce: account.nonce + 1 });
	state.addBalance(FEE_VAULT_ADDRESS, fee);
	const reverted = apply(state, sender, tx.to, tx);
	const outcome: TxOutcome = { status: reverted === null ? 'ok' : 'reverted', hash: tx.hash, sender, gasUsed, fee, stateRoot: root() };
	if (reverted !== null) outcome.error = reverted;
	return outcome;
}

/** The stateRoot of an outcome computed with `withRoot: false`. */
export const NO_ROOT: Hex = '0x';

/** Executes transactions in order on `state` (clone it first to keep the original); stops at the first invalid one. */
export function executeBatch(state: L2State, txs: Hex[]): BatchExecution {
	const outcomes: TxOutcome[] = [];
	for (const [index, raw] of txs.entries()) {
		const outcome = executeTx(state, raw);
		outcomes.push(outcome);
		if (outcome.status === 'invalid') {
			return { ok: false, outcomes, txStateRoots: outcomes.map((o) => o.stateRoot), stateRoot: outcome.stateRoot, firstInvalid: index };
		}
	}
	return { ok: true, outcomes, txStateRoots: outcomes.map((o) => o.stateRoot), stateRoot: state.stateRoot(), firstInvalid: null };
}
