/**
 * Read-only questions the protocol steps ask of the world: which proposal is which, what the chain
 * tip is, the quorum rule and epoch set in force, who owns an address. Nothing here changes the world.
 */
import type { Hex } from 'viem';
import type { BatchRef } from '../events';
import type { QuorumRule } from '../l1/rollupInbox';
import type { EpochRecord } from '../l1/sequencerSet';
import type { WorldCore } from './core';
import type { BatchProposal } from './types';

/** A proposal by id. */
export function proposalById(w: WorldCore, id: number): BatchProposal | undefined {
	return w.data.proposals[id];
}

/** The batch, proposal and attempt that name a proposal in events. */
export function refOf(p: BatchProposal): BatchRef {
	return { batch: p.index, proposal: p.id, attempt: p.attempt };
}

/** The proposal being signed now, if any. */
export function signingProposal(w: WorldCore): BatchProposal | undefined {
	return w.data.signing === null ? undefined : w.data.proposals[w.data.signing];
}

/** Whether a proposal is on its way to, or on, L1 and not undone: the chain the next batch builds on. */
export function isLive(p: BatchProposal): boolean {
	return p.status === 'submitted' || p.status === 'posted' || p.status === 'settled';
}

/** The last live proposal, whose state root the next batch starts from. */
export function liveTip(w: WorldCore): BatchProposal | undefined {
	for (let i = w.data.proposals.length - 1; i >= 0; i--) if (isLive(w.data.proposals[i])) return w.data.proposals[i];
	return undefined;
}

/** The posted proposal at an L1 index that has not been undone, if any. */
export function postedAt(w: WorldCore, index: number): BatchProposal | undefined {
	for (let i = w.data.proposals.length - 1; i >= 0; i--) {
		const p = w.data.proposals[i];
		if (p.index === index && p.status === 'posted') return p;
	}
	return undefined;
}

/** How many proposals an L1 index has had so far. */
export function attemptsAt(w: WorldCore, index: number): number {
	let n = 0;
	for (const p of w.data.proposals) if (p.index === index) n++;
	return n;
}

/** The quorum rule in force. */
export function quorumRule(w: WorldCore): QuorumRule {
	const p = w.data.params;
	return { by: p.quorumBy, numerator: p.quorumNumerator, denominator: p.quorumDenominator, strict: p.quorumThreshold === 'more-than' };
}

/** The epoch in force, as the sequencer-set contract recorded it. */
export function currentEpoch(w: WorldCore): EpochRecord | undefined {
	return w.data.sequencerSet.current();
}

/** The L1 address of any actor id (rewards go there). */
export function addressOfActor(w: WorldCore, actor: string): Hex | null {
	return (
		w.cast.sequencerById.get(actor)?.address ??
		w.cast.validators.find((v) => v.id === actor)?.address ??
		w.cast.userById.get(actor)?.address ??
		null
	);
}

/** Simulated proving time of a batch: base plus per transaction (a cost model, not a real prover). */
export function proofTimeMs(w: WorldCore, txCount: number): number {
	return w.data.params.zkProofBaseMs + w.data.params.zkProofPerTxMs * txCount;
}

/** The time of the first L1 block strictly after now, and its number. */
export function nextL1Block(w: WorldCore): { number: number; at: number } {
	const number = Math.floor(w.data.now / w.data.params.l1BlockMs) + 1;
	return { number, at: number * w.data.params.l1BlockMs };
}

/** Whether this proposer refuses transactions from this user. */
export function censors(w: WorldCore, proposer: string, user: string): boolean {
	return w.data.sequencerBehaviour[proposer] === 'censor' && w.data.censorTargets[proposer] === user;
}

/** A forced transaction a block must carry. */
export interface ForcedTx {
	/** Raw signed transaction. */
	raw: Hex;
	/** Its hash. */
	hash: Hex;
	/** Sender. */
	user: string;
	/** Who puts it in: an honest proposer, or L1 after the deadline. */
	via: 'proposer' | 'l1-deadline';
}

/**
 * Forced transactions a block must start with: all pending ones for an honest proposer, only
 * overdue ones (enforced by L1) for a censoring one; none that L1 cannot enforce if it censors them.
 */
export function forcedForBlock(w: WorldCore, proposer: string): ForcedTx[] {
	const out: ForcedTx[] = [];
	for (const [hash, f] of Object.entries(w.data.forcedByHash) as [Hex, (typeof w.data.forcedByHash)[Hex]][]) {
		if (f.block !== null) continue;
		const enforced = f.overdue && w.data.forced.enforced;
		if (censors(w, proposer, f.user) && !enforced) continue;
		out.push({ raw: f.raw, hash, user: f.user, via: enforced ? 'l1-deadline' : 'proposer' });
	}
	return out.sort((a, b) => w.data.forcedByHash[a.hash].queueIndex - w.data.forcedByHash[b.hash].queueIndex);
}

/**
 * Since when the proposer has owed the pool something and stayed silent, or null if nothing waits:
 * transactions (mempool or L1 queue) it has built no block for, or blocks it could batch (the tip is
 * reproducible) without gossiping a header for them. A proposer that waits for a challenge owes nothing.
 */
export function waitingSince(w: WorldCore): number | null {
	const { data } = w;
	const forced = Object.values(data.forcedByHash).some((f) => f.block === null);
	if (data.mempool.length > 0 || forced) return Math.max(data.lastBlockAt, data.mempool[0]?.arrivedAt ?? data.lastBlockAt);
	const oldest = data.blocks[data.nextBatchBlock - 1];
	const tip = liveTip(w);
	if (!oldest || data.signing !== null || !data.stateAtRoot.has(tip ? tip.stateRoot : data.inbox.genesisStateRoot)) return null;
	const lastHeader = data.proposals[data.proposals.length - 1]?.proposedAt ?? 0;
	return Math.max(data.lastBlockAt, oldest.timestamp + data.params.maxBatchDelayMs, lastHeader);
}
