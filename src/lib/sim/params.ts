/** Every parameter of the simulated world, with the defaults of DESIGN.md section 2. */
import { DAY, GWEI, HOUR, METIS, MINUTE, SECOND } from './units';

/** How a batch settles on L1. */
export type FinalityMode = 'optimistic' | 'zk' | 'hybrid';
/** The finality modes, in the order the UI lists them. */
export const FINALITY_MODES: readonly FinalityMode[] = ['optimistic', 'zk', 'hybrid'];

/** Every number of the world; the export writes them all. */
export interface WorldParams {
	/** L2 chain id (Metis Sepolia). */
	chainId: number;
	/** Time between L1 blocks. */
	l1BlockMs: number;
	/** L1 blocks until an L1 block is final (2 epochs). */
	l1FinalityBlocks: number;
	/** Time between L2 blocks while there are transactions. */
	l2BlockMs: number;
	/** Most transactions in one L2 block. */
	maxTxPerBlock: number;
	/** L2 blocks per epoch; one proposer per epoch. */
	epochLength: number;
	/** L2 blocks per batch. */
	batchSize: number;
	/** A partial batch is proposed anyway once its first block is this old. */
	maxBatchDelayMs: number;
	/** No L2 block for this long while transactions wait: a re-span elects another proposer. */
	respanDelayMs: number;
	/** One-way gossip latency between sequencers. */
	gossipDelayMs: number;
	/** Time a peer takes to re-execute a proposed batch before signing. */
	reviewMs: number;
	/** The proposer waits this long for signatures before it gives up on the round. */
	signTimeoutMs: number;
	/** Whether the quorum counts sequencers or stake. */
	quorumBy: 'count' | 'stake';
	/** Quorum fraction numerator. */
	quorumNumerator: number;
	/** Quorum fraction denominator. */
	quorumDenominator: number;
	/** 'at-least' the fraction must sign (the seed article), or 'more-than' it (Themis as deployed: `totalPower*2/3+1`). */
	quorumThreshold: 'at-least' | 'more-than';
	/** Minimum stake (self + delegated) to be in the active set. */
	minStake: bigint;
	/** Maximum stake per sequencer. */
	maxStake: bigint;
	/** Delay between unlocking and claiming. */
	exitDelayMs: number;
	/** Reward per L2 block to its producer, paid when the batch settles. */
	rewardPerBlock: bigint;
	/** Operator commission on delegators' rewards, in basis points. */
	commissionBps: number;
	/** What the administrator puts in the rewards pool at genesis. */
	rewardsPoolFunding: bigint;
	/** Probability that a validator re-executes a posted batch. */
	sampleRate: number;
	/** Time a validator takes to re-execute a batch. */
	validatorCheckMs: number;
	/** Optimistic challenge window. */
	challengeWindowMs: number;
	/** Simulated ZK proving time: fixed part. */
	zkProofBaseMs: number;
	/** Simulated ZK proving time: per transaction. */
	zkProofPerTxMs: number;
	/** Hybrid mode: the ZK proof is due this long after posting; the batch settles then. */
	hybridProofDeadlineMs: number;
	/** Validity mode: a batch with no verified proof this long after posting is reverted. */
	zkProofDeadlineMs: number;
	/** Optimistic disputes: time a party takes to make its next bisection move. */
	disputeMoveMs: number;
	/** Optimistic disputes: each party's chess clock. */
	disputeClockMs: number;
	/** Paid from the rewards pool to a validator for each sampled batch it attests. */
	verificationReward: bigint;
	/** What re-executing a batch costs a validator (simulated compute, shown, not charged in METIS). */
	verificationCostGas: number;
	/** A user whose transaction waits this long suspects censorship and enqueues it on L1. */
	censorshipPatienceMs: number;
	/** 'textbook': slash with proof or by vote; 'as-deployed': the administrator force-unlocks instead (Metis today). */
	slashing: 'textbook' | 'as-deployed';
	/** Share of stake slashed with proof, in basis points. */
	slashFractionBps: number;
	/** Share of stake slashed by vote, in basis points. */
	voteSlashFractionBps: number;
	/** Validity mode: share of each signer's stake slashed when its batch gets no proof by the deadline (0 = off: the batch is simply never executed). */
	missingProofSlashBps: number;
	/** Share of a slash paid to the challenger, in basis points; the rest is burned. */
	challengerShareBps: number;
	/** Delay after which an L1-enqueued transaction must be included. */
	forceInclusionDelayMs: number;
	/** Whether forced inclusion is enforced ('textbook') or merely possible ('as-deployed'). */
	forceInclusion: 'textbook' | 'as-deployed';
	/** Transactions per second across all users while traffic runs. */
	txPerSecond: number;
	/** Traffic starts at this time. */
	trafficFromMs: number;
	/** Traffic stops at this time. */
	trafficUntilMs: number;
	/** Fraction of user transactions that are DEX swaps (the rest are transfers). */
	swapShare: number;
	/** Largest swap a user makes, in METIS (USD swaps go up to ten times as many USD); the smallest is a fiftieth of it. */
	swapMaxMetis: bigint;
	/** Slippage users accept on a swap, in basis points: the room a sandwich lives in. */
	swapSlippageBps: number;
	/** Each user's METIS on L2 at genesis. */
	userL2Balance: bigint;
	/** Each user's USD on L2 at genesis. */
	userL2Usd: bigint;
	/** Each user's METIS on L1 at genesis (for delegating). */
	userL1Balance: bigint;
	/** The DEX pool's METIS reserve at genesis. */
	dexMetis: bigint;
	/** The DEX pool's USD reserve at genesis. */
	dexUsd: bigint;
	/** Each validator's METIS on L1 at genesis. */
	validatorL1Balance: bigint;
	/** The administrator's treasury on L1 at genesis. */
	treasury: bigint;
	/** Interval between automatic checkpoints of the world. */
	checkpointEveryMs: number;
}

/** The defaults: the textbook design with mainnet numbers where they exist. */
export const DEFAULT_PARAMS: WorldParams = {
	chainId: 59902,
	l1BlockMs: 12 * SECOND,
	l1FinalityBlocks: 64,
	l2BlockMs: 2 * SECOND,
	maxTxPerBlock: 200,
	epochLength: 50,
	batchSize: 10,
	maxBatchDelayMs: MINUTE,
	respanDelayMs: 3 * MINUTE,
	gossipDelayMs: 150,
	reviewMs: 300,
	signTimeoutMs: 6 * SECOND,
	quorumBy: 'count',
	quorumNumerator: 2,
	quorumDenominator: 3,
	quorumThreshold: 'at-least',
	minStake: 20_000n * METIS,
	maxStake: 100_000n * METIS,
	exitDelayMs: 21 * DAY,
	rewardPerBlock: 761_000n * GWEI,
	commissionBps: 1000,
	rewardsPoolFunding: 100_000n * METIS,
	sampleRate: 0.25,
	validatorCheckMs: 5 * SECOND,
	challengeWindowMs: 7 * DAY,
	zkProofBaseMs: 55 * MINUTE,
	zkProofPerTxMs: 2 * SECOND,
	hybridProofDeadlineMs: 4 * HOUR,
	zkProofDeadlineMs: 6 * HOUR,
	disputeMoveMs: HOUR,
	disputeClockMs: 3 * DAY + 12 * HOUR,
	verificationReward: 10n ** 16n,
	verificationCostGas: 2_000_000,
	censorshipPatienceMs: 2 * MINUTE,
	slashing: 'textbook',
	slashFractionBps: 10_000,
	voteSlashFractionBps: 1000,
	missingProofSlashBps: 0,
	challengerShareBps: 5000,
	forceInclusionDelayMs: 12 * HOUR,
	forceInclusion: 'textbook',
	txPerSecond: 1,
	trafficFromMs: 0,
	trafficUntilMs: 10 * MINUTE,
	swapShare: 0.3,
	swapMaxMetis: 5n * METIS,
	swapSlippageBps: 100,
	userL2Balance: 1_000n * METIS,
	userL2Usd: 10_000n * METIS,
	userL1Balance: 50_000n * METIS,
	dexMetis: 1_000_000n * METIS,
	dexUsd: 10_000_000n * METIS,
	validatorL1Balance: 1_000n * METIS,
	treasury: 10_000_000n * METIS,
	checkpointEveryMs: MINUTE
};

/** The keys of WorldParams whose values are bigint amounts of wei. */
export const AMOUNT_PARAMS = (Object.keys(DEFAULT_PARAMS) as (keyof WorldParams)[]).filter(
	(k) => typeof DEFAULT_PARAMS[k] === 'bigint'
);

/** Params as JSON: amounts become decimal strings of wei. */
export function paramsToJson(params: WorldParams): Record<string, string | number> {
	const out: Record<string, string | number> = {};
	for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'bigint' ? v.toString() : v;
	return out;
}
