/**
 * Transaction execution as a list of micro-steps, each with the state root after it, so that a
 * dispute can narrow a disagreement down to one step that L1 re-executes.
 *
 * A step is one write to one account (one Merkle leaf): `charge-fee` (sender pays the fee and bumps
 * its nonce), `pay-vault`, then the transaction's own legs. The step list depends only on the raw tx
 * and the state before it, which both parties of a dispute have agreed on, so both derive the same
 * list. Steps write accounts in the same order as `executeTx`, so new accounts get the same Merkle
 * slots and the last step's root is exactly `executeTx`'s.
 */
import type { Hex } from 'viem';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, decodeCall } from './calls';
import { getAmountOut } from './dex';
import { SWAP_GAS, executeTx, type TxOutcome } from './execute';
import type { L2State } from './state';
import { decodeTx } from './tx';

/** One micro-step: a change to one account's balance, USD and nonce. */
export interface TxStep {
	/** What the step does, e.g. 'charge-fee' or 'credit-value'. */
	name: string;
	/** The one account it writes (lowercase). */
	address: Hex;
	/** METIS added (negative: removed). */
	metis: bigint;
	/** USD added (negative: removed). */
	usd: bigint;
	/** Nonce increment. */
	nonce: number;
}

/** What a transaction did, step by step. */
export interface TxTrace {
	/** Step names, in order. */
	steps: string[];
	/** roots[i]: the state root after step i; the last one is the tx's resulting root. */
	roots: Hex[];
	/** The same outcome `executeTx` reports (stateRoot included). */
	outcome: TxOutcome;
}

/** Per-transaction roots of a batch. */
export interface BatchTrace {
	/** txRoots[i]: the state root after transaction i (executeBatch's txStateRoots when every tx is valid). */
	txRoots: Hex[];
	/** stepCounts[i]: how many micro-steps transaction i takes (1 for an invalid one). */
	stepCounts: number[];
}

const ZERO_ADDRESS: Hex = '0x0000000000000000000000000000000000000000';

function step(name: string, address: Hex, { metis = 0n, usd = 0n, nonce = 0 }: { metis?: bigint; usd?: bigint; nonce?: number }): TxStep {
	return { name, address: address.toLowerCase() as Hex, metis, usd, nonce };
}

/**
 * The legs of a successful transaction after its fee. `executeTx` decides validity and reverts; this
 * only spells out its writes. Swap reserves are read before the fee steps: the pool can neither sign
 * (so it is never the sender) nor be the fee vault, so the fee steps never touch it.
 */
function legs(state: L2State, sender: Hex, raw: Hex): TxStep[] {
	const tx = decodeTx(raw);
	if (tx === null || tx.to === null) return [];
	const call = tx.to === DEX_ADDRESS ? decodeCall(tx.data) : null;
	if (call === null) {
		return [step('debit-value', sender, { metis: -tx.value }), step('credit-value', tx.to, { metis: tx.value })];
	}
	const pool = state.get(DEX_ADDRESS);
	if (call.metisIn) {
		const out = getAmountOut(call.amountIn, pool.balance, pool.usd);
		return [
			step('debit-metis-in', sender, { metis: -call.amountIn }),
			step('credit-pool-metis', DEX_ADDRESS, { metis: call.amountIn }),
			step('debit-pool-usd', DEX_ADDRESS, { usd: -out }),
			step('credit-usd-out', sender, { usd: out })
		];
	}
	const out = getAmountOut(call.amountIn, pool.usd, pool.balance);
	return [
		step('debit-usd-in', sender, { usd: -call.amountIn }),
		step('credit-pool-usd', DEX_ADDRESS, { usd: call.amountIn }),
		step('debit-pool-metis', DEX_ADDRESS, { metis: -out }),
		step('credit-metis-out', sender, { metis: out })
	];
}

/** The steps of a transaction whose outcome (run on a copy of `state`) is known. */
function stepsFor(state: L2State, raw: Hex, outcome: TxOutcome): TxStep[] {
	if (outcome.status === 'invalid' || outcome.sender === null) return [step('check', ZERO_ADDRESS, {})];
	const fee = [step('charge-fee', outcome.sender, { metis: -outcome.fee, nonce: 1 }), step('pay-vault', FEE_VAULT_ADDRESS, { metis: outcome.fee })];
	return outcome.status === 'reverted' ? fee : [...fee, ...legs(state, outcome.sender, raw)];
}

/** The deterministic micro-steps `raw` takes from `state` (not mutated), with what each one writes. */
export function planTx(state: L2State, raw: Hex): TxStep[] {
	const outcome = executeTx(state.clone(), raw, { withRoot: false });
	return stepsFor(state, raw, outcome);
}

/** Names of the steps `raw` takes from `state` (not mutated): ['check'] when invalid, the fee steps only when reverted. */
export function txStepNames(state: L2State, raw: Hex): string[] {
	return planTx(state, raw).map((s) => s.name);
}

/** Applies one micro-step to `state`; 'check' writes nothing. */
export function applyStep(state: L2State, s: TxStep): void {
	if (s.metis === 0n && s.usd === 0n && s.nonce === 0) return;
	const account = state.get(s.address);
	state.set(s.address, { balance: account.balance + s.metis, usd: account.usd + s.usd, nonce: account.nonce + s.nonce });
}

/** Executes `raw` on `state` (mutating it exactly as executeTx does), recording the root after every step. */
export function traceTx(state: L2State, raw: Hex): TxTrace {
	const outcome = executeTx(state.clone(), raw, { withRoot: false });
	const plan = stepsFor(state, raw, outcome);
	const roots = plan.map((s) => {
		applyStep(state, s);
		return state.stateRoot();
	});
	return { steps: plan.map((s) => s.name), roots, outcome: { ...outcome, stateRoot: roots[roots.length - 1] } };
}

/**
 * The one-step executor: applies only step `step` of `raw` to `state` (the state after steps
 * 0..step-1) and returns the new root. Its witness is the tx's pre-state `txPreState`, from which
 * the step list is derived (validity, revert, swap output all depend on it); on a real chain both
 * states would be Merkle proofs of the few touched accounts against the agreed roots.
 */
export function executeStep(state: L2State, raw: Hex, step: number, txPreState: L2State): Hex {
	const plan = planTx(txPreState, raw);
	if (!Number.isInteger(step) || step < 0 || step >= plan.length) throw new RangeError(`executeStep: no step ${step}; the tx has ${plan.length}`);
	applyStep(state, plan[step]);
	return state.stateRoot();
}

/** Number of steps of a tx from its executeTx outcome, without re-running or re-decoding it. */
function stepCountOf(outcome: TxOutcome): number {
	if (outcome.status === 'invalid') return 1;
	if (outcome.status === 'reverted') return 2;
	// Only a call to the DEX is charged SWAP_GAS, and one that succeeded was a decodable swap.
	return outcome.gasUsed === SWAP_GAS ? 6 : 4;
}

/**
 * Executes every tx on `state` (mutating it; clone first to keep it) and returns the per-tx roots.
 * Unlike executeBatch it does not stop at an invalid tx: in a dispute an invalid tx is a no-op step.
 */
export function traceBatch(state: L2State, txs: Hex[]): BatchTrace {
	const txRoots: Hex[] = [];
	const stepCounts: number[] = [];
	for (const raw of txs) {
		const outcome = executeTx(state, raw);
		txRoots.push(outcome.stateRoot);
		stepCounts.push(stepCountOf(outcome));
	}
	return { txRoots, stepCounts };
}

function checkTxIndex(txs: Hex[], tx: number, what: string): void {
	if (!Number.isInteger(tx) || tx < 0 || tx >= txs.length) throw new RangeError(`${what}: no tx ${tx} in a batch of ${txs.length}`);
}

/** A clone of `txPreState` with the first `count` steps of `raw` applied: the state before step `count`. */
export function advanceSteps(txPreState: L2State, raw: Hex, count: number): L2State {
	const plan = planTx(txPreState, raw);
	if (!Number.isInteger(count) || count < 0 || count >= plan.length) throw new RangeError(`advanceSteps: no step ${count}; the tx has ${plan.length}`);
	const state = txPreState.clone();
	for (let i = 0; i < count; i++) applyStep(state, plan[i]);
	return state;
}

/** The state right before step `step` of tx `tx` (step 0: the tx's pre-state), re-executed on a clone of `prevState`. */
export function stateBeforeStep(prevState: L2State, txs: Hex[], tx: number, step: number): L2State {
	checkTxIndex(txs, tx, 'stateBeforeStep');
	const state = prevState.clone();
	for (let i = 0; i < tx; i++) executeTx(state, txs[i], { withRoot: false });
	return step === 0 ? state : advanceSteps(state, txs[tx], step);
}

/** The roots a defender claims: per tx, and per step of any one tx. */
export interface ClaimedRoots {
	/** txRoots[i]: the claimed root after tx i; the last one is the batch's claimed state root. */
	txRoots: Hex[];
	/** The claimed root after each step of tx `tx`. */
	stepRoots: (tx: number) => Hex[];
}

/** METIS minted to an address: the fraud of a cheating defender. */
export interface Credit {
	/** Who gets the minted METIS. */
	address: Hex;
	/** How much, in wei. */
	amount: bigint;
}

/** Executes txs from a clone of `prevState`, minting `credit` right after tx `tamperTx` (none when null). */
function claimFrom(prevState: L2State, txs: Hex[], tamperTx: number | null, credit: Credit): ClaimedRoots {
	const run = (upTo: number, each: (state: L2State, i: number) => void): void => {
		const state = prevState.clone();
		for (let i = 0; i < upTo; i++) each(state, i);
	};
	const txRoots: Hex[] = [];
	run(txs.length, (state, i) => {
		executeTx(state, txs[i], { withRoot: false });
		if (i === tamperTx) state.addBalance(credit.address, credit.amount);
		txRoots.push(state.stateRoot());
	});
	const stepRoots = (tx: number): Hex[] => {
		checkTxIndex(txs, tx, 'stepRoots');
		let roots: Hex[] = [];
		run(tx + 1, (state, i) => {
			if (i < tx) executeTx(state, txs[i], { withRoot: false });
			else roots = traceTx(state, txs[i]).roots;
			if (i === tamperTx) state.addBalance(credit.address, credit.amount);
			if (i === tx && i === tamperTx) roots[roots.length - 1] = state.stateRoot();
		});
		return roots;
	};
	return { txRoots, stepRoots };
}

/** What an honest proposer claims: the true roots of every tx and step. */
export function honestRoots({ prevState, txs }: { prevState: L2State; txs: Hex[] }): ClaimedRoots {
	return claimFrom(prevState, txs, null, { address: ZERO_ADDRESS, amount: 0n });
}

/**
 * What a cheating defender claims: honest execution, except that after the last step of tx
 * `tamperTx` it mints `credit.amount` METIS to `credit.address`, then executes the rest on the
 * tampered state. Per-tx roots differ from `tamperTx` on; within that tx only the last step root does.
 */
export function fabricateRoots({ prevState, txs, tamperTx, credit }: { prevState: L2State; txs: Hex[]; tamperTx: number; credit: Credit }): ClaimedRoots {
	checkTxIndex(txs, tamperTx, 'fabricateRoots');
	return claimFrom(prevState, txs, tamperTx, credit);
}
