/**
 * "Is cheating profitable?": what an attacker who runs some of the pool's sequencers puts at risk
 * by getting a bad batch signed, against what the attack could bring in. Exact integer arithmetic
 * throughout: METIS in wei, dollars in micro-dollars, shares in basis points.
 */
import { METIS } from '$lib/sim/units';

/** Basis points in a whole. */
export const BPS = 10_000n;
/** Micro-dollars in a dollar. */
export const MICRO_USD = 1_000_000n;
/** The staking contract's smallest lock per sequencer (LockingInfo `minLock`), in wei. */
export const MIN_LOCK = 20_000n * METIS;
/** The staking contract's largest lock per sequencer (LockingInfo `maxLock`), in wei. */
export const MAX_LOCK = 100_000n * METIS;
/** The yearly reward rate the administrator aims at when it sets `rewardPerBlock`, as deployed. */
export const TARGET_RATE_BPS = 2000n;
/** This world's share of slashed stake paid to the validator who proves the offence (the rest is burned). */
export const CHALLENGER_SHARE_BPS = 5000n;

/** What the attacker brings and what it is after. */
export interface AttackPlan {
	/** Stake locked by each sequencer the attacker runs (its own plus delegated), in wei. */
	stakePerSequencer: bigint;
	/** Sequencers the attacker runs. */
	controlled: number;
	/** Sequencers in the pool, the attacker's included. */
	poolSize: number;
	/** Share of those sequencers' stake that delegators put in, in basis points. */
	delegatedBps: bigint;
	/** The operator's commission on its delegators' rewards, in basis points. */
	commissionBps: bigint;
	/** Share of a caught sequencer's stake that is slashed, in basis points. */
	slashBps: bigint;
	/** Days between unlocking and being able to claim the stake. */
	exitDelayDays: number;
	/** Days until the offence is proven; the attacker unlocks the moment it attacks. */
	catchDays: number;
	/** One METIS in micro-dollars: the learner's assumption, not a quote. */
	metisPriceMicroUsd: bigint;
	/** What the attack could steal or extract before it is undone, in micro-dollars. */
	gainMicroUsd: bigint;
}

/** The attack weighed: what it needs, what it risks, and whether it pays. */
export interface AttackOutcome {
	/** Sequencers needed for strictly more than two thirds of the pool. */
	quorumNeeded: number;
	/** `no-quorum`: too few to get a bad batch signed alone; `pays`: the gain beats the attacker's loss; `loses`: it does not. */
	verdict: 'no-quorum' | 'pays' | 'loses';
	/** Whether the offence is proven before the stake can be claimed (else the attacker leaves with it). */
	caughtBeforeExit: boolean;
	/** Stake slashed from all the attacker's sequencers, in wei (zero if it got away). */
	stakeAtRisk: bigint;
	/** Of which the attacker's own, in wei. */
	ownAtRisk: bigint;
	/** Of which the delegators', in wei: their loss, not the attacker's. */
	delegatorsAtRisk: bigint;
	/** All the stake at risk, in micro-dollars. */
	stakeAtRiskMicroUsd: bigint;
	/** The gain above which the attack pays (the attacker's own loss), in micro-dollars. */
	breakEvenMicroUsd: bigint;
	/** What the validator who proves the offence is paid in this world, in wei. */
	challengerReward: bigint;
	/** What the attacker's sequencers would earn a year by staying honest, at the target rate, in wei. */
	honestIncomePerYear: bigint;
}

/** Sequencers needed for strictly more than two thirds of `poolSize` (Themis: `totalPower*2/3+1`). */
export function quorumNeeded(poolSize: number): number {
	return Math.floor((2 * poolSize) / 3) + 1;
}

/** Weighs an attack: the stake it puts at risk against what it could bring in. */
export function weighAttack(plan: AttackPlan): AttackOutcome {
	const needed = quorumNeeded(plan.poolSize);
	const caughtBeforeExit = plan.catchDays <= plan.exitDelayDays;
	const locked = plan.stakePerSequencer * BigInt(plan.controlled);
	const slashBps = caughtBeforeExit ? plan.slashBps : 0n;
	const stakeAtRisk = (locked * slashBps) / BPS;
	const ownAtRisk = (locked * (BPS - plan.delegatedBps) * slashBps) / (BPS * BPS);
	const usd = (wei: bigint) => (wei * plan.metisPriceMicroUsd) / METIS;
	const breakEvenMicroUsd = usd(ownAtRisk);
	const honestIncomePerYear = (locked * TARGET_RATE_BPS * ((BPS - plan.delegatedBps) * BPS + plan.delegatedBps * plan.commissionBps)) / (BPS * BPS * BPS);
	return {
		quorumNeeded: needed,
		verdict: plan.controlled < needed ? 'no-quorum' : plan.gainMicroUsd > breakEvenMicroUsd ? 'pays' : 'loses',
		caughtBeforeExit,
		stakeAtRisk,
		ownAtRisk,
		delegatorsAtRisk: stakeAtRisk - ownAtRisk,
		stakeAtRiskMicroUsd: usd(stakeAtRisk),
		breakEvenMicroUsd,
		challengerReward: (stakeAtRisk * CHALLENGER_SHARE_BPS) / BPS,
		honestIncomePerYear
	};
}
