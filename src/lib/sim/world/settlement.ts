/**
 * After L1 accepts a batch: the L1 block becomes final, validators sample it, and it settles as its
 * finality mode says (optimistic window, verified ZK proof, or hybrid deadline with a proof).
 * Block rewards are paid when a batch settles, so a reverted batch earns nothing.
 */
import { record, tell, type WorldCore } from './core';
import { findProposal } from './batches';
import { reexecute } from './reexecute';
import { openDispute } from './disputes';
import { addressOfActor } from './punish';
import type { BatchProposal } from './types';

/** Simulated proving time of a batch: base plus per transaction (a cost model, not a real prover). */
export function proofTimeMs(w: WorldCore, txCount: number): number {
	return w.data.params.zkProofBaseMs + w.data.params.zkProofPerTxMs * txCount;
}

/** L1 accepted the batch: schedule its L1 finality, its proof or window, and the validators' sampling. */
export function onBatchPosted(w: WorldCore, proposal: BatchProposal): void {
	const { data } = w;
	const p = data.params;
	const postedAt = proposal.submittedAt ?? data.now;
	record(w, 'finality.posted', { batch: proposal.index, l1Block: proposal.l1Block, txs: proposal.txs.length });
	for (const hash of Object.keys(data.forcedByHash) as (keyof typeof data.forcedByHash)[]) {
		const f = data.forcedByHash[hash];
		if (f.block !== null && f.block >= proposal.firstBlock && f.block <= proposal.lastBlock) data.forced.markIncluded({ queueIndex: f.queueIndex, batchIndex: proposal.index });
	}
	w.scheduler.schedule(postedAt + p.l1FinalityBlocks * p.l1BlockMs, { kind: 'l1.final', index: proposal.index });
	if (w.finality === 'optimistic') {
		w.scheduler.schedule(postedAt + p.challengeWindowMs, { kind: 'settle.due', index: proposal.index });
	} else {
		// The prover (simulated) can only prove a root that follows from the transactions.
		const truth = reexecute(w, proposal.prevStateRoot, proposal.txs);
		if (truth.ok && truth.stateRoot === proposal.stateRoot) {
			const ready = postedAt + proofTimeMs(w, proposal.txs.length);
			const verifiedAt = Math.ceil(ready / p.l1BlockMs) * p.l1BlockMs;
			w.scheduler.schedule(verifiedAt, { kind: 'proof.verified', index: proposal.index });
		}
		if (w.finality === 'hybrid') w.scheduler.schedule(postedAt + p.hybridProofDeadlineMs, { kind: 'settle.due', index: proposal.index });
		else w.scheduler.schedule(postedAt + p.zkProofDeadlineMs, { kind: 'zk.deadline', index: proposal.index });
	}
	for (const v of w.cast.validators) {
		const behaviour = data.validatorBehaviour[v.id];
		if (behaviour === 'offline') continue;
		if (w.rng.chance(p.sampleRate)) tell(w, v.id, { type: 'batch.sampled', index: proposal.index });
	}
}

/** The batch's L1 block is final (two epochs later). */
export function onL1Final(w: WorldCore, index: number): void {
	const proposal = findProposal(w, index, 'posted');
	if (!proposal) return;
	proposal.l1FinalAt = w.data.now;
	record(w, 'finality.l1-final', { batch: index, l1Block: proposal.l1Block });
	trySettle(w);
}

/** The simulated validity proof of the batch was verified on L1. */
export function onProofVerified(w: WorldCore, index: number): void {
	const proposal = findProposal(w, index, 'posted');
	if (!proposal) return;
	proposal.proofVerifiedAt = w.data.now;
	record(w, 'proof.verified', { batch: index, provingMs: proofTimeMs(w, proposal.txs.length), simulated: true });
	trySettle(w);
}

/** The optimistic window (or the hybrid proof deadline) of the batch is over. */
export function onSettleDue(w: WorldCore, index: number): void {
	const proposal = findProposal(w, index, 'posted');
	if (!proposal) return;
	proposal.windowEndedAt = w.data.now;
	record(w, w.finality === 'optimistic' ? 'window.closed' : 'proof.deadline', { batch: index, proofVerified: proposal.proofVerifiedAt !== null });
	if (w.finality === 'hybrid' && proposal.proofVerifiedAt === null && !proposal.challenged) {
		// The proof is missing: any honest validator watching L1 opens a ZK fraud proof.
		const watcher = w.cast.validators.find((v) => w.data.validatorBehaviour[v.id] === 'honest');
		record(w, 'proof.missing', { batch: index, challenger: watcher?.id ?? null });
		if (watcher) {
			openDispute(w, proposal, watcher.id);
			return;
		}
	}
	trySettle(w);
}

function readyToSettle(w: WorldCore, p: BatchProposal): boolean {
	if (p.status !== 'posted' || p.l1FinalAt === null || p.challenged) return false;
	if (w.finality === 'optimistic') return p.windowEndedAt !== null;
	if (w.finality === 'zk') return p.proofVerifiedAt !== null;
	// Hybrid: at the deadline; without a proof only if nobody (honest) was there to challenge.
	return p.windowEndedAt !== null;
}

/** Settles batches in index order while the next one is ready, paying the block rewards. */
export function trySettle(w: WorldCore): void {
	const { data } = w;
	for (;;) {
		const next = findProposal(w, data.nextToSettle, 'posted');
		if (!next || !readyToSettle(w, next)) return;
		const result = data.inbox.finalize({ index: next.index, now: data.now });
		if (!result.ok) {
			record(w, 'batch.settle-refused', { batch: next.index, reason: result.error });
			return;
		}
		next.status = 'settled';
		next.settledAt = data.now;
		data.nextToSettle += 1;
		record(w, 'finality.settled', { batch: next.index, txs: next.txs.length });
		payRewards(w, next);
		pruneStates(w, next);
	}
}

function payRewards(w: WorldCore, batch: BatchProposal): void {
	const blocksBy = new Map<string, number>();
	for (const block of w.data.blocks.slice(batch.firstBlock - 1, batch.lastBlock)) {
		blocksBy.set(block.proposer, (blocksBy.get(block.proposer) ?? 0) + 1);
	}
	for (const [id, blocks] of [...blocksBy].sort(([a], [b]) => a.localeCompare(b))) {
		const paid = w.data.staking.payBlockRewards({ id, blocks });
		if (paid.ok) record(w, 'rewards.paid', { sequencer: id, blocks, amount: paid.value.paid.toString(), batch: batch.index });
		else record(w, 'rewards.unpaid', { sequencer: id, blocks, reason: paid.error, batch: batch.index });
	}
}

/** States before a settled batch are never re-executed again, nor its transactions reordered. */
function pruneStates(w: WorldCore, settled: BatchProposal): void {
	if (settled.prevStateRoot !== settled.stateRoot) w.data.stateAtRoot.delete(settled.prevStateRoot);
	for (const block of w.data.blocks.slice(settled.firstBlock - 1, settled.lastBlock)) for (const hash of block.hashes) w.data.arrivals.delete(hash);
}

/**
 * A validator's turn with a sampled batch. An honest one re-executes it (paying the simulated
 * compute) and challenges a wrong root; a lazy one attests without checking. Both claim the
 * verification reward — the verifier's dilemma: only the honest one ever earns a challenger's share.
 */
export function onValidatorCheck(w: WorldCore, validator: string, index: number): void {
	const proposal = findProposal(w, index, 'posted') ?? findProposal(w, index, 'settled');
	if (!proposal) return;
	const { data } = w;
	const behaviour = data.validatorBehaviour[validator];
	if (behaviour === 'offline') return;
	const paid = data.staking.payFromRewards({ to: addressOfActor(w, validator)!, amount: data.params.verificationReward });
	const reward = paid.ok ? paid.value.toString() : '0';
	if (behaviour === 'lazy') {
		record(w, 'validator.attested', { validator, batch: index, checked: false, reward });
		return;
	}
	if (!data.stateAtRoot.has(proposal.prevStateRoot)) {
		// Built on a batch that cannot be reproduced: the earlier batch is the one to challenge.
		record(w, 'validator.checked', { validator, batch: index, ok: false, reason: 'previous state root cannot be reproduced', gas: data.params.verificationCostGas, reward });
		return;
	}
	const result = reexecute(w, proposal.prevStateRoot, proposal.txs);
	const ok = result.ok && result.stateRoot === proposal.stateRoot;
	record(w, 'validator.checked', { validator, batch: index, ok, gas: data.params.verificationCostGas, reward });
	if (!ok && proposal.status === 'posted') {
		record(w, 'validator.mismatch', { validator, batch: index, claimed: proposal.stateRoot, computed: result.ok ? result.stateRoot : null });
		openDispute(w, proposal, validator);
	}
}
