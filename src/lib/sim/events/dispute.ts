/** Events of catching a cheater: evidence, challenges, disputes, missing proofs and punishment. */
import type { At, BatchRef } from './common';

/** Faults a peer can prove on L1 with the proposer's own signature, or show by re-execution. */
export type EvidenceFault = 'equivocation' | 'invalid-tx' | 'wrong-state-root';

/** What a punishment is for. */
export type Offence = EvidenceFault | 'reorder' | 'missing-proof';

/** A peer sent L1 evidence against a header's proposer. */
export interface EvidenceSentEvent extends At, BatchRef {
	type: 'evidence.sent';
	/** The peer. */
	reporter: string;
	/** The proposer. */
	accused: string;
	/** What it shows. */
	fault: EvidenceFault;
}

/** What L1 made of a peer's evidence: every evidence gets exactly one outcome. */
export interface EvidenceOutcomeEvent extends At, BatchRef {
	type: 'evidence.accepted' | 'evidence.rejected' | 'evidence.deferred';
	/** The peer. */
	reporter: string;
	/** The proposer. */
	accused: string;
	/** What it showed. */
	fault: EvidenceFault;
	/** What L1 decided and why. */
	reason: string;
}

/** How a challenge is decided. */
export type DisputeKind = 'bisection' | 'zk-fraud-proof';

/** A challenge against a batch opened on L1. */
export interface ChallengeOpenedEvent extends At, BatchRef {
	type: 'challenge.opened';
	/** Who challenged (a validator, or the peer whose evidence it was). */
	challenger: string;
	/** The batch's proposer. */
	defender: string;
	/** How it will be decided. */
	kind: DisputeKind;
	/** Whether the header was on L1 (false: a signed header the pool refused). */
	posted: boolean;
}

/** One move of the bisection game. */
export interface DisputeMoveEvent extends At, BatchRef {
	type: 'dispute.move';
	/** Whose move. */
	by: 'defender' | 'challenger';
	/** Bisecting per-transaction roots, or the steps of one transaction. */
	phase: 'txs' | 'steps';
	/** The root index revealed (defender) or answered (challenger). */
	index: number;
	/** The disputed transaction (steps phase), or null. */
	tx: number | null;
	/** The challenger agrees with the revealed root (null for the defender's move). */
	agree: boolean | null;
	/** Lowest index still in dispute before the move (root lo is agreed). */
	lo: number;
	/** Highest index still in dispute before the move (root hi is disputed). */
	hi: number;
}

/** L1 executed the one disputed step. */
export interface DisputeOneStepEvent extends At, BatchRef {
	type: 'dispute.one-step';
	/** The transaction. */
	tx: number;
	/** The step. */
	step: number;
	/** The root the defender claimed after it. */
	claimed: string;
	/** The root L1 computed. */
	computed: string;
	/** Whether L1 accepted the witness. */
	ok: boolean;
}

/** A move the game refused. */
export interface DisputeInvalidMoveEvent extends At, BatchRef {
	type: 'dispute.invalid-move';
	/** Who made it. */
	by: string;
	/** Why it was refused. */
	reason: string;
}

/** A dispute ended. */
export interface DisputeResolvedEvent extends At, BatchRef {
	type: 'dispute.resolved';
	/** Who won. */
	winner: 'challenger' | 'defender';
	/** Why. */
	reason: string;
	/** The challenger. */
	challenger: string;
	/** How it was decided. */
	kind: DisputeKind;
}

/** A batch reached its deadline without a verified validity proof. */
export interface ProofMissingEvent extends At, BatchRef {
	type: 'proof.missing';
	/** zk: the batch is reverted (it never executes); hybrid: a validator may open a ZK fraud proof. */
	mode: 'zk' | 'hybrid';
	/** Hybrid: the validator who opens the fraud proof, or null. */
	challenger: string | null;
	/** What happens now, in a sentence. */
	consequence: string;
}

/** A ZK proof of the true post-state was verified on L1 (proving simulated). */
export interface FraudProofVerifiedEvent extends At, BatchRef {
	type: 'proof.fraud-proof-verified';
	/** Who proved it. */
	challenger: string;
	/** The true root, or null if a transaction is invalid. */
	provedRoot: string | null;
	/** The root the header claims. */
	claimedRoot: string;
	/** Whether the header lied. */
	fraud: boolean;
	/** Always true. */
	simulated: true;
}

/** A sequencer lost stake for an offence (textbook slashing). */
export interface SlashEvent extends At, BatchRef {
	type: 'slash';
	/** Who. */
	sequencer: string;
	/** What for, in words. */
	reason: string;
	/** What for. */
	offence: Offence;
	/** Decided by a stake vote rather than by proof. */
	byVote: boolean;
	/** Who gets the challenger's share, or null. */
	challenger: string | null;
	/** Slashed (wei). */
	amount: string;
	/** Part of it from stake already unbonding (wei): an unlock does not dodge a slash. */
	fromUnbonding: string;
	/** Paid to the challenger (wei). */
	challengerReward: string;
	/** Burned (wei). */
	burned: string;
	/** When the offence was committed. */
	offenceAt: number;
}

/** As deployed on Metis: the administrator force-unlocks the offender instead of slashing it. */
export interface ForceUnlockedEvent extends At, BatchRef {
	type: 'sequencer.force-unlocked';
	/** Who. */
	sequencer: string;
	/** What for, in words. */
	reason: string;
	/** What for. */
	offence: Offence;
	/** Always the administrator. */
	by: 'admin';
}

/** A punishment could not be carried out (already exiting, nothing left to slash…). */
export interface PunishRefusedEvent extends At, BatchRef {
	type: 'punish.refused';
	/** Who. */
	sequencer: string;
	/** What for. */
	offence: Offence;
	/** Why not. */
	reason: string;
}

/** Events of disputes and punishment. */
export type DisputeEvent =
	| EvidenceSentEvent
	| EvidenceOutcomeEvent
	| ChallengeOpenedEvent
	| DisputeMoveEvent
	| DisputeOneStepEvent
	| DisputeInvalidMoveEvent
	| DisputeResolvedEvent
	| ProofMissingEvent
	| FraudProofVerifiedEvent
	| SlashEvent
	| ForceUnlockedEvent
	| PunishRefusedEvent;
