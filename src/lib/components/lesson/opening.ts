/** How a step's world opens (where the learner left it, or the step's own world) and where a live world is now; loaded with the worlds, as it reads links. */
import type { StepStage } from '$lib/learn/lessonTypes';
import type { LiveWorld } from '$lib/player/liveWorld.svelte';
import { linkQuery, parseLinkQuery, type WorldLink } from '$lib/player/urlState';
import type { WorldCheckpoint } from './checkpoint';
import { stageLink } from './stageLink';

/** Where a live world is now, or null while it is not built or cannot be named by a link. */
export function checkpointOf(live: LiveWorld): WorldCheckpoint | null {
	const snapshot = live.client.snapshot;
	if (!live.ready || !snapshot || !live.linkable) return null;
	return { query: linkQuery(live.link), t: snapshot.t };
}

/** How a step's world opens: where the learner left it, else the spec's own world at its opening time (`at` null: from the start). */
export interface Opening {
	/** The world. */
	link: WorldLink;
	/** Simulated ms to open at. */
	at: number | null;
	/** What could not be read of the checkpoint, when it could not be (then the spec's own world opens). */
	unreadable: string[];
}

/** Opens a checkpoint when it reads cleanly, else the world a step's spec names. */
export function opening(spec: Pick<StepStage, 'scenario' | 'seed' | 'finality' | 'at'>, checkpoint: WorldCheckpoint | null): Opening {
	const kept = checkpoint ? parseLinkQuery(checkpoint.query) : null;
	if (checkpoint && kept && !kept.problems.length) return { link: kept.link, at: checkpoint.t, unreadable: [] };
	return { link: stageLink(spec), at: spec.at ?? null, unreadable: kept?.problems ?? [] };
}
