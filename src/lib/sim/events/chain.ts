/** Events of the L2 chain itself: traffic, blocks, epochs and proposers, censorship and MEV. */
import type { At, BatchRef } from './common';

/** Users start sending transactions. */
export interface TrafficStartedEvent extends At {
	type: 'traffic.started';
	/** Transactions per second across all users. */
	txPerSecond: number;
}

/** Users stop sending transactions. */
export interface TrafficStoppedEvent extends At {
	type: 'traffic.stopped';
}

/** A user signed a transaction and sent it towards the sequencers. */
export interface TxSubmittedEvent extends At {
	type: 'tx.submitted';
	/** Transaction hash. */
	hash: string;
	/** Sender's user id. */
	user: string;
	/** What it does. */
	kind: 'transfer' | 'swap';
	/** Its nonce. */
	nonce: number;
}

/** A transaction could not be included (its nonce was used, its sender cannot pay…). */
export interface TxDroppedEvent extends At {
	type: 'tx.dropped';
	/** Transaction hash. */
	hash: string;
	/** Sender's user id, or null for one the proposer put in itself. */
	user: string | null;
	/** Why. */
	reason: string;
}

/** A censoring proposer left out a transaction (noted once per proposer and transaction). */
export interface TxCensoredEvent extends At {
	type: 'tx.censored';
	/** Transaction hash. */
	hash: string;
	/** Its sender. */
	user: string;
	/** The censoring proposer. */
	proposer: string;
}

/** The proposer built an L2 block. */
export interface BlockProducedEvent extends At {
	type: 'block.produced';
	/** Height, from 1. */
	number: number;
	/** Who built it. */
	proposer: string;
	/** Transactions in it (0 for a censor's empty block that keeps the height growing). */
	txs: number;
	/** State root after it. */
	stateRoot: string;
}

/** A transaction is in an L2 block: the first rung of the finality ladder. */
export interface FinalitySoftEvent extends At {
	type: 'finality.soft';
	/** Transaction hash. */
	hash: string;
	/** L2 block height. */
	block: number;
	/** How it executed. */
	status: 'ok' | 'reverted';
}

/** Why an epoch began. */
export type EpochReason = 'genesis' | 'epoch' | 'set-changed';

/** A new epoch with a proposer drawn by stake from the epoch's set. */
export interface EpochStartedEvent extends At {
	type: 'epoch.started';
	/** Epoch number. */
	epoch: number;
	/** Its proposer, or null when nobody can propose. */
	proposer: string | null;
	/** The proposer before, or null at genesis. */
	previous: string | null;
	/** L2 height at its start. */
	height: number;
	/** Why it began: genesis, the last epoch's blocks were done, or the set changed (a member was slashed or ejected). */
	reason: EpochReason;
	/** The sequencers whose signatures count in this epoch, by id. */
	set: string[];
}

/** A re-span: another proposer takes over mid-epoch (the last one stalled or its batch was refused). */
export interface EpochRespanEvent extends At {
	type: 'epoch.respan';
	/** Epoch number (a re-span starts a new one). */
	epoch: number;
	/** The new proposer, or null when nobody can propose. */
	proposer: string | null;
	/** The proposer it replaces. */
	previous: string | null;
	/** L2 height. */
	height: number;
	/** Why: the proposer stalled, or its peers refused its batch. */
	reason: 'stalled' | 'refused';
	/** The sequencers whose signatures count in this epoch, by id. */
	set: string[];
}

/** The L2 height has not grown for `respanDelayMs` while transactions waited. */
export interface ProposerStalledEvent extends At {
	type: 'proposer.stalled';
	/** The silent proposer. */
	proposer: string | null;
	/** Transactions waiting. */
	waitingTxs: number;
	/** How long the height has not grown, ms. */
	sinceMs: number;
}

/** Nobody in the pool has the minimum stake: nobody can propose. */
export interface PoolEmptyEvent extends At {
	type: 'pool.empty';
	/** Why. */
	reason: string;
}

/** A reordering proposer sandwiched a user's swap: it bought just before and sold just after. */
export interface MevSandwichEvent extends At {
	type: 'mev.sandwich';
	/** The sandwiching proposer. */
	proposer: string;
	/** Hash of the victim's swap. */
	victim: string;
	/** Hash of the front-run. */
	front: string;
	/** Hash of the back-run. */
	back: string;
	/** L2 block height. */
	block: number;
	/** What the front-run put in (wei of `token`). */
	frontIn: string;
	/** The token the sandwich is made in: the victim's input token. */
	token: 'METIS' | 'USD';
	/** Profit in `token` after both swaps' pool fees (wei), before gas. */
	grossProfit: string;
	/** Gas both of its transactions cost (wei of METIS). */
	gasCost: string;
	/** Profit after gas, in METIS at the pool's price after the back-run (wei); always positive. */
	netProfitMetis: string;
	/** What the victim got less than without the sandwich (wei of the victim's output token). */
	victimLoss: string;
}

/** A peer saw transactions of a batch out of their gossip order and reported the block producer that put them so. */
export interface MevReportedEvent extends At, BatchRef {
	type: 'mev.reported';
	/** The reporting peer. */
	reporter: string;
	/** The accused block producer. */
	accused: string;
}

/** The stake-weighted vote on a reported proposer. */
export interface VoteEvent extends At, BatchRef {
	type: 'vote.passed' | 'vote.failed';
	/** The accused sequencer. */
	sequencer: string;
	/** What it was accused of. */
	fault: 'reorder';
	/** Who voted in favour. */
	votes: string[];
	/** Stake in favour (wei). */
	stakeFor: string;
	/** Stake of the batch's set (wei). */
	stakeTotal: string;
	/** The rule the vote needed, e.g. "at least 2/3 of stake". */
	rule: string;
}

/** L2 blocks were discarded and their users' transactions went back to the mempool. */
export interface L2ReorgEvent extends At {
	type: 'l2.reorg';
	/** First discarded height. */
	fromBlock: number;
	/** Blocks discarded. */
	blocks: number;
	/** User transactions returned to the mempool. */
	returned: number;
	/** Why. */
	reason: string;
}

/** A user pushed a stuck transaction into the L1 forced-inclusion queue. */
export interface ForcedEnqueuedEvent extends At {
	type: 'forced.enqueued';
	/** Transaction hash. */
	hash: string;
	/** Sender. */
	user: string;
	/** Position in the L1 queue. */
	queueIndex: number;
	/** When it must be included by (textbook). */
	deadline: number;
	/** Whether L1 enforces the deadline (textbook) or not (as deployed). */
	enforced: boolean;
}

/** A forced transaction is in an L2 block. */
export interface ForcedIncludedEvent extends At {
	type: 'forced.included';
	/** Transaction hash. */
	hash: string;
	/** Sender. */
	user: string;
	/** L2 height. */
	block: number;
	/** Who put it in: an honest proposer, or L1 after the deadline. */
	via: 'proposer' | 'l1-deadline';
}

/** A forced transaction passed its deadline without being included. */
export interface ForcedOverdueEvent extends At {
	type: 'forced.overdue';
	/** Transaction hash. */
	hash: string;
	/** Sender. */
	user: string;
	/** Whether L1 now forces it in. */
	enforced: boolean;
}

/** Events of the chain. */
export type ChainEvent =
	| TrafficStartedEvent
	| TrafficStoppedEvent
	| TxSubmittedEvent
	| TxDroppedEvent
	| TxCensoredEvent
	| BlockProducedEvent
	| FinalitySoftEvent
	| EpochStartedEvent
	| EpochRespanEvent
	| ProposerStalledEvent
	| PoolEmptyEvent
	| MevSandwichEvent
	| MevReportedEvent
	| VoteEvent
	| L2ReorgEvent
	| ForcedEnqueuedEvent
	| ForcedIncludedEvent
	| ForcedOverdueEvent;
