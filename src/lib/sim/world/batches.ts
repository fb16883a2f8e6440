/**
 * Batches: the proposer gossips a header, each peer re-executes and signs it with BLS only if it
 * is valid, the proposer aggregates a 2/3 quorum and submits it to the rollup inbox on L1.
 */
import type { Hex } from 'viem';
import { signingRoot, txRoot, type BatchHeader } from '../../chain/batch';
import { blsAggregate, blsSign, blsVerify } from '../../chain/bls';
import { recoverSender } from '../../chain/tx';
import { fromHex, toHex } from '../../chain/hex';
import { hasQuorum } from '../l1/rollupInbox';
import { later, nextL1Block, record, tell, type WorldCore } from './core';
import { reexecute } from './reexecute';
import { onBatchPosted } from './settlement';
import { fabricateHeader, forgeTransaction, peerVerdict, type HeaderDraft } from './faults';
import { discardBlocks, punish } from './punish';
import { tallyMevReports } from './mev';
import { startEpoch } from './blocks';
import { openDispute } from './disputes';
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
	// While a batch is being signed, the end of that round re-arms the deadline.
	if (signing(w)) return;
	maybeProposeBatch(w, true);
	const { data } = w;
	if (!signing(w) && data.blocks.length >= data.nextBatchBlock) {
		// Nothing could be proposed now (e.g. the proposer waits for a challenge): try again later.
		w.scheduler.schedule(data.now + data.params.maxBatchDelayMs, { kind: 'batch.deadline' }, 'batch.deadline');
	}
}

function propose(w: WorldCore, count: number): void {
	const { data } = w;
	const first = data.nextBatchBlock;
	const blocks = data.blocks.slice(first - 1, first - 1 + count);
	const tip = tipProposal(w);
	const prevStateRoot = tip ? tip.stateRoot : data.inbox.genesisStateRoot;
	const behaviour = data.sequencerBehaviour[data.proposer];
	const colluder = behaviour === 'wrong-state-root';
	if (!data.stateAtRoot.has(prevStateRoot) && !colluder) {
		// An honest proposer cannot reproduce the L1 tip: it waits for the challenge to revert it.
		noteOnce(w, `withheld:${data.proposer}:${prevStateRoot}`, 'batch.withheld', { proposer: data.proposer, reason: 'the L1 tip cannot be reproduced; waiting for it to be challenged' });
		return;
	}
	let draft: HeaderDraft | null = { txs: blocks.flatMap((b) => b.txs), stateRoot: blocks[blocks.length - 1].stateRoot, fraudulent: false };
	if (colluder) draft = fabricateHeader(w, data.proposer, prevStateRoot, draft.txs);
	else if (behaviour === 'invalid-tx') draft = forgeTransaction(w, data.proposer, prevStateRoot, draft.txs) ?? draft;
	if (!draft) return;
	const header: BatchHeader = {
		chainId: data.params.chainId,
		batchIndex: tip ? tip.index + 1 : 0,
		prevStateRoot,
		stateRoot: draft.stateRoot,
		txRoot: txRoot(draft.txs)
	};
	const active = data.staking.activeSet();
	const proposal: BatchProposal = {
		index: header.batchIndex,
		proposer: data.proposer,
		firstBlock: first,
		lastBlock: first + count - 1,
		txs: draft.txs,
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
		fraudulent: draft.fraudulent,
		challenged: false,
		reports: [],
		equivocation: behaviour === 'equivocate' ? secondHeader(w, header, draft.txs, first + count - 1) : null
	};
	data.proposals.push(proposal);
	data.nextBatchBlock = proposal.lastBlock + 1;
	w.scheduler.cancel('batch.deadline');
	record(w, 'batch.proposed', {
		index: proposal.index,
		proposer: proposal.proposer,
		firstBlock: proposal.firstBlock,
		lastBlock: proposal.lastBlock,
		txs: proposal.txs.length,
		signingRoot: proposal.signingRoot,
		activeSet: proposal.activeSet
	});
	if (behaviour !== 'honest' && behaviour !== 'offline' && behaviour !== 'censor' && (draft.fraudulent || proposal.equivocation)) {
		record(w, 'fault.injected', { actor: proposal.proposer, behaviour, batch: proposal.index });
	}
	tell(w, proposal.proposer, { type: 'batch.proposed', index: proposal.index });
	// The proposer built the batch, so it signs at once; the others get the header by gossip.
	if (proposal.activeSet.includes(proposal.proposer)) {
		acceptSignature(w, proposal, proposal.proposer, signHeader(w, proposal.proposer, proposal.signingRoot));
	}
	for (const peer of proposal.activeSet) {
		if (peer === proposal.proposer) continue;
		later(w, data.params.gossipDelayMs, { kind: 'actor', actor: peer, event: { type: 'batch.received', index: proposal.index } });
	}
	if (proposal.activeSet.length > 0 && respondedAll(proposal)) conclude(w, proposal);
}

/** An equivocating proposer's second header for the same index: the same batch minus its last transaction. */
function secondHeader(w: WorldCore, header: BatchHeader, txs: Hex[], lastBlock: number): BatchProposal['equivocation'] {
	const result = reexecute(w, header.prevStateRoot, txs.slice(0, -1));
	if (!result.ok) return null;
	const other: BatchHeader = { ...header, stateRoot: result.stateRoot, txRoot: result.txRoot };
	const root = signingRoot(other);
	return { signingRoot: root, signature: signHeader(w, w.data.proposer, root), stateRoot: other.stateRoot, txRoot: other.txRoot, lastBlock };
}

/** Appends an event only the first time `key` is seen. */
export function noteOnce(w: WorldCore, key: string, type: string, fields: Record<string, string | number | boolean | null>): void {
	if (w.data.noted[key]) return;
	w.data.noted[key] = true;
	record(w, type, fields);
}

function signHeader(w: WorldCore, sequencer: string, root: Hex): Hex {
	const identity = w.cast.sequencerById.get(sequencer)!;
	return toHex(blsSign(identity.blsSecretKey, fromHex(root)));
}

/**
 * A peer finished re-executing the batch: it signs if and only if the header is valid. Colluders
 * sign their accomplices' headers unchecked. A provable fault goes to L1 as evidence; reordering is
 * reported for a vote.
 */
export function onReview(w: WorldCore, peer: string, index: number): void {
	const proposal = signing(w);
	if (!proposal || proposal.index !== index) return;
	const { data } = w;
	const behaviour = data.sequencerBehaviour[peer];
	if (behaviour === 'offline') return;
	const accomplice = behaviour === 'wrong-state-root' && data.sequencerBehaviour[proposal.proposer] === 'wrong-state-root';
	const verdict = accomplice ? null : peerVerdict(w, proposal);
	record(w, 'batch.reviewed', { index, sequencer: peer, valid: verdict === null, reason: verdict?.reason ?? null, colluding: accomplice });
	if (verdict === null) {
		later(w, data.params.gossipDelayMs, { kind: 'signature', index, signer: peer, signature: signHeader(w, peer, proposal.signingRoot) });
		return;
	}
	later(w, data.params.gossipDelayMs, { kind: 'signature', index, signer: peer, signature: null, reason: verdict.reason });
	if (verdict.fault === 'reorder') {
		proposal.reports = [...proposal.reports, peer];
		record(w, 'mev.reported', { index, reporter: peer, proposer: proposal.proposer });
	} else if (verdict.fault !== 'unknown-tip' && !data.noted[`evidence:${proposal.proposer}:${index}:${proposal.signingRoot}`]) {
		data.noted[`evidence:${proposal.proposer}:${index}:${proposal.signingRoot}`] = true;
		const block = nextL1Block(w);
		w.scheduler.schedule(block.at, { kind: 'evidence', index, reporter: peer, fault: verdict.fault });
		record(w, 'evidence.sent', { index, reporter: peer, accused: proposal.proposer, fault: verdict.fault });
	}
}

/** L1 checks a peer's evidence against the accused proposer's own BLS signature(s), and punishes. */
export function onEvidence(w: WorldCore, task: { index: number; reporter: string; fault: 'equivocation' | 'invalid-tx' | 'wrong-state-root' }): void {
	const { data } = w;
	let proposal: BatchProposal | undefined;
	for (const p of data.proposals) if (p.index === task.index && p.status !== 'posted' && p.status !== 'settled' && p.status !== 'submitted') proposal = p;
	if (!proposal) return;
	const accused = proposal.proposer;
	const key = fromHex(data.staking.sequencer(accused)?.blsPublicKey ?? '0x');
	const signed = (root: Hex, sig: Hex | undefined) => sig !== undefined && blsVerify(key, fromHex(root), fromHex(sig));
	if (!signed(proposal.signingRoot, proposal.signatures[accused])) {
		record(w, 'evidence.rejected', { index: task.index, reporter: task.reporter, reason: 'the header does not carry the accused proposer’s valid signature' });
		return;
	}
	if (task.fault === 'wrong-state-root') {
		openDispute(w, proposal, task.reporter);
		return;
	}
	const other = proposal.equivocation;
	const proven =
		task.fault === 'equivocation'
			? other !== null && other.signingRoot !== proposal.signingRoot && signed(other.signingRoot, other.signature)
			: txRoot(proposal.txs) === proposal.txRoot && proposal.txs.some((raw) => recoverSender(raw) === null);
	record(w, proven ? 'evidence.accepted' : 'evidence.rejected', { index: task.index, reporter: task.reporter, accused, fault: task.fault });
	if (proven) punish(w, { sequencer: accused, reason: task.fault === 'equivocation' ? 'equivocation' : 'signed a header with an invalid transaction', batch: task.index, challenger: task.reporter, byVote: false });
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
		const refused = Object.keys(proposal.refusals);
		record(w, 'batch.no-quorum', {
			index: proposal.index,
			signed: signers.length,
			of: activeSet.length,
			refused,
			silent: activeSet.map((m) => m.id).filter((id) => !signers.includes(id) && !refused.includes(id))
		});
		tell(w, proposal.proposer, { type: 'batch.completed', index: proposal.index });
		if (proposal.reports.length > 0) {
			if (tallyMevReports(w, proposal.proposer, proposal.index, proposal.reports, proposal.activeStakes)) {
				punish(w, { sequencer: proposal.proposer, reason: 'MEV reordering (sandwiching), by vote', batch: proposal.index, challenger: proposal.reports[0], byVote: true });
			}
			discardBlocks(w, proposal.firstBlock, proposal.prevStateRoot, `peers refused ${proposal.proposer}'s reordered blocks`);
		}
		// Refused for misbehaviour: the pool moves on to another proposer.
		if (refused.length > 0 && data.proposer === proposal.proposer) startEpoch(w, 'respan');
		const first = data.blocks[data.nextBatchBlock - 1];
		// Retry with exponential backoff (capped at 30 minutes) while the quorum stays out of reach.
		let failures = 0;
		for (let i = data.proposals.length - 1; i >= 0 && data.proposals[i].status === 'no-quorum' && data.proposals[i].index === proposal.index; i--) failures++;
		const backoff = Math.min(data.params.signTimeoutMs * 2 ** Math.min(failures - 1, 20), 30 * 60_000);
		if (first) w.scheduler.schedule(Math.max(data.now + backoff, first.timestamp + data.params.maxBatchDelayMs), { kind: 'batch.deadline' }, 'batch.deadline');
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
