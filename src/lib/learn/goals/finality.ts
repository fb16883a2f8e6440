/**
 * "Try it" goals of lessons 5 to 8: who checks a batch, and what each finality mode does when
 * nobody does. Each is read in one pass over the log.
 */
import type { World } from '$lib/sim';
import { isEvent } from '$lib/sim/events';
import { applied, at, MIN, offline, type Goal } from '../goalTools';

const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Validator commands of the learner that took a validator off watch (lazy or offline), in order. */
const benched = (events: Parameters<Goal['achieved']>[0]) => applied(events, 'validator.behaviour').filter((c) => c.detail.behaviour === 'lazy' || c.detail.behaviour === 'offline');

/** Makes every validator of the world lazy at the very start (the solve of the "nobody watching" goals). */
function benchEveryValidator(world: World): void {
	for (const v of world.snapshot().validators) at(world, 0, { type: 'validator.behaviour', validator: v.id, behaviour: 'lazy' });
}

/** Lessons 5 to 8. */
export const FINALITY_GOALS: Goal[] = [
	{
		// Lesson 5: in a world of lazy validators, make one honest and it challenges the cabal's fraud.
		id: 'wake-validator',
		scenario: 'lazy-validators',
		achieved: (events) => {
			let woken = Infinity;
			for (const e of events) {
				if (isEvent(e, 'command.applied') && e.command === 'validator.behaviour' && woken === Infinity && (JSON.parse(e.detail) as { behaviour?: string }).behaviour === 'honest') woken = e.t;
				else if (isEvent(e, 'challenge.opened') && e.t >= woken) return true;
			}
			return false;
		},
		solve: (world) => at(world, MIN, { type: 'validator.behaviour', validator: 'val-0', behaviour: 'honest' }),
		until: 10 * MIN
	},
	{
		// Lesson 6: take the defender offline mid-dispute, and its chess clock runs out: the challenger wins without a one-step proof.
		id: 'clock-out',
		scenario: 'colluding-majority-optimistic',
		achieved: (events) => {
			const silenced = offline(events)[0]?.t ?? Infinity;
			const decidedByStep = new Set<number>();
			for (const e of events) {
				if (isEvent(e, 'dispute.one-step')) decidedByStep.add(e.proposal);
				else if (isEvent(e, 'dispute.resolved') && e.kind === 'bisection' && e.winner === 'challenger' && e.t > silenced && !decidedByStep.has(e.proposal)) return true;
			}
			return false;
		},
		solve: (world) => {
			world.runUntil(90 * MIN);
			const opened = world.events.find((e) => isEvent(e, 'challenge.opened'));
			if (!opened || !isEvent(opened, 'challenge.opened')) throw new Error('no challenge to stall');
			at(world, world.now, { type: 'sequencer.behaviour', sequencer: opened.defender, behaviour: 'offline' });
		},
		until: 4 * DAY
	},
	{
		// Lesson 7: with every validator lazy, the cabal's batch is still reverted at its proof deadline, though nobody re-executed it.
		id: 'zk-no-watchers',
		scenario: 'colluding-majority-zk',
		achieved: (events) => {
			if (!benched(events).length) return false;
			const checked = new Set<number>();
			const missing: number[] = [];
			for (const e of events) {
				if (isEvent(e, 'validator.checked')) checked.add(e.proposal);
				else if (isEvent(e, 'proof.missing') && e.mode === 'zk') missing.push(e.proposal);
			}
			return missing.some((p) => !checked.has(p));
		},
		solve: benchEveryValidator,
		until: 6 * HOUR + 30 * MIN
	},
	{
		// Lesson 8: with every validator lazy, nobody asks for the ZK fraud proof and the cabal's fraud settles at the 4-hour deadline.
		id: 'hybrid-no-watchers',
		scenario: 'colluding-majority-hybrid',
		achieved: (events) => benched(events).length > 0 && events.some((e) => isEvent(e, 'finality.settled') && !e.honest),
		solve: benchEveryValidator,
		until: 5 * HOUR
	}
];
