/**
 * Batches: the proposer gossips a header, each peer re-executes and signs it with BLS only if it is
 * valid (the review rule), and the proposer aggregates a quorum of the epoch's set and submits it to
 * L1. Every proposal is its own attempt with its own id; a failed round, a rejection or a revert
 * sends the blocks back to be proposed again.
 */
import type { Hex } from 'viem';
import { signingRoot, txRoot, type BatchHeader } from '../../../chain/batch';
import { blsAggregate } from '../../../chain/bls';
import { fromHex, toHex } from '../../../chain/hex';
import type { EventOf } from '../../events';
import { hasQuorum } from '../../l1/rollupInbox';
import { isEvidence, judgeHeader, orderingViolation, signsUnchecked, type Verdict } from '../../rules/peerReview';
import { fabricateHeader, forgeTransaction, secondHeader, type HeaderDraft } from '../cheats';
import { record, tell, type WorldCore } from '../core';
import { attemptsAt, currentEpoch, liveTip, nextL1Block, proposalById, quorumRule, refOf, signingProposal } from '../lookups';
import { reexecute } from '../reexecute';
import { signHeader } from '../signing';
import { armBatchDeadline, later, scheduleRespanCheck } from '../timers';
import type { BatchProposal } from '../types';

/** Longest wait between two rounds that cannot reach a quorum. */
const MAX_BACKOFF_MS = 30 * 60_000;

/** Proposes the next batch when `batchSize` blocks wait (or, when forced, any blocks wait) and none is being signed. */
function maybePropose(w: WorldCore, force: boolean): void {
	const { data } = w;
	// A silent proposer gossips nothing; the stall watch replaces it.
	if (!data.proposer || signingProposal(w) || data.sequencerBehaviour[data.proposer] === 'offline') return;
	// Backing off after a round without quorum: new blocks alone do not make a quorum reachable.
	if (!force && data.now < data.retryAt) return;
	const waiting = data.blocks.length - data.nextBatchBlock + 1;
	if (waiting <= 0 || (!force && waiting < data.params.batchSize)) return;
	propose(w, Math.min(waiting, data.params.batchSize));
}

/** A new block may complete a batch. */
export function onBlockProduced(w: WorldCore): void {
	maybePropose(w, false);
}

/** A new proposer picks up what waits (the outgoing one ends its open round with what it has); partial batches go at their deadline. */
export function onEpochChanged(w: WorldCore): void {
	const open = signingProposal(w);
	if (open && open.proposer !== w.data.proposer) conclude(w, open, 'epoch-ended');
	w.data.retryAt = 0;
	maybePropose(w, false);
	const first = w.data.blocks[w.data.nextBatchBlock - 1];
	if (first && !signingProposal(w) && !w.scheduler.has('batch.deadline')) armBatchDeadline(w, first.timestamp + w.data.params.maxBatchDelayMs);
}

/** After a rejection or a revert the waiting blocks are old: propose them now. */
export function onBlocksReturned(w: WorldCore): void {
	maybePropose(w, true);
	const first = w.data.blocks[w.data.nextBatchBlock - 1];
	if (first && !signingProposal(w)) armBatchDeadline(w, w.data.now + w.data.params.maxBatchDelayMs);
}

/** The oldest unbatched block is `maxBatchDelayMs` old: propose what there is. */
export function onBatchDeadline(w: WorldCore): void {
	// While a batch is being signed, the end of that round re-arms the deadline.
	if (signingProposal(w)) return;
	maybePropose(w, true);
	const { data } = w;
	if (!signingProposal(w) && data.blocks.length >= data.nextBatchBlock) {
		// Nothing could be proposed now (the proposer waits for a challenge, or is silent): try again later.
		armBatchDeadline(w, data.now + data.params.maxBatchDelayMs);
		scheduleRespanCheck(w);
	}
}

function propose(w: WorldCore, count: number): void {
	const { data } = w;
	const first = data.nextBatchBlock;
	const blocks = data.blocks.slice(first - 1, first - 1 + count);
	const tip = liveTip(w);
	const prevStateRoot = tip ? tip.stateRoot : data.inbox.genesisStateRoot;
	const behaviour = data.sequencerBehaviour[data.proposer];
	const colluder = behaviour === 'wrong-state-root';
	if (!data.stateAtRoot.has(prevStateRoot) && !colluder) {
		// An honest proposer cannot reproduce the L1 tip: it waits for the tip to be challenged or to miss its proof.
		const waits = w.finality === 'zk' ? 'waiting for it to miss its proof deadline' : 'waiting for a challenge to revert it';
		noteOnce(w, `withheld:${data.proposer}:${prevStateRoot}`, { type: 'batch.withheld', proposer: data.proposer, reason: `the L1 tip cannot be reproduced from its transactions; ${waits}` });
		return;
	}
	let draft: HeaderDraft | null = { txs: blocks.flatMap((b) => b.txs), stateRoot: blocks[blocks.length - 1].stateRoot, fraudulent: false, tamperTx: null };
	if (colluder) draft = fabricateHeader(w, data.proposer, prevStateRoot, draft.txs);
	else if (behaviour === 'invalid-tx') draft = forgeTransaction(w, data.proposer, prevStateRoot, draft.txs) ?? draft;
	if (!draft) return;
	const index = tip ? tip.index + 1 : 0;
	const header: BatchHeader = { chainId: data.params.chainId, batchIndex: index, prevStateRoot, stateRoot: draft.stateRoot, txRoot: txRoot(draft.txs) };
	const epoch = currentEpoch(w)!;
	const proposal: BatchProposal = {
		id: data.proposals.length,
		index,
		attempt: attemptsAt(w, index) + 1,
		proposer: data.proposer,
		epoch: epoch.epoch,
		firstBlock: first,
		lastBlock: first + count - 1,
		txs: draft.txs,
		prevStateRoot,
		stateRoot: header.stateRoot,
		txRoot: header.txRoot,
		signingRoot: signingRoot(header),
		proposedAt: data.now,
		activeSet: epoch.members.map((m) => m.id),
		activeStakes: Object.fromEntries(epoch.members.map((m) => [m.id, m.stake.toString()])),
		signatures: {},
		refusals: {},
		status: 'signing',
		quorum: null,
		aggregateSignature: null,
		signers: [],
		posting: null,
		l1Block: null,
		submittedAt: null,
		rejectedReason: null,
		l1FinalAt: null,
		clocks: null,
		windowEndedAt: null,
		proofVerifiedAt: null,
		settledAt: null,
		revertedAt: null,
		revertReason: null,
		fraudulent: draft.fraudulent,
		tamperTx: draft.tamperTx,
		challenged: false,
		reorderReports: [],
		reorderAccused: null,
		equivocation: behaviour === 'equivocate' ? secondHeader(w, data.proposer, header, draft.txs, first + count - 1) : null
	};
	data.proposals.push(proposal);
	data.signing = proposal.id;
	data.nextBatchBlock = proposal.lastBlock + 1;
	w.scheduler.cancel('batch.deadline');
	const ref = refOf(proposal);
	record(w, { type: 'batch.proposed', ...ref, proposer: proposal.proposer, epoch: proposal.epoch, firstBlock: proposal.firstBlock, lastBlock: proposal.lastBlock, txs: proposal.txs.length, signingRoot: proposal.signingRoot, activeSet: proposal.activeSet });
	if (draft.fraudulent || proposal.equivocation) record(w, { type: 'fault.injected', ...ref, actor: proposal.proposer, behaviour });
	tell(w, proposal.proposer, { type: 'batch.proposed', proposal: proposal.id });
	// The proposer built the batch, so it signs at once; the others get the header by gossip.
	if (proposal.activeSet.includes(proposal.proposer)) acceptSignature(w, proposal, proposal.proposer, signHeader(w, proposal.proposer, proposal.signingRoot));
	for (const peer of proposal.activeSet) {
		if (peer !== proposal.proposer) later(w, data.params.gossipDelayMs, { kind: 'actor', actor: peer, event: { type: 'batch.received', proposal: proposal.id } });
	}
	if (proposal.activeSet.length > 0 && respondedAll(proposal)) conclude(w, proposal, 'answers');
}

/** Appends an event only the first time `key` is seen. */
function noteOnce(w: WorldCore, key: string, event: Parameters<typeof record>[1]): void {
	if (w.data.noted[key]) return;
	w.data.noted[key] = true;
	record(w, event);
}

const verdicts = new WeakMap<BatchProposal, Verdict>();

/** Every honest peer reaches the same verdict on the same header, so it is worked out once. */
function peerVerdict(w: WorldCore, p: BatchProposal): Verdict {
	if (verdicts.has(p)) return verdicts.get(p)!;
	const verdict = judgeHeader(p, () => {
		const tipKnown = w.data.stateAtRoot.has(p.prevStateRoot);
		const run = tipKnown && !p.equivocation ? reexecute(w, p.prevStateRoot, p.txs) : null;
		return {
			secondHeader: p.equivocation !== null,
			tipKnown,
			txRootMatches: run === null || run.txRoot === p.txRoot,
			invalidTx: run && !run.ok ? run.reason : null,
			stateRootMatches: run === null || (run.ok && run.stateRoot === p.stateRoot),
			orderViolation: run?.ok ? orderingViolation({ blocks: w.data.blocks.slice(p.firstBlock - 1, p.lastBlock), arrivedAt: (h) => w.data.arrivals.get(h), forced: (h) => w.data.forcedByHash[h] !== undefined }) : null
		};
	});
	verdicts.set(p, verdict);
	return verdict;
}

/**
 * A peer finished re-executing the batch: it signs if and only if the header is valid. Colluders
 * sign their accomplices' headers unchecked. A provable fault goes to L1 as evidence; reordering is
 * reported for a vote.
 */
export function onReview(w: WorldCore, peer: string, id: number): void {
	const proposal = signingProposal(w);
	if (!proposal || proposal.id !== id) return;
	const { data } = w;
	const behaviour = data.sequencerBehaviour[peer];
	if (behaviour === 'offline') return;
	const accomplice = signsUnchecked(behaviour, data.sequencerBehaviour[proposal.proposer]);
	const verdict = accomplice ? null : peerVerdict(w, proposal);
	const ref = refOf(proposal);
	record(w, { type: 'batch.reviewed', ...ref, sequencer: peer, valid: verdict === null, reason: verdict?.reason ?? null, colluding: accomplice });
	if (verdict === null) {
		later(w, data.params.gossipDelayMs, { kind: 'signature', proposal: id, signer: peer, signature: signHeader(w, peer, proposal.signingRoot) });
		return;
	}
	later(w, data.params.gossipDelayMs, { kind: 'signature', proposal: id, signer: peer, signature: null, reason: verdict.reason });
	if (verdict.fault === 'reorder') {
		proposal.reorderReports = [...proposal.reorderReports, peer];
		proposal.reorderAccused = verdict.accused ?? proposal.proposer;
		record(w, { type: 'mev.reported', ...ref, reporter: peer, accused: proposal.reorderAccused });
	} else if (isEvidence(verdict.fault) && !data.noted[`evidence:${id}`]) {
		data.noted[`evidence:${id}`] = true;
		record(w, { type: 'evidence.sent', ...ref, reporter: peer, accused: proposal.proposer, fault: verdict.fault });
	}
}

/** A signature (or a refusal) reaches the proposer. */
export function onSignature(w: WorldCore, task: { proposal: number; signer: string; signature: Hex | null; reason?: string }): void {
	const proposal = signingProposal(w);
	if (!proposal || proposal.id !== task.proposal) {
		// A refusal that arrives after the round ended (cut short by the epoch) is still said: the peer did refuse.
		const late = proposalById(w, task.proposal);
		if (late && !task.signature && !late.refusals[task.signer]) {
			late.refusals = { ...late.refusals, [task.signer]: task.reason ?? 'refused' };
			record(w, { type: 'batch.refused', ...refOf(late), sequencer: task.signer, reason: task.reason ?? 'refused' });
		}
		return;
	}
	if (task.signature) acceptSignature(w, proposal, task.signer, task.signature);
	else {
		const reason = task.reason ?? 'refused';
		proposal.refusals = { ...proposal.refusals, [task.signer]: reason };
		record(w, { type: 'batch.refused', ...refOf(proposal), sequencer: task.signer, reason });
	}
	if (respondedAll(proposal)) conclude(w, proposal, 'answers');
}

function acceptSignature(w: WorldCore, proposal: BatchProposal, signer: string, signature: Hex): void {
	proposal.signatures = { ...proposal.signatures, [signer]: signature };
	record(w, { type: 'batch.signature', ...refOf(proposal), sequencer: signer, count: Object.keys(proposal.signatures).length, of: proposal.activeSet.length });
}

function respondedAll(p: BatchProposal): boolean {
	return Object.keys(p.signatures).length + Object.keys(p.refusals).length >= p.activeSet.length;
}

/** The proposer's signing timer fired before everyone answered. */
export function onSignTimeout(w: WorldCore, id: number): void {
	const proposal = signingProposal(w);
	if (proposal && proposal.id === id) conclude(w, proposal, 'timeout');
}

/** Ends the signing round: aggregate and submit with a quorum, or give the blocks back without one. */
function conclude(w: WorldCore, proposal: BatchProposal, ended: 'answers' | 'timeout' | 'epoch-ended'): void {
	const { data } = w;
	const signers = Object.keys(proposal.signatures).sort();
	const activeSet = proposal.activeSet.map((id) => ({ id, stake: BigInt(proposal.activeStakes[id]) }));
	const rule = quorumRule(w);
	proposal.quorum = rule;
	data.signing = null;
	const ref = refOf(proposal);
	tell(w, proposal.proposer, { type: 'batch.completed', proposal: proposal.id });
	if (!hasQuorum({ rule, activeSet, signers })) {
		proposal.status = 'no-quorum';
		data.nextBatchBlock = proposal.firstBlock;
		const refused = Object.keys(proposal.refusals);
		const silent = proposal.activeSet.filter((id) => !signers.includes(id) && !refused.includes(id));
		record(w, { type: 'batch.no-quorum', ...ref, proposer: proposal.proposer, signed: signers.length, of: activeSet.length, refused, silent, reorderReports: proposal.reorderReports, reorderAccused: proposal.reorderAccused, quorum: rule, ended });
		// Retry with exponential backoff (capped) while the quorum stays out of reach.
		let failures = 0;
		for (let i = data.proposals.length - 1; i >= 0 && data.proposals[i].status === 'no-quorum' && data.proposals[i].index === proposal.index; i--) failures++;
		const backoff = Math.min(data.params.signTimeoutMs * 2 ** Math.min(failures - 1, 20), MAX_BACKOFF_MS);
		const first = data.blocks[data.nextBatchBlock - 1];
		data.retryAt = data.now + backoff;
		if (first) armBatchDeadline(w, Math.max(data.retryAt, first.timestamp + data.params.maxBatchDelayMs));
		return;
	}
	proposal.signers = signers;
	proposal.aggregateSignature = toHex(blsAggregate(signers.map((s) => fromHex(proposal.signatures[s]))));
	proposal.status = 'submitted';
	record(w, { type: 'finality.signed', ...ref, signers, quorum: rule, txs: proposal.txs.length });
	w.scheduler.schedule(nextL1Block(w).at, { kind: 'l1.include', proposal: proposal.id });
	maybePropose(w, false);
	const first = data.blocks[data.nextBatchBlock - 1];
	if (first && !signingProposal(w) && !w.scheduler.has('batch.deadline')) armBatchDeadline(w, first.timestamp + data.params.maxBatchDelayMs);
}

/** A sequencer came back: a quorum may be in reach again, so a backed-off round is retried now. */
export function onBehaviourChanged(w: WorldCore, e: EventOf<'behaviour.changed'>): void {
	if (e.behaviour === 'offline' || !w.cast.sequencerById.has(e.actor) || w.data.now >= w.data.retryAt) return;
	w.data.retryAt = 0;
	maybePropose(w, true);
}

/** L1 refused a batch: its blocks go back (see the posting step); propose them again. */
export function onRejected(w: WorldCore, e: EventOf<'batch.rejected'>): void {
	if (proposalById(w, e.proposal)) onBlocksReturned(w);
}
