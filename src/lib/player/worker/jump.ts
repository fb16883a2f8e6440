/**
 * "Next key moment": runs a world on to the next moment of its story. Only the simulation runs on
 * the way (no frame, snapshot or narration is built until the moment is found); each step is one
 * simulated instant, so the moment arrives with everything else that happened at that time.
 */
import type { SimEvent } from '$lib/sim';
import type { KeyMoment } from '../keyEvents';
import { StoryTracker, type Story } from '../story';

/** What a jump needs of a world. */
export interface JumpWorld {
	/** Simulated time. */
	readonly now: number;
	/** The event log so far. */
	readonly events: readonly SimEvent[];
	/** Processes the next instant with anything scheduled; null when nothing is left. */
	step(): number | null;
}

/** How a search for the next moment ended. */
export interface JumpOutcome {
	/** The first moment found (others may share its instant), or null. */
	moment: KeyMoment | null;
	/** Nothing is left to happen in the world. */
	ended: boolean;
}

/** A tracker that has read `events`, so it knows what the story has told up to there. */
export function trackerAfter(story: Story, events: readonly SimEvent[]): StoryTracker {
	const tracker = new StoryTracker(story);
	for (const e of events) tracker.see(e);
	return tracker;
}

/** A world whose branch may know its future (it was there before a seek back) and can seek there. */
export interface SeekableWorld extends JumpWorld {
	/** The longest log this branch has produced. */
	readonly knownEvents: readonly SimEvent[];
	/** Moves to time `t`, reusing the branch's checkpoints. */
	seek(t: number): void;
}

/**
 * Jumps to the next story moment when the branch has been beyond it before: the moment is read off
 * the known log and the world seeks there (from the last checkpoint before it), instead of running
 * every instant on the way. Returns the moment, or null when the known future holds none.
 */
export function seekKnownMoment(world: SeekableWorld, story: Story): KeyMoment | null {
	const log = world.events;
	const known = world.knownEvents;
	if (known.length <= log.length) return null;
	const tracker = trackerAfter(story, log);
	for (let i = log.length; i < known.length; i++) {
		const moment = tracker.see(known[i]);
		if (moment) {
			world.seek(moment.t);
			return moment;
		}
	}
	return null;
}

/** A search for the next story moment of one world, which can be run in slices. */
export class MomentSearch {
	private read: number;

	constructor(
		/** The world searched (it is run on). */
		readonly world: JumpWorld,
		private readonly tracker: StoryTracker
	) {
		this.read = world.events.length;
	}

	/** Starts a search from where `world` is now. */
	static from(world: JumpWorld, story: Story): MomentSearch {
		return new MomentSearch(world, trackerAfter(story, world.events));
	}

	/** Runs instant by instant until a moment is logged, the world ends, or `until()` (asked before each instant) says stop; null when stopped before either. */
	run(until: () => boolean): JumpOutcome | null {
		const world = this.world;
		for (;;) {
			if (until()) return null;
			if (world.step() === null) return { moment: null, ended: true };
			const log = world.events;
			let moment: KeyMoment | null = null;
			// Read the whole instant, so the tracker knows everything told at it.
			for (; this.read < log.length; this.read++) {
				const told = this.tracker.see(log[this.read]);
				if (told && !moment) moment = told;
			}
			if (moment) return { moment, ended: false };
		}
	}
}
