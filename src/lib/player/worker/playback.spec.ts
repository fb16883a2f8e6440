import { describe, expect, it } from 'vitest';
import { Playback, type PlayableWorld } from './playback';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A fake world with events every `gap` ms, each costing `cost` ms of (fake) wall time. */
function fakeWorld(gap: number, cost: number, clock: { now: number }, until = Infinity): Mutable<PlayableWorld> & { steps: number } {
	return {
		now: 0,
		steps: 0,
		get nextEventAt() {
			const next = (Math.floor(this.now / gap) + 1) * gap;
			return next > until ? Infinity : next;
		},
		step() {
			const at = this.nextEventAt;
			if (!Number.isFinite(at)) return null;
			this.now = at;
			this.steps++;
			clock.now += cost;
			return at;
		},
		runUntil(t: number) {
			while (this.nextEventAt <= t) this.step();
			this.now = Math.max(this.now, t);
		}
	};
}

describe('Playback', () => {
	it.each([
		{ speed: 1, wall: 100, sim: 100 },
		{ speed: 0.1, wall: 100, sim: 10 },
		{ speed: 10, wall: 100, sim: 1000 }
	])('advances simulated time by wall × speed ($speed×)', ({ speed, wall, sim }) => {
		const clock = { now: 0 };
		const world = fakeWorld(1000, 0, clock);
		const p = new Playback(world, () => clock.now);
		p.setSpeed(speed);
		p.play();
		clock.now += wall;
		p.slice();
		expect(world.now).toBe(sim);
	});

	it('keeps fractions so that 0.1× does not stall', () => {
		const clock = { now: 0 };
		const world = fakeWorld(1000, 0, clock);
		const p = new Playback(world, () => clock.now);
		p.setSpeed(0.1);
		p.play();
		for (let i = 0; i < 100; i++) {
			clock.now += 4;
			p.slice();
		}
		expect(world.now).toBe(40);
	});

	it('never runs past its slice, so a pause is heard quickly', () => {
		const clock = { now: 0 };
		const world = fakeWorld(10, 3, clock);
		const p = new Playback(world, () => clock.now, 10);
		p.setSpeed(1000);
		p.play();
		clock.now += 16;
		const start = clock.now;
		const r = p.slice();
		expect(r.lagging).toBe(true);
		expect(clock.now - start).toBeLessThanOrEqual(12);
	});

	it('fast-forward jumps from event to event and stops when nothing is left', () => {
		const clock = { now: 0 };
		const world = fakeWorld(7 * 24 * 3600 * 1000, 1, clock, 14 * 24 * 3600 * 1000);
		const p = new Playback(world, () => clock.now, 10);
		p.setSpeed('max');
		p.play();
		const r = p.slice();
		expect(world.steps).toBe(2);
		expect(r.idle).toBe(true);
		expect(p.playing).toBe(false);
	});

	it('does nothing while paused and does not jump after a long pause', () => {
		const clock = { now: 0 };
		const world = fakeWorld(1000, 0, clock);
		const p = new Playback(world, () => clock.now);
		p.slice();
		expect(world.now).toBe(0);
		p.play();
		p.pause();
		clock.now += 60_000;
		p.play();
		clock.now += 10_000;
		p.slice();
		expect(world.now).toBe(250);
	});
});
