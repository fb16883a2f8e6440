/**
 * After L1 accepts a batch: its L1 block becomes final, and it settles as its finality mode says
 * (optimistic window, verified ZK proof, or hybrid deadline), every clock counted from that batch's
 * own posting and every timer naming that posting's proposal. Block rewards are paid when a batch
 * settles, so a reverted batch earns nothing, and a convicted producer earns nothing for the blocks
 * of its fraudulent batch even once they are re-batched.
 */
import type { EventOf } from '../../events';
import { finalityClocks, readyToSettle } from '../../rules/finality';
import { record, type WorldCore } from '../core';
import { postedAt, proofTimeMs, proposalById, refOf } from '../lookups';
import { reexecute } from '../reexecute';
import type { BatchProposal } from '../types';

/** A proposal still posted (not reverted, not settled): what every settlement timer checks first. */
function stillPosted(w: WorldCore, id: number): BatchProposal | undefined {
	const p = proposalById(w, id);
	return p?.status === 'posted' ? p : undefined;
}

/** L1 accepted the batch: schedule its L1 finality, and its proof, window or deadline. */
export function onPosted(w: WorldCore, e: EventOf<'finality.posted'>): void {
	const proposal = proposalById(w, e.proposal)!;
	const id = proposal.id;
	const clocks = finalityClocks({ mode: w.finality, postedAt: e.t, txs: proposal.txs.length, params: w.data.params });
	proposal.clocks = clocks;
	w.scheduler.schedule(clocks.l1FinalAt, { kind: 'l1.final', proposal: id });
	if (w.finality === 'optimistic') {
		w.scheduler.schedule(clocks.windowEndsAt!, { kind: 'settle.due', proposal: id });
		return;
	}
	// The prover (simulated) can only prove a root that follows from the transactions.
	const truth = reexecute(w, proposal.prevStateRoot, proposal.txs);
	if (truth.ok && truth.stateRoot === proposal.stateRoot) w.scheduler.schedule(clocks.proofReadyAt!, { kind: 'proof.verified', proposal: id });
	if (w.finality === 'hybrid') w.scheduler.schedule(clocks.windowEndsAt!, { kind: 'settle.due', proposal: id });
	else w.scheduler.schedule(clocks.proofDueAt!, { kind: 'zk.deadline', proposal: id });
}

/** The batch's L1 block is final (two epochs later). */
export function onL1Final(w: WorldCore, id: number): void {
	const proposal = stillPosted(w, id);
	if (!proposal) return;
	proposal.l1FinalAt = w.data.now;
	record(w, { type: 'finality.l1-final', ...refOf(proposal), l1Block: proposal.l1Block! });
	trySettle(w);
}

/** The simulated validity proof of the batch was verified on L1. */
export function onProofVerified(w: WorldCore, id: number): void {
	const proposal = stillPosted(w, id);
	if (!proposal) return;
	proposal.proofVerifiedAt = w.data.now;
	record(w, { type: 'proof.verified', ...refOf(proposal), provingMs: proofTimeMs(w, proposal.txs.length), simulated: true });
	trySettle(w);
}

/** The optimistic window (or the hybrid proof deadline) of this posting is over. */
export function onSettleDue(w: WorldCore, id: number): void {
	const proposal = stillPosted(w, id);
	if (!proposal) return;
	proposal.windowEndedAt = w.data.now;
	const ref = refOf(proposal);
	const posted = proposal.submittedAt!;
	if (w.finality === 'optimistic') record(w, { type: 'window.closed', ...ref, postedAt: posted });
	else record(w, { type: 'proof.deadline', ...ref, postedAt: posted, proofVerified: proposal.proofVerifiedAt !== null });
	if (w.finality === 'hybrid' && proposal.proofVerifiedAt === null && !proposal.challenged) {
		// The proof is missing: any honest validator watching L1 opens a ZK fraud proof (the disputes step),
		// unless the batch builds on a root nobody honest can reproduce: then the batch below it is the one to dispute.
		const watcher = w.cast.validators.find((v) => w.data.validatorBehaviour[v.id] === 'honest');
		const provable = w.data.stateAtRoot.has(proposal.prevStateRoot);
		const consequence = !watcher
			? 'no honest validator is watching, so it settles as an unchallenged optimistic batch would'
			: provable
				? `${watcher.id} opens a ZK fraud proof`
				: 'it builds on a state root no honest validator can reproduce: it waits on the batch below it';
		record(w, { type: 'proof.missing', ...ref, mode: 'hybrid', challenger: watcher && provable ? watcher.id : null, consequence });
		if (watcher && provable) return;
	}
	trySettle(w);
}

/** Validity mode: no verified proof by this posting's deadline. The batch never executes (the reverts step undoes it). */
export function onZkDeadline(w: WorldCore, id: number): void {
	const proposal = stillPosted(w, id);
	if (!proposal || proposal.proofVerifiedAt !== null) return;
	const slashes = w.data.params.missingProofSlashBps > 0;
	record(w, {
		type: 'proof.missing',
		...refOf(proposal),
		mode: 'zk',
		challenger: null,
		consequence: `L1 reverts it, since a batch nobody proved never executes (nothing is proven wrong; ${slashes ? 'slashing for a missing proof is on, so its signers lose stake' : 'nobody is slashed or paid'})`
	});
}

/** A dispute ended in the defender's favour: the batch may settle now. */
export function onDisputeResolved(w: WorldCore, e: EventOf<'dispute.resolved'>): void {
	if (e.winner === 'defender') trySettle(w);
}

/** Settles batches in index order while the next one is ready, paying the block rewards. */
export function trySettle(w: WorldCore): void {
	const { data } = w;
	for (;;) {
		const next = postedAt(w, data.nextToSettle);
		if (!next || !readyToSettle(w.finality, next)) return;
		const result = data.inbox.finalize({ posting: next.posting!, now: data.now });
		const ref = refOf(next);
		if (!result.ok) {
			record(w, { type: 'batch.settle-refused', ...ref, reason: result.error });
			return;
		}
		next.status = 'settled';
		next.settledAt = data.now;
		data.nextToSettle += 1;
		const honest = data.blocks[next.lastBlock - 1]?.stateRoot === next.stateRoot;
		record(w, { type: 'finality.settled', ...ref, txs: next.txs.length, postedAt: next.submittedAt!, honest });
		payRewards(w, next);
		pruneStates(w, next);
	}
}

function payRewards(w: WorldCore, batch: BatchProposal): void {
	const paid = new Map<string, number>();
	const forfeited = new Map<string, { blocks: number; proposal: number }>();
	for (const block of w.data.blocks.slice(batch.firstBlock - 1, batch.lastBlock)) {
		const fraud = w.data.forfeited[block.number];
		if (fraud === undefined) paid.set(block.proposer, (paid.get(block.proposer) ?? 0) + 1);
		else forfeited.set(block.proposer, { blocks: (forfeited.get(block.proposer)?.blocks ?? 0) + 1, proposal: fraud });
	}
	const ref = refOf(batch);
	for (const [id, f] of [...forfeited].sort(([a], [b]) => a.localeCompare(b))) {
		record(w, { type: 'rewards.forfeited', ...ref, sequencer: id, blocks: f.blocks, fraudulentProposal: f.proposal });
	}
	for (const [id, blocks] of [...paid].sort(([a], [b]) => a.localeCompare(b))) {
		const result = w.data.staking.payBlockRewards({ id, blocks });
		if (result.ok) record(w, { type: 'rewards.paid', ...ref, sequencer: id, blocks, amount: result.value.paid.toString() });
		else record(w, { type: 'rewards.unpaid', ...ref, sequencer: id, blocks, reason: result.error });
	}
}

/** States before a settled batch are never re-executed again, nor its transactions reordered. */
function pruneStates(w: WorldCore, settled: BatchProposal): void {
	if (settled.prevStateRoot !== settled.stateRoot) w.data.stateAtRoot.delete(settled.prevStateRoot);
	for (const block of w.data.blocks.slice(settled.firstBlock - 1, settled.lastBlock)) for (const hash of block.hashes) w.data.arrivals.delete(hash);
}
