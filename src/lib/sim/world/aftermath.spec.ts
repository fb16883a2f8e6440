/**
 * What happens after a fault is caught, defect by defect as an outside audit found them: each case
 * failed on the world before proposals had their own ids, and must hold from now on.
 */
import { describe, expect, it } from 'vitest';
import collusionOptimistic from '../../../../content/scenarios/colluding-majority-optimistic.json';
import collusionZk from '../../../../content/scenarios/colluding-majority-zk.json';
import collusionHybrid from '../../../../content/scenarios/colluding-majority-hybrid.json';
import equivocation from '../../../../content/scenarios/equivocation.json';
import lazyValidators from '../../../../content/scenarios/lazy-validators.json';
import loneCheater from '../../../../content/scenarios/lone-cheater.json';
import { unsettledTxs } from '../presets';
import { DAY, HOUR, METIS, MINUTE } from '../units';
import type { SimEvent } from '../events';
import { createWorld } from './world';

const COLLUDERS = ['seq-0', 'seq-1', 'seq-2', 'seq-3', 'seq-4'];

/** Runs a preset (with overrides) and returns its export. */
function run(scenario: { seed: number }, until: number, params: Record<string, string | number> = {}, commands: { at: number; command: unknown }[] = []) {
	const world = createWorld({ seed: scenario.seed, scenario, params, commands: commands as never });
	world.runUntil(until);
	return world.exportWorld();
}

const of = <T extends SimEvent['type']>(events: SimEvent[], type: T) => events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);

describe('every posting keeps its own clocks (defect 1)', () => {
	it('optimistic: each batch posted again after the revert settles 7 days after its own posting', () => {
		const ex = run(collusionOptimistic, 9 * DAY);
		const again = ex.batches.filter((b) => b.attempt > 1 && b.status === 'finalized');
		expect(again.length).toBeGreaterThan(10);
		for (const b of again) expect(b.finalizedAt! - b.submittedAt!).toBeGreaterThanOrEqual(7 * DAY);
		for (const e of of(ex.events, 'window.closed')) expect(e.t - e.postedAt).toBe(7 * DAY);
	});

	it('zk with traffic still flowing: no honest sequencer is slashed, and the chain does not halt', () => {
		const ex = run(collusionZk, 3 * DAY, { trafficUntilMs: 3 * HOUR, txPerSecond: 0.25 });
		expect([...new Set(ex.slashings.map((s) => s.sequencer))].sort()).toEqual(COLLUDERS);
		expect(of(ex.events, 'pool.empty')).toEqual([]);
		expect(unsettledTxs(ex)).toEqual([]);
	});
});

describe('after a revert the honest pool re-derives the chain (defect 2)', () => {
	it.each([
		['optimistic', collusionOptimistic, 9 * DAY],
		['zk (missing-proof slashing on)', collusionZk, 2 * DAY],
		['hybrid', collusionHybrid, 2 * DAY]
	] as const)('%s: every user transaction ends settled', (_, scenario, until) => {
		const ex = run(scenario, until);
		expect(of(ex.events, 'chain.rederive').length).toBeGreaterThan(0);
		expect(ex.batches.some((b) => b.status === 'reverted')).toBe(true);
		expect(ex.batches.filter((b) => b.status === 'finalized' && b.fraudulent)).toEqual([]);
		expect(unsettledTxs(ex)).toEqual([]);
	});
});

describe('unlocking does not dodge a slash (defect 3)', () => {
	it('colluders who unlock two minutes after signing lose their unbonding stake', () => {
		const unlocks = COLLUDERS.map((sequencer) => ({ at: 3 * MINUTE, command: { type: 'sequencer.unlock', sequencer } }));
		const ex = run(collusionOptimistic, 9 * DAY, {}, unlocks);
		expect(of(ex.events, 'stake.unlocked').map((e) => e.sequencer)).toEqual(COLLUDERS);
		expect(ex.slashings.map((s) => s.sequencer).sort()).toEqual(COLLUDERS);
		for (const s of ex.slashings) {
			expect(BigInt(s.amount)).toBe(40_000n * METIS);
			expect(s.fromUnbonding).toBe(s.amount);
			expect(s.offenceAt).toBeLessThan(3 * MINUTE);
		}
		expect(BigInt(ex.supply.final.unbonding)).toBe(0n);
	});
});

describe('an honest batch is checked against the set it was signed under (defect 7)', () => {
	it.each([
		['lone-cheater', loneCheater],
		['equivocation', equivocation]
	] as const)('%s: no batch is refused because a signer was slashed after signing', (_, scenario) => {
		for (const seed of [scenario.seed, 2, 3]) {
			const world = createWorld({ seed, scenario });
			world.runUntil(DAY);
			const refused = of(world.exportWorld().events, 'batch.rejected');
			expect(refused.map((e) => e.reason).filter((r) => /not in the (active )?set/.test(r)), `seed ${seed}`).toEqual([]);
		}
	});
});

describe('a fraud nobody challenged is visible (defect 8)', () => {
	it('lazy validators: L1 settles 1,000 METIS that no transaction created, beside an unchanged supply', () => {
		const ex = run(lazyValidators, 8 * DAY);
		expect(ex.supply.final.total).toBe(ex.supply.initial.total);
		expect(ex.supply.acceptedOnL1).toMatchObject({ honest: false, unbackedMetis: (1_000n * METIS).toString() });
		expect(of(ex.events, 'finality.settled').some((e) => !e.honest)).toBe(true);
	});
});

describe('validity proofs prove nothing wrong (defect 9)', () => {
	it('zk by default: the batch is reverted at its deadline, nobody is slashed or paid, nothing is disputed', () => {
		const ex = run(collusionZk, DAY, { missingProofSlashBps: 0 });
		const missing = of(ex.events, 'proof.missing');
		expect(missing.length).toBeGreaterThan(0);
		expect(missing[0].consequence).toMatch(/never executes \(nothing is proven wrong; nobody is slashed or paid\)/);
		expect(of(ex.events, 'batch.reverted')[0].reason).toBe('no validity proof by the deadline: the batch never executes');
		expect(ex.slashings).toEqual([]);
		expect(of(ex.events, 'challenge.opened')).toEqual([]);
		expect(of(ex.events, 'dispute.resolved')).toEqual([]);
	});

	it('zk with missing-proof slashing on: the signers lose stake and no challenger is paid', () => {
		const ex = run(collusionZk, DAY);
		expect(ex.slashings.length).toBe(COLLUDERS.length);
		for (const s of ex.slashings) {
			expect(s.offence).toBe('missing-proof');
			expect(s.challengerReward).toBe('0');
		}
	});
});

describe('hybrid never disputes a reverted batch (defect 6)', () => {
	it('with no sampling, one ZK fraud proof at the deadline convicts the cabal once', () => {
		const ex = run(collusionHybrid, 2 * DAY, { sampleRate: 0 });
		const proofs = of(ex.events, 'proof.fraud-proof-verified');
		expect(proofs.length).toBe(1);
		expect(proofs.every((p) => p.provedRoot !== null)).toBe(true);
		expect(ex.slashings.map((s) => s.sequencer).sort()).toEqual(COLLUDERS);
		expect(ex.slashings.every((s) => BigInt(s.amount) > 0n)).toBe(true);
		// In log order: once a proposal is reverted, nothing challenges, proves or settles it.
		const reverted = new Set<number>();
		for (const e of ex.events) {
			if (e.type === 'batch.reverted') reverted.add(e.proposal);
			else if ((e.type === 'challenge.opened' || e.type === 'proof.fraud-proof-verified' || e.type === 'proof.missing' || e.type === 'finality.settled') && reverted.has(e.proposal)) {
				expect.fail(`${e.type} about proposal ${e.proposal} after it was reverted`);
			}
		}
		expect(reverted.size).toBeGreaterThan(1);
	});
});

describe('the log says what happened, and only once (defect 11)', () => {
	const ex = run(collusionOptimistic, 9 * DAY);

	it('one new epoch after the conviction, and its proposer is not a convict', () => {
		const resolved = of(ex.events, 'dispute.resolved')[0];
		const after = ex.events.filter((e) => (e.type === 'epoch.started' || e.type === 'epoch.respan') && e.t === resolved.t);
		expect(after).toHaveLength(1);
		expect(COLLUDERS).not.toContain((after[0] as Extract<SimEvent, { type: 'epoch.started' }>).proposer);
	});

	it('every piece of evidence gets one outcome', () => {
		const sent = of(ex.events, 'evidence.sent').map((e) => e.proposal);
		const outcomes = ex.events.filter((e) => e.type === 'evidence.accepted' || e.type === 'evidence.rejected' || e.type === 'evidence.deferred');
		expect(sent.length).toBeGreaterThan(0);
		expect(outcomes.map((e) => ('proposal' in e ? e.proposal : -1))).toEqual(sent);
	});

	it('a slashed colluder earns nothing for the blocks of its fraudulent batches once they are batched again', () => {
		const paid = of(ex.events, 'rewards.paid').filter((e) => COLLUDERS.includes(e.sequencer));
		expect(paid).toEqual([]);
		expect(of(ex.events, 'rewards.forfeited').length).toBeGreaterThan(0);
	});

	it('the cheater corrupts a position drawn by the seed, so the bisection goes both ways', () => {
		const answers = new Set<boolean>();
		for (const seed of [1, 2, 3, 4]) {
			const world = createWorld({ seed, scenario: collusionOptimistic, params: { trafficUntilMs: 2 * MINUTE } });
			world.runUntil(2 * DAY);
			for (const e of of(world.exportWorld().events, 'dispute.move')) if (e.by === 'challenger' && e.phase === 'txs' && e.agree !== null) answers.add(e.agree);
		}
		expect([...answers].sort()).toEqual([false, true]);
	});
});
