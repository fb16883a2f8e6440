/** Events of a batch's life: proposed, reviewed and signed by the pool, posted to L1, checked, settled or reverted. */
import type { At, BatchRef, QuorumRuleFields } from './common';

/** The proposer gossiped a batch header to the pool. */
export interface BatchProposedEvent extends At, BatchRef {
	type: 'batch.proposed';
	/** Its proposer. */
	proposer: string;
	/** The epoch whose set signs it. */
	epoch: number;
	/** First L2 block it covers. */
	firstBlock: number;
	/** Last L2 block it covers. */
	lastBlock: number;
	/** Transactions in it. */
	txs: number;
	/** What the signers sign (DESIGN.md section 3). */
	signingRoot: string;
	/** Who is asked to sign: the epoch's set, by id. */
	activeSet: string[];
}

/** An honest proposer cannot reproduce the L1 tip and holds its blocks back until the tip is settled one way or the other. */
export interface BatchWithheldEvent extends At {
	type: 'batch.withheld';
	/** The proposer. */
	proposer: string;
	/** Why. */
	reason: string;
}

/** A faulty proposer's batch carries its fault (ground truth, for the narration; no actor reads it). */
export interface FaultInjectedEvent extends At, BatchRef {
	type: 'fault.injected';
	/** The faulty proposer. */
	actor: string;
	/** Its behaviour. */
	behaviour: string;
}

/** A peer re-executed the batch and checked its roots and order. */
export interface BatchReviewedEvent extends At, BatchRef {
	type: 'batch.reviewed';
	/** The peer. */
	sequencer: string;
	/** Whether it found the header valid. */
	valid: boolean;
	/** What it found wrong, or null. */
	reason: string | null;
	/** A colluder signing its accomplice's header without checking. */
	colluding: boolean;
}

/** A BLS signature reached the proposer. */
export interface BatchSignatureEvent extends At, BatchRef {
	type: 'batch.signature';
	/** The signer. */
	sequencer: string;
	/** Signatures so far. */
	count: number;
	/** Size of the set asked to sign. */
	of: number;
}

/** A peer refused to sign. */
export interface BatchRefusedEvent extends At, BatchRef {
	type: 'batch.refused';
	/** The peer. */
	sequencer: string;
	/** Why. */
	reason: string;
}

/** The signing round ended without a quorum; the blocks go back to be batched again. */
export interface BatchNoQuorumEvent extends At, BatchRef {
	type: 'batch.no-quorum';
	/** Its proposer. */
	proposer: string;
	/** Signatures it got. */
	signed: number;
	/** Size of the set. */
	of: number;
	/** Who refused. */
	refused: string[];
	/** Who never answered. */
	silent: string[];
	/** Peers that reported a block producer for reordering. */
	reorderReports: string[];
	/** The block producer they reported, or null. */
	reorderAccused: string | null;
	/** The rule it missed. */
	quorum: QuorumRuleFields;
	/** How the round ended: everyone had answered, the proposer's signing timer ran out, or the epoch ended first. */
	ended: 'answers' | 'timeout' | 'epoch-ended';
}

/** The batch reached its quorum: an aggregate BLS signature (the second rung of the ladder). */
export interface FinalitySignedEvent extends At, BatchRef {
	type: 'finality.signed';
	/** The signers in the aggregate, sorted. */
	signers: string[];
	/** The rule it reached. */
	quorum: QuorumRuleFields;
	/** Transactions in it. */
	txs: number;
}

/** L1 refused the batch. */
export interface BatchRejectedEvent extends At, BatchRef {
	type: 'batch.rejected';
	/** L1 block of the attempt. */
	l1Block: number;
	/** The rule it broke. */
	reason: string;
}

/** L1 accepted the batch (the third rung). */
export interface FinalityPostedEvent extends At, BatchRef {
	type: 'finality.posted';
	/** The posting's own number on L1 (every accepted submission has one). */
	posting: number;
	/** L1 block that holds it. */
	l1Block: number;
	/** Transactions in it. */
	txs: number;
	/** The epoch whose set L1 checked the signatures against. */
	epoch: number;
}

/** The L1 block holding the batch is final (the fourth rung). */
export interface FinalityL1FinalEvent extends At, BatchRef {
	type: 'finality.l1-final';
	/** That L1 block. */
	l1Block: number;
}

/** The batch's (simulated) validity proof was verified on L1. */
export interface ProofVerifiedEvent extends At, BatchRef {
	type: 'proof.verified';
	/** Simulated proving time, ms. */
	provingMs: number;
	/** Always true: proving is a time model, not a real prover. */
	simulated: true;
}

/** The optimistic challenge window of the batch closed, counted from its own posting. */
export interface WindowClosedEvent extends At, BatchRef {
	type: 'window.closed';
	/** When it was posted. */
	postedAt: number;
}

/** Hybrid: the batch's 4-hour proof deadline, counted from its own posting. */
export interface ProofDeadlineEvent extends At, BatchRef {
	type: 'proof.deadline';
	/** When it was posted. */
	postedAt: number;
	/** Whether its proof was verified by then. */
	proofVerified: boolean;
}

/** The batch settled (the last rung): withdrawals from it can be claimed. */
export interface FinalitySettledEvent extends At, BatchRef {
	type: 'finality.settled';
	/** Transactions in it. */
	txs: number;
	/** When it was posted. */
	postedAt: number;
	/** Whether its state root is the honest one (false: L1 settled a fraud nobody challenged). */
	honest: boolean;
}

/** L1 refused to settle the batch. */
export interface BatchSettleRefusedEvent extends At, BatchRef {
	type: 'batch.settle-refused';
	/** Why. */
	reason: string;
}

/** A block producer was paid for its blocks in a settled batch. */
export interface RewardsPaidEvent extends At, BatchRef {
	type: 'rewards.paid';
	/** The producer. */
	sequencer: string;
	/** Blocks paid for. */
	blocks: number;
	/** Paid (wei), shared with its delegators. */
	amount: string;
}

/** A block producer could not be paid. */
export interface RewardsUnpaidEvent extends At, BatchRef {
	type: 'rewards.unpaid';
	/** The producer. */
	sequencer: string;
	/** Blocks not paid for. */
	blocks: number;
	/** Why. */
	reason: string;
}

/** A producer convicted of a fraudulent batch earns nothing for the blocks that batch covered. */
export interface RewardsForfeitedEvent extends At, BatchRef {
	type: 'rewards.forfeited';
	/** The producer. */
	sequencer: string;
	/** Blocks it is not paid for. */
	blocks: number;
	/** The fraudulent proposal that cost it the reward. */
	fraudulentProposal: number;
}

/** A posted (or in-flight) batch was reverted: a proven fraud, a missing validity proof, or built on one of those. */
export interface BatchRevertedEvent extends At, BatchRef {
	type: 'batch.reverted';
	/** Why. */
	reason: string;
	/** The proposal whose fault caused it (this one, or the one it was built on). */
	cause: number;
}

/** L1 refused a revert. */
export interface RevertRefusedEvent extends At, BatchRef {
	type: 'revert.refused';
	/** Why. */
	reason: string;
}

/** After a revert, the honest pool re-derives the chain from the last good state root and batches it again. */
export interface ChainRederiveEvent extends At {
	type: 'chain.rederive';
	/** The first batch index to be posted again. */
	fromBatch: number;
	/** The first L2 block to be batched again. */
	fromBlock: number;
	/** The last L2 block waiting to be batched. */
	toBlock: number;
	/** The last good state root, which the next batch starts from. */
	stateRoot: string;
	/** Batches reverted. */
	reverted: number;
}

/** An honest validator re-executed a posted batch from its previous state root. */
export interface ValidatorCheckedEvent extends At, BatchRef {
	type: 'validator.checked';
	/** The validator. */
	validator: string;
	/** Whether the roots matched. */
	ok: boolean;
	/** Why it could not check, or null. */
	reason: string | null;
	/** Simulated compute it spent. */
	gas: number;
	/** Verification reward it was paid (wei). */
	reward: string;
}

/** A lazy validator attested without re-executing (the verifier's dilemma). */
export interface ValidatorAttestedEvent extends At, BatchRef {
	type: 'validator.attested';
	/** The validator. */
	validator: string;
	/** Always false: it did not check. */
	checked: false;
	/** Verification reward it was paid (wei). */
	reward: string;
}

/** A validator's re-execution gave a different state root. */
export interface ValidatorMismatchEvent extends At, BatchRef {
	type: 'validator.mismatch';
	/** The validator. */
	validator: string;
	/** The root the batch claims. */
	claimed: string;
	/** The root re-execution gave, or null if a transaction was invalid. */
	computed: string | null;
	/** What it does about it: challenge on L1, or nothing (under validity proofs the missing proof decides). */
	action: 'challenge' | 'none';
}

/** Events of batches. */
export type BatchEvent =
	| BatchProposedEvent
	| BatchWithheldEvent
	| FaultInjectedEvent
	| BatchReviewedEvent
	| BatchSignatureEvent
	| BatchRefusedEvent
	| BatchNoQuorumEvent
	| FinalitySignedEvent
	| BatchRejectedEvent
	| FinalityPostedEvent
	| FinalityL1FinalEvent
	| ProofVerifiedEvent
	| WindowClosedEvent
	| ProofDeadlineEvent
	| FinalitySettledEvent
	| BatchSettleRefusedEvent
	| RewardsPaidEvent
	| RewardsUnpaidEvent
	| RewardsForfeitedEvent
	| BatchRevertedEvent
	| RevertRefusedEvent
	| ChainRederiveEvent
	| ValidatorCheckedEvent
	| ValidatorAttestedEvent
	| ValidatorMismatchEvent;
