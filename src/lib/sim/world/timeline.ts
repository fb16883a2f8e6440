/**
 * History of one world as checkpoints plus the event log (RaftScope's `state.js` role): it takes
 * checkpoints as the world runs, restores the nearest one to seek, remembers the branch's later log
 * so seeking forward again reuses it, and forgets the future when the world forks.
 */
import type { AnyMachineSnapshot } from 'xstate';
import type { SimEvent } from '../events';
import { Rng, type RngState } from '../rng';
import type { Scheduler } from '../scheduler';
import type { WorldCore, WorldData } from './core';
import { cloneData } from './genesis';
import type { Task } from './types';

/** A copy of everything that moves, at one simulated time. */
interface Checkpoint {
	at: number;
	data: WorldData;
	rng: RngState;
	scheduler: Scheduler<Task>;
	actors: Map<string, AnyMachineSnapshot>;
	logLength: number;
	commandsApplied: number;
}

/** Most checkpoints kept at once; older ones are thinned out. */
const MAX_CHECKPOINTS = 240;

/** The checkpoints of one world and the branch they belong to. */
export class Timeline {
	private checkpoints: Checkpoint[] = [];
	/** The longest log this branch has produced (kept when seeking back, so seeking forward can reuse later checkpoints); null when the log itself is the longest. */
	private knownLog: SimEvent[] | null = null;
	/** Furthest time this branch has reached. */
	private reached = 0;

	constructor(private readonly core: () => WorldCore) {}

	/** The same history for a copy of the world (`core` is the copy's): checkpoints are never changed once taken, so they are shared. */
	copyFor(core: () => WorldCore): Timeline {
		const copy = new Timeline(core);
		copy.checkpoints = this.checkpoints.slice();
		copy.knownLog = this.knownLog?.slice() ?? null;
		copy.reached = this.reached;
		return copy;
	}

	/** Furthest simulated time this branch has reached: seeking anywhere up to it replays the same history. */
	horizon(now: number): number {
		return Math.max(this.reached, now);
	}

	/** The longest log this branch has produced: beyond the current log's length, what will happen if the world runs on (the world was there before a seek back). */
	knownLogFrom(log: readonly SimEvent[]): readonly SimEvent[] {
		return this.knownLog && this.knownLog.length > log.length ? this.knownLog : log;
	}

	/** Times of the checkpoints kept. */
	get times(): number[] {
		return this.checkpoints.map((c) => c.at);
	}

	/** Whether this branch has been beyond `now` (so a change now is a fork). */
	hasFuture(now: number): boolean {
		return this.reached > now || this.checkpoints.some((c) => c.at > now);
	}

	/** Forgets everything after `now`: the world forked. */
	fork(now: number): void {
		this.checkpoints = this.checkpoints.filter((c) => c.at <= now);
		this.knownLog = null;
		this.reached = now;
	}

	/** Called before the world runs a task at `nextAt`: takes a checkpoint when one is due. */
	maybeTake(nextAt: number, commandsApplied: number): void {
		const w = this.core();
		if (nextAt <= w.data.now) return;
		const every = w.data.params.checkpointEveryMs;
		const newest = this.checkpoints[this.checkpoints.length - 1];
		if (newest.at <= w.data.now) {
			if (w.data.now - newest.at >= every) this.take(commandsApplied);
			return;
		}
		// Checkpoints ahead of the clock (kept after a seek back) are the same history: only fill gaps.
		let i = this.checkpoints.length - 1;
		while (i > 0 && this.checkpoints[i - 1].at > w.data.now) i--;
		const next = this.checkpoints[i];
		const last = this.checkpoints[Math.max(0, i - 1)];
		if (w.data.now - last.at >= every && next.at - w.data.now >= every) this.take(commandsApplied);
	}

	/** Takes a checkpoint now. */
	take(commandsApplied: number): void {
		const w = this.core();
		const at = w.data.now;
		this.checkpoints = this.checkpoints.filter((c) => c.at !== at);
		// Keep memory bounded on long runs: dense recent checkpoints, every other one further back.
		if (this.checkpoints.length >= MAX_CHECKPOINTS) {
			const keepRecent = MAX_CHECKPOINTS / 2;
			const old = this.checkpoints.slice(0, -keepRecent).filter((_, i) => i % 2 === 0);
			this.checkpoints = [...old, ...this.checkpoints.slice(-keepRecent)];
		}
		this.checkpoints.push({
			at,
			data: cloneData(w.data),
			rng: w.rng.state(),
			scheduler: w.scheduler.clone(),
			actors: w.actors.save(),
			logLength: w.log.length,
			commandsApplied
		});
		this.checkpoints.sort((a, b) => a.at - b.at);
	}

	/**
	 * Gets the world ready to run to `t`: restores the nearest checkpoint at or before `t` when `t` is
	 * in the past, or when a later checkpoint of this branch lets it skip ahead. Returns the number of
	 * commands applied at the restored point, or null when nothing was restored.
	 */
	rewindFor(t: number): number | null {
		const w = this.core();
		let cp = this.checkpoints[0];
		for (const c of this.checkpoints) if (c.at <= t) cp = c;
		if (t >= w.data.now && cp.at <= w.data.now) return null;
		this.reached = Math.max(this.reached, w.data.now);
		w.data = cloneData(cp.data);
		w.rng = new Rng(cp.rng);
		w.scheduler = cp.scheduler.clone();
		w.actors.restore(cp.actors);
		const log = w.log;
		if (cp.logLength <= log.length) {
			if (!this.knownLog || this.knownLog.length < log.length) this.knownLog = log.entries.slice();
			log.truncate(cp.logLength);
		} else {
			// A later checkpoint of this branch: its events are the ones this branch produced before.
			const known = this.knownLog ?? [];
			for (let i = log.length; i < cp.logLength; i++) log.push(known[i]);
		}
		return cp.commandsApplied;
	}
}
