/**
 * The message protocol between the sandbox page and the simulation worker. The worker owns the one
 * World; the page only draws what the worker sends and sends requests back. Every message is
 * structured-clone safe (bigint parameters included).
 */
import type { ActorDetail, BatchDetail, BatchVerification, FinalityMode, SimEvent, TimedCommand, TxDetail, WorldParams, WorldSnapshot } from '$lib/sim';
import type { FieldDifference } from './worldDiff';

/** Playback speed: simulated ms per wall ms, or `max` (fast-forward: jump from event to event as fast as possible). */
export type Speed = number | 'max';

/** What a world is made of; a share link holds exactly this. */
export interface WorldRecipe {
	/** Seed of the RNG and of every key. */
	seed: number | string;
	/** The scenario JSON (validated by the worker). */
	scenario: unknown;
	/** Finality mode; the scenario's when omitted. */
	finality?: FinalityMode;
	/** Parameter overrides (JSON values). */
	params?: Record<string, string | number>;
	/** Commands to replay at their times. */
	commands?: TimedCommand[];
}

/** What the page asks for. `generation` comes with `load`; later replies carry it so stale ones can be dropped. */
export type Request =
	| ({ type: 'load'; generation: number; rebuildCheck?: RebuildCheck; /** Simulated time to open the world at (a lesson step's), run to before it is shown. */ openAt?: number } & WorldRecipe)
	| { type: 'play' }
	| { type: 'pause' }
	| { type: 'speed'; speed: Speed }
	| { type: 'step' }
	| { type: 'seek'; t: number }
	| { type: 'jump' }
	| { type: 'dispatch'; command: unknown }
	| { type: 'export' }
	| { type: 'inspect'; target: InspectTarget }
	| { type: 'verify'; batch: number }
	/** Abandons the world being built (a file's rebuild can take a while): the running world stays, and the reply is `loadFailed` with `kept`. */
	| { type: 'cancelLoad' };

/** What an inspector can be opened on. */
export type InspectTarget = { kind: 'tx'; hash: string } | { kind: 'batch'; index: number } | { kind: 'actor'; id: string };

/** What the worker found for an inspect request (null when the world has no such thing now). */
export type InspectDetail = TxDetail | BatchDetail | ActorDetail | null;

/** An imported file's log: the rebuilt world runs to `until` and its log is compared with `events`. */
export interface RebuildCheck {
	/** Simulated time the file reached. */
	until: number;
	/** The file's event log (empty for an older format, whose log is not compared). */
	events: SimEvent[];
	/** The file came from an earlier version (world-export@1): it is rebuilt under today's rules, its log not compared. */
	olderFormat?: boolean;
	/** Everything else the file says about its world (params, actors, keys, stakes, batches, slashings, supply…), compared field by field with the rebuilt world's export; omitted for an older format. */
	asserted?: Record<string, unknown>;
}

/** How a rebuilt world compares with the file it came from. */
export interface RebuildResult {
	/** Every event up to `until` is identical. */
	matches: boolean;
	/** Simulated time compared up to. */
	until: number;
	/** Events in the file. */
	fileEvents: number;
	/** Events in the rebuilt world up to `until`. */
	worldEvents: number;
	/** Index of the first event that differs, or null. */
	firstDifference: number | null;
	/** The first field outside the event log where the file and the rebuilt world differ (path and both values, shortened), or null. */
	firstField: FieldDifference | null;
	/** The file was of an earlier format: nothing was compared. */
	olderFormat: boolean;
}

/** Page → worker: a request with its sequence number (frames acknowledge the last one handled). */
export type ToWorker = Request & { seq: number };

/** Facts about a loaded world that do not change while it runs. */
export interface WorldInfo {
	/** Scenario name (file name without .json). */
	scenario: string;
	/** Scenario title. */
	title: string;
	/** Seed, as given. */
	seed: string;
	/** Finality mode in force. */
	finality: FinalityMode;
	/** Parameters at genesis. */
	params: WorldParams;
	/** Number of users. */
	users: number;
}

/** Why a frame was sent. */
export type FrameReason = 'load' | 'tick' | 'play' | 'pause' | 'speed' | 'step' | 'jump' | 'seek' | 'dispatch' | 'idle';

/** The world now, plus the log entries the page has not seen yet. */
export interface Frame {
	/** Discriminant. */
	type: 'frame';
	/** Generation of the world this frame belongs to. */
	generation: number;
	/** Why it was sent. */
	reason: FrameReason;
	/** The snapshot. */
	snapshot: WorldSnapshot;
	/** Log index of `events[0]`. */
	from: number;
	/** New events since the last frame; after a `reset`, the whole log. */
	events: SimEvent[];
	/** The log was rewound (seek back or load): drop what was derived from older frames. */
	reset: boolean;
	/** Whether playback is running. */
	playing: boolean;
	/** The speed in force. */
	speed: Speed;
	/** Nothing more will ever happen (the scheduler is empty). */
	idle: boolean;
	/** Simulated ms per wall ms achieved recently while playing (0 when paused). */
	rate: number;
	/** The world cannot keep up with the requested speed (or runs flat out). */
	lagging: boolean;
	/** Furthest simulated time this branch has reached: the timeline can be scrubbed anywhere up to it. */
	horizon: number;
	/** `seq` of the last request handled: a frame sent before the worker heard the page's latest Play, Pause, Step, seek, jump or new world is out of date (see `frameGate`). */
	ack: number;
}

/** Worker → page. */
export type FromWorker =
	| { type: 'loading'; generation: number }
	| {
			/** A world being rebuilt from a file has reached `at` of `until` simulated ms (sent at most about every 100 ms of wall time). */
			type: 'loadProgress';
			generation: number;
			/** Simulated time the rebuild has reached. */
			at: number;
			/** Simulated time it runs to. */
			until: number;
	  }
	| { type: 'loaded'; generation: number; info: WorldInfo; rebuilt?: RebuildResult }
	| {
			type: 'loadFailed';
			generation: number;
			/** Why, in words for the learner (fields named; never an engine's raw message). */
			message: string;
			/** Generation of the world still running (the old one is kept), or null if there is none. */
			kept: number | null;
			/** The build was cancelled by a `cancelLoad` request (not a failure of the world itself). */
			cancelled?: boolean;
			/** The engine's own message when an internal check failed: for the console, not for the learner. */
			detail?: string;
	  }
	| { type: 'exported'; generation: number; json: string }
	| Frame
	| {
			type: 'dispatched';
			generation: number;
			ok: boolean;
			error?: string;
			/** The learner's commands so far (not the scenario's timeline): what a share link replays. */
			commands: TimedCommand[];
			/** The command changed the past: the old future, which reached this time, was dropped. */
			forkedFrom: number | null;
	  }
	| { type: 'inspected'; generation: number; target: InspectTarget; detail: InspectDetail; error?: string }
	| {
			type: 'verified';
			generation: number;
			batch: number;
			result: BatchVerification;
			/** Wall ms the fresh fast-aggregate-verify took in the worker. */
			ms: number;
	  }
	| { type: 'error'; generation: number; during: Request['type']; message: string };
