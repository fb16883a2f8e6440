import { describe, expect, it } from 'vitest';
import happyPath from '../../../../content/scenarios/happy-path.json';
import proposerOffline from '../../../../content/scenarios/proposer-offline.json';
import quorumLoss from '../../../../content/scenarios/quorum-loss.json';
import colluding from '../../../../content/scenarios/colluding-majority-optimistic.json';
import { createWorld } from './world';
import { DAY, HOUR, MINUTE, SECOND } from '../units';
import type { FinalityMode } from '../params';

const SHORT = { trafficUntilMs: 3 * MINUTE, txPerSecond: 1 };

describe('traffic in the snapshot', () => {
	it('follows a person’s rate, a parameter change and the end of traffic', () => {
		const world = createWorld({ seed: 1, scenario: happyPath, params: SHORT });
		expect(world.snapshot().traffic).toEqual({ txPerSecond: 1, baseTxPerSecond: 1, sending: false, ended: false, startsAt: 0, endsAt: 3 * MINUTE });
		world.runUntil(30 * SECOND);
		expect(world.snapshot().traffic).toMatchObject({ txPerSecond: 1, sending: true, ended: false });
		world.dispatch({ type: 'traffic.rate', txPerSecond: 4 });
		expect(world.snapshot().traffic).toMatchObject({ txPerSecond: 4, baseTxPerSecond: 1, sending: true });
		world.dispatch({ type: 'traffic.rate', txPerSecond: 0 });
		expect(world.snapshot().traffic).toMatchObject({ txPerSecond: 0, sending: false, ended: false });
		// The administrator's change sets both the rate and what a restart goes back to, and users send at it.
		world.dispatch({ type: 'params.set', params: { txPerSecond: 3 } });
		world.runUntil(31 * SECOND);
		expect(world.snapshot().traffic).toMatchObject({ txPerSecond: 3, baseTxPerSecond: 3, sending: true });
		const sentBefore = world.snapshot().users.sent;
		world.runUntil(61 * SECOND);
		// 30 s at 3 tx/s: a Poisson count far above what 1 tx/s would give.
		expect(world.snapshot().users.sent - sentBefore).toBeGreaterThan(55);
		world.runUntil(3 * MINUTE + SECOND);
		expect(world.snapshot().traffic).toMatchObject({ sending: false, ended: true, endsAt: 3 * MINUTE });
	});

	it('moves the end of traffic when the parameter changes, and reopens traffic that had ended', () => {
		const world = createWorld({ seed: 2, scenario: happyPath, params: SHORT });
		world.runUntil(MINUTE);
		world.dispatch({ type: 'params.set', params: { trafficUntilMs: 2 * MINUTE } });
		world.runUntil(2 * MINUTE + SECOND);
		expect(world.snapshot().traffic).toMatchObject({ ended: true, endsAt: 2 * MINUTE });
		world.dispatch({ type: 'params.set', params: { trafficUntilMs: 5 * MINUTE } });
		expect(world.snapshot().traffic).toMatchObject({ ended: false, endsAt: 5 * MINUTE });
		world.runUntil(4 * MINUTE);
		expect(world.snapshot().traffic.sending).toBe(true);
		world.runUntil(5 * MINUTE + SECOND);
		expect(world.snapshot().traffic).toMatchObject({ sending: false, ended: true });
	});
});

describe('the pool in the snapshot', () => {
	it('says when a silent proposer stalls the pool and when the re-span is due, then recovers', () => {
		const world = createWorld({ seed: proposerOffline.seed, scenario: proposerOffline });
		world.runUntil(50 * SECOND);
		expect(world.snapshot().pool.status).not.toBe('stalled');
		// seq-0 goes silent at 1 minute; work piles up behind it.
		world.runUntil(2 * MINUTE);
		const stalled = world.snapshot();
		expect(stalled.proposer).toBe('seq-0');
		expect(stalled.pool.status).toBe('stalled');
		expect(stalled.pool.respanAt).toBe(stalled.pool.waitingSince! + 3 * MINUTE);
		expect(stalled.sequencers.find((s) => s.id === 'seq-0')?.duty).toBe('offline');
		world.runUntil(stalled.pool.respanAt! + 10 * SECOND);
		const after = world.snapshot();
		expect(after.proposer).not.toBe('seq-0');
		expect(after.pool.status).not.toBe('stalled');
		expect(world.events.some((e) => e.type === 'epoch.respan' && e.t === stalled.pool.respanAt)).toBe(true);
	});

	it('says the quorum is out of reach when too many sequencers are offline', () => {
		const world = createWorld({ seed: quorumLoss.seed, scenario: quorumLoss });
		// Three of its sequencers go offline at 1 minute and come back at 6.
		world.runUntil(MINUTE - SECOND);
		expect(world.snapshot().pool).toMatchObject({ quorumReachable: true });
		world.runUntil(3 * MINUTE);
		const pool = world.snapshot().pool;
		expect(pool.quorumReachable).toBe(false);
		expect(pool.status).toBe('no-quorum');
		expect(pool.online).toBeLessThan(pool.active);
		world.runUntil(7 * MINUTE);
		expect(world.snapshot().pool.quorumReachable).toBe(true);
	});

	it('gives each sequencer its duty for the latest batch', () => {
		const world = createWorld({ seed: 3, scenario: happyPath, params: SHORT });
		world.runUntil(2 * MINUTE);
		const snap = world.snapshot();
		const latest = world.state.data.proposals.at(-1)!;
		expect(snap.pool.dutyBatch).toEqual({ batch: latest.index, proposal: latest.id, attempt: latest.attempt });
		for (const s of snap.sequencers) {
			const expected = s.id in latest.signatures ? 'signed' : s.id in latest.refusals ? 'refused' : s.state.includes('reviewing') ? 'checking' : 'waiting';
			expect(s.duty, s.id).toBe(expected);
		}
	});
});

describe('the ladder in the snapshot', () => {
	it.each([
		{ finality: 'optimistic' as FinalityMode, window: 7 * DAY },
		{ finality: 'hybrid' as FinalityMode, window: 4 * HOUR },
		{ finality: 'zk' as FinalityMode, window: null }
	])('predicts when each open $finality batch climbs, and the prediction comes true', ({ finality, window }) => {
		const world = createWorld({ seed: 5, scenario: happyPath, finality, params: SHORT });
		world.runUntil(10 * MINUTE);
		const snap = world.snapshot();
		expect(snap.finality).toMatchObject({ mode: finality, l1FinalityBlocks: 64, l1FinalityMs: 64 * 12 * SECOND });
		const open = snap.batches.filter((b) => b.ladder);
		expect(open.length).toBeGreaterThan(0);
		expect(snap.batches.filter((b) => b.status !== 'posted').every((b) => b.ladder === null)).toBe(true);
		let below = 0;
		for (const b of open) {
			const posted = world.events.find((e) => e.type === 'finality.posted' && e.proposal === b.proposal)!.t;
			const ladder = b.ladder!;
			expect(ladder.l1FinalAt).toBe(posted + 64 * 12 * SECOND);
			expect(ladder.windowEndsAt).toBe(window === null ? null : posted + window);
			expect(ladder.settleAt).toBeGreaterThanOrEqual(below);
			below = ladder.settleAt!;
		}
		world.runUntil(9 * DAY);
		for (const b of open) {
			const at = (type: string) => world.events.find((e) => e.type === type && 'proposal' in e && e.proposal === b.proposal)?.t;
			expect(at('finality.l1-final')).toBe(b.ladder!.l1FinalAt);
			expect(at('finality.settled')).toBe(b.ladder!.settleAt);
			if (finality !== 'optimistic') expect(at('proof.verified')).toBe(b.ladder!.proofReadyAt);
		}
	});

	it('keeps the times a posting started when the parameters change later', () => {
		const world = createWorld({ seed: 6, scenario: happyPath, finality: 'optimistic', params: SHORT });
		world.runUntil(5 * MINUTE);
		const before = world.snapshot().batches.find((b) => b.ladder)!;
		world.dispatch({ type: 'params.set', params: { challengeWindowMs: DAY } });
		const after = world.snapshot();
		expect(after.batches.find((b) => b.proposal === before.proposal)?.ladder).toEqual(before.ladder);
		expect(after.finality).toMatchObject({ settleRule: 'challenge-window', settleWaitMs: DAY });
	});

	it('expects no settling time for a challenged batch, nor for any batch above it', () => {
		const world = createWorld({ seed: colluding.seed, scenario: colluding });
		world.runUntil(2 * HOUR);
		const opened = world.events.find((e) => e.type === 'challenge.opened' && e.posted);
		expect(opened).toBeDefined();
		world.seek(opened!.t);
		const snap = world.snapshot();
		const challenged = snap.batches.find((b) => b.proposal === (opened as { proposal: number }).proposal)!;
		expect(challenged.ladder).toMatchObject({ challenged: true, settleAt: null });
		const above = snap.batches.filter((b) => b.ladder && b.index > challenged.index);
		expect(above.every((b) => b.ladder!.settleAt === null)).toBe(true);
		const below = snap.batches.filter((b) => b.ladder && b.index < challenged.index);
		expect(below.every((b) => b.ladder!.settleAt !== null)).toBe(true);
	});
});
