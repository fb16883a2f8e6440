/**
 * The mutable heart of a world: everything a checkpoint must capture, and the small helpers the
 * protocol steps share (log, schedule, send to an actor).
 */
import type { Hex } from 'viem';
import type { L2State } from '../../chain/state';
import type { EventLog, SimEvent } from '../events';
import type { ForcedInclusionQueue } from '../l1/forcedInclusion';
import type { RollupInbox } from '../l1/rollupInbox';
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
	/** The forced-inclusion queue on L1. */
	forced: ForcedInclusionQueue;
	/** Transactions waiting, in arrival order. */
	mempool: MempoolEntry[];
	/** Every L2 block built. */
	blocks: L2Block[];
	/** Height of the first block not yet in a batch. */
	nextBatchBlock: number;
	/** Batches proposed, by index of attempt. */
	proposals: BatchProposal[];
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
	/** Open or finished disputes, by batch index. */
	disputes: Record<number, DisputeRecord>;
}

/** A challenge against a posted batch (or, for a lone cheater, an unposted signed header). */
export interface DisputeRecord {
	/** Batch index. */
	batch: number;
	/** How it is decided: bisection game, missing validity proof, or one ZK fraud proof. */
	kind: 'bisection' | 'zk-deadline' | 'zk-fraud-proof';
	/** Validator that opened it, or null. */
	challenger: string | null;
	/** The accused proposer. */
	defender: string;
	/** When it opened. */
	openedAt: number;
	/** 'open', or who won. */
	outcome: 'open' | 'challenger' | 'defender';
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
}

/** Appends an event at the current time. */
export function record(w: WorldCore, type: string, fields: Omit<SimEvent, 't' | 'type'> = {}): void {
	w.log.push({ t: w.data.now, type, ...fields });
}

/** Schedules a task `delay` ms from now. */
export function later(w: WorldCore, delay: number, task: Task, key?: string): void {
	w.scheduler.schedule(w.data.now + delay, task, key);
}

/** Sends an event to an actor now. */
export function tell(w: WorldCore, actor: string, event: ActorEvent): void {
	w.actors.send(actor, event);
}

/** The time of the first L1 block strictly after now, and its number. */
export function nextL1Block(w: WorldCore): { number: number; at: number } {
	const number = Math.floor(w.data.now / w.data.params.l1BlockMs) + 1;
	return { number, at: number * w.data.params.l1BlockMs };
}
