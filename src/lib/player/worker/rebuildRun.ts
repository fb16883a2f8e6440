/**
 * Rebuilding a world from a file, in slices: the worker runs the fresh world towards the file's time
 * a few wall milliseconds at a time and yields to its message loop in between, so it can report
 * progress and hear a cancel. Pure: the wall clock and the way to yield are given to it.
 */

/** The part of a World a rebuild drives. */
export interface RebuildableWorld {
	/** Simulated time. */
	readonly now: number;
	/** Time of the next scheduled thing, or Infinity. */
	readonly nextEventAt: number;
	/** Processes the next moment; null when nothing is left. */
	step(): number | null;
	/** Runs everything due up to `t` and sets the clock to `t`. */
	runUntil(t: number): void;
}

/** Why a rebuild stopped before its end: the learner asked, or a newer world replaced it. */
export type CancelReason = 'learner' | 'superseded';

/** How a rebuild is told about its own course. */
export interface RebuildHooks {
	/** Runs `next` after the worker has handled whatever messages are waiting. */
	defer: (next: () => void) => void;
	/** The rebuild reached `at` of `until` (called at most once every `progressMs` of wall time). */
	onProgress: (at: number, until: number) => void;
	/** The world is at `until`. */
	onDone: () => void;
	/** The rebuild was abandoned at `at`. */
	onCancelled: (reason: CancelReason, at: number) => void;
	/** The world threw while running, at simulated time `at`. */
	onError: (err: unknown, at: number) => void;
}

/** Runs a world to `until`, at most `sliceMs` of wall time per slice. */
export class RebuildRun {
	/** Set once the rebuild is abandoned. */
	cancelled: CancelReason | null = null;
	private lastProgress = -Infinity;

	constructor(
		private readonly world: RebuildableWorld,
		/** Simulated time to reach. */
		readonly until: number,
		private readonly clock: () => number,
		private readonly sliceMs = 25,
		private readonly progressMs = 100
	) {}

	/** Simulated time reached so far. */
	get at(): number {
		return this.world.now;
	}

	/** Abandons the rebuild at the end of the slice in progress (the first reason given is kept). */
	cancel(reason: CancelReason): void {
		this.cancelled ??= reason;
	}

	/** Runs one slice; true when the world has reached `until`. */
	slice(): boolean {
		const start = this.clock();
		while (this.world.nextEventAt <= this.until) {
			this.world.step();
			if (this.clock() - start >= this.sliceMs) return false;
		}
		this.world.runUntil(this.until);
		return true;
	}

	/** Whether a progress report is due now; if so, the next one is due `progressMs` later. */
	progressDue(): boolean {
		const now = this.clock();
		if (now - this.lastProgress < this.progressMs) return false;
		this.lastProgress = now;
		return true;
	}

	/** Runs slice after slice, yielding between them, until done, cancelled or broken. */
	drive(hooks: RebuildHooks): void {
		const next = () => {
			if (this.cancelled) return hooks.onCancelled(this.cancelled, this.at);
			let done: boolean;
			try {
				done = this.slice();
			} catch (err) {
				return hooks.onError(err, this.at);
			}
			if (done) return hooks.onDone();
			if (this.progressDue()) hooks.onProgress(this.at, this.until);
			hooks.defer(next);
		};
		next();
	}
}
