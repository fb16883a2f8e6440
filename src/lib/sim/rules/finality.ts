/**
 * When a posted batch may settle, by finality mode. Every clock here runs from the batch's own
 * posting: its L1 block is final, and then optimistic waits out the challenge window, zk waits for
 * its validity proof, hybrid waits for its 4-hour proof deadline; an open challenge holds it back.
 */
import type { FinalityMode } from '../params';
import type { BatchProposal } from '../world/types';

/** Whether a posted batch's own rule for settling is met. */
export function readyToSettle(mode: FinalityMode, p: BatchProposal): boolean {
	if (p.status !== 'posted' || p.l1FinalAt === null || p.challenged) return false;
	if (mode === 'zk') return p.proofVerifiedAt !== null;
	// Optimistic: the window closed unchallenged. Hybrid: the deadline passed; a missing proof has
	// been answered by a fraud proof if an honest validator watched (otherwise it settles as optimistic would).
	return p.windowEndedAt !== null;
}
