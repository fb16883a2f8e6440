/**
 * "Try it" goals: what a learner is asked to do to a world, checked against its event log. Each
 * names a way to reach it (`solve`), so a test can show it is achievable, and a world left alone
 * must not reach it. A lesson's goals may live in a file of their own under goals/.
 */
import { isEvent } from '$lib/sim/events';
import { applied, at, MIN, offline, type Goal } from './goalTools';
import { FINALITY_GOALS } from './goals/finality';
import { POOL_GOALS } from './goals/pool';

export type { Goal } from './goalTools';

/** Lessons 1 to 4: traffic, a silent proposer, a censor, a stalled quorum. */
const BASICS: Goal[] = [
			{
				// Lesson 1: double the traffic, and a batch of the same ten blocks carries half as much again as any before.
				id: 'busy-batch',
				scenario: 'demo',
				achieved: (events) => {
					const raised = applied(events, 'traffic.rate')[0];
					if (!raised) return false;
					let before = 0;
					for (const e of events) if (isEvent(e, 'batch.proposed') && e.t <= raised.t) before = Math.max(before, e.txs);
					return events.some((e) => isEvent(e, 'batch.proposed') && e.t > raised.t && e.txs >= Math.max(1, before * 1.5));
				},
				solve: (world) => at(world, 30_000, { type: 'traffic.rate', txPerSecond: 10 }),
				until: 3 * MIN
			},
			{
				// Lessons 2 and 3: the proposer goes silent and the pool elects another.
				id: 'respan',
				scenario: 'demo',
				achieved: (events) => {
					const silenced = new Map(offline(events).map((c) => [c.detail.sequencer, c.t]));
					return events.some((e) => isEvent(e, 'epoch.respan') && e.previous !== null && (silenced.get(e.previous) ?? Infinity) < e.t);
				},
				solve: (world) => at(world, 20_000, { type: 'sequencer.behaviour', sequencer: world.snapshot().proposer, behaviour: 'offline' }),
				until: 10 * MIN
			},
			{
				// Lesson 2: the proposer leaves one user's transactions out.
				id: 'censor',
				scenario: 'demo',
				achieved: (events) => {
					const told = applied(events, 'sequencer.behaviour').filter((c) => c.detail.behaviour === 'censor');
					return told.length > 0 && events.some((e) => isEvent(e, 'tx.censored') && e.t > told[0].t);
				},
				solve: (world) => at(world, 20_000, { type: 'sequencer.behaviour', sequencer: world.snapshot().proposer, behaviour: 'censor', target: 'user-7' }),
				until: 10 * MIN
			},
			{
				// Lesson 4: more than a third of the pool offline, and no batch gets its two thirds.
				id: 'stall-quorum',
				scenario: 'demo',
				achieved: (events) => {
					const first = offline(events)[0];
					return !!first && events.some((e) => isEvent(e, 'batch.no-quorum') && e.t > first.t);
				},
				solve: (world) => {
					world.runUntil(10_000);
					const { proposer, sequencers } = world.snapshot();
					for (const s of sequencers.filter((x) => x.id !== proposer).slice(0, 3)) at(world, world.now, { type: 'sequencer.behaviour', sequencer: s.id, behaviour: 'offline' });
				},
				until: 10 * MIN
			}
];

/** The goals, by id. */
export const GOALS: Record<string, Goal> = Object.fromEntries([...BASICS, ...POOL_GOALS, ...FINALITY_GOALS].map((g) => [g.id, g]));
