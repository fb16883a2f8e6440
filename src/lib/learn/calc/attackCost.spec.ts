import { describe, expect, it } from 'vitest';
import { METIS } from '$lib/sim/units';
import { quorumNeeded, weighAttack, type AttackPlan } from './attackCost';

const usd = (dollars: number) => BigInt(dollars) * 1_000_000n;
const metis = (n: number) => BigInt(n) * METIS;

/** Seven of ten sequencers at the minimum lock, all their own stake, slashed in full when caught in a week. */
const PLAN: AttackPlan = {
	stakePerSequencer: metis(20_000),
	controlled: 7,
	poolSize: 10,
	delegatedBps: 0n,
	commissionBps: 1000n,
	slashBps: 10_000n,
	exitDelayDays: 21,
	catchDays: 7,
	metisPriceMicroUsd: usd(10),
	gainMicroUsd: usd(1_000_000)
};

describe('quorumNeeded: strictly more than two thirds', () => {
	it.each([
		[1, 1],
		[3, 3],
		[4, 3],
		[6, 5],
		[7, 5],
		[9, 7],
		[10, 7],
		[21, 15]
	])('a pool of %i needs %i', (pool, needed) => expect(quorumNeeded(pool)).toBe(needed));
});

describe('weighAttack', () => {
	it('puts the whole stake of the attacking sequencers at risk', () => {
		expect(weighAttack(PLAN)).toEqual({
			quorumNeeded: 7,
			verdict: 'loses',
			caughtBeforeExit: true,
			stakeAtRisk: metis(140_000),
			ownAtRisk: metis(140_000),
			delegatorsAtRisk: 0n,
			stakeAtRiskMicroUsd: usd(1_400_000),
			breakEvenMicroUsd: usd(1_400_000),
			challengerReward: metis(70_000),
			honestIncomePerYear: metis(28_000)
		});
	});

	it.each<[string, Partial<AttackPlan>, Partial<ReturnType<typeof weighAttack>>]>([
		['a gain equal to the loss does not pay', { gainMicroUsd: usd(1_400_000) }, { verdict: 'loses' }],
		['a gain one micro-dollar above it pays', { gainMicroUsd: usd(1_400_000) + 1n }, { verdict: 'pays' }],
		['six of ten cannot get a batch signed alone', { controlled: 6, gainMicroUsd: usd(10 ** 9) }, { verdict: 'no-quorum' }],
		['six of nine are exactly two thirds: not enough', { controlled: 6, poolSize: 9 }, { quorumNeeded: 7, verdict: 'no-quorum' }],
		['caught after the exit delay, it leaves with its stake', { catchDays: 22, gainMicroUsd: 1n }, { caughtBeforeExit: false, stakeAtRisk: 0n, breakEvenMicroUsd: 0n, verdict: 'pays' }],
		['caught on the last day of the exit delay, it is slashed', { catchDays: 21 }, { caughtBeforeExit: true, stakeAtRisk: metis(140_000) }],
		['no slashing (as deployed: a force-unlock) risks nothing', { slashBps: 0n, gainMicroUsd: 1n }, { stakeAtRisk: 0n, verdict: 'pays' }],
		['a 10% slash risks a tenth', { slashBps: 1000n }, { stakeAtRisk: metis(14_000), breakEvenMicroUsd: usd(140_000), challengerReward: metis(7000) }],
		['at the maximum lock, ten times five', { stakePerSequencer: metis(100_000) }, { stakeAtRisk: metis(700_000), stakeAtRiskMicroUsd: usd(7_000_000) }],
		[
			'half delegated: the delegators lose half, and the attacker only weighs its own half',
			{ delegatedBps: 5000n },
			{ ownAtRisk: metis(70_000), delegatorsAtRisk: metis(70_000), stakeAtRiskMicroUsd: usd(1_400_000), breakEvenMicroUsd: usd(700_000), honestIncomePerYear: metis(15_400) }
		],
		['a cheaper METIS makes the same stake worth less', { metisPriceMicroUsd: 250_000n }, { breakEvenMicroUsd: usd(35_000) }]
	])('%s', (_, change, expected) => expect(weighAttack({ ...PLAN, ...change })).toMatchObject(expected));

	it('keeps every wei: own plus delegators is the stake at risk', () => {
		const odd = weighAttack({ ...PLAN, stakePerSequencer: metis(33_333) + 7n, delegatedBps: 3333n, slashBps: 6667n });
		expect(odd.ownAtRisk + odd.delegatorsAtRisk).toBe(odd.stakeAtRisk);
	});
});
