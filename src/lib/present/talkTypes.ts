/** The shapes of a talk track: a list of scenes, each a world state with a big subtitle and the speaker's notes. */

/** Where a scene's world opens: at a simulated time, or right after a key moment of its log. */
export type SceneTime = { at: number } | { moment: { event: string; where: Record<string, string | number | boolean>; nth: number } };

/** The world a scene shows, as its file names it. */
export interface SceneWorld {
	/** Scenario name (a file in content/scenarios). */
	scenario: string;
	/** Seed, when not the scenario's own. */
	seed?: number;
	/** Finality mode, when not the scenario's own. */
	finality?: 'optimistic' | 'zk' | 'hybrid';
	/** What the stage is focused on (a part or an actor id), or none. */
	focus?: string;
}

/** One scene as its file writes it (its time not yet resolved). */
export interface SceneSource {
	/** The line the audience reads, big. */
	subtitle: string;
	/** The world. */
	world: SceneWorld;
	/** When the world opens. */
	time: SceneTime;
	/** Planned wall time on this scene, in ms (the speaker view's pacing timer). */
	pace: number;
	/** The lesson the on-screen QR code opens (a lesson slug). */
	lesson: string;
	/** The speaker's notes, as HTML. */
	notes: string;
}

/** A scene ready to show: its world opens at `at` simulated ms. */
export interface Scene extends Omit<SceneSource, 'time'> {
	/** Simulated ms the world opens at. */
	at: number;
	/** The key moment it opens at, in words for the speaker (e.g. "slash, sequencer=seq-0"), or null for a set time. */
	moment: string | null;
}

/** A talk as its file writes it. */
export interface TalkSource {
	/** Its slug (the file name): /present/<slug>. */
	slug: string;
	/** Its title. */
	title: string;
	/** One sentence for the talk list. */
	summary: string;
	/** Planned length in minutes. */
	minutes: number;
	/** Its scenes, in order. */
	scenes: SceneSource[];
}

/** A talk ready to give. */
export interface Talk extends Omit<TalkSource, 'scenes'> {
	/** Its scenes, in order, each with its opening time resolved. */
	scenes: Scene[];
}
