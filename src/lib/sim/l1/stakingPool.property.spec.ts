import fc from 'fast-check';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { L1Bank } from './bank';
import { StakingPool } from './stakingPool';

// Small numbers so random amounts hit the min/max edges; proof-of-possession stubbed (tested elsewhere).
const PARAMS = { minStake: 100n, maxStake: 1_000n, exitDelayMs: 1_000, rewardPerBlock: 7n, commissionBps: 1000 };
const admin = '0x00000000000000000000000000000000000000ad' as Hex;
const operators = [1, 2, 3].map(address);
const delegators = [0xd1, 0xd2, 0xd3].map(address);
const everyone = [admin, ...operators, ...delegators];
const ids = ['s0', 's1', 's2'];

function address(n: number): Hex {
	return `0x${n.toString(16).padStart(40, '0')}` as Hex;
}

function fakeKey(i: number, bytes: number): Hex {
	return `0x${(i + 1).toString(16).padStart(2, '0').repeat(bytes)}` as Hex;
}

function freshPool(): StakingPool {
	const bank = L1Bank.genesis(everyone.map((a) => [a, 5_000n] as const));
	const pool = new StakingPool({ admin, bank, params: PARAMS, verifyPop: () => true });
	ids.forEach((id, i) => pool.whitelist({ caller: admin, id, operator: operators[i], blsPublicKey: fakeKey(i, 48), blsProofOfPossession: fakeKey(i, 96) }));
	return pool;
}

const seq = fc.integer({ min: 0, max: 2 });
const who = fc.integer({ min: 0, max: everyone.length - 1 });
const amount = fc.bigInt({ min: -1n, max: 1_200n });
const delegator = fc.integer({ min: 1 + operators.length, max: everyone.length - 1 });
const small = fc.bigInt({ min: -1n, max: 400n });
const dt = fc.integer({ min: 0, max: 1_500 });

const op = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant('lock' as const), seq, amount }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant('delegate' as const), seq, who: fc.oneof(who, delegator), amount }), weight: 4 },
	{ arbitrary: fc.record({ kind: fc.constant('unlock' as const), seq, dt }), weight: 1 },
	{ arbitrary: fc.record({ kind: fc.constant('undelegate' as const), seq, who: delegator, amount: small, dt }), weight: 6 },
	{ arbitrary: fc.record({ kind: fc.constant('claim' as const), who, dt }), weight: 3 },
	{ arbitrary: fc.record({ kind: fc.constant('fund' as const), amount }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('pay' as const), seq, blocks: fc.integer({ min: 0, max: 500 }) }), weight: 3 },
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('slash' as const),
			seq,
			fractionBps: fc.integer({ min: 0, max: 10_000 }),
			shareBps: fc.integer({ min: 0, max: 10_000 }),
			challenger: fc.option(who, { nil: null }),
			lookback: fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined })
		})
	},
	{ arbitrary: fc.record({ kind: fc.constant('forceUnlock' as const), seq, dt }), weight: 1 }
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(pool: StakingPool, o: Op, now: number): number {
	switch (o.kind) {
		case 'lock':
			pool.lock({ caller: operators[o.seq], id: ids[o.seq], amount: o.amount });
			return now;
		case 'delegate':
			pool.delegate({ caller: everyone[o.who], id: ids[o.seq], amount: o.amount });
			return now;
		case 'unlock':
			pool.unlock({ caller: operators[o.seq], id: ids[o.seq], now: now + o.dt });
			return now + o.dt;
		case 'undelegate':
			pool.undelegate({ caller: everyone[o.who], id: ids[o.seq], amount: o.amount, now: now + o.dt });
			return now + o.dt;
		case 'claim':
			pool.claim({ caller: everyone[o.who], now: now + o.dt });
			return now + o.dt;
		case 'fund':
			pool.fundRewards({ caller: admin, amount: o.amount });
			return now;
		case 'pay':
			pool.payBlockRewards({ id: ids[o.seq], blocks: o.blocks });
			return now;
		case 'slash':
			pool.slash({
				id: ids[o.seq],
				fractionBps: o.fractionBps,
				challenger: o.challenger === null ? null : everyone[o.challenger],
				challengerShareBps: o.shareBps,
				reason: 'property',
				now,
				infractionAt: o.lookback === undefined ? undefined : now - o.lookback
			});
			return now;
		case 'forceUnlock':
			pool.forceUnlock({ caller: admin, id: ids[o.seq], now: now + o.dt });
			return now + o.dt;
	}
}

function snapshot(pool: StakingPool) {
	return { sequencers: pool.sequencers(), buckets: pool.buckets(), bank: pool.bank.entries(), unbonding: pool.unbonding(), slashings: pool.slashings() };
}

function supply(pool: StakingPool): bigint {
	const { staked, unbonding, rewardsPool, burned } = pool.buckets();
	return pool.bank.total() + staked + unbonding + rewardsPool + burned;
}

describe('StakingPool conservation', () => {
	it('bank + staked + unbonding + rewards pool + burned never changes, and no balance goes negative', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 20, maxLength: 80 }), (ops) => {
				const pool = freshPool();
				const initial = supply(pool);
				let now = 0;
				for (const o of ops) {
					now = apply(pool, o, now);
					expect(supply(pool)).toBe(initial);
					for (const [, balance] of pool.bank.entries()) expect(balance > 0n).toBe(true);
					for (const s of pool.sequencers()) {
						expect(s.selfStake >= 0n && Object.values(s.delegations).every((d) => d > 0n)).toBe(true);
						if (s.active) expect(s.stake >= PARAMS.minStake && s.status === 'whitelisted').toBe(true);
					}
					for (const e of pool.unbonding()) expect(e.amount > 0n).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('a clone replays to the same state as the original', () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 10, maxLength: 40 }), fc.array(op, { minLength: 10, maxLength: 40 }), (before, after) => {
				const pool = freshPool();
				let now = before.reduce((t, o) => apply(pool, o, t), 0);
				const copy = pool.clone();
				const frozen = snapshot(copy);
				const copyStart = now;
				for (const o of after) now = apply(pool, o, now);
				expect(snapshot(copy)).toEqual(frozen);
				after.reduce((t, o) => apply(copy, o, t), copyStart);
				expect(copy.sequencers()).toEqual(pool.sequencers());
				expect(copy.buckets()).toEqual(pool.buckets());
				expect(copy.bank.entries()).toEqual(pool.bank.entries());
				expect(copy.unbonding()).toEqual(pool.unbonding());
				expect(copy.slashings()).toEqual(pool.slashings());
			}),
			{ numRuns: 150 }
		);
	});
});
