/**
 * Posting to L1: the signed batch lands in the next L1 block, where the rollup inbox checks its
 * index, its previous root, the quorum of the epoch it was signed in and the aggregate signature.
 */
import { record, type WorldCore } from '../core';
import { proposalById, refOf } from '../lookups';

/** The batch's L1 transaction lands in a block: the inbox accepts it, or says which rule it broke. */
export function onL1Include(w: WorldCore, id: number): void {
	const { data } = w;
	const proposal = proposalById(w, id);
	// Reverted or withdrawn while in flight: nothing reaches L1.
	if (!proposal || proposal.status !== 'submitted' || !proposal.aggregateSignature) return;
	const l1Block = Math.round(data.now / data.params.l1BlockMs);
	const signedUnder = data.sequencerSet.epoch(proposal.epoch);
	const result = data.inbox.submitBatch({
		header: { chainId: data.params.chainId, batchIndex: proposal.index, prevStateRoot: proposal.prevStateRoot, stateRoot: proposal.stateRoot, txRoot: proposal.txRoot },
		signers: proposal.signers,
		aggregateSignature: proposal.aggregateSignature,
		epoch: proposal.epoch,
		activeSet: signedUnder?.members ?? [],
		currentEpoch: data.epoch,
		now: data.now,
		l1Block
	});
	proposal.l1Block = l1Block;
	proposal.submittedAt = data.now;
	if (!result.ok) {
		proposal.status = 'rejected';
		proposal.rejectedReason = result.error;
		record(w, { type: 'batch.rejected', ...refOf(proposal), l1Block, reason: result.error });
		// Its blocks go back to be batched again after the last batch L1 holds; batches built on it are withdrawn.
		data.nextBatchBlock = Math.min(data.nextBatchBlock, proposal.firstBlock);
		for (const next of data.proposals) {
			if (next.index > proposal.index && next.status === 'submitted') {
				next.status = 'rejected';
				next.rejectedReason = `withdrawn: it builds on batch ${proposal.index}, which L1 refused`;
				record(w, { type: 'batch.rejected', ...refOf(next), l1Block, reason: next.rejectedReason });
			}
		}
		return;
	}
	proposal.status = 'posted';
	proposal.posting = result.value.posting;
	record(w, { type: 'finality.posted', ...refOf(proposal), posting: result.value.posting, l1Block, txs: proposal.txs.length, epoch: proposal.epoch });
}
