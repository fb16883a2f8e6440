/** What a sandbox mission is: a "try it" goal with a starting world, a name and points. */
import type { FinalityMode } from '$lib/sim';
import type { SimEvent } from '$lib/sim/events';
import { isEvent } from '$lib/sim/events';
import type { Goal } from '../goalTools';

/** A mission: a goal the learner reaches in the sandbox, worth points. */
export interface Mission extends Goal {
	/** The finality mode its world runs (a world of another mode never meets it). */
	finality: FinalityMode;
	/** Points for doing it. */
	points: number;
	/** Its name, in the learner's words. */
	title: () => string;
	/** What to do, in one line. */
	description: () => string;
}

/** The finality mode the log's world was created with, or null before genesis. */
export function finalityOf(events: readonly SimEvent[]): FinalityMode | null {
	const genesis = events.find((e) => isEvent(e, 'world.genesis'));
	return genesis && isEvent(genesis, 'world.genesis') ? genesis.finality : null;
}
