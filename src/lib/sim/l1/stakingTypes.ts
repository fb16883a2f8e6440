import type { Hex } from 'viem';
import { ONE_METIS } from './bank';

/** Parameters of the staking contract; the administrator may change any of them. */
export interface StakingParams {
	/** Least stake (self + delegated, wei) for a sequencer to be in the active set. */
	minStake: bigint;
	/** Most stake (self + delegated, wei) one sequencer may hold. */
	maxStake: bigint;
	/** Time from unlock/undelegate until the tokens can be claimed (simulated ms). */
	exitDelayMs: number;
	/** Reward per L2 block to the block's producer (wei). */
	rewardPerBlock: bigint;
	/** Default operator commission on rewards, in basis points (1000 = 10%). */
	commissionBps: number;
}

/** Metis' deployed values: 20,000 / 100,000 METIS, 21 days, 0.000761 METIS a block, 10% commission. */
export const DEFAULT_STAKING_PARAMS: Readonly<StakingParams> = Object.freeze({
	minStake: 20_000n * ONE_METIS,
	maxStake: 100_000n * ONE_METIS,
	exitDelayMs: 21 * 24 * 60 * 60 * 1000,
	rewardPerBlock: 761_000n * 10n ** 9n,
	commissionBps: 1000
});

/** Basis points in a whole. */
export const BPS = 10_000;

/** Why a parameter set is invalid, or null when it is fine. */
export function stakingParamsError(p: StakingParams): string | null {
	if (p.minStake <= 0n) return 'minStake must be positive';
	if (p.maxStake < p.minStake) return 'maxStake must be at least minStake';
	if (!Number.isSafeInteger(p.exitDelayMs) || p.exitDelayMs < 0) return 'exitDelayMs must be a non-negative integer';
	if (p.rewardPerBlock < 0n) return 'rewardPerBlock must not be negative';
	if (!isBps(p.commissionBps)) return `commissionBps must be an integer 0..${BPS}`;
	return null;
}

/** Whether `value` is an integer number of basis points 0..10000. */
export function isBps(value: number): boolean {
	return Number.isInteger(value) && value >= 0 && value <= BPS;
}

/** Where a sequencer stands: in the pool, leaving by its own unlock, or force-unlocked by the admin. */
export type SequencerStatus = 'whitelisted' | 'exiting' | 'ejected';

/** Checks a BLS proof of possession (bytes of a G1 public key, bytes of a G2 proof). */
export type VerifyPop = (publicKey: Uint8Array, proof: Uint8Array) => boolean;

/** Read-only view of one sequencer in the staking contract. */
export interface SequencerView {
	/** Sequencer id, e.g. 'seq-1'. */
	id: string;
	/** Operator address: locks self stake, unlocks, receives commission. */
	operator: Hex;
	/** BLS12-381 G1 public key (48 bytes). */
	blsPublicKey: Hex;
	/** BLS proof of possession of that key (96 bytes, G2). */
	blsProofOfPossession: Hex;
	/** Commission in force for this sequencer, in basis points. */
	commissionBps: number;
	/** Operator's own locked stake (wei). */
	selfStake: bigint;
	/** Sum of all delegations (wei). */
	delegated: bigint;
	/** Delegated stake by delegator address (nonzero entries only). */
	delegations: Record<Hex, bigint>;
	/** selfStake + delegated. */
	stake: bigint;
	/** Pool status. */
	status: SequencerStatus;
	/** Whether it is in the active set (whitelisted and stake >= minStake). */
	active: boolean;
	/** Total slashed from this sequencer so far (wei). */
	slashed: bigint;
	/** When it unlocked or was force-unlocked (ms), or null. */
	exitedAt: number | null;
}

/** Stake waiting out the exit delay. */
export interface UnbondingEntry {
	/** Who may claim it. */
	owner: Hex;
	/** Sequencer the stake was bonded to (unbonding stake can still be slashed for earlier faults). */
	sequencerId: string;
	/** Amount (wei). */
	amount: bigint;
	/** When unbonding began (ms). */
	startedAt: number;
	/** Claimable when now >= releaseAt (ms). */
	releaseAt: number;
}

/** One member of the active set, as the rollup contract needs it. */
export interface ActiveMember {
	/** Sequencer id. */
	id: string;
	/** Total stake (wei). */
	stake: bigint;
	/** BLS public key used to check its batch signatures. */
	blsPublicKey: Hex;
}

/** How one payBlockRewards call was split. */
export interface RewardPayout {
	/** Total paid out of the rewards pool (wei); == toOperator + sum(toDelegators). */
	paid: bigint;
	/** Commission + the operator's pro-rata share + rounding dust. */
	toOperator: bigint;
	/** Each delegator's pro-rata share of the rest. */
	toDelegators: Record<Hex, bigint>;
}

/** What one slash took and where it went. */
export interface SlashOutcome {
	/** Total taken from stake (wei); == challengerReward + burned. */
	amount: bigint;
	/** The part of `amount` taken from stake already unbonding (wei). */
	fromUnbonding: bigint;
	/** Paid to the challenger's bank balance. */
	challengerReward: bigint;
	/** Destroyed. */
	burned: bigint;
}

/** A slash, kept for the world export. */
export interface SlashRecord extends SlashOutcome {
	/** Slashed sequencer id. */
	sequencer: string;
	/** Why, e.g. 'invalid state root'. */
	reason: string;
	/** Batch the fault was in, or null. */
	batch: number | null;
	/** Challenger rewarded, or null. */
	challenger: Hex | null;
	/** When (ms). */
	at: number;
}

/** Where the staking contract's tokens are; with bank.total() these add up to the supply. */
export interface StakingBuckets {
	/** Bonded stake of all sequencers (self + delegated). */
	staked: bigint;
	/** Stake waiting out the exit delay, not yet claimed. */
	unbonding: bigint;
	/** Funded by the admin, paid out as block rewards. */
	rewardsPool: bigint;
	/** Slashed and destroyed. */
	burned: bigint;
}

/** Arguments of StakingPool.whitelist. */
export interface WhitelistRequest {
	/** Must be the administrator. */
	caller: Hex;
	/** New sequencer id; unique. */
	id: string;
	/** Operator address; one sequencer per operator. */
	operator: Hex;
	/** BLS12-381 G1 public key (48 bytes); unique. */
	blsPublicKey: Hex;
	/** Proof of possession of that key (96 bytes); checked before admission. */
	blsProofOfPossession: Hex;
	/** Own commission in basis points; omitted follows the pool default. */
	commissionBps?: number;
}

/** Arguments of StakingPool.slash. */
export interface SlashRequest {
	/** Offending sequencer id. */
	id: string;
	/** Share of its stake to take, in basis points (10000 = all). */
	fractionBps: number;
	/** Who proved the fault, or null (then everything taken is burned). */
	challenger: Hex | null;
	/** Challenger's share of the amount taken, in basis points. */
	challengerShareBps: number;
	/** Why, for the record. */
	reason: string;
	/** Current time (ms). */
	now: number;
	/** Batch the fault was in, for the record. */
	batch?: number | null;
	/** When the fault happened; stake that began unbonding from this sequencer since then is slashable too. */
	infractionAt?: number;
}
