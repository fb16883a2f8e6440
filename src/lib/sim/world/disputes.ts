/**
 * Challenges, by finality mode. Optimistic: an interactive bisection game on L1 between the batch's
 * proposer (defender) and the challenger, down to one step that L1 executes. ZK: an invalid batch
 * can never be proven and is reverted at the proof deadline. Hybrid: a missing or failing proof lets
 * a validator submit one ZK fraud proof (proving time simulated). The loser of a fraud pays: every
 * signer of the header is slashed and the batch, with every batch built on it, is reverted.
 */
import type { Hex } from 'viem';
import { fabricateRoots, honestRoots, stateBeforeStep, traceTx, type ClaimedRoots } from '../../chain/trace';
import { disputeGameMachine, type DisputeGameEmitted } from '../actors/disputeGameMachine';
import { executeOneStep } from '../l1/oneStep';
import { record, type WorldCore } from './core';
import { FRAUD_MINT } from './faults';
import { punish, revertFrom } from './punish';
import { reexecute } from './reexecute';
import { proofTimeMs, trySettle } from './settlement';
import type { BatchProposal } from './types';

/** The actor id of the dispute game over a batch. */
export const disputeId = (batch: number) => `dispute-${batch}`;

function proposalUnderDispute(w: WorldCore, batch: number): BatchProposal | undefined {
	for (let i = w.data.proposals.length - 1; i >= 0; i--) if (w.data.proposals[i].index === batch && w.data.disputes[batch]) return w.data.proposals[i];
	return undefined;
}

/** Opens a challenge against a batch (posted) or a signed header (lone cheater), as the finality mode says. */
export function openDispute(w: WorldCore, proposal: BatchProposal, challenger: string): void {
	const { data } = w;
	const existing = data.disputes[proposal.index];
	if (existing && existing.outcome === 'open') return;
	const posted = proposal.status === 'posted';
	if (posted) {
		data.inbox.markChallenged({ index: proposal.index });
		proposal.challenged = true;
	}
	const kind = w.finality === 'optimistic' ? 'bisection' : w.finality === 'zk' ? 'zk-deadline' : 'zk-fraud-proof';
	data.disputes[proposal.index] = { batch: proposal.index, kind, challenger, defender: proposal.proposer, openedAt: data.now, outcome: 'open', reason: null };
	record(w, 'challenge.opened', { batch: proposal.index, challenger, defender: proposal.proposer, kind, posted });
	if (kind === 'bisection') startBisection(w, proposal);
	else if (kind === 'zk-fraud-proof' || !posted) {
		// One ZK proof of the true post-state decides it (proving time simulated).
		w.scheduler.schedule(data.now + proofTimeMs(w, proposal.txs.length), { kind: 'zk.fraud-proof', index: proposal.index, challenger });
	}
}

/** The challenger's ZK fraud proof is verified on L1: it proves the true root of (prevStateRoot, txs). */
export function onZkFraudProof(w: WorldCore, index: number, challenger: string): void {
	const proposal = proposalUnderDispute(w, index);
	if (!proposal || w.data.disputes[index].outcome !== 'open') return;
	const truth = reexecute(w, proposal.prevStateRoot, proposal.txs);
	const fraud = !truth.ok || truth.stateRoot !== proposal.stateRoot;
	record(w, 'proof.fraud-proof-verified', { batch: index, challenger, provedRoot: truth.ok ? truth.stateRoot : null, claimedRoot: proposal.stateRoot, fraud, simulated: true });
	if (fraud) convict(w, proposal, challenger, 'ZK fraud proof: the state root does not follow from the transactions');
	else acquit(w, proposal, 'the ZK proof confirmed the claimed root');
}

/** ZK mode: no validity proof by the deadline means the batch is reverted. */
export function onZkDeadline(w: WorldCore, index: number): void {
	let proposal: BatchProposal | undefined;
	for (const p of w.data.proposals) if (p.index === index && p.status === 'posted') proposal = p;
	if (!proposal || proposal.proofVerifiedAt !== null) return;
	record(w, 'proof.missing', { batch: index, deadline: w.data.now });
	const challenger = w.data.disputes[index]?.challenger ?? null;
	if (!w.data.disputes[index]) w.data.disputes[index] = { batch: index, kind: 'zk-deadline', challenger, defender: proposal.proposer, openedAt: w.data.now, outcome: 'open', reason: null };
	convict(w, proposal, challenger, 'no validity proof before the deadline');
}

/** The fraud is proven: revert (if posted), slash every signer, reward the challenger. */
function convict(w: WorldCore, proposal: BatchProposal, challenger: string | null, reason: string): void {
	const dispute = w.data.disputes[proposal.index];
	dispute.outcome = 'challenger';
	dispute.reason = reason;
	record(w, 'dispute.resolved', { batch: proposal.index, winner: 'challenger', reason, challenger });
	const signers = proposal.signers.length > 0 ? proposal.signers : [proposal.proposer];
	if (proposal.status === 'posted') revertFrom(w, proposal, reason);
	for (const s of signers) punish(w, { sequencer: s, reason: 'signed a header whose state root is provably wrong', batch: proposal.index, challenger, byVote: false });
}

/** The defender was right: the challenge is dismissed and the batch may settle. */
function acquit(w: WorldCore, proposal: BatchProposal, reason: string): void {
	const dispute = w.data.disputes[proposal.index];
	dispute.outcome = 'defender';
	dispute.reason = reason;
	record(w, 'dispute.resolved', { batch: proposal.index, winner: 'defender', reason, challenger: dispute.challenger });
	if (proposal.status === 'posted') {
		w.data.inbox.dismissChallenge({ index: proposal.index });
		proposal.challenged = false;
		trySettle(w);
	}
}

// ——— the bisection game ———

const claimCache = new WeakMap<BatchProposal, { defender: ClaimedRoots; honest: ClaimedRoots }>();

/** What each side computes once per game: the defender's claims (fabricated if it cheated) and the true roots. */
function claimsOf(w: WorldCore, proposal: BatchProposal): { defender: ClaimedRoots; honest: ClaimedRoots } | null {
	const known = claimCache.get(proposal);
	if (known) return known;
	const prevState = w.data.stateAtRoot.get(proposal.prevStateRoot);
	if (!prevState || proposal.txs.length === 0) return null;
	const honest = honestRoots({ prevState, txs: proposal.txs });
	const credit = { address: w.cast.sequencerById.get(proposal.proposer)!.address, amount: FRAUD_MINT };
	const defender = proposal.fraudulent ? fabricateRoots({ prevState, txs: proposal.txs, tamperTx: proposal.txs.length - 1, credit }) : honest;
	const claims = { defender, honest: memoSteps(honest) };
	claims.defender = defender === honest ? claims.honest : memoSteps(defender);
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
		onZkFraudProof(w, proposal.index, w.data.disputes[proposal.index].challenger ?? '');
		return;
	}
	const state = prevState.clone();
	const stepCounts = proposal.txs.map((raw) => traceTx(state, raw).steps.length);
	w.actors.spawn(disputeId(proposal.index), disputeGameMachine, {
		id: disputeId(proposal.index),
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
	const batch = Number(actor.slice('dispute-'.length));
	const proposal = proposalUnderDispute(w, batch);
	if (!proposal) return;
	const dispute = w.data.disputes[batch];
	const { data } = w;
	const move = (by: 'defender' | 'challenger', make: (at: number) => import('../actors/disputeGameMachine').DisputeGameEvent) => {
		const who = by === 'defender' ? dispute.defender : dispute.challenger;
		const offline = who !== null && (data.sequencerBehaviour[who] === 'offline' || data.validatorBehaviour[who] === 'offline');
		if (offline) return;
		const at = data.now + data.params.disputeMoveMs;
		w.scheduler.schedule(at, { kind: 'actor', actor, event: make(at) });
	};
	switch (event.type) {
		case 'dispute.awaitReveal': {
			const claims = claimsOf(w, proposal);
			if (!claims) return;
			const root = rootAt(proposal, claims.defender, event.phase, event.index, event.tx);
			record(w, 'dispute.move', { batch, by: 'defender', phase: event.phase, index: event.index, tx: event.tx ?? null });
			move('defender', (at) => ({ type: 'defender.reveal', root, at }));
			return;
		}
		case 'dispute.awaitResponse': {
			const claims = claimsOf(w, proposal);
			if (!claims) return;
			const honest = rootAt(proposal, claims.honest, event.phase, event.index, event.tx);
			const agree = honest === event.root;
			record(w, 'dispute.move', { batch, by: 'challenger', phase: event.phase, index: event.index, agree });
			move('challenger', (at) => ({ type: 'challenger.respond', agree, at }));
			return;
		}
		case 'dispute.executeStep': {
			const prevState = data.stateAtRoot.get(proposal.prevStateRoot)!;
			const raw = proposal.txs[event.tx];
			const verdict = executeOneStep({
				preState: stateBeforeStep(prevState, proposal.txs, event.tx, event.step),
				raw,
				step: event.step,
				txPreState: stateBeforeStep(prevState, proposal.txs, event.tx, 0),
				agreedTxPreRoot: event.txPreRoot,
				agreedPreRoot: event.preRoot,
				claimedPostRoot: event.claimedPostRoot
			});
			const postRoot = verdict.ok ? verdict.value.postRoot : event.claimedPostRoot;
			record(w, 'dispute.one-step', { batch, tx: event.tx, step: event.step, claimed: event.claimedPostRoot, computed: postRoot, ok: verdict.ok });
			w.scheduler.schedule(data.now, { kind: 'actor', actor, event: { type: 'oneStep.executed', postRoot, at: data.now } });
			return;
		}
		case 'dispute.resolved': {
			if (dispute.outcome !== 'open') return;
			const why = event.reason === 'one-step' ? `bisection narrowed to tx ${event.tx} step ${event.step}; L1 executed it` : event.reason === 'defender-timeout' ? 'the defender ran out of time' : 'the challenger ran out of time';
			if (event.winner === 'challenger') convict(w, proposal, dispute.challenger, why);
			else acquit(w, proposal, why);
			return;
		}
		case 'dispute.invalidMove':
			record(w, 'dispute.invalid-move', { batch, by: event.by, reason: event.reason });
	}
}

/** Root number `index` in the given phase: tx roots 0..n (0 = prevStateRoot) or step roots 0..m of tx `tx`. */
function rootAt(proposal: BatchProposal, claims: ClaimedRoots, phase: 'txs' | 'steps', index: number, tx?: number): Hex {
	if (phase === 'txs') return index === 0 ? proposal.prevStateRoot : claims.txRoots[index - 1];
	const t = tx ?? 0;
	if (index === 0) return t === 0 ? proposal.prevStateRoot : claims.txRoots[t - 1];
	return claims.stepRoots(t)[index - 1];
}
