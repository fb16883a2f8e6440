/**
 * A world: one deterministic run of the rollup from `{ seed, scenario, finality, params }` and the
 * commands applied to it. It runs, seeks back and forth through its timeline of checkpoints, forks
 * when a command is applied in the past, and exports itself as `rollup-lab/world-export@2`.
 */
import { ActorHost } from '../actors/runtime';
import { adminMachine } from '../actors/adminMachine';
import { sequencerMachine } from '../actors/sequencerMachine';
import { userMachine } from '../actors/userMachine';
import { validatorMachine } from '../actors/validatorMachine';
import { parseCommand, type Command, type TimedCommand } from '../commandSchema';
import { EventLog, type SimEvent } from '../events';
import { DEFAULT_PARAMS, type FinalityMode, type WorldParams } from '../params';
import { timeBoundError } from '../paramBounds';
import { Rng } from '../rng';
import { Scheduler } from '../scheduler';
import { formatErrors, parseScenario, resolveParams, type Scenario } from '../scenario';
import { parseDuration } from '../units';
import { record, tell, type Cast, type WorldCore } from './core';
import { exportWorld, type WorldExport } from './export';
import { cloneData, makeCast, makeGenesisData } from './genesis';
import { onEmit, runTask, settle } from './router';
import { supplyOf, takeSnapshot, type SupplyBuckets, type WorldSnapshot } from './snapshot';
import { applyCommand } from './steps/commands';
import { Timeline } from './timeline';
import type { ActorEvent, Task } from './types';

/** How to make a world. */
export interface CreateWorldOptions {
	/** Seed of the one RNG and of every key. */
	seed: number | string;
	/** A scenario (validated JSON of `content/scenarios/*.json`). */
	scenario: unknown;
	/** Finality mode; the scenario's, else optimistic. */
	finality?: FinalityMode;
	/** Parameter overrides on top of the scenario's (JSON values: amounts as METIS strings). */
	params?: Record<string, string | number>;
	/** Commands to replay, with their times. */
	commands?: TimedCommand[];
}

/** Thrown by createWorld for a bad scenario or bad parameters; `message` names the fields. */
export class WorldConfigError extends Error {}

/** Makes a world at time 0, after genesis (sequencers admitted, stake locked, first proposer elected). */
export function createWorld(options: CreateWorldOptions): World {
	const parsed = parseScenario(options.scenario);
	if (!parsed.ok) throw new WorldConfigError(formatErrors(parsed.errors));
	const resolved = resolveParams(options.params ?? {}, 'params', parsed.params);
	if (!resolved.ok) throw new WorldConfigError(formatErrors(resolved.errors));
	const finality = options.finality ?? parsed.scenario.finality ?? 'optimistic';
	const world = new World(options.seed, parsed.scenario, finality, resolved.params);
	for (const entry of parsed.scenario.timeline ?? []) {
		const at = typeof entry.at === 'number' ? entry.at : parseDuration(entry.at)!;
		world.queueCommand({ at, command: entry.command }, 'timeline');
	}
	for (const c of options.commands ?? []) {
		const checked = parseCommand(c.command);
		if (!checked.ok) throw new WorldConfigError(`commands: ${checked.error}`);
		const late = timeBoundError(c.at);
		if (late) throw new WorldConfigError(`commands: ${late}`);
		world.queueCommand({ at: c.at, command: checked.command });
	}
	return world;
}

/** A running world. */
export class World {
	/** The protocol state and machinery. */
	private core: WorldCore;
	/** Commands in time order; those before `commandsApplied` have been applied. */
	private commands: TimedCommand[] = [];
	private commandsApplied = 0;
	/** Commands that came from the scenario's timeline: part of the world, kept across forks, not the learner's. */
	private readonly fromTimeline = new WeakSet<TimedCommand>();
	/** Checkpoints and the branch they belong to. */
	private readonly timeline: Timeline;
	/** Initial supply buckets, for the export. */
	readonly initialSupply: SupplyBuckets;

	constructor(
		/** The seed. */
		readonly seed: number | string,
		/** The scenario. */
		readonly scenario: Scenario,
		/** The finality mode. */
		readonly finality: FinalityMode,
		params: WorldParams
	) {
		const cast: Cast = makeCast(seed, scenario);
		const data = makeGenesisData(cast, scenario, params);
		const core: WorldCore = {
			seed,
			scenario: scenario.name,
			finality,
			cast,
			rng: Rng.fromSeed(seed),
			scheduler: new Scheduler<Task>(),
			log: new EventLog(),
			data,
			pending: [],
			actors: undefined as unknown as ActorHost
		};
		core.actors = hostFor(core);
		this.core = core;
		this.timeline = new Timeline(() => this.core);
		this.initialSupply = supplyOf(core);
		this.genesis(scenario);
		settle(core);
		this.timeline.take(this.commandsApplied);
	}

	private genesis(scenario: Scenario): void {
		const w = this.core;
		const p = w.data.params;
		record(w, { type: 'world.genesis', scenario: scenario.name, seed: String(w.seed), finality: w.finality, stateRoot: w.data.inbox.genesisStateRoot });
		w.actors.spawn('admin', adminMachine, { id: 'admin' });
		const timing = { l2BlockMs: p.l2BlockMs, reviewMs: p.reviewMs, signTimeoutMs: p.signTimeoutMs };
		for (const s of w.cast.sequencers) w.actors.spawn(s.id, sequencerMachine, { id: s.id, timing });
		for (const v of w.cast.validators) w.actors.spawn(v.id, validatorMachine, { id: v.id, checkMs: p.validatorCheckMs, behaviour: w.data.validatorBehaviour[v.id] });
		for (const u of w.cast.users) w.actors.spawn(u.id, userMachine, { id: u.id });
		scenario.sequencers.forEach((spec, i) => {
			const s = w.cast.sequencers[i];
			tell(w, 'admin', { type: 'candidate.applied', sequencer: s.id });
			if (!w.data.staking.sequencer(s.id)) return;
			const locked = w.data.staking.lock({ caller: s.address, id: s.id, amount: BigInt(this.initialAmount(spec.stake)) });
			if (locked.ok) record(w, { type: 'stake.locked', sequencer: s.id, amount: this.initialAmount(spec.stake) });
			else record(w, { type: 'stake.refused', sequencer: s.id, delegator: null, reason: locked.error });
			for (const d of spec.delegations ?? []) {
				const user = w.cast.users[d.user];
				const r = w.data.staking.delegate({ caller: user.address, id: s.id, amount: BigInt(this.initialAmount(d.amount)) });
				if (r.ok) record(w, { type: 'stake.delegated', sequencer: s.id, delegator: user.id, amount: this.initialAmount(d.amount) });
				else record(w, { type: 'stake.refused', sequencer: s.id, delegator: user.id, reason: r.error });
			}
		});
		tell(w, 'admin', { type: 'rewards.fund', amount: p.rewardsPoolFunding.toString() });
		w.scheduler.schedule(p.trafficFromMs, { kind: 'traffic.start' }, 'traffic.start');
		w.scheduler.schedule(p.trafficUntilMs, { kind: 'traffic.stop' }, 'traffic.stop');
	}

	private initialAmount(metis: string): string {
		const [whole, frac = ''] = metis.split('.');
		return (BigInt(whole) * 10n ** 18n + BigInt(frac.padEnd(18, '0') || '0')).toString();
	}

	/** Current simulated time in ms. */
	get now(): number {
		return this.core.data.now;
	}

	/** The event log so far (do not mutate). */
	get events(): readonly SimEvent[] {
		return this.core.log.entries;
	}

	/** The longest log this branch has produced; its entries past `events` are what running on will log again (it was there before a seek back). */
	get knownEvents(): readonly SimEvent[] {
		return this.timeline.knownLogFrom(this.core.log.entries);
	}

	/** The parameters in force. */
	get params(): WorldParams {
		return { ...this.core.data.params };
	}

	/** The learner's commands (given at creation or dispatched), without the scenario's timeline: with seed and scenario they replay this world exactly. */
	get userCommands(): TimedCommand[] {
		return this.commands.filter((c) => !this.fromTimeline.has(c));
	}

	/** Commands applied or queued, in time order. */
	get commandLog(): readonly TimedCommand[] {
		return this.commands;
	}

	/** Time of the next scheduled thing, or Infinity when the world is idle for good. */
	get nextEventAt(): number {
		const c = this.commands[this.commandsApplied];
		return Math.min(this.core.scheduler.peekTime(), c ? c.at : Infinity);
	}

	/** Runs until nothing is left to happen or `maxTime` is reached; returns the time reached. */
	run(maxTime = 30 * 24 * 3600 * 1000): number {
		while (this.nextEventAt <= maxTime) this.advance(this.nextEventAt);
		return this.now;
	}

	/** Runs every task and command due up to and including time `t`, then sets the clock to `t`. */
	runUntil(t: number): void {
		this.advance(t);
		if (t > this.core.data.now && Number.isFinite(t)) this.core.data.now = t;
	}

	/** Processes the next moment with anything scheduled; returns its time, or null if none. */
	step(): number | null {
		const at = this.nextEventAt;
		if (!Number.isFinite(at)) return null;
		this.advance(at);
		return at;
	}

	private advance(t: number): void {
		for (;;) {
			const command = this.commands[this.commandsApplied];
			const taskAt = this.core.scheduler.peekTime();
			if (command && command.at <= t && command.at < taskAt) {
				this.core.data.now = Math.max(this.core.data.now, command.at);
				applyCommand(this.core, command.command);
				settle(this.core);
				this.commandsApplied++;
				continue;
			}
			if (taskAt > t) return;
			this.timeline.maybeTake(taskAt, this.commandsApplied);
			const entry = this.core.scheduler.pop()!;
			this.core.data.now = entry.at;
			runTask(this.core, entry.task);
			settle(this.core);
		}
	}

	/** Applies a command now. If the world had been rewound, the old future is dropped (a fork). */
	dispatch(command: unknown): { ok: true } | { ok: false; error: string } {
		const checked = parseCommand(command);
		if (!checked.ok) return checked;
		const userAhead = this.commands.some((c, i) => i >= this.commandsApplied && !this.fromTimeline.has(c));
		if (userAhead || this.timeline.hasFuture(this.now)) this.fork();
		// Before any timeline command still to come: the applied ones stay a prefix of the list.
		this.commands.splice(this.commandsApplied, 0, { at: this.now, command: checked.command });
		this.commandsApplied++;
		const error = applyCommand(this.core, checked.command);
		settle(this.core);
		return error ? { ok: false, error } : { ok: true };
	}

	/** Queues a command at a future (or current) time, for replays; `timeline` marks the scenario's own. */
	queueCommand(c: TimedCommand, origin: 'user' | 'timeline' = 'user'): void {
		if (origin === 'timeline') this.fromTimeline.add(c);
		if (c.at < this.now) throw new Error('cannot queue a command in the past; seek there and dispatch it');
		const index = this.commands.findIndex((x) => x.at > c.at);
		if (index >= 0 && index < this.commandsApplied) throw new Error('cannot queue a command before ones already applied');
		if (index < 0) this.commands.push(c);
		else this.commands.splice(index, 0, c);
	}

	/** Drops everything after now: commands not yet applied and later checkpoints. */
	private fork(): void {
		this.commands = this.commands.filter((c, i) => i < this.commandsApplied || this.fromTimeline.has(c));
		this.timeline.fork(this.now);
	}

	/** Furthest simulated time this branch has reached: seeking anywhere up to it replays the same history. */
	get horizon(): number {
		return this.timeline.horizon(this.now);
	}

	/**
	 * Moves to time `t`: backward by restoring the nearest earlier checkpoint and replaying; forward by
	 * running, starting from the latest checkpoint on the way when this branch has been there before.
	 */
	seek(t: number): void {
		const applied = this.timeline.rewindFor(t);
		if (applied !== null) this.commandsApplied = applied;
		this.runUntil(t);
	}

	/** Times of the checkpoints kept. */
	get checkpointTimes(): number[] {
		return this.timeline.times;
	}

	/** A JSON-safe picture of the world now, for views and tests. */
	snapshot(): WorldSnapshot {
		return takeSnapshot(this.core);
	}

	/** The world as `rollup-lab/world-export@2`. */
	exportWorld(): WorldExport {
		return exportWorld(this.core, this.initialSupply);
	}

	/**
	 * An independent copy of this world as it is now, with the same history and checkpoints: run on,
	 * it logs exactly what this one would (a look-ahead runs a copy while this one stays put). Only
	 * what never changes is shared: the cast's keys, the scenario, logged events and checkpoints.
	 */
	clone(): World {
		const from = this.core;
		const core: WorldCore = {
			...from,
			rng: new Rng(from.rng.state()),
			scheduler: from.scheduler.clone(),
			log: from.log.clone(),
			data: cloneData(from.data),
			pending: from.pending.slice(),
			actors: undefined as unknown as ActorHost
		};
		core.actors = hostFor(core);
		// Cells hold an immutable snapshot each: a shallow copy of every cell is a copy of every actor.
		for (const [id, cell] of from.actors.cells) core.actors.cells.set(id, { ...cell });
		const copy: World = Object.create(World.prototype);
		Object.assign(copy, { ...this, core, commands: this.commands.slice(), timeline: this.timeline.copyFor(() => core) });
		return copy;
	}

	/** Read-only access to the protocol state, for tests and tools. */
	get state(): Readonly<WorldCore> {
		return this.core;
	}
}

/** The actor host of a world's core: actors run on its clock and schedule their delays in its scheduler. */
function hostFor(core: WorldCore): ActorHost {
	return new ActorHost({
		now: () => core.data.now,
		scheduleDelayed: (at, actor, event, key) => core.scheduler.schedule(at, { kind: 'actor', actor, event: event as ActorEvent }, key),
		cancelDelayed: (key) => core.scheduler.cancel(key),
		onEmit: (actor, event) => onEmit(core, actor, event)
	});
}

/** The defaults, re-exported for convenience. */
export { DEFAULT_PARAMS };
/** Commands, re-exported. */
export type { Command };
/** Event log entries, re-exported. */
export type { SimEvent };
