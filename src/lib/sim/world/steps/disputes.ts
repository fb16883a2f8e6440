/**
 * Challenges, by finality mode. Optimistic: an interactive bisection game on L1 between the batch's
 * proposer (defender) and the challenger, down to one step that L1 executes. Hybrid: a challenge (or
 * a proof missing at the deadline) is decided by one ZK fraud proof of the true root (proving time
 * simulated). ZK: a posted batch is never challenged (its missing proof decides), but a signed header
 * the pool refused can still be proven wrong by a ZK proof. Each dispute names one proposal.
 */
import type { Hex } from 'viem';
import { fabricateRoots, honestRoots, stateBeforeStep, traceTx, type ClaimedRoots } from '../../../chain/trace';
import { disputeGameMachine, type DisputeGameEmitted, type DisputeGameEvent } from '../../actors/disputeGameMachine';
import type { EventOf } from '../../events';
import { executeOneStep } from '../../l1/oneStep';
import { FRAUD_MINT } from '../cheats';
import { record, type WorldCore } from '../core';
import { proofTimeMs, proposalById, refOf } from '../lookups';
import { reexecute } from '../reexecute';
import type { BatchProposal } from '../types';

/** The actor id of the dispute game over a proposal. */
const disputeId = (proposal: number) => `dispute-${proposal}`;

/** The proposal a dispute game's actor id names. */
function proposalOfDispute(actor: string): number {
	return Number(actor.slice('dispute-'.length));
}

/** A validator found a wrong root in a posted batch and challenges it. */
export function onMismatch(w: WorldCore, e: EventOf<'validator.mismatch'>): void {
	const p = proposalById(w, e.proposal);
	if (p && e.action === 'challenge') openDispute(w, p, e.validator);
}

/** L1 accepted a peer's evidence of a wrong root in a header the pool refused: L1 decides it by re-execution. */
export function onEvidenceAccepted(w: WorldCore, e: EventOf<'evidence.accepted'>): void {
	const p = proposalById(w, e.proposal);
	if (p && e.fault === 'wrong-state-root') openDispute(w, p, e.reporter);
}

/** Hybrid: the proof is missing at the deadline and an honest validator opens a ZK fraud proof. */
export function onProofMissing(w: WorldCore, e: EventOf<'proof.missing'>): void {
	const p = proposalById(w, e.proposal);
	if (p && e.mode === 'hybrid' && e.challenger) openDispute(w, p, e.challenger);
}

/** Opens a challenge against a posted batch or a refused signed header, as the finality mode says; one per proposal. */
function openDispute(w: WorldCore, proposal: BatchProposal, challenger: string): void {
	const { data } = w;
	if (data.disputes[proposal.id]) return;
	const posted = proposal.status === 'posted';
	if (!posted && (proposal.status === 'reverted' || proposal.status === 'settled' || proposal.status === 'submitted')) return;
	if (posted) {
		data.inbox.markChallenged({ posting: proposal.posting! });
		proposal.challenged = true;
	}
	const kind = w.finality === 'optimistic' ? 'bisection' : 'zk-fraud-proof';
	data.disputes[proposal.id] = { proposal: proposal.id, batch: proposal.index, kind, challenger, defender: proposal.proposer, openedAt: data.now, outcome: 'open', reason: null };
	record(w, { type: 'challenge.opened', ...refOf(proposal), challenger, defender: proposal.proposer, kind, posted });
	if (kind === 'bisection') startBisection(w, proposal);
	else w.scheduler.schedule(data.now + proofTimeMs(w, proposal.txs.length), { kind: 'zk.fraud-proof', proposal: proposal.id, challenger });
}

/** The challenger's ZK fraud proof is verified on L1: it proves the true root of (prevStateRoot, txs). */
export function onZkFraudProof(w: WorldCore, id: number, challenger: string): void {
	const proposal = proposalById(w, id);
	const dispute = w.data.disputes[id];
	if (!proposal || dispute?.outcome !== 'open') return;
	const truth = reexecute(w, proposal.prevStateRoot, proposal.txs);
	const fraud = !truth.ok || truth.stateRoot !== proposal.stateRoot;
	record(w, { type: 'proof.fraud-proof-verified', ...refOf(proposal), challenger, provedRoot: truth.ok ? truth.stateRoot : null, claimedRoot: proposal.stateRoot, fraud, simulated: true });
	resolve(w, proposal, fraud ? 'challenger' : 'defender', fraud ? 'ZK fraud proof: the state root does not follow from the transactions' : 'the ZK proof confirmed the claimed root');
}

/** Ends the dispute; the punishment, reverts and settlement steps act on the outcome. */
function resolve(w: WorldCore, proposal: BatchProposal, winner: 'challenger' | 'defender', reason: string): void {
	const dispute = w.data.disputes[proposal.id];
	dispute.outcome = winner;
	dispute.reason = reason;
	if (winner === 'defender' && proposal.status === 'posted') {
		w.data.inbox.dismissChallenge({ posting: proposal.posting! });
		proposal.challenged = false;
	}
	record(w, { type: 'dispute.resolved', ...refOf(proposal), winner, reason, challenger: dispute.challenger, kind: dispute.kind });
}

// ——— the bisection game ———

const claimCache = new WeakMap<BatchProposal, { defender: ClaimedRoots; honest: ClaimedRoots }>();

/** What each side computes once per game: the defender's claims (fabricated if it cheated) and the true roots. */
function claimsOf(w: WorldCore, proposal: BatchProposal): { defender: ClaimedRoots; honest: ClaimedRoots } | null {
	const known = claimCache.get(proposal);
	if (known) return known;
	const prevState = w.data.stateAtRoot.get(proposal.prevStateRoot);
	if (!prevState || proposal.txs.length === 0) return null;
	const honest = memoSteps(honestRoots({ prevState, txs: proposal.txs }));
	const credit = { address: w.cast.sequencerById.get(proposal.proposer)!.address, amount: FRAUD_MINT };
	// The defender replays its own fabrication: it knows after which transaction it minted.
	const tamperTx = proposal.tamperTx;
	const defender = proposal.fraudulent && tamperTx !== null && tamperTx >= 0 ? memoSteps(fabricateRoots({ prevState, txs: proposal.txs, tamperTx, credit })) : honest;
	const claims = { defender, honest };
	claimCache.set(proposal, claims);
	return claims;
}

function memoSteps(c: ClaimedRoots): ClaimedRoots {
	const steps = new Map<number, Hex[]>();
	return { txRoots: c.txRoots, stepRoots: (tx) => steps.get(tx) ?? (steps.set(tx, c.stepRoots(tx)), steps.get(tx)!) };
}

function startBisection(w: WorldCore, proposal: BatchProposal): void {
	const prevState = w.data.stateAtRoot.get(proposal.prevStateRoot);
	if (!prevState || proposal.txs.length === 0) {
		// Nothing to bisect (no transactions, or an unknown pre-state): decided by one re-execution on L1.
		onZkFraudProof(w, proposal.id, w.data.disputes[proposal.id].challenger);
		return;
	}
	const state = prevState.clone();
	const stepCounts = proposal.txs.map((raw) => traceTx(state, raw).steps.length);
	w.actors.spawn(disputeId(proposal.id), disputeGameMachine, {
		id: disputeId(proposal.id),
		batch: proposal.index,
		prevStateRoot: proposal.prevStateRoot,
		claimedStateRoot: proposal.stateRoot,
		txCount: proposal.txs.length,
		stepCounts,
		clockMs: w.data.params.disputeClockMs,
		startedAt: w.data.now
	});
}

/** Both parties' moves, and L1's one-step execution, as the game asks for them. */
export function onDisputeEffect(w: WorldCore, actor: string, event: DisputeGameEmitted): void {
	const id = proposalOfDispute(actor);
	const proposal = proposalById(w, id);
	const dispute = w.data.disputes[id];
	// A dispute made moot by a revert below it plays no further.
	if (!proposal || dispute?.outcome !== 'open') return;
	const { data } = w;
	const ref = refOf(proposal);
	const move = (by: 'defender' | 'challenger', make: (at: number) => DisputeGameEvent) => {
		const who = by === 'defender' ? dispute.defender : dispute.challenger;
		const offline = data.sequencerBehaviour[who] === 'offline' || data.validatorBehaviour[who] === 'offline';
		if (offline) return;
		const at = data.now + data.params.disputeMoveMs;
		w.scheduler.schedule(at, { kind: 'actor', actor, event: make(at) });
	};
	switch (event.type) {
		case 'dispute.awaitReveal': {
			const claims = claimsOf(w, proposal);
			if (!claims) return;
			const root = rootAt(proposal, claims.defender, event.phase, event.index, event.tx);
			record(w, { type: 'dispute.move', ...ref, by: 'defender', phase: event.phase, index: event.index, tx: event.tx ?? null, agree: null, lo: event.lo, hi: event.hi });
			move('defender', (at) => ({ type: 'defender.reveal', root, at }));
			return;
		}
		case 'dispute.awaitResponse': {
			const claims = claimsOf(w, proposal);
			if (!claims) return;
			const agree = rootAt(proposal, claims.honest, event.phase, event.index, event.tx) === event.root;
			record(w, { type: 'dispute.move', ...ref, by: 'challenger', phase: event.phase, index: event.index, tx: event.tx ?? null, agree, lo: event.lo, hi: event.hi });
			move('challenger', (at) => ({ type: 'challenger.respond', agree, at }));
			return;
		}
		case 'dispute.executeStep': {
			const prevState = data.stateAtRoot.get(proposal.prevStateRoot)!;
			const verdict = executeOneStep({
				preState: stateBeforeStep(prevState, proposal.txs, event.tx, event.step),
				raw: proposal.txs[event.tx],
				step: event.step,
				txPreState: stateBeforeStep(prevState, proposal.txs, event.tx, 0),
				agreedTxPreRoot: event.txPreRoot,
				agreedPreRoot: event.preRoot,
				claimedPostRoot: event.claimedPostRoot
			});
			const postRoot = verdict.ok ? verdict.value.postRoot : event.claimedPostRoot;
			record(w, { type: 'dispute.one-step', ...ref, tx: event.tx, step: event.step, claimed: event.claimedPostRoot, computed: postRoot, ok: verdict.ok });
			w.scheduler.schedule(data.now, { kind: 'actor', actor, event: { type: 'oneStep.executed', postRoot, at: data.now } });
			return;
		}
		case 'dispute.resolved': {
			const why =
				event.reason === 'one-step'
					? `bisection narrowed to tx ${event.tx} step ${event.step}; L1 executed it`
					: event.reason === 'defender-timeout'
						? 'the defender ran out of time'
						: 'the challenger ran out of time';
			resolve(w, proposal, event.winner, why);
			return;
		}
		case 'dispute.invalidMove':
			record(w, { type: 'dispute.invalid-move', ...ref, by: event.by, reason: event.reason });
	}
}

/** Root number `index` in the given phase: tx roots 0..n (0 = prevStateRoot) or step roots 0..m of tx `tx`. */
function rootAt(proposal: BatchProposal, claims: ClaimedRoots, phase: 'txs' | 'steps', index: number, tx?: number): Hex {
	if (phase === 'txs') return index === 0 ? proposal.prevStateRoot : claims.txRoots[index - 1];
	const t = tx ?? 0;
	if (index === 0) return t === 0 ? proposal.prevStateRoot : claims.txRoots[t - 1];
	return claims.stepRoots(t)[index - 1];
}
