/** The data of a world: records, scheduler tasks and the identities of its actors. */
import type { Hex } from 'viem';
import type { AdminEvent } from '../actors/adminMachine';
import type { SequencerEvent } from '../actors/sequencerMachine';
import type { UserEvent } from '../actors/userMachine';
import type { ValidatorEvent } from '../actors/validatorMachine';
import type { DisputeGameEvent } from '../actors/disputeGameMachine';

/** Any event an actor of the world accepts. */
export type ActorEvent = UserEvent | SequencerEvent | ValidatorEvent | AdminEvent | DisputeGameEvent;

export type { SequencerBehaviour, ValidatorBehaviour } from '../behaviours';

/** A user's keys and address. */
export interface UserIdentity {
	/** Actor id, e.g. `user-12`. */
	id: string;
	/** Address on L1 and L2. */
	address: Hex;
	/** secp256k1 secret key. */
	secretKey: Uint8Array;
}

/** A sequencer's keys. */
export interface SequencerIdentity {
	/** Actor id, e.g. `seq-3`. */
	id: string;
	/** The operator's L1 address (holds and locks the stake). */
	address: Hex;
	/** The operator's secp256k1 key (its own L2 transactions). */
	operatorKey: Uint8Array;
	/** BLS secret key for batch signatures. */
	blsSecretKey: Uint8Array;
	/** BLS public key, 48 bytes compressed. */
	blsPublicKey: Hex;
	/** BLS proof of possession of the public key. */
	blsProofOfPossession: Hex;
}

/** A validator's identity. */
export interface ValidatorIdentity {
	/** Actor id, e.g. `val-2`. */
	id: string;
	/** Its L1 address (receives challenger rewards). */
	address: Hex;
}

/** A transaction waiting in the mempool, in arrival order. */
export interface MempoolEntry {
	/** Raw signed transaction. */
	raw: Hex;
	/** Transaction hash. */
	hash: Hex;
	/** Sending user's actor id. */
	user: string;
	/** When it reached the sequencers. */
	arrivedAt: number;
}

/** An L2 block built by a proposer. */
export interface L2Block {
	/** Height, from 1. */
	number: number;
	/** Sequencer that built it. */
	proposer: string;
	/** Simulated time it was built. */
	timestamp: number;
	/** Raw transactions, in order. */
	txs: Hex[];
	/** Their hashes. */
	hashes: Hex[];
	/** The user who sent each, or '' for one the proposer put in itself. */
	users: string[];
	/** State root after the block. */
	stateRoot: Hex;
}

/** A batch as proposed to the pool, with what happened to it. */
export interface BatchProposal {
	/** Batch index (0-based, as on L1). */
	index: number;
	/** Proposer's id. */
	proposer: string;
	/** Heights of the blocks it covers (first..last inclusive). */
	firstBlock: number;
	/** Last block height in the batch. */
	lastBlock: number;
	/** Raw transactions, in order. */
	txs: Hex[];
	/** Root before the batch. */
	prevStateRoot: Hex;
	/** Root after the batch. */
	stateRoot: Hex;
	/** The txRoot of DESIGN.md section 3. */
	txRoot: Hex;
	/** What the signers sign. */
	signingRoot: Hex;
	/** When it was proposed. */
	proposedAt: number;
	/** The active set when proposed: ids in order. */
	activeSet: string[];
	/** Stake of each active member when proposed (wei, decimal string). */
	activeStakes: Record<string, string>;
	/** Signatures received: signer id → 96-byte hex. */
	signatures: Record<string, Hex>;
	/** Peers that refused to sign, with why. */
	refusals: Record<string, string>;
	/** Where it stands. */
	status: 'signing' | 'no-quorum' | 'submitted' | 'posted' | 'rejected' | 'settled' | 'reverted';
	/** Aggregate signature sent to L1, or null. */
	aggregateSignature: Hex | null;
	/** Signers whose signatures were aggregated, sorted. */
	signers: string[];
	/** L1 block that included it, or null. */
	l1Block: number | null;
	/** Time of that L1 block, or null. */
	submittedAt: number | null;
	/** Why L1 refused it, if it did. */
	rejectedReason: string | null;
	/** When its L1 block became final, or null. */
	l1FinalAt: number | null;
	/** When its challenge window (optimistic) or proof deadline (hybrid) ended, or null. */
	windowEndedAt: number | null;
	/** When its validity proof was verified on L1 (zk, hybrid), or null. */
	proofVerifiedAt: number | null;
	/** When it settled, or null. */
	settledAt: number | null;
	/** Ground truth from the scenario: the header is fraudulent (never read by actors). */
	fraudulent: boolean;
	/** A challenge is open against it. */
	challenged: boolean;
	/** Peers that reported MEV reordering in it. */
	reports: string[];
	/** The second header an equivocating proposer signed for the same index, if any. */
	equivocation: { signingRoot: Hex; signature: Hex; stateRoot: Hex; txRoot: Hex; lastBlock: number } | null;
}

/** Everything the scheduler can be asked to do, as plain data. */
export type Task =
	| { kind: 'actor'; actor: string; event: ActorEvent }
	| { kind: 'traffic.start' }
	| { kind: 'traffic.stop' }
	| { kind: 'traffic.arrival' }
	| { kind: 'tx.arrive'; entry: MempoolEntry }
	| { kind: 'signature'; index: number; signer: string; signature: Hex | null; reason?: string }
	| { kind: 'batch.deadline' }
	| { kind: 'l1.include'; index: number }
	| { kind: 'l1.final'; index: number }
	| { kind: 'proof.verified'; index: number }
	| { kind: 'settle.due'; index: number }
	| { kind: 'respan.check' }
	| { kind: 'tx.patience'; hash: Hex; user: string }
	| { kind: 'forced.enqueue'; hash: Hex; user: string; raw: Hex }
	| { kind: 'forced.deadline'; hash: Hex }
	| { kind: 'evidence'; index: number; reporter: string; fault: 'equivocation' | 'invalid-tx' | 'wrong-state-root' }
	| { kind: 'zk.deadline'; index: number }
	| { kind: 'zk.fraud-proof'; index: number; challenger: string };
