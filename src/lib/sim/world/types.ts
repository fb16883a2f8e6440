/** The data of a world: records, scheduler tasks and the identities of its actors. */
import type { Hex } from 'viem';
import type { AdminEvent } from '../actors/adminMachine';
import type { SequencerEvent } from '../actors/sequencerMachine';
import type { UserEvent } from '../actors/userMachine';
import type { ValidatorEvent } from '../actors/validatorMachine';
import type { DisputeGameEvent } from '../actors/disputeGameMachine';
import type { QuorumRule } from '../l1/rollupInbox';

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

/** Where a proposal stands. */
export type ProposalStatus = 'signing' | 'no-quorum' | 'submitted' | 'posted' | 'rejected' | 'settled' | 'reverted';

/** One proposal of a batch (an attempt at an L1 index), with what happened to it. */
export interface BatchProposal {
	/** Its own id, unique in the world (its position in `proposals`): every timer, proof and dispute keys on it. */
	id: number;
	/** Batch index (0-based, as on L1); later attempts at the same index share it. */
	index: number;
	/** Which attempt at this index it is, from 1. */
	attempt: number;
	/** Proposer's id. */
	proposer: string;
	/** The epoch it was proposed in: that epoch's set signs it. */
	epoch: number;
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
	/** The epoch's set: ids in order. */
	activeSet: string[];
	/** Stake of each member of that set (wei, decimal string). */
	activeStakes: Record<string, string>;
	/** Signatures received: signer id → 96-byte hex. */
	signatures: Record<string, Hex>;
	/** Peers that refused to sign, with why. */
	refusals: Record<string, string>;
	/** Where it stands. */
	status: ProposalStatus;
	/** The quorum rule its signing round was judged by (the administrator can change the rule later), or null while signing. */
	quorum: QuorumRule | null;
	/** Aggregate signature sent to L1, or null. */
	aggregateSignature: Hex | null;
	/** Signers whose signatures were aggregated, sorted. */
	signers: string[];
	/** Its posting number on L1 once accepted, or null. */
	posting: number | null;
	/** L1 block that included it (or refused it), or null. */
	l1Block: number | null;
	/** Time of that L1 block, or null. */
	submittedAt: number | null;
	/** Why L1 refused it, if it did. */
	rejectedReason: string | null;
	/** When its L1 block became final, or null. */
	l1FinalAt: number | null;
	/** The clocks its posting started (L1 finality, window or proof deadline), fixed when L1 accepted it; null before. */
	clocks: FinalityClocks | null;
	/** When its challenge window (optimistic) or proof deadline (hybrid) ended, or null. */
	windowEndedAt: number | null;
	/** When its validity proof was verified on L1 (zk, hybrid), or null. */
	proofVerifiedAt: number | null;
	/** When it settled, or null. */
	settledAt: number | null;
	/** When it was reverted, or null. */
	revertedAt: number | null;
	/** Why it was reverted, or null. */
	revertReason: string | null;
	/** Ground truth from the scenario: the header is fraudulent (never read by honest actors). */
	fraudulent: boolean;
	/** The cheater's own secret: after which transaction its fabricated state mints (-1: before the first), or null. */
	tamperTx: number | null;
	/** A challenge is open against it. */
	challenged: boolean;
	/** Peers that reported MEV reordering in it. */
	reorderReports: string[];
	/** The block producer they reported (whose own blocks broke first come, first served), or null. */
	reorderAccused: string | null;
	/** The second header an equivocating proposer signed for the same index, if any. */
	equivocation: { signingRoot: Hex; signature: Hex; stateRoot: Hex; txRoot: Hex; lastBlock: number } | null;
}

/** Faults a peer's evidence can show. */
export type EvidenceFault = 'equivocation' | 'invalid-tx' | 'wrong-state-root';

/** Everything the scheduler can be asked to do, as plain data; batch tasks name the proposal by id. */
export type Task =
	| { kind: 'actor'; actor: string; event: ActorEvent }
	| { kind: 'traffic.start' }
	| { kind: 'traffic.stop' }
	| { kind: 'traffic.arrival' }
	| { kind: 'tx.arrive'; entry: MempoolEntry }
	| { kind: 'signature'; proposal: number; signer: string; signature: Hex | null; reason?: string }
	| { kind: 'batch.deadline' }
	| { kind: 'l1.include'; proposal: number }
	| { kind: 'l1.final'; proposal: number }
	| { kind: 'proof.verified'; proposal: number }
	| { kind: 'settle.due'; proposal: number }
	| { kind: 'zk.deadline'; proposal: number }
	| { kind: 'respan.check' }
	| { kind: 'tx.patience'; hash: Hex; user: string }
	| { kind: 'forced.enqueue'; hash: Hex; user: string; raw: Hex }
	| { kind: 'forced.deadline'; hash: Hex }
	| { kind: 'evidence'; proposal: number; reporter: string; fault: EvidenceFault }
	| { kind: 'zk.fraud-proof'; proposal: number; challenger: string };

/** A task of one kind. */
export type TaskOf<K extends Task['kind']> = Extract<Task, { kind: K }>;

/** The clocks a posting starts, fixed by the parameters in force when L1 accepted it. */
export interface FinalityClocks {
	/** When its L1 block is final (`l1FinalityBlocks` L1 blocks later). */
	l1FinalAt: number;
	/** When its challenge window (optimistic) or proof deadline (hybrid) ends; null under zk. */
	windowEndsAt: number | null;
	/** The latest time its validity proof may be verified (zk and hybrid deadlines); null when optimistic. */
	proofDueAt: number | null;
	/** When a proof of a valid batch would be verified, by the simulated prover's cost model (the next L1 block after proving); null when optimistic. */
	proofReadyAt: number | null;
}
