/**
 * The mutable heart of a world: everything a checkpoint must capture, and the small helpers the
 * protocol steps share (log, schedule, send to an actor).
 */
import type { Hex } from 'viem';
import type { L2State } from '../../chain/state';
import type { EventLog, NewEvent, SimEvent } from '../events';
import type { ForcedInclusionQueue } from '../l1/forcedInclusion';
import type { RollupInbox } from '../l1/rollupInbox';
import type { SequencerSet } from '../l1/sequencerSet';
import type { StakingPool } from '../l1/stakingPool';
import type { FinalityMode, WorldParams } from '../params';
import type { Rng } from '../rng';
import type { Scheduler } from '../scheduler';
import type { ActorHost } from '../actors/runtime';
import type {
	ActorEvent,
	BatchProposal,
	L2Block,
	MempoolEntry,
	SequencerBehaviour,
	SequencerIdentity,
	Task,
	UserIdentity,
	ValidatorBehaviour,
	ValidatorIdentity
} from './types';

/** Who is in the world; fixed at genesis. */
export interface Cast {
	/** The users. */
	users: UserIdentity[];
	/** The sequencers. */
	sequencers: SequencerIdentity[];
	/** The validators. */
	validators: ValidatorIdentity[];
	/** The administrator's L1 address (its balance is the treasury). */
	admin: Hex;
	/** Index of users by id. */
	userById: Map<string, UserIdentity>;
	/** Index of sequencers by id. */
	sequencerById: Map<string, SequencerIdentity>;
}

/** The mutable data of a world, all of it restored by a checkpoint. */
export interface WorldData {
	/** Current simulated time. */
	now: number;
	/** Parameters in force (the administrator can change them). */
	params: WorldParams;
	/** The canonical L2 state at the tip. */
	l2: L2State;
	/** The staking contract (it also holds the L1 bank). */
	staking: StakingPool;
	/** The rollup inbox contract. */
	inbox: RollupInbox;
	/** The sequencer-set contract: each epoch's set, which signs that epoch's batches. */
	sequencerSet: SequencerSet;
	/** The forced-inclusion queue on L1. */
	forced: ForcedInclusionQueue;
	/** Transactions waiting, in arrival order. */
	mempool: MempoolEntry[];
	/** Every L2 block built. */
	blocks: L2Block[];
	/** Height of the first block not yet in a batch. */
	nextBatchBlock: number;
	/** Every proposal, by id (its position). */
	proposals: BatchProposal[];
	/** The proposal being signed now, or null. */
	signing: number | null;
	/** After a round without quorum, no new round starts before this time (unless something changes). */
	retryAt: number;
	/** State at the end of each batch, by state root, for peers and validators to re-execute from. */
	stateAtRoot: Map<Hex, L2State>;
	/** Current epoch. */
	epoch: number;
	/** Proposer of the current epoch. */
	proposer: string;
	/** Height at which the current epoch started. */
	epochStartHeight: number;
	/** Time of the last L2 block (or genesis). */
	lastBlockAt: number;
	/** Current traffic rate. */
	txPerSecond: number;
	/** Whether traffic is running. */
	trafficOn: boolean;
	/** Sequencer behaviours. */
	sequencerBehaviour: Record<string, SequencerBehaviour>;
	/** Validator behaviours. */
	validatorBehaviour: Record<string, ValidatorBehaviour>;
	/** Index of the next batch to settle, in order. */
	nextToSettle: number;
	/** A censoring sequencer's target user, by sequencer id. */
	censorTargets: Record<string, string>;
	/** When each transaction reached the sequencers by gossip: what first come, first served is checked against. */
	arrivals: Map<Hex, number>;
	/** States only colluders know: the tampered states behind fraudulent roots, by root. */
	cabalStates: Map<Hex, L2State>;
	/** Forced transactions by hash: their queue index, sender and the L2 block that holds them (null until included). */
	forcedByHash: Record<Hex, { queueIndex: number; user: string; block: number | null; raw: Hex; overdue: boolean }>;
	/** Things already narrated once (e.g. a censored transaction per proposer), so they are not repeated. */
	noted: Record<string, true>;
	/** Open or finished disputes, by proposal id. */
	disputes: Record<number, DisputeRecord>;
	/** Offences already punished (`sequencer:offence:proposal`): one offence, one punishment. */
	punished: Record<string, true>;
	/** Blocks whose producer was convicted for the fraudulent batch that held them: they earn it nothing (block → that proposal's id). */
	forfeited: Record<number, number>;
}

/** A challenge against a posted batch (or, for a lone cheater, a signed header the pool refused). */
export interface DisputeRecord {
	/** The proposal under dispute. */
	proposal: number;
	/** Its batch index. */
	batch: number;
	/** How it is decided: the bisection game, or one ZK fraud proof. */
	kind: 'bisection' | 'zk-fraud-proof';
	/** Who opened it: a validator, or the peer whose evidence it was. */
	challenger: string;
	/** The accused proposer. */
	defender: string;
	/** When it opened. */
	openedAt: number;
	/** 'open', who won, or 'moot' when the batch was reverted with one below it before this dispute ended. */
	outcome: 'open' | 'challenger' | 'defender' | 'moot';
	/** Why it ended. */
	reason: string | null;
}

/** What the protocol steps work on. */
export interface WorldCore {
	/** The seed the world was made from. */
	readonly seed: number | string;
	/** Scenario name. */
	readonly scenario: string;
	/** Finality mode. */
	readonly finality: FinalityMode;
	/** Who is in the world. */
	readonly cast: Cast;
	/** The one seeded RNG. */
	rng: Rng;
	/** The scheduler of timed tasks. */
	scheduler: Scheduler<Task>;
	/** The actors. */
	actors: ActorHost;
	/** The event log. */
	log: EventLog;
	/** The rest of the mutable data. */
	data: WorldData;
	/** Events recorded but not yet handed to the steps that react to them (empty between tasks). */
	pending: SimEvent[];
}

/** Appends an event at the current time; the router hands it to every step that reacts to it. */
export function record(w: WorldCore, event: NewEvent): void {
	const stamped = { t: w.data.now, ...event } as SimEvent;
	w.log.push(stamped);
	w.pending.push(stamped);
}

/** Sends an event to an actor now. */
export function tell(w: WorldCore, actor: string, event: ActorEvent): void {
	w.actors.send(actor, event);
}
