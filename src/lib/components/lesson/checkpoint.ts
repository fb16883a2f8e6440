/** Where a step's world was left (its link and simulated time), read from a live world and opened again. */
import type { LiveWorld } from '$lib/player/liveWorld.svelte';
import type { StepStage } from '$lib/learn/lessonTypes';
import { linkQuery, parseLinkQuery, type WorldLink } from '$lib/player/urlState';
import { stageLink } from './stageLink';

/** Where a step's world was left: its link and its simulated time. */
export interface WorldCheckpoint {
	/** The world's share-link query. */
	query: string;
	/** Simulated ms. */
	t: number;
}

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

/** The progress key of world `index` of a step with worlds side by side. */
export function sideWorldKey(path: string, index: number): string {
	return `${path}#${index + 1}`;
}
