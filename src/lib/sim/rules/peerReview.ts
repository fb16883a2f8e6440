/**
 * How a peer judges a batch header before it signs: it signs if, and only if, nothing is wrong. The
 * checks run in the order a peer can make them; the first fault found is the verdict.
 */
import type { Hex } from 'viem';
import type { SequencerBehaviour } from '../behaviours';
import type { EvidenceFault } from '../world/types';

/** What a peer found out about a header. */
export interface ReviewFacts {
	/** The proposer signed a second, different header for the same index (seen by gossip). */
	secondHeader: boolean;
	/** The peer can reproduce the state the header starts from. */
	tipKnown: boolean;
	/** Whether the header's txRoot is the hash of its transactions. */
	txRootMatches: boolean;
	/** Why a transaction of it is invalid, or null when all apply. */
	invalidTx: string | null;
	/** Whether re-executing the transactions gives the header's state root. */
	stateRootMatches: boolean;
	/** How the order breaks first come, first served, and which block producer broke it, or null when it holds. */
	orderViolation: { reason: string; producer: string } | null;
}

/** What a peer found wrong (for reordering, whose blocks broke the order); null: it signs. */
export type Verdict = { reason: string; fault: EvidenceFault | 'reorder' | 'unknown-tip'; accused?: string } | null;

/** The peer's verdict on a header, from what it found (`facts` is asked lazily, in order). */
export function judgeHeader(header: { proposer: string; index: number }, facts: () => ReviewFacts): Verdict {
	const f = facts();
	if (f.secondHeader) return { reason: `equivocation: ${header.proposer} signed two headers for batch ${header.index}`, fault: 'equivocation' };
	if (!f.tipKnown) return { reason: 'previous state root cannot be reproduced (built on a fraudulent batch)', fault: 'unknown-tip' };
	if (!f.txRootMatches) return { reason: 'txRoot does not match the transactions', fault: 'invalid-tx' };
	if (f.invalidTx) return { reason: f.invalidTx, fault: 'invalid-tx' };
	if (!f.stateRootMatches) return { reason: 'the state root does not follow from the transactions', fault: 'wrong-state-root' };
	if (f.orderViolation) return { reason: f.orderViolation.reason, fault: 'reorder', accused: f.orderViolation.producer };
	return null;
}

/**
 * Reordering as peers can see it: a block holds a transaction that never reached the mempool (the
 * producer's own front-run or back-run), or puts two transactions in another order than gossip
 * brought them. A transaction left for a later block is a delay, not a reordering: that is
 * censorship, which the forced-inclusion queue answers. The producer of the block is at fault.
 */
export function orderingViolation({
	blocks,
	arrivedAt,
	forced
}: {
	blocks: readonly { number: number; proposer: string; hashes: readonly Hex[] }[];
	arrivedAt: (hash: Hex) => number | undefined;
	forced: (hash: Hex) => boolean;
}): { reason: string; producer: string } | null {
	for (const block of blocks) {
		let last = -Infinity;
		const producer = block.proposer;
		for (const hash of block.hashes) {
			if (forced(hash)) continue;
			const arrived = arrivedAt(hash);
			if (arrived === undefined) return { reason: `reordering: transaction ${hash.slice(0, 10)}… never reached the mempool but ${producer} placed it in block ${block.number}`, producer };
			if (arrived < last) return { reason: `reordering: in block ${block.number} ${producer} placed transaction ${hash.slice(0, 10)}… after one that arrived later`, producer };
			last = arrived;
		}
	}
	return null;
}

/** Colluders sign their accomplices' headers without checking them. */
export function signsUnchecked(peer: SequencerBehaviour, proposer: SequencerBehaviour): boolean {
	return peer === 'wrong-state-root' && proposer === 'wrong-state-root';
}

/** Faults a peer reports as evidence to L1 (reordering goes to a vote instead; an unknown tip proves nothing). */
export function isEvidence(fault: NonNullable<Verdict>['fault']): fault is EvidenceFault {
	return fault === 'equivocation' || fault === 'invalid-tx' || fault === 'wrong-state-root';
}
