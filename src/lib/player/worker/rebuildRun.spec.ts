import { describe, expect, it } from 'vitest';
import { createWorld } from '$lib/sim';
import { MINUTE } from '$lib/sim/units';
import { linkRecipe } from '../linkRecipe';
import { RebuildRun, type CancelReason, type RebuildableWorld } from './rebuildRun';

/** A world with one thing scheduled every 10 ms up to `last`, and a wall clock that moves 1 ms per step. */
function fakeWorld(last: number) {
	const wall = { now: 0 };
	const world: RebuildableWorld & { now: number; steps: number } = {
		now: 0,
		steps: 0,
		get nextEventAt() {
			const next = Math.floor(this.now / 10) * 10 + 10;
			return next <= last ? next : Infinity;
		},
		step() {
			const at = this.nextEventAt;
			if (!Number.isFinite(at)) return null;
			this.now = at;
			this.steps++;
			wall.now += 1;
			return at;
		},
		runUntil(t: number) {
			while (this.nextEventAt <= t) this.step();
			this.now = Math.max(this.now, t);
		}
	};
	return { world, clock: () => wall.now };
}

/** Drives a run with a queue standing in for the message loop; `between` runs before each deferred slice. */
function drive(run: RebuildRun, between: (slice: number) => void = () => {}) {
	const queue: (() => void)[] = [];
	const seen = { progress: [] as number[], done: false, cancelled: null as CancelReason | null, cancelledAt: -1, slices: 0 };
	run.drive({
		defer: (next) => queue.push(next),
		onProgress: (at) => seen.progress.push(at),
		onDone: () => (seen.done = true),
		onCancelled: (reason, at) => {
			seen.cancelled = reason;
			seen.cancelledAt = at;
		},
		onError: (err) => {
			throw err;
		}
	});
	for (let next = queue.shift(); next; next = queue.shift()) {
		between(++seen.slices);
		next();
	}
	return seen;
}

describe('RebuildRun', () => {
	it('runs to the file’s time in slices, yielding between them', () => {
		const { world, clock } = fakeWorld(10_000);
		const run = new RebuildRun(world, 12_345, clock, 25, 100);
		const seen = drive(run);
		expect(seen.done).toBe(true);
		expect(world.now).toBe(12_345);
		expect(world.steps).toBe(1000);
		// 25 steps of 1 wall ms fill a slice: 40 full slices, each followed by a yield, then one that finds nothing left.
		expect(seen.slices).toBe(40);
		// Progress at most once per 100 wall ms (every fourth slice), always moving forward, never past the end.
		expect(seen.progress.length).toBe(10);
		expect(seen.progress).toEqual([...seen.progress].sort((a, b) => a - b));
		expect(Math.max(...seen.progress)).toBeLessThan(12_345);
	});

	it('finishes at once when nothing is due before the file’s time', () => {
		const { world, clock } = fakeWorld(0);
		const seen = drive(new RebuildRun(world, 7 * MINUTE, clock));
		expect(seen).toMatchObject({ done: true, slices: 0, progress: [] });
		expect(world.now).toBe(7 * MINUTE);
	});

	it('stops at the next slice when cancelled, and keeps the first reason', () => {
		const { world, clock } = fakeWorld(10_000);
		const run = new RebuildRun(world, 10_000, clock, 25, 100);
		const seen = drive(run, (slice) => {
			if (slice === 3) run.cancel('learner');
			if (slice === 4) run.cancel('superseded');
		});
		expect(seen.done).toBe(false);
		expect(seen.cancelled).toBe('learner');
		expect(seen.cancelledAt).toBe(750);
		expect(world.now).toBe(750);
	});

	it('reports a world that throws, at the time it threw', () => {
		const { world, clock } = fakeWorld(10_000);
		const step = world.step.bind(world);
		world.step = () => {
			if (world.now === 500) throw new Error('RollupInbox: boom');
			return step();
		};
		const run = new RebuildRun(world, 10_000, clock);
		const failures: [string, number][] = [];
		const queue: (() => void)[] = [];
		run.drive({ defer: (n) => queue.push(n), onProgress: () => {}, onDone: () => {}, onCancelled: () => {}, onError: (err, at) => failures.push([(err as Error).message, at]) });
		for (let next = queue.shift(); next; next = queue.shift()) next();
		expect(failures).toEqual([['RollupInbox: boom', 500]]);
	});

	it('gives a real world exactly the log runUntil gives it', () => {
		const built = linkRecipe({ seed: 2, scenario: 'happy-path', finality: 'optimistic', shape: { sequencers: 3, users: 4 }, params: { trafficUntilMs: MINUTE } });
		if (!built.ok) throw new Error(JSON.stringify(built.errors));
		const whole = createWorld(built.recipe);
		whole.runUntil(2 * MINUTE);
		const sliced = createWorld(built.recipe);
		let ticks = 0;
		// A clock that moves on every reading: slices of a few moments each.
		const seen = drive(new RebuildRun(sliced, 2 * MINUTE, () => ticks++, 5, 50));
		expect(seen.slices).toBeGreaterThan(3);
		expect(sliced.now).toBe(whole.now);
		expect(JSON.stringify(sliced.events)).toBe(JSON.stringify(whole.events));
		expect(JSON.stringify(sliced.exportWorld())).toBe(JSON.stringify(whole.exportWorld()));
	});
});
