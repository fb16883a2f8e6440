import { bls12_381 } from '@noble/curves/bls12-381.js';
import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { blsFastAggregateVerify, blsKeygen, blsPopProve, blsSign } from '../../chain/bls';
import { fromHex, toHex } from '../../chain/hex';
import { deriveSecret } from '../../chain/keys';
import { L1Bank, ONE_METIS } from './bank';
import { StakingPool } from './stakingPool';
import { DEFAULT_STAKING_PARAMS, type StakingParams } from './stakingTypes';

const M = ONE_METIS;
const DAY = 24 * 60 * 60 * 1000;
const admin = addr(0xad);
const operator = addr(1);
const otherOperator = addr(2);
const d1 = addr(0xd1);
const d2 = addr(0xd2);
const challenger = addr(0xc4);
const stranger = addr(0x55);

function addr(n: number): Hex {
	return `0x${n.toString(16).padStart(40, '0')}` as Hex;
}

function blsKey(index: number) {
	const { secretKey, publicKey } = blsKeygen(deriveSecret({ seed: 'l1-staking-spec', label: 'sequencer-bls', index }));
	return { secretKey, publicKey: toHex(publicKey), pop: toHex(blsPopProve(secretKey)) };
}

const victim = blsKey(0);
const attacker = blsKey(1);
const rogue = toHex(
	bls12_381.G1.Point.fromBytes(fromHex(attacker.publicKey)).subtract(bls12_381.G1.Point.fromBytes(fromHex(victim.publicKey))).toBytes()
);

/** A pool with one whitelisted sequencer 's1' run by `operator`; everyone holds 200,000 METIS. */
function setup(params: Partial<StakingParams> = {}, commissionBps?: number) {
	const bank = L1Bank.genesis([admin, operator, otherOperator, d1, d2, stranger].map((a) => [a, 200_000n * M] as const));
	const pool = new StakingPool({ admin, bank, params });
	const admitted = pool.whitelist({ caller: admin, id: 's1', operator, blsPublicKey: victim.publicKey, blsProofOfPossession: victim.pop, commissionBps });
	if (!admitted.ok) throw new Error(admitted.error);
	return { bank, pool };
}

describe('StakingPool admission', () => {
	const cases: { name: string; caller: Hex; id: string; op: Hex; key: Hex; pop: Hex; error: RegExp | null }[] = [
		{ name: 'a valid proof of possession is admitted', caller: admin, id: 's2', op: otherOperator, key: attacker.publicKey, pop: attacker.pop, error: null },
		{ name: 'a missing proof is refused', caller: admin, id: 's2', op: otherOperator, key: attacker.publicKey, pop: '0x', error: /missing BLS proof of possession/ },
		{ name: "another key's proof is refused", caller: admin, id: 's2', op: otherOperator, key: attacker.publicKey, pop: victim.pop, error: /invalid BLS proof of possession/ },
		{ name: 'a garbage proof is refused', caller: admin, id: 's2', op: otherOperator, key: attacker.publicKey, pop: toHex(new Uint8Array(96).fill(7)), error: /invalid BLS proof of possession/ },
		{ name: 'a short proof is refused', caller: admin, id: 's2', op: otherOperator, key: attacker.publicKey, pop: '0x1234', error: /96 bytes/ },
		{ name: 'a rogue key pk_a − pk_v with the attacker’s own proof is refused', caller: admin, id: 's2', op: otherOperator, key: rogue, pop: attacker.pop, error: /invalid BLS proof of possession/ },
		{ name: 'a non-admin caller is refused', caller: stranger, id: 's2', op: otherOperator, key: attacker.publicKey, pop: attacker.pop, error: /only the administrator/ },
		{ name: 'a duplicate id is refused', caller: admin, id: 's1', op: otherOperator, key: attacker.publicKey, pop: attacker.pop, error: /duplicate sequencer id s1/ },
		{ name: 'a duplicate operator is refused', caller: admin, id: 's2', op: operator, key: attacker.publicKey, pop: attacker.pop, error: /duplicate operator/ },
		{ name: 'a duplicate BLS key is refused', caller: admin, id: 's2', op: otherOperator, key: victim.publicKey, pop: victim.pop, error: /duplicate BLS public key/ }
	];
	it.each(cases)('$name', ({ caller, id, op, key, pop, error }) => {
		const { pool } = setup();
		const result = pool.whitelist({ caller, id, operator: op, blsPublicKey: key, blsProofOfPossession: pop });
		if (error === null) {
			expect(result.ok).toBe(true);
			expect(pool.sequencer(id)).toMatchObject({ operator: op, blsPublicKey: key, status: 'whitelisted', stake: 0n, active: false });
		} else {
			expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
			expect(pool.sequencers().map((s) => s.id)).toEqual(['s1']);
		}
	});

	it('the rogue key would otherwise let the attacker forge a two-party aggregate (why PoP is checked)', () => {
		const message = new TextEncoder().encode('batch 7');
		const forged = blsSign(attacker.secretKey, message);
		expect(blsFastAggregateVerify([fromHex(victim.publicKey), fromHex(rogue)], message, forged)).toBe(true);
	});

	it('an injected verifyPop decides admission', () => {
		const pool = new StakingPool({ admin, bank: L1Bank.genesis(), verifyPop: () => false });
		const result = pool.whitelist({ caller: admin, id: 's1', operator, blsPublicKey: victim.publicKey, blsProofOfPossession: victim.pop });
		expect(result.ok).toBe(false);
	});
});

describe('StakingPool min and max stake', () => {
	const { minStake: min, maxStake: max } = DEFAULT_STAKING_PARAMS;
	it.each([
		{ name: 'exactly min is active', self: min, delegated: 0n, ok: true, active: true, error: null },
		{ name: 'min − 1 wei is not active', self: min - 1n, delegated: 0n, ok: true, active: false, error: null },
		{ name: 'min reached by self + delegation is active', self: 1n, delegated: min - 1n, ok: true, active: true, error: null },
		{ name: 'exactly max is accepted', self: max, delegated: 0n, ok: true, active: true, error: null },
		{ name: 'max + 1 wei is refused', self: max + 1n, delegated: 0n, ok: false, active: false, error: /max stake exceeded/ },
		{ name: 'max via delegation is accepted', self: min, delegated: max - min, ok: true, active: true, error: null },
		{ name: 'max + 1 wei via delegation is refused', self: min, delegated: max - min + 1n, ok: false, active: true, error: /max stake exceeded/ },
		{ name: 'a zero lock is refused', self: 0n, delegated: 0n, ok: false, active: false, error: /amount must be positive/ },
		{ name: 'a negative lock is refused', self: -1n, delegated: 0n, ok: false, active: false, error: /amount must be positive/ },
	])('$name', ({ self, delegated, ok, active, error }) => {
		const { pool, bank } = setup();
		const results = [];
		if (self !== 0n || delegated === 0n) results.push(pool.lock({ caller: operator, id: 's1', amount: self }));
		if (delegated !== 0n) results.push(pool.delegate({ caller: d1, id: 's1', amount: delegated }));
		const last = results.at(-1)!;
		expect(last.ok).toBe(ok);
		if (!last.ok) expect(last.error).toMatch(error!);
		expect(pool.activeSet().map((m) => m.id)).toEqual(active ? ['s1'] : []);
		expect(bank.total() + pool.buckets().staked).toBe(1_200_000n * M);
	});

	it('a delegator without the funds is refused and nothing moves', () => {
		const { pool, bank } = setup();
		const broke = addr(0x99);
		expect(pool.delegate({ caller: broke, id: 's1', amount: 1n })).toEqual({ ok: false, error: expect.stringMatching(/insufficient balance/) });
		expect(pool.sequencer('s1')!.stake).toBe(0n);
		expect(bank.balanceOf(broke)).toBe(0n);
	});

	it('a lowered max refuses delegation via the max too', () => {
		const { pool } = setup({ maxStake: 25_000n * M });
		expect(pool.lock({ caller: operator, id: 's1', amount: 20_000n * M }).ok).toBe(true);
		expect(pool.delegate({ caller: d1, id: 's1', amount: 5_000n * M }).ok).toBe(true);
		expect(pool.delegate({ caller: d2, id: 's1', amount: 1n })).toEqual({ ok: false, error: expect.stringMatching(/max stake exceeded/) });
	});

	it.each([
		{ name: 'only the operator locks self stake', act: (p: StakingPool) => p.lock({ caller: d1, id: 's1', amount: M }), error: /only the operator/ },
		{ name: 'unknown sequencer', act: (p: StakingPool) => p.delegate({ caller: d1, id: 'nope', amount: M }), error: /unknown sequencer nope/ },
		{ name: 'no new stake once exiting', act: (p: StakingPool) => (p.unlock({ caller: operator, id: 's1', now: 0 }), p.delegate({ caller: d1, id: 's1', amount: M })), error: /exiting: it takes no new stake/ }
	])('refuses: $name', ({ act, error }) => {
		const { pool } = setup();
		const result = act(pool);
		expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
	});

	it('activeSet is sorted by id and carries stake and key', () => {
		const { pool } = setup();
		pool.whitelist({ caller: admin, id: 'r0', operator: otherOperator, blsPublicKey: attacker.publicKey, blsProofOfPossession: attacker.pop });
		pool.lock({ caller: operator, id: 's1', amount: 30_000n * M });
		pool.lock({ caller: otherOperator, id: 'r0', amount: 20_000n * M });
		expect(pool.activeSet()).toEqual([
			{ id: 'r0', stake: 20_000n * M, blsPublicKey: attacker.publicKey },
			{ id: 's1', stake: 30_000n * M, blsPublicKey: victim.publicKey }
		]);
	});
});

describe('StakingPool unbonding delay', () => {
	const t0 = 5_000;
	const releaseAt = t0 + 21 * DAY;
	it.each([
		{ name: 'operator claims at releaseAt − 1: refused', who: operator, at: releaseAt - 1, claimed: null, error: /exit delay not over/ },
		{ name: 'operator claims exactly at releaseAt', who: operator, at: releaseAt, claimed: 20_000n * M, error: null },
		{ name: 'operator claims long after', who: operator, at: releaseAt + 365 * DAY, claimed: 20_000n * M, error: null },
		{ name: 'delegator claims at releaseAt − 1: refused', who: d1, at: releaseAt - 1, claimed: null, error: /exit delay not over/ },
		{ name: 'delegator claims at releaseAt', who: d1, at: releaseAt, claimed: 10_000n * M, error: null },
		{ name: 'a stranger has nothing to claim', who: stranger, at: releaseAt, claimed: null, error: /nothing to claim/ }
	])('$name', ({ who, at, claimed, error }) => {
		const { pool, bank } = setup();
		pool.lock({ caller: operator, id: 's1', amount: 20_000n * M });
		pool.delegate({ caller: d1, id: 's1', amount: 10_000n * M });
		const entries = pool.unlock({ caller: operator, id: 's1', now: t0 });
		expect(entries.ok && entries.value.map((e) => [e.owner, e.amount, e.releaseAt])).toEqual([
			[operator, 20_000n * M, releaseAt],
			[d1, 10_000n * M, releaseAt]
		]);
		expect(pool.activeSet()).toEqual([]);
		expect(pool.buckets()).toMatchObject({ staked: 0n, unbonding: 30_000n * M });
		const before = bank.balanceOf(who);
		const result = pool.claim({ caller: who, now: at });
		if (claimed === null) {
			expect(result).toEqual({ ok: false, error: expect.stringMatching(error!) });
			expect(bank.balanceOf(who)).toBe(before);
		} else {
			expect(result).toEqual({ ok: true, value: claimed });
			expect(bank.balanceOf(who)).toBe(before + claimed);
			expect(pool.claim({ caller: who, now: at })).toEqual({ ok: false, error: expect.stringMatching(/nothing to claim/) });
		}
	});

	it.each([
		{ name: 'part of a delegation', amount: 4_000n * M, ok: true, left: 6_000n * M },
		{ name: 'all of it', amount: 10_000n * M, ok: true, left: 0n },
		{ name: 'more than delegated: refused', amount: 10_000n * M + 1n, ok: false, left: 10_000n * M }
	])('undelegate $name, claimable only after the delay', ({ amount, ok, left }) => {
		const { pool, bank } = setup();
		pool.delegate({ caller: d1, id: 's1', amount: 10_000n * M });
		const result = pool.undelegate({ caller: d1, id: 's1', amount, now: t0 });
		expect(result.ok).toBe(ok);
		expect(pool.sequencer('s1')!.delegated).toBe(left);
		if (!ok) return;
		expect(pool.claim({ caller: d1, now: releaseAt - 1 }).ok).toBe(false);
		const before = bank.balanceOf(d1);
		expect(pool.claim({ caller: d1, now: releaseAt })).toEqual({ ok: true, value: amount });
		expect(bank.balanceOf(d1)).toBe(before + amount);
	});

	it('a second unlock is refused and only the operator may unlock', () => {
		const { pool } = setup();
		expect(pool.unlock({ caller: d1, id: 's1', now: 0 })).toEqual({ ok: false, error: expect.stringMatching(/only the operator/) });
		expect(pool.unlock({ caller: operator, id: 's1', now: 0 }).ok).toBe(true);
		expect(pool.unlock({ caller: operator, id: 's1', now: 0 })).toEqual({ ok: false, error: expect.stringMatching(/already exiting/) });
	});
});

describe('StakingPool rewards', () => {
	const rpb = DEFAULT_STAKING_PARAMS.rewardPerBlock;
	it.each([
		{ name: '50 blocks, 10% commission', blocks: 50, pool: 1_000n * M, commission: 1000, paid: 38_050_000_000_000_000n, op: 10_654_000_000_000_000n, a: 10_273_500_000_000_000n, b: 17_122_500_000_000_000n },
		{ name: '1 block, 10% commission', blocks: 1, pool: 1_000n * M, commission: 1000, paid: 761_000_000_000_000n, op: 213_080_000_000_000n, a: 205_470_000_000_000n, b: 342_450_000_000_000n },
		{ name: 'pool smaller than the reward: 7 wei paid, dust to the operator', blocks: 50, pool: 7n, commission: 1000, paid: 7n, op: 2n, a: 2n, b: 3n },
		{ name: 'empty pool pays nothing', blocks: 50, pool: 0n, commission: 1000, paid: 0n, op: 0n, a: 0n, b: 0n },
		{ name: 'no commission: pro rata only', blocks: 1, pool: 1_000n * M, commission: 0, paid: 761_000_000_000_000n, op: 152_200_000_000_000n, a: 228_300_000_000_000n, b: 380_500_000_000_000n },
		{ name: '100% commission: all to the operator', blocks: 1, pool: 1_000n * M, commission: 10_000, paid: 761_000_000_000_000n, op: 761_000_000_000_000n, a: 0n, b: 0n },
		{ name: 'zero blocks', blocks: 0, pool: 1_000n * M, commission: 1000, paid: 0n, op: 0n, a: 0n, b: 0n }
	])('$name', ({ blocks, pool: funded, commission, paid, op, a, b }) => {
		const { pool, bank } = setup({}, commission);
		pool.lock({ caller: operator, id: 's1', amount: 20_000n * M });
		pool.delegate({ caller: d1, id: 's1', amount: 30_000n * M });
		pool.delegate({ caller: d2, id: 's1', amount: 50_000n * M });
		if (funded > 0n) expect(pool.fundRewards({ caller: admin, amount: funded }).ok).toBe(true);
		const before = [operator, d1, d2].map((x) => bank.balanceOf(x));
		const result = pool.payBlockRewards({ id: 's1', blocks });
		expect(result).toEqual({ ok: true, value: { paid, toOperator: op, toDelegators: { [d1]: a, [d2]: b } } });
		expect(op + a + b).toBe(paid);
		expect(paid <= BigInt(blocks) * rpb).toBe(true);
		expect([operator, d1, d2].map((x, i) => bank.balanceOf(x) - before[i])).toEqual([op, a, b]);
		expect(pool.buckets().rewardsPool).toBe(funded - paid);
	});

	it.each([
		{ name: 'fund by a non-admin', act: (p: StakingPool) => p.fundRewards({ caller: stranger, amount: M }), error: /only the administrator/ },
		{ name: 'fund beyond the admin balance', act: (p: StakingPool) => p.fundRewards({ caller: admin, amount: 200_001n * M }), error: /insufficient balance/ },
		{ name: 'fund zero', act: (p: StakingPool) => p.fundRewards({ caller: admin, amount: 0n }), error: /must be positive/ },
		{ name: 'set reward by a non-admin', act: (p: StakingPool) => p.setRewardPerBlock({ caller: stranger, amount: 1n }), error: /only the administrator/ },
		{ name: 'negative reward', act: (p: StakingPool) => p.setRewardPerBlock({ caller: admin, amount: -1n }), error: /rewardPerBlock must not be negative/ },
		{ name: 'negative blocks', act: (p: StakingPool) => p.payBlockRewards({ id: 's1', blocks: -1 }), error: /non-negative integer/ }
	])('refuses: $name', ({ act, error }) => {
		const { pool } = setup();
		expect(act(pool)).toEqual({ ok: false, error: expect.stringMatching(error) });
	});

	it('setRewardPerBlock changes the payout', () => {
		const { pool } = setup();
		pool.lock({ caller: operator, id: 's1', amount: 20_000n * M });
		pool.fundRewards({ caller: admin, amount: 10n * M });
		expect(pool.setRewardPerBlock({ caller: admin, amount: M }).ok).toBe(true);
		expect(pool.payBlockRewards({ id: 's1', blocks: 3 })).toMatchObject({ ok: true, value: { paid: 3n * M, toOperator: 3n * M } });
	});
});

describe('StakingPool slashing', () => {
	const stakes = { self: 20_000n * M, a: 30_000n * M, b: 50_000n * M };
	it.each([
		{ name: '100% with 50% to the challenger', fraction: 10_000, share: 5000, who: challenger, amount: 100_000n * M, reward: 50_000n * M, self: 0n, a: 0n, b: 0n, active: false },
		{ name: '10% with 50% to the challenger', fraction: 1000, share: 5000, who: challenger, amount: 10_000n * M, reward: 5_000n * M, self: 18_000n * M, a: 27_000n * M, b: 45_000n * M, active: true },
		{ name: '10% without a challenger: all burned', fraction: 1000, share: 5000, who: null, amount: 10_000n * M, reward: 0n, self: 18_000n * M, a: 27_000n * M, b: 45_000n * M, active: true },
		{ name: '85% leaves it below min', fraction: 8500, share: 5000, who: challenger, amount: 85_000n * M, reward: 42_500n * M, self: 3_000n * M, a: 4_500n * M, b: 7_500n * M, active: false },
		{ name: '0% takes nothing', fraction: 0, share: 5000, who: challenger, amount: 0n, reward: 0n, self: stakes.self, a: stakes.a, b: stakes.b, active: true }
	])('$name', ({ fraction, share, who, amount, reward, self, a, b, active }) => {
		const { pool, bank } = setup();
		pool.lock({ caller: operator, id: 's1', amount: stakes.self });
		pool.delegate({ caller: d1, id: 's1', amount: stakes.a });
		pool.delegate({ caller: d2, id: 's1', amount: stakes.b });
		const supply = bank.total() + pool.buckets().staked;
		const result = pool.slash({ id: 's1', fractionBps: fraction, challenger: who, challengerShareBps: share, reason: 'invalid state root', now: 77, batch: 3 });
		expect(result).toEqual({ ok: true, value: { amount, fromUnbonding: 0n, challengerReward: reward, burned: amount - reward } });
		expect(bank.balanceOf(challenger)).toBe(reward);
		const view = pool.sequencer('s1')!;
		expect([view.selfStake, view.delegations[d1] ?? 0n, view.delegations[d2] ?? 0n]).toEqual([self, a, b]);
		expect(view.slashed).toBe(amount);
		expect(pool.activeSet().length).toBe(active ? 1 : 0);
		const { staked, burned } = pool.buckets();
		expect(bank.total() + staked + burned).toBe(supply);
		expect(pool.slashings()).toEqual([{ sequencer: 's1', reason: 'invalid state root', batch: 3, challenger: who, at: 77, amount, fromUnbonding: 0n, challengerReward: reward, burned: amount - reward }]);
	});

	it.each([
		{ name: 'dust comes from self', self: 3n, a: 3n, b: 3n, fraction: 5000, cuts: [2n, 1n, 1n] },
		{ name: 'with no self stake dust comes from the first delegator with room', self: 0n, a: 3n, b: 4n, fraction: 5000, cuts: [0n, 2n, 1n] },
		{ name: 'exact split has no dust', self: 2n, a: 4n, b: 4n, fraction: 5000, cuts: [1n, 2n, 2n] }
	])('rounding: $name', ({ self, a, b, fraction, cuts }) => {
		const { pool } = setup({ minStake: 1n });
		if (self > 0n) pool.lock({ caller: operator, id: 's1', amount: self });
		pool.delegate({ caller: d1, id: 's1', amount: a });
		pool.delegate({ caller: d2, id: 's1', amount: b });
		const result = pool.slash({ id: 's1', fractionBps: fraction, challenger: null, challengerShareBps: 0, reason: 'r', now: 0 });
		const total = cuts.reduce((x, y) => x + y, 0n);
		expect(result).toEqual({ ok: true, value: { amount: total, fromUnbonding: 0n, challengerReward: 0n, burned: total } });
		const view = pool.sequencer('s1')!;
		expect([self - view.selfStake, a - (view.delegations[d1] ?? 0n), b - (view.delegations[d2] ?? 0n)]).toEqual(cuts);
	});

	it.each([
		{ name: 'without infractionAt unbonding stake is out of reach', infractionAt: undefined, amount: 0n, unbonding: 20_000n * M },
		{ name: 'with an infraction before the unlock the unbonding stake is slashed', infractionAt: 50, amount: 20_000n * M, unbonding: 0n },
		{ name: 'with an infraction after the unlock it is not', infractionAt: 150, amount: 0n, unbonding: 20_000n * M }
	])('$name', ({ infractionAt, amount, unbonding }) => {
		const { pool } = setup();
		pool.lock({ caller: operator, id: 's1', amount: 20_000n * M });
		pool.unlock({ caller: operator, id: 's1', now: 100 });
		expect(pool.slashable({ id: 's1', infractionAt })).toBe(amount);
		const result = pool.slash({ id: 's1', fractionBps: 10_000, challenger, challengerShareBps: 5000, reason: 'equivocation', now: 200, infractionAt });
		expect(result.ok && result.value.amount).toBe(amount);
		expect(result.ok && result.value.fromUnbonding).toBe(amount);
		expect(pool.buckets().unbonding).toBe(unbonding);
	});

	it.each([
		{ name: 'fraction above 100%', fraction: 10_001, share: 0, id: 's1', error: /fractionBps must be an integer/ },
		{ name: 'fractional bps', fraction: 10.5, share: 0, id: 's1', error: /fractionBps must be an integer/ },
		{ name: 'challenger share above 100%', fraction: 100, share: 10_001, id: 's1', error: /challengerShareBps/ },
		{ name: 'unknown sequencer', fraction: 100, share: 0, id: 'ghost', error: /unknown sequencer ghost/ }
	])('refuses $name', ({ fraction, share, id, error }) => {
		const { pool } = setup();
		expect(pool.slash({ id, fractionBps: fraction, challenger, challengerShareBps: share, reason: 'r', now: 0 })).toEqual({ ok: false, error: expect.stringMatching(error) });
	});
});

describe('StakingPool force-unlock and parameters', () => {
	it.each([
		{ name: 'admin force-unlocks: stake unbonds, nothing burned', caller: admin, twice: false, error: null },
		{ name: 'a non-admin cannot', caller: stranger, twice: false, error: /only the administrator may force-unlock/ },
		{ name: 'not twice', caller: admin, twice: true, error: /already ejected/ }
	])('$name', ({ caller, twice, error }) => {
		const { pool } = setup();
		pool.lock({ caller: operator, id: 's1', amount: 30_000n * M });
		pool.delegate({ caller: d1, id: 's1', amount: 10_000n * M });
		if (twice) pool.forceUnlock({ caller, id: 's1', now: 0 });
		const result = pool.forceUnlock({ caller, id: 's1', now: 10 });
		if (error) {
			expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
			return;
		}
		expect(result.ok).toBe(true);
		expect(pool.buckets()).toEqual({ staked: 0n, unbonding: 40_000n * M, rewardsPool: 0n, burned: 0n });
		expect(pool.sequencer('s1')).toMatchObject({ status: 'ejected', active: false, exitedAt: 10 });
		expect(pool.unbonding(d1)).toEqual([{ owner: d1, sequencerId: 's1', amount: 10_000n * M, startedAt: 10, releaseAt: 10 + 21 * DAY }]);
	});

	it.each([
		{ name: 'admin lowers minStake', caller: admin, partial: { minStake: 10_000n * M }, error: null },
		{ name: 'admin sets several at once', caller: admin, partial: { exitDelayMs: DAY, commissionBps: 500 }, error: null },
		{ name: 'a non-admin is refused', caller: stranger, partial: { minStake: 1n }, error: /only the administrator/ },
		{ name: 'max below min is refused', caller: admin, partial: { maxStake: 19_999n * M }, error: /maxStake must be at least minStake/ },
		{ name: 'commission above 100% is refused', caller: admin, partial: { commissionBps: 10_001 }, error: /commissionBps/ },
		{ name: 'negative exit delay is refused', caller: admin, partial: { exitDelayMs: -1 }, error: /exitDelayMs/ }
	])('setParams: $name', ({ caller, partial, error }) => {
		const { pool } = setup();
		const result = pool.setParams({ caller, ...partial });
		if (error) {
			expect(result).toEqual({ ok: false, error: expect.stringMatching(error) });
			expect(pool.params).toEqual(DEFAULT_STAKING_PARAMS);
		} else {
			expect(pool.params).toEqual({ ...DEFAULT_STAKING_PARAMS, ...partial });
		}
	});

	it('a sequencer without its own commission follows the pool default', () => {
		const { pool } = setup();
		pool.setParams({ caller: admin, commissionBps: 2500 });
		expect(pool.sequencer('s1')!.commissionBps).toBe(2500);
	});

	it('clone is independent, bank included', () => {
		const { pool, bank } = setup();
		pool.lock({ caller: operator, id: 's1', amount: 20_000n * M });
		const copy = pool.clone();
		pool.delegate({ caller: d1, id: 's1', amount: 5_000n * M });
		pool.unlock({ caller: operator, id: 's1', now: 0 });
		expect(copy.sequencer('s1')).toMatchObject({ stake: 20_000n * M, status: 'whitelisted', delegations: {} });
		expect(copy.bank.balanceOf(d1)).toBe(200_000n * M);
		expect(bank.balanceOf(d1)).toBe(195_000n * M);
		expect(copy.buckets().unbonding).toBe(0n);
	});
});

describe('StakingPool verification rewards', () => {
	it.each([
		{ name: 'pays the amount from the pool', fund: 10n * M, amount: M, paid: M },
		{ name: 'pays only what the pool holds', fund: M / 2n, amount: M, paid: M / 2n },
		{ name: 'pays nothing from an empty pool', fund: 0n, amount: M, paid: 0n }
	])('$name', ({ fund, amount, paid }) => {
		const { bank, pool } = setup();
		if (fund > 0n) pool.fundRewards({ caller: admin, amount: fund });
		const before = bank.balanceOf(stranger);
		const result = pool.payFromRewards({ to: stranger, amount });
		expect(result).toEqual({ ok: true, value: paid });
		expect(bank.balanceOf(stranger) - before).toBe(paid);
		expect(pool.buckets().rewardsPool).toBe(fund - paid);
	});

	it('refuses a negative reward', () => {
		const { pool } = setup();
		expect(pool.payFromRewards({ to: stranger, amount: -1n }).ok).toBe(false);
	});
});
