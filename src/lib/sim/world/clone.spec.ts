import { describe, expect, it } from 'vitest';
import loneCheater from '../../../../content/scenarios/lone-cheater.json';
import { createWorld } from './world';
import { DAY, MINUTE } from '../units';

/** lone-cheater with a short burst of traffic: a fault, a slash, checkpoints and a week of settlement. */
const make = () => createWorld({ seed: 2, scenario: loneCheater, params: { trafficUntilMs: 2 * MINUTE } });
const picture = (w: ReturnType<typeof make>) => JSON.stringify({ events: w.events, snapshot: w.snapshot(), horizon: w.horizon });

describe('a copy of a world', () => {
	it('runs on to exactly what the original would, and leaves the original where it was', { timeout: 60_000 }, () => {
		const reference = make();
		reference.runUntil(8 * DAY);

		const original = make();
		original.runUntil(90_000);
		const before = picture(original);
		const copy = original.clone();
		copy.runUntil(8 * DAY);
		expect(picture(copy)).toBe(picture(reference));
		expect(copy.events.some((e) => e.type === 'slash')).toBe(true);
		expect(picture(original), 'running the copy did not move the original').toBe(before);

		original.runUntil(8 * DAY);
		expect(picture(original)).toBe(picture(reference));
	});

	it('keeps the history it was copied with: seeking back in the copy replays the same past', { timeout: 60_000 }, () => {
		const original = make();
		original.runUntil(5 * MINUTE);
		const copy = original.clone();
		copy.seek(40_000);
		original.seek(40_000);
		expect(picture(copy)).toBe(picture(original));
		expect(copy.horizon).toBe(5 * MINUTE);
	});
});

describe('the known future of a branch', () => {
	it('is the log the branch reached before a seek back, and is forgotten by a fork', { timeout: 60_000 }, () => {
		const world = make();
		world.runUntil(3 * MINUTE);
		const reached = world.events.slice();
		world.seek(30_000);
		expect(world.events.length).toBeLessThan(reached.length);
		expect(world.knownEvents).toEqual(reached);
		world.dispatch({ type: 'traffic.rate', txPerSecond: 2 });
		expect(world.knownEvents).toBe(world.events);
	});
});
