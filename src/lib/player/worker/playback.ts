/**
 * The playback loop: the only place that turns wall time into simulated time. Each `slice()` runs
 * the world for at most `sliceMs` of wall time, so a pause or any other message is handled within a
 * slice (plus the one simulated moment in progress).
 */
import type { Speed } from '../protocol';

/** The part of a World that playback drives. */
export interface PlayableWorld {
	/** Simulated time. */
	readonly now: number;
	/** Time of the next scheduled thing, or Infinity. */
	readonly nextEventAt: number;
	/** Processes the next moment; null when nothing is left. */
	step(): number | null;
	/** Runs everything due up to `t` and sets the clock to `t`. */
	runUntil(t: number): void;
}

/** Longest wall-time gap one slice catches up on (a background tab must not cause a jump). */
const MAX_WALL_GAP_MS = 250;

/** Outcome of one slice. */
export interface SliceResult {
	/** Nothing is left to happen; playback stopped. */
	idle: boolean;
	/** The world could not keep up with the requested speed in this slice. */
	lagging: boolean;
}

/** Drives a world in real time × speed, or as fast as possible (`max`). */
export class Playback {
	/** Whether it is running. */
	playing = false;
	/** Simulated ms per wall ms, or `max`. */
	speed: Speed = 1;
	/** Recent simulated ms per wall ms (smoothed). */
	rate = 0;
	private lastWall = 0;
	private carry = 0;

	constructor(
		private readonly world: PlayableWorld,
		private readonly clock: () => number,
		private readonly sliceMs = 10
	) {}

	/** Starts (or keeps) running from now. */
	play(): void {
		if (!this.playing) {
			this.lastWall = this.clock();
			this.carry = 0;
		}
		this.playing = true;
	}

	/** Stops at the current simulated time. */
	pause(): void {
		this.playing = false;
		this.rate = 0;
	}

	/** Changes the speed without losing the beat. */
	setSpeed(speed: Speed): void {
		this.speed = speed;
		this.carry = 0;
	}

	/** Runs one slice of wall time. */
	slice(): SliceResult {
		if (!this.playing) return { idle: false, lagging: false };
		const start = this.clock();
		const gap = Math.min(Math.max(start - this.lastWall, 0), MAX_WALL_GAP_MS);
		this.lastWall = start;
		const before = this.world.now;
		let lagging = false;
		if (this.speed === 'max') {
			lagging = true;
			do {
				if (this.world.step() === null) break;
			} while (this.clock() - start < this.sliceMs);
		} else {
			const wanted = gap * this.speed + this.carry;
			const whole = Math.floor(wanted);
			this.carry = wanted - whole;
			const target = before + whole;
			while (this.world.nextEventAt <= target) {
				this.world.step();
				if (this.clock() - start >= this.sliceMs) {
					lagging = this.world.nextEventAt <= target;
					break;
				}
			}
			if (lagging) this.carry = 0;
			else this.world.runUntil(target);
		}
		const wall = Math.max(this.clock() - start, gap, 1);
		this.rate = this.rate * 0.7 + ((this.world.now - before) / wall) * 0.3;
		const idle = !Number.isFinite(this.world.nextEventAt);
		if (idle) this.pause();
		return { idle, lagging };
	}
}
