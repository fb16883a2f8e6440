/**
 * Undoing: a posted batch proven fraudulent (or, under validity proofs, never proven) is reverted on
 * L1 with every batch built on it; the honest pool then re-derives the chain from the last good state
 * root. Only what was fraudulent is dropped: the L2 blocks under a wrong root hold real transactions,
 * so they are batched again. Blocks that peers refused for reordering are discarded instead.
 */
import type { EventOf } from '../../events';
import { record, tell, type WorldCore } from '../core';
import { liveTip, proposalById, refOf } from '../lookups';
import { watchForCensorship } from '../timers';
import type { BatchProposal } from '../types';

/** A proven fraud on L1: revert it and everything built on it. */
export function onDisputeResolved(w: WorldCore, e: EventOf<'dispute.resolved'>): void {
	const p = proposalById(w, e.proposal);
	if (p && e.winner === 'challenger' && p.status === 'posted') revertFrom(w, p, `fraud proven: ${e.reason}`, true);
}

/** Validity mode: no proof by the deadline, so the batch never executes. */
export function onProofMissing(w: WorldCore, e: EventOf<'proof.missing'>): void {
	const p = proposalById(w, e.proposal);
	if (p && e.mode === 'zk' && p.status === 'posted') revertFrom(w, p, 'no validity proof by the deadline: the batch never executes', true);
}

/** A posted header holding a forged transaction was proven by its signature: it cannot stand. */
export function onEvidenceAccepted(w: WorldCore, e: EventOf<'evidence.accepted'>): void {
	const p = proposalById(w, e.proposal);
	if (p && e.fault === 'invalid-tx' && p.status === 'posted') revertFrom(w, p, 'it holds a transaction whose signature recovers to nobody', true);
}

/**
 * Reverts a posted batch and every later live one (and a round being signed on top of them). Their
 * L2 blocks go back to be batched from the last good root; a producer who signed the faulty header
 * forfeits the rewards of the blocks it covered.
 */
function revertFrom(w: WorldCore, proposal: BatchProposal, reason: string, faulty: boolean): void {
	const { data } = w;
	const onL1 = data.inbox.revertFrom({ posting: proposal.posting!, now: data.now });
	if (!onL1.ok) {
		record(w, { type: 'revert.refused', ...refOf(proposal), reason: onL1.error });
		return;
	}
	const doomed = data.proposals.filter((p) => p.index >= proposal.index && (p.status === 'posted' || p.status === 'submitted' || p.status === 'signing'));
	const culprits = new Set(faulty ? (proposal.signers.length > 0 ? proposal.signers : [proposal.proposer]) : []);
	for (const p of doomed) {
		p.status = 'reverted';
		p.challenged = false;
		p.revertedAt = data.now;
		p.revertReason = p === proposal ? reason : `built on batch ${proposal.index} (attempt ${proposal.attempt}), which was reverted`;
		record(w, { type: 'batch.reverted', ...refOf(p), reason: p.revertReason, cause: proposal.id });
		for (const block of data.blocks.slice(p.firstBlock - 1, p.lastBlock)) if (culprits.has(block.proposer)) data.forfeited[block.number] = proposal.id;
		const dispute = data.disputes[p.id];
		if (dispute?.outcome === 'open' && p !== proposal) {
			dispute.outcome = 'moot';
			dispute.reason = `batch ${proposal.index} below it was reverted first`;
		}
		if (data.signing === p.id) {
			data.signing = null;
			tell(w, p.proposer, { type: 'batch.completed', proposal: p.id });
		}
	}
	data.nextBatchBlock = Math.min(data.nextBatchBlock, proposal.firstBlock);
	data.nextToSettle = Math.min(data.nextToSettle, proposal.index);
	const tip = liveTip(w);
	record(w, {
		type: 'chain.rederive',
		fromBatch: proposal.index,
		fromBlock: data.nextBatchBlock,
		toBlock: data.blocks.length,
		stateRoot: tip ? tip.stateRoot : data.inbox.genesisStateRoot,
		reverted: doomed.length
	});
}

/**
 * Peers refused a reordered batch: its L2 blocks are discarded, the state goes back to the root
 * before them and the users' transactions return to the mempool in their arrival order (anything the
 * proposer injected is dropped).
 */
export function onNoQuorum(w: WorldCore, e: EventOf<'batch.no-quorum'>): void {
	const p = proposalById(w, e.proposal);
	if (!p || e.reorderReports.length === 0) return;
	const { data } = w;
	const fromBlock = p.firstBlock;
	const base = data.stateAtRoot.get(p.prevStateRoot);
	if (!base || fromBlock > data.blocks.length) return;
	const discarded = data.blocks.slice(fromBlock - 1);
	data.blocks = data.blocks.slice(0, fromBlock - 1);
	data.l2 = base.clone();
	const back = discarded
		.flatMap((b) => b.txs.map((raw, i) => ({ raw, hash: b.hashes[i], user: b.users[i] })))
		.filter((t) => t.user !== '' && data.arrivals.has(t.hash))
		.map((t) => ({ raw: t.raw, hash: t.hash, user: t.user, arrivedAt: data.arrivals.get(t.hash)! }));
	for (const entry of Object.values(data.forcedByHash)) if (entry.block !== null && entry.block >= fromBlock) entry.block = null;
	data.mempool = [...back, ...data.mempool].sort((a, b) => a.arrivedAt - b.arrivedAt);
	// Back in the mempool, each is watched again: its user loses patience if it is censored now.
	for (const entry of back) watchForCensorship(w, entry);
	data.nextBatchBlock = Math.min(data.nextBatchBlock, fromBlock);
	data.lastBlockAt = data.now;
	record(w, { type: 'l2.reorg', fromBlock, blocks: discarded.length, returned: back.length, reason: `peers refused a batch with ${e.reorderAccused ?? p.proposer}'s reordered blocks` });
	if (data.proposer) tell(w, data.proposer, { type: 'mempool.filled' });
}
