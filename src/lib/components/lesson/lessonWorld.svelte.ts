/**
 * The live world beside a lesson: one world kept across steps, opened at a step's scenario (or at
 * the checkpoint the learner left that step in, so Back shows that world exactly), with its log
 * kept to tell whether the step's gate is open and which "try it" goals (or an embedded mission) are met.
 */
import { gateCount } from '$lib/learn/gate';
import { GOALS } from '$lib/learn/goals';
import { MISSIONS } from '$lib/learn/missions';
import type { Gate, StepStage } from '$lib/learn/lessonTypes';
import { LiveWorld } from '$lib/player/liveWorld.svelte';
import type { Frame } from '$lib/player/protocol';
import { linkQuery } from '$lib/player/urlState';
import type { SimEvent } from '$lib/sim/events';
import type { WorldCheckpoint } from './checkpoint';
import { checkpointOf, opening } from './opening';

/** How often, at most, goals are re-checked while the world plays (wall ms). */
const GOAL_CHECK_MS = 250;

/** One world that follows the learner through a lesson's steps. */
export class LessonWorld {
	/** The world on screen. */
	readonly live: LiveWorld;
	/** Events counted toward the watched gate. */
	gateSeen = $state(0);
	/** Watched goals met so far (latched: a seek back does not undo an achievement). */
	goalsMet = $state<string[]>([]);
	/** What could not be read of the world the learner left this step in (then the step's own world is shown). */
	unreadable = $state<string[]>([]);
	/** The step whose gate and goals are watched. */
	watching = $state<string | null>(null);

	private log: SimEvent[] = [];
	private gate: Gate | null = null;
	private goals: string[] = [];
	private seekOnLoad: number | null = null;
	/** The link last opened here (the world's own link starts as the default world's, never built). */
	private opened: string | null = null;
	private lastGoalCheck = 0;

	/** Starts the worker (nothing is built until `show`). */
	constructor() {
		this.live = new LiveWorld({ onFrame: (frame) => this.frame(frame) });
	}

	/** Shows a step's world: the checkpoint it was left in, else its scenario at its opening time; the world already on screen stays when it is that world. */
	show(stage: StepStage, checkpoint: WorldCheckpoint | null): void {
		const { link, at: t, unreadable } = opening(stage, checkpoint);
		this.unreadable = unreadable;
		const query = linkQuery(link);
		if (this.opened !== null && query === linkQuery(this.live.link)) {
			if (t !== null && this.live.ready) this.live.client.seek(t);
			else if (t !== null) this.seekOnLoad = t;
			return;
		}
		this.seekOnLoad = null;
		this.opened = query;
		this.live.open(link, [], t ?? 0);
	}

	/** Where the world is now, to come back to. */
	checkpoint(): WorldCheckpoint | null {
		return checkpointOf(this.live);
	}

	/** Watches a step's gate and goals. */
	watch(path: string, gate: Gate | null, goals: string[]): void {
		this.watching = path;
		this.gate = gate;
		this.goals = goals;
		this.goalsMet = [];
		this.gateSeen = gate ? this.count(this.log) : 0;
		this.checkGoals();
	}

	/** Whether the gate of step `path` is open (false while another step's is watched). */
	gateOpenFor(path: string): boolean {
		return this.watching === path && (!this.gate || this.gateSeen >= (this.gate.count ?? 1));
	}

	/** Stops the worker. */
	destroy(): void {
		this.live.destroy();
	}

	private frame(frame: Frame): void {
		if (frame.reset) this.log = [...frame.events];
		else for (const e of frame.events) this.log.push(e);
		if (this.gate) this.gateSeen = frame.reset ? this.count(this.log) : this.gateSeen + this.count(frame.events);
		const now = performance.now();
		if (frame.reason !== 'tick' || now - this.lastGoalCheck >= GOAL_CHECK_MS) this.checkGoals(now);
		if (frame.reason === 'load' && this.seekOnLoad !== null) {
			const t = this.seekOnLoad;
			this.seekOnLoad = null;
			this.live.client.seek(t);
		}
	}

	private count(events: readonly SimEvent[]): number {
		return this.gate ? gateCount(events, this.gate) : 0;
	}

	private checkGoals(now = performance.now()): void {
		this.lastGoalCheck = now;
		const met = this.goals.filter((id) => !this.goalsMet.includes(id) && (GOALS[id] ?? MISSIONS[id])?.achieved(this.log));
		if (met.length) this.goalsMet = [...this.goalsMet, ...met];
	}
}
