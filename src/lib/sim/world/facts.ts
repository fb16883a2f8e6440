/**
 * Facts the stage draws and must not work out itself: the traffic in force, what the pool and each
 * sequencer are doing, and when each open batch is expected to climb the rest of its finality
 * ladder. Codes, not words: the page puts them into words. Cheap, since a snapshot goes out every frame.
 */
import { hasQuorum } from '../l1/rollupInbox';
import type { FinalityMode } from '../params';
import { expectedSettleAt, type FinalityClocks } from '../rules/finality';
import type { WorldCore } from './core';
import { currentEpoch, quorumRule, waitingSince } from './lookups';
import type { BatchProposal } from './types';

/** The users' traffic now. */
export interface TrafficView {
	/** Transactions a second all users together send while traffic runs: the last rate a person or the parameters set. */
	txPerSecond: number;
	/** The rate the parameters in force set: what restarting stopped traffic goes back to. */
	baseTxPerSecond: number;
	/** Users are sending now (traffic started, not ended, rate above zero). */
	sending: boolean;
	/** Traffic has ended for good: no user will send again. */
	ended: boolean;
	/** When traffic starts (or started). */
	startsAt: number;
	/** When traffic ends (or ended). */
	endsAt: number;
}

/** What a sequencer is doing about the latest batch. */
export type SequencerDuty = 'signed' | 'refused' | 'checking' | 'waiting' | 'offline' | 'inactive';

/**
 * Where the pool stands: `empty` (nobody can propose), `no-quorum` (the online members of the active
 * set cannot meet the quorum rule), `stalled` (work waits and the proposer has let a block time pass),
 * `signing` (a round is open), `building` (blocks are being built) or `idle` (nothing to do).
 */
export type PoolStatus = 'empty' | 'no-quorum' | 'stalled' | 'signing' | 'building' | 'idle';

/** The pool as a whole. */
export interface PoolView {
	/** Where it stands. */
	status: PoolStatus;
	/** Members of the epoch's active set. */
	active: number;
	/** Of them, how many are online (answering). */
	online: number;
	/** Whether the online members could sign a batch under the rule in force. */
	quorumReachable: boolean;
	/** Since when work has waited on the proposer, or null when nothing waits. */
	waitingSince: number | null;
	/** When a re-span elects another proposer if nothing moves before then, or null. */
	respanAt: number | null;
	/** The batch the sequencers' duties refer to (the latest proposal), or null before any. */
	dutyBatch: { batch: number; proposal: number; attempt: number } | null;
}

/** What the finality ladder expects of a batch on L1 that has not settled yet, fixed by the parameters in force when L1 accepted it. */
export interface LadderView {
	/** When its L1 block is final. */
	l1FinalAt: number;
	/** When its challenge window (optimistic) or proof deadline (hybrid) ends; null under zk. */
	windowEndsAt: number | null;
	/** The latest time its validity proof may be verified (zk, hybrid); null when optimistic. */
	proofDueAt: number | null;
	/** When the simulated prover would have a proof of a valid batch verified (zk, hybrid); null when optimistic. */
	proofReadyAt: number | null;
	/** When it is expected to settle if nothing goes wrong (never before the batch below it); null while a challenge holds it. */
	settleAt: number | null;
	/** A challenge is open against it. */
	challenged: boolean;
}

/** The ladder rule in force for batches not yet on L1: what the rungs above `signed` will wait for. */
export interface FinalityRules {
	/** The finality mode. */
	mode: FinalityMode;
	/** L1 blocks until an L1 block is final. */
	l1FinalityBlocks: number;
	/** Those blocks in ms. */
	l1FinalityMs: number;
	/** What settling waits for: the challenge window, a verified validity proof, or the hybrid proof deadline. */
	settleRule: 'challenge-window' | 'validity-proof' | 'proof-deadline';
	/** How long that window or deadline is from posting (ms); for zk, the proof deadline. */
	settleWaitMs: number;
}

/** The traffic in force. */
export function trafficView(w: WorldCore): TrafficView {
	const { data } = w;
	const ended = !data.trafficOn && !w.scheduler.has('traffic.start');
	return {
		txPerSecond: data.txPerSecond,
		baseTxPerSecond: data.params.txPerSecond,
		sending: data.trafficOn && data.txPerSecond > 0,
		ended,
		startsAt: data.params.trafficFromMs,
		endsAt: data.params.trafficUntilMs
	};
}

/** Each sequencer's duty for the latest proposal, by id. */
export function duties(w: WorldCore, states: Record<string, string>): Record<string, SequencerDuty> {
	const { data } = w;
	const latest = data.proposals[data.proposals.length - 1];
	const out: Record<string, SequencerDuty> = {};
	for (const s of w.cast.sequencers) {
		const active = data.staking.sequencer(s.id)?.active ?? false;
		if (data.sequencerBehaviour[s.id] === 'offline') out[s.id] = 'offline';
		else if (!active) out[s.id] = 'inactive';
		else if (latest && s.id in latest.signatures) out[s.id] = 'signed';
		else if (latest && s.id in latest.refusals) out[s.id] = 'refused';
		else if (states[s.id]?.includes('reviewing')) out[s.id] = 'checking';
		else out[s.id] = 'waiting';
	}
	return out;
}

/** The pool as a whole. */
export function poolView(w: WorldCore): PoolView {
	const { data } = w;
	const members = currentEpoch(w)?.members ?? [];
	const online = members.filter((m) => data.sequencerBehaviour[m.id] !== 'offline');
	const quorumReachable = hasQuorum({ rule: quorumRule(w), activeSet: members, signers: online.map((m) => m.id) });
	const since = waitingSince(w);
	const latest = data.proposals[data.proposals.length - 1];
	let status: PoolStatus;
	if (!data.proposer || members.length === 0) status = 'empty';
	else if (!quorumReachable) status = 'no-quorum';
	else if (since !== null && data.now - since > data.params.l2BlockMs) status = 'stalled';
	else if (data.signing !== null) status = 'signing';
	else if (data.mempool.length > 0 || since !== null) status = 'building';
	else status = 'idle';
	return {
		status,
		active: members.length,
		online: online.length,
		quorumReachable,
		waitingSince: since,
		respanAt: since === null ? null : since + data.params.respanDelayMs,
		dutyBatch: latest ? { batch: latest.index, proposal: latest.id, attempt: latest.attempt } : null
	};
}

/** The ladder's expectations for each proposal on L1 not yet settled, by proposal id, in index order (each settles no earlier than the one below). */
export function ladders(w: WorldCore): Map<number, LadderView> {
	const out = new Map<number, LadderView>();
	const open = w.data.proposals.filter((p): p is BatchProposal & { clocks: FinalityClocks } => p.status === 'posted' && p.clocks !== null).sort((a, b) => a.index - b.index);
	let below: number | null = null;
	let held = false;
	for (const p of open) {
		// A challenge holds this batch, and every batch above it, until it is decided.
		held ||= p.challenged;
		const settleAt: number | null = held ? null : expectedSettleAt({ mode: w.finality, clocks: p.clocks, below });
		out.set(p.id, { ...p.clocks, settleAt, challenged: p.challenged });
		below = settleAt;
	}
	return out;
}

/** The ladder rule for batches not yet on L1, from the parameters in force. */
export function finalityRules(w: WorldCore): FinalityRules {
	const p = w.data.params;
	const base = { mode: w.finality, l1FinalityBlocks: p.l1FinalityBlocks, l1FinalityMs: p.l1FinalityBlocks * p.l1BlockMs };
	if (w.finality === 'optimistic') return { ...base, settleRule: 'challenge-window', settleWaitMs: p.challengeWindowMs };
	if (w.finality === 'zk') return { ...base, settleRule: 'validity-proof', settleWaitMs: p.zkProofDeadlineMs };
	return { ...base, settleRule: 'proof-deadline', settleWaitMs: p.hybridProofDeadlineMs };
}
