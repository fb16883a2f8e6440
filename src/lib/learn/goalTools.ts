/** What a "try it" goal is, and the small readers of a log that goals are written with. */
import type { World } from '$lib/sim';
import type { SimEvent } from '$lib/sim/events';
import { isEvent } from '$lib/sim/events';

/** A goal a "try it" block names. */
export interface Goal {
	/** Its id, as a lesson writes it: `:::try{goal="respan"}`. */
	id: string;
	/** The world it is tried in (a test builds it; the step's stage shows it). */
	scenario: string;
	/** Whether a log shows it achieved. */
	achieved: (events: readonly SimEvent[]) => boolean;
	/** One way to achieve it, driving a headless world (for the test that it can be done). */
	solve: (world: World) => void;
	/** How long the test runs the world, ms. */
	until: number;
}

/** A minute of simulated time, ms. */
export const MIN = 60_000;

/** The learner's commands of one type that were applied, with their parsed fields and times. */
export function applied(events: readonly SimEvent[], command: string): { t: number; detail: Record<string, unknown> }[] {
	const out: { t: number; detail: Record<string, unknown> }[] = [];
	for (const e of events) if (isEvent(e, 'command.applied') && e.command === command) out.push({ t: e.t, detail: JSON.parse(e.detail) as Record<string, unknown> });
	return out;
}

/** Sequencers the learner took offline, with when. */
export const offline = (events: readonly SimEvent[]) => applied(events, 'sequencer.behaviour').filter((c) => c.detail.behaviour === 'offline');

/** Runs a world to `t`, then applies a command there. */
export function at(world: World, t: number, command: unknown): void {
	world.runUntil(t);
	const done = world.dispatch(command);
	if (!done.ok) throw new Error(done.error);
}

