/**
 * When a posted batch may settle, by finality mode. Every clock here runs from the batch's own
 * posting: its L1 block is final, and then optimistic waits out the challenge window, zk waits for
 * its validity proof, hybrid waits for its 4-hour proof deadline; an open challenge holds it back.
 */
import type { FinalityMode, WorldParams } from '../params';
import type { BatchProposal, FinalityClocks } from '../world/types';

export type { FinalityClocks };

/** Whether a posted batch's own rule for settling is met. */
export function readyToSettle(mode: FinalityMode, p: BatchProposal): boolean {
	if (p.status !== 'posted' || p.l1FinalAt === null || p.challenged) return false;
	if (mode === 'zk') return p.proofVerifiedAt !== null;
	// Optimistic: the window closed unchallenged. Hybrid: the deadline passed; a missing proof has
	// been answered by a fraud proof if an honest validator watched (otherwise it settles as optimistic would).
	return p.windowEndedAt !== null;
}


/** The clocks a posting at `postedAt` with `txs` transactions starts: what the settlement step schedules and the ladder shows. */
export function finalityClocks(o: { mode: FinalityMode; postedAt: number; txs: number; params: WorldParams }): FinalityClocks {
	const { mode, postedAt, txs, params: p } = o;
	const l1FinalAt = postedAt + p.l1FinalityBlocks * p.l1BlockMs;
	if (mode === 'optimistic') return { l1FinalAt, windowEndsAt: postedAt + p.challengeWindowMs, proofDueAt: null, proofReadyAt: null };
	const proved = postedAt + p.zkProofBaseMs + p.zkProofPerTxMs * txs;
	const proofReadyAt = Math.ceil(proved / p.l1BlockMs) * p.l1BlockMs;
	if (mode === 'hybrid') {
		const deadline = postedAt + p.hybridProofDeadlineMs;
		return { l1FinalAt, windowEndsAt: deadline, proofDueAt: deadline, proofReadyAt };
	}
	return { l1FinalAt, windowEndsAt: null, proofDueAt: postedAt + p.zkProofDeadlineMs, proofReadyAt };
}

/**
 * When a posting is expected to settle if nothing goes wrong: its L1 block final and its own rule met
 * (window over, proof verified, or hybrid deadline reached with a proof), and never before the batch below it.
 */
export function expectedSettleAt(o: { mode: FinalityMode; clocks: FinalityClocks; below: number | null }): number {
	const { mode, clocks, below } = o;
	const own = mode === 'zk' ? Math.max(clocks.l1FinalAt, clocks.proofReadyAt ?? clocks.l1FinalAt) : Math.max(clocks.l1FinalAt, clocks.windowEndsAt ?? clocks.l1FinalAt);
	return below === null ? own : Math.max(own, below);
}
