/**
 * What faulty sequencers do to a batch header: a fabricated state root, a forged transaction, a
 * second header for the same index. Ground truth (`fraudulent`) is recorded for checking only; no
 * honest actor ever reads it.
 */
import type { Hex } from 'viem';
import { L2_CHAIN_ID } from '../../chain/tx';
import { executeTx } from '../../chain/execute';
import { fromHex, toHex } from '../../chain/hex';
import { signTx } from '../../chain/tx';
import { secpSecretKey } from '../../chain/keys';
import { METIS } from '../units';
import type { WorldCore } from './core';
import { signingRoot, type BatchHeader } from '../../chain/batch';
import { reexecute, runTxs } from './reexecute';
import { signHeader } from './signing';
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
	/** After which transaction the cheater minted (-1: before the first), or null. */
	tamperTx: number | null;
}

/**
 * A wrong state root: execute honestly, but right after one transaction (drawn from the seeded RNG,
 * so a dispute over it can turn either way at each step) credit the proposer `FRAUD_MINT` out of thin
 * air; the same fabrication `chain/trace.ts` `fabricateRoots` replays in a dispute. On a tip only
 * colluders know, just continue from their state.
 */
export function fabricateHeader(w: WorldCore, proposer: string, prevStateRoot: Hex, txs: Hex[]): HeaderDraft | null {
	const { data } = w;
	const operator = w.cast.sequencerById.get(proposer)!.address;
	const honest = data.stateAtRoot.get(prevStateRoot);
	const base = honest ?? data.cabalStates.get(prevStateRoot);
	if (!base) return null;
	const tamperTx = honest ? (txs.length > 0 ? w.rng.int(txs.length) : -1) : null;
	const state = base.clone();
	if (tamperTx === -1) state.addBalance(operator, FRAUD_MINT);
	for (const [i, raw] of txs.entries()) {
		if (executeTx(state, raw, { withRoot: false }).status === 'invalid') return null;
		if (i === tamperTx) state.addBalance(operator, FRAUD_MINT);
	}
	const stateRoot = state.stateRoot();
	data.cabalStates.set(stateRoot, state);
	return { txs, stateRoot, fraudulent: true, tamperTx };
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
	return { txs: [...txs, forged], stateRoot, fraudulent: true, tamperTx: null };
}

/** An equivocating proposer's second header for the same index: the same batch minus its last transaction, signed too. */
export function secondHeader(w: WorldCore, proposer: string, header: BatchHeader, txs: Hex[], lastBlock: number): BatchProposal['equivocation'] {
	const result = reexecute(w, header.prevStateRoot, txs.slice(0, -1));
	if (!result.ok) return null;
	const other: BatchHeader = { ...header, stateRoot: result.stateRoot, txRoot: result.txRoot };
	const root = signingRoot(other);
	return { signingRoot: root, signature: signHeader(w, proposer, root), stateRoot: other.stateRoot, txRoot: other.txRoot, lastBlock };
}
