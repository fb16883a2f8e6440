/**
 * What faulty sequencers do to a batch header, and how honest peers see through it. Ground truth
 * (`fraudulent`) is recorded for checking only; no simulated actor ever reads it.
 */
import type { Hex } from 'viem';
import { L2_CHAIN_ID } from '../../chain/tx';
import { toHex, fromHex, keccakHex } from '../../chain/hex';
import { signTx } from '../../chain/tx';
import { secpSecretKey } from '../../chain/keys';
import { METIS } from '../units';
import type { WorldCore } from './core';
import { reexecute, runTxs } from './reexecute';
import type { BatchProposal } from './types';

/** What a cheating proposer mints itself in a wrong state root. */
export const FRAUD_MINT = 1_000n * METIS;

/** The header parts a proposer commits to. */
export interface HeaderDraft {
	/** Transactions. */
	txs: Hex[];
	/** Claimed root after them. */
	stateRoot: Hex;
	/** Ground truth: the claim does not follow from the transactions. */
	fraudulent: boolean;
}

/**
 * A wrong state root: execute honestly, then after the last transaction credit the proposer
 * `FRAUD_MINT` out of thin air. On a tip only colluders know, just continue from their state.
 */
export function fabricateHeader(w: WorldCore, proposer: string, prevStateRoot: Hex, txs: Hex[]): HeaderDraft | null {
	const { data } = w;
	const operator = w.cast.sequencerById.get(proposer)!.address;
	const honest = data.stateAtRoot.get(prevStateRoot);
	const base = honest ?? data.cabalStates.get(prevStateRoot);
	if (!base) return null;
	const run = runTxs(base, txs);
	if (!run.ok) return null;
	const { state } = run;
	if (honest) state.addBalance(operator, FRAUD_MINT);
	const stateRoot = state.stateRoot();
	data.cabalStates.set(stateRoot, state);
	return { txs, stateRoot, fraudulent: true };
}

/**
 * A transaction with a forged signature: it claims to move METIS from a user to the proposer, but
 * its signature recovers to no one (s is replaced, so the bytes no longer verify).
 */
export function forgeTransaction(w: WorldCore, proposer: string, prevStateRoot: Hex, txs: Hex[]): HeaderDraft | null {
	const { data } = w;
	const base = data.stateAtRoot.get(prevStateRoot);
	const victim = w.cast.users[0];
	if (!base || !victim) return null;
	const operator = w.cast.sequencerById.get(proposer)!.address;
	const run = runTxs(base, txs);
	if (!run.ok) return null;
	const { state } = run;
	// A real transfer signed by a throwaway key, then its s swapped for garbage: not the victim's signature.
	const throwaway = secpSecretKey({ seed: `forged-${data.now}`, label: 'forger', index: 0 });
	const genuine = signTx({ nonce: state.nonceOf(victim.address), to: operator, value: FRAUD_MINT, data: '0x', gas: 21_000n, maxFeePerGas: 2_000_000_000n, maxPriorityFeePerGas: 100_000_000n, chainId: L2_CHAIN_ID }, throwaway);
	const bytes = fromHex(genuine);
	bytes.fill(0xee, bytes.length - 32);
	const forged = toHex(bytes);
	// The header claims the transfer happened.
	const amount = FRAUD_MINT < state.balanceOf(victim.address) ? FRAUD_MINT : state.balanceOf(victim.address);
	state.addBalance(victim.address, -amount);
	state.addBalance(operator, amount);
	const stateRoot = state.stateRoot();
	return { txs: [...txs, forged], stateRoot, fraudulent: true };
}

/** What an honest peer found wrong with a proposal. */
export type Verdict = { reason: string; fault: 'equivocation' | 'invalid-tx' | 'wrong-state-root' | 'reorder' | 'unknown-tip' } | null;

const verdicts = new WeakMap<BatchProposal, Verdict>();

/** Why an honest peer refuses this proposal, or null when it signs (every honest peer reaches the same verdict). */
export function peerVerdict(w: WorldCore, proposal: BatchProposal): Verdict {
	if (!verdicts.has(proposal)) verdicts.set(proposal, judge(w, proposal));
	return verdicts.get(proposal)!;
}

function judge(w: WorldCore, proposal: BatchProposal): Verdict {
	if (proposal.equivocation) return { reason: `equivocation: ${proposal.proposer} signed two headers for batch ${proposal.index}`, fault: 'equivocation' };
	if (!w.data.stateAtRoot.has(proposal.prevStateRoot)) return { reason: 'previous state root cannot be reproduced (built on a fraudulent batch)', fault: 'unknown-tip' };
	const result = reexecute(w, proposal.prevStateRoot, proposal.txs);
	if (result.txRoot !== proposal.txRoot) return { reason: 'txRoot does not match the transactions', fault: 'invalid-tx' };
	if (!result.ok) return { reason: result.reason, fault: 'invalid-tx' };
	if (result.stateRoot !== proposal.stateRoot) return { reason: 'stateRoot does not follow from the transactions', fault: 'wrong-state-root' };
	const order = orderingViolation(w, proposal.txs);
	if (order) return { reason: order, fault: 'reorder' };
	return null;
}

/** First come, first served as gossip saw it: every transaction arrived, in this order (forced ones excepted). */
function orderingViolation(w: WorldCore, txs: Hex[]): string | null {
	let last = -Infinity;
	for (const raw of txs) {
		const hash = keccakHex(fromHex(raw));
		if (w.data.forcedByHash[hash]) continue;
		const arrived = w.data.arrivals.get(hash);
		if (arrived === undefined) return `reordering: transaction ${hash.slice(0, 10)}… never reached the mempool but was placed in the batch`;
		if (arrived < last) return `reordering: transaction ${hash.slice(0, 10)}… arrived later than one placed after it`;
		last = arrived;
	}
	return null;
}
