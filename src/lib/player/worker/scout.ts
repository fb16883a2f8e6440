/**
 * The look-ahead behind "Next key moment": a copy of the live world runs on in the worker's spare
 * time (while the learner reads, or between playback slices) and leaves a copy of itself parked at
 * each story moment it passes, a few moments ahead. A jump then takes the parked copy over instead of
 * computing the moment while the learner waits. Every copy is the same deterministic world, so taking
 * one over gives exactly the world the jump would have computed; a learner's command starts another
 * branch and the look-ahead is dropped.
 */
import type { World } from '$lib/sim';
import type { KeyMoment } from '../keyEvents';
import type { Story } from '../story';
import { MomentSearch, type JumpOutcome } from './jump';

/** Most moments the look-ahead runs ahead of the live world before it waits for the learner. */
const AHEAD = 4;

/** A copy of the world parked at a story moment. */
export interface ParkedWorld {
	/** The world just after the moment's instant. */
	world: World;
	/** The moment. */
	moment: KeyMoment;
}

/** A copy of the live world running ahead, and the copies it parked at the moments it passed. */
export class Scout {
	private origin: World | null = null;
	private runner: MomentSearch | null = null;
	private runnerWorld: World | null = null;
	private parked: ParkedWorld[] = [];
	private ended = false;

	/** Whether the look-ahead has work to do for the live world it follows. */
	get busy(): boolean {
		const live = this.origin;
		if (!live || !this.runner || this.ended) return false;
		return this.parked.filter((p) => p.moment.t > live.now).length < AHEAD;
	}

	/** Whether it follows `live` and is not behind it. */
	serves(live: World): boolean {
		if (this.origin !== live || !this.runnerWorld) return false;
		return this.runnerWorld.now >= live.now || this.parked.some((p) => p.moment.t > live.now);
	}

	/** Starts following `live` with a fresh copy, unless the look-ahead already serves it. */
	watch(live: World, story: Story): void {
		if (this.serves(live)) return;
		const copy = live.clone();
		this.origin = live;
		this.runnerWorld = copy;
		this.runner = MomentSearch.from(copy, story);
		this.parked = [];
		this.ended = false;
	}

	/** Drops everything (the learner changed the world, so its future is another one). */
	forget(): void {
		this.origin = null;
		this.runner = null;
		this.runnerWorld = null;
		this.parked = [];
	}

	/** Runs the copy on, parking a copy at each moment, until it is far enough ahead or `stop()` says so. */
	work(stop: () => boolean): void {
		const live = this.origin;
		// Copies parked at moments the live world has played past are of no more use.
		if (live) this.parked = this.parked.filter((p) => p.moment.t > live.now);
		while (this.busy && this.runner) if (!this.park(this.runner.run(stop))) return;
	}

	/** Parks a copy at the moment the runner found; false when it was stopped or the world ended. */
	private park(outcome: JumpOutcome | null): boolean {
		if (!outcome || !this.runnerWorld) return false;
		if (!outcome.moment) {
			this.ended = true;
			return false;
		}
		this.parked.push({ world: this.runnerWorld.clone(), moment: outcome.moment });
		return true;
	}

	/**
	 * Moves `live` on to its next moment: the parked copy there, running the look-ahead on until it
	 * parks one or `stop()` says so (then a copy of it where it got to, if that is ahead of `live`).
	 * The world returned is followed from then on; null when there is nothing ahead of `live`.
	 */
	reach(live: World, stop: () => boolean): ParkedWorld | { world: World; moment: null } | null {
		if (!this.serves(live)) return null;
		const next = () => this.parked.find((p) => p.moment.t > live.now);
		while (!next() && this.runner && !this.ended) if (!this.park(this.runner.run(stop))) break;
		const found = next();
		this.parked = this.parked.filter((p) => p.moment.t > (found?.moment.t ?? live.now));
		const world = found?.world ?? (this.runnerWorld && this.runnerWorld.now > live.now ? this.runnerWorld.clone() : null);
		if (!world) return null;
		this.origin = world;
		return found ?? { world, moment: null };
	}
}
