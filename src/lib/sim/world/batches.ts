/**
 * Batches: the proposer gossips a header, each peer re-executes and signs it with BLS only if it
 * is valid, the proposer aggregates a 2/3 quorum and submits it to the rollup inbox on L1.
 */
import type { Hex } from 'viem';
import { signingRoot, txRoot, type BatchHeader } from '../../chain/batch';
import { blsAggregate, blsSign } from '../../chain/bls';
import { fromHex, toHex } from '../../chain/hex';
import { hasQuorum } from '../l1/rollupInbox';
import { later, nextL1Block, record, tell, type WorldCore } from './core';
import { reexecute } from './reexecute';
import { onBatchPosted } from './settlement';
import type { BatchProposal } from './types';

/** The quorum rule in force. */
export function quorumRule(w: WorldCore) {
	const p = w.data.params;
	return { by: p.quorumBy, numerator: p.quorumNumerator, denominator: p.quorumDenominator };
}

/** The batch being signed, if any. */
function signing(w: WorldCore): BatchProposal | undefined {
	const last = w.data.proposals[w.data.proposals.length - 1];
	return last?.status === 'signing' ? last : undefined;
}

/** The last batch on its way to or on L1 (not failed), whose state root the next batch starts from. */
function tipProposal(w: WorldCore): BatchProposal | undefined {
	for (let i = w.data.proposals.length - 1; i >= 0; i--) {
		const p = w.data.proposals[i];
		if (p.status === 'submitted' || p.status === 'posted' || p.status === 'settled') return p;
	}
	return undefined;
}

/** Proposes the next batch when `batchSize` blocks wait (or, when forced, any blocks wait) and none is being signed. */
export function maybeProposeBatch(w: WorldCore, force: boolean): void {
	const { data } = w;
	if (!data.proposer || signing(w)) return;
	const waiting = data.blocks.length - data.nextBatchBlock + 1;
	if (waiting <= 0 || (!force && waiting < data.params.batchSize)) return;
	propose(w, Math.min(waiting, data.params.batchSize));
}

/** The oldest unbatched block is `maxBatchDelayMs` old: propose what there is. */
export function onBatchDeadline(w: WorldCore): void {
	maybeProposeBatch(w, true);
	const { data } = w;
	const next = data.blocks[data.nextBatchBlock - 1];
	if (next) w.scheduler.schedule(Math.max(data.now, next.timestamp + data.params.maxBatchDelayMs), { kind: 'batch.deadline' }, 'batch.deadline');
}

function propose(w: WorldCore, count: number): void {
	const { data } = w;
	const first = data.nextBatchBlock;
	const blocks = data.blocks.slice(first - 1, first - 1 + count);
	const txs = blocks.flatMap((b) => b.txs);
	const tip = tipProposal(w);
	const header: BatchHeader = {
		chainId: data.params.chainId,
		batchIndex: tip ? tip.index + 1 : 0,
		prevStateRoot: tip ? tip.stateRoot : data.inbox.genesisStateRoot,
		stateRoot: blocks[blocks.length - 1].stateRoot,
		txRoot: txRoot(txs)
	};
	const active = data.staking.activeSet();
	const proposal: BatchProposal = {
		index: header.batchIndex,
		proposer: data.proposer,
		firstBlock: first,
		lastBlock: first + count - 1,
		txs,
		prevStateRoot: header.prevStateRoot,
		stateRoot: header.stateRoot,
		txRoot: header.txRoot,
		signingRoot: signingRoot(header),
		proposedAt: data.now,
		activeSet: active.map((m) => m.id),
		activeStakes: Object.fromEntries(active.map((m) => [m.id, m.stake.toString()])),
		signatures: {},
		refusals: {},
		status: 'signing',
		aggregateSignature: null,
		signers: [],
		l1Block: null,
		submittedAt: null,
		rejectedReason: null,
		l1FinalAt: null,
		windowEndedAt: null,
		proofVerifiedAt: null,
		settledAt: null,
		fraudulent: false
	};
	data.proposals.push(proposal);
	data.nextBatchBlock = proposal.lastBlock + 1;
	w.scheduler.cancel('batch.deadline');
	record(w, 'batch.proposed', {
		index: proposal.index,
		proposer: proposal.proposer,
		firstBlock: proposal.firstBlock,
		lastBlock: proposal.lastBlock,
		txs: txs.length,
		signingRoot: proposal.signingRoot,
		activeSet: proposal.activeSet
	});
	tell(w, proposal.proposer, { type: 'batch.proposed', index: proposal.index });
	// The proposer built the batch, so it signs at once; the others get the header by gossip.
	if (proposal.activeSet.includes(proposal.proposer)) {
		acceptSignature(w, proposal, proposal.proposer, signHeader(w, proposal.proposer, proposal));
	}
	for (const peer of proposal.activeSet) {
		if (peer === proposal.proposer) continue;
		later(w, data.params.gossipDelayMs, { kind: 'actor', actor: peer, event: { type: 'batch.received', index: proposal.index } });
	}
	if (proposal.activeSet.length > 0 && respondedAll(proposal)) conclude(w, proposal);
}

function signHeader(w: WorldCore, sequencer: string, proposal: BatchProposal): Hex {
	const identity = w.cast.sequencerById.get(sequencer)!;
	return toHex(blsSign(identity.blsSecretKey, fromHex(proposal.signingRoot)));
}

/** A peer finished re-executing the batch: it signs if and only if the header is valid. */
export function onReview(w: WorldCore, peer: string, index: number): void {
	const proposal = signing(w);
	if (!proposal || proposal.index !== index) return;
	if (w.data.sequencerBehaviour[peer] === 'offline') return;
	const verdict = checkProposal(w, proposal);
	record(w, 'batch.reviewed', { index, sequencer: peer, valid: verdict === null, reason: verdict });
	const task = verdict === null
		? { kind: 'signature' as const, index, signer: peer, signature: signHeader(w, peer, proposal) }
		: { kind: 'signature' as const, index, signer: peer, signature: null, reason: verdict };
	later(w, w.data.params.gossipDelayMs, task);
}

/** Why a proposed header is invalid, or null if it is valid. */
function checkProposal(w: WorldCore, proposal: BatchProposal): string | null {
	const result = reexecute(w, proposal.prevStateRoot, proposal.txs);
	if (result.txRoot !== proposal.txRoot) return 'txRoot does not match the transactions';
	if (!result.ok) return result.reason;
	if (result.stateRoot !== proposal.stateRoot) return 'stateRoot does not follow from the transactions';
	return null;
}

/** A signature (or a refusal) reaches the proposer. */
export function onSignature(w: WorldCore, task: { index: number; signer: string; signature: Hex | null; reason?: string }): void {
	const proposal = signing(w);
	if (!proposal || proposal.index !== task.index) return;
	if (task.signature) acceptSignature(w, proposal, task.signer, task.signature);
	else {
		proposal.refusals = { ...proposal.refusals, [task.signer]: task.reason ?? 'refused' };
		record(w, 'batch.refused', { index: task.index, sequencer: task.signer, reason: task.reason ?? 'refused' });
	}
	if (respondedAll(proposal)) conclude(w, proposal);
}

function acceptSignature(w: WorldCore, proposal: BatchProposal, signer: string, signature: Hex): void {
	proposal.signatures = { ...proposal.signatures, [signer]: signature };
	record(w, 'batch.signature', { index: proposal.index, sequencer: signer, count: Object.keys(proposal.signatures).length, of: proposal.activeSet.length });
}

function respondedAll(p: BatchProposal): boolean {
	return Object.keys(p.signatures).length + Object.keys(p.refusals).length >= p.activeSet.length;
}

/** The latest proposal with this index and status. */
export function findProposal(w: WorldCore, index: number, status: BatchProposal['status']): BatchProposal | undefined {
	for (let i = w.data.proposals.length - 1; i >= 0; i--) {
		const p = w.data.proposals[i];
		if (p.index === index && p.status === status) return p;
	}
	return undefined;
}

/** The proposer's signing timer fired before everyone answered. */
export function onSignTimeout(w: WorldCore, index: number): void {
	const proposal = signing(w);
	if (proposal && proposal.index === index) conclude(w, proposal);
}

/** Ends the signing round: aggregate and submit with a quorum, or give the blocks back without one. */
function conclude(w: WorldCore, proposal: BatchProposal): void {
	const { data } = w;
	const signers = Object.keys(proposal.signatures).sort();
	const activeSet = proposal.activeSet.map((id) => ({ id, stake: BigInt(proposal.activeStakes[id]) }));
	if (!hasQuorum({ rule: quorumRule(w), activeSet, signers })) {
		proposal.status = 'no-quorum';
		data.nextBatchBlock = proposal.firstBlock;
		record(w, 'batch.no-quorum', { index: proposal.index, signed: signers.length, of: activeSet.length, missing: activeSet.map((m) => m.id).filter((id) => !signers.includes(id)) });
		tell(w, proposal.proposer, { type: 'batch.completed', index: proposal.index });
		const first = data.blocks[data.nextBatchBlock - 1];
		if (first) w.scheduler.schedule(Math.max(data.now + data.params.signTimeoutMs, first.timestamp + data.params.maxBatchDelayMs), { kind: 'batch.deadline' }, 'batch.deadline');
		return;
	}
	proposal.signers = signers;
	proposal.aggregateSignature = toHex(blsAggregate(signers.map((s) => fromHex(proposal.signatures[s]))));
	proposal.status = 'submitted';
	record(w, 'finality.signed', { batch: proposal.index, signers, txs: proposal.txs.length });
	tell(w, proposal.proposer, { type: 'batch.completed', index: proposal.index });
	const block = nextL1Block(w);
	w.scheduler.schedule(block.at, { kind: 'l1.include', index: proposal.index });
	maybeProposeBatch(w, false);
	const first = data.blocks[data.nextBatchBlock - 1];
	if (first && !w.scheduler.has('batch.deadline')) w.scheduler.schedule(Math.max(data.now, first.timestamp + data.params.maxBatchDelayMs), { kind: 'batch.deadline' }, 'batch.deadline');
}

/** The batch's L1 transaction lands in a block: the inbox checks quorum and the aggregate signature. */
export function onL1Include(w: WorldCore, index: number): void {
	const { data } = w;
	const proposal = findProposal(w, index, 'submitted');
	if (!proposal || !proposal.aggregateSignature) return;
	const l1Block = Math.round(data.now / data.params.l1BlockMs);
	const result = data.inbox.submitBatch({
		header: { chainId: data.params.chainId, batchIndex: index, prevStateRoot: proposal.prevStateRoot, stateRoot: proposal.stateRoot, txRoot: proposal.txRoot },
		signers: proposal.signers,
		aggregateSignature: proposal.aggregateSignature,
		activeSet: data.staking.activeSet().map((m) => ({ id: m.id, stake: m.stake, blsPublicKey: m.blsPublicKey })),
		now: data.now,
		l1Block
	});
	proposal.l1Block = l1Block;
	proposal.submittedAt = data.now;
	if (!result.ok) {
		proposal.status = 'rejected';
		proposal.rejectedReason = result.error;
		record(w, 'batch.rejected', { index, l1Block, reason: result.error });
		// Its blocks go back to be batched again after the last batch L1 holds.
		data.nextBatchBlock = Math.min(data.nextBatchBlock, proposal.firstBlock);
		for (const next of data.proposals) if (next.index > index && next.status === 'submitted') next.status = 'rejected';
		maybeProposeBatch(w, true);
		return;
	}
	proposal.status = 'posted';
	onBatchPosted(w, proposal);
}
