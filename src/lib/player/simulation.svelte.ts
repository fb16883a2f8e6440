/**
 * The page's handle on the simulation worker: sends requests, keeps the latest snapshot and what
 * the event log says about batches, and narrates. Reactive ($state) so components just read it.
 */
import type { BatchVerification, SimEvent, TimedCommand, WorldSnapshot } from '$lib/sim';
import { BatchLedger, type BatchTrack, type ValidatorCheck } from './batchLedger';
import { EffectsReducer, NO_EFFECTS, type EffectsView } from './effects';
import { FrameGate, isClockRequest } from './frameGate';
import { collectMoments, type KeyMoment } from './keyEvents';
import { Announcer, describe, DETAIL_TYPES, type NarrationLine } from './narration';
import { formatClock } from '$lib/sim/units';
import type { Frame, FromWorker, InspectDetail, InspectTarget, RebuildCheck, RebuildResult, Request, Speed, WorldInfo, WorldRecipe } from './protocol';

/** Most narration lines kept on screen. */
const MAX_LINES = 60;
/** Most detail lines narrated for one Step. */
const MAX_STEP_LINES = 4;
/** Most tx senders remembered from one frame (for the users' dots and particles). */
const MAX_SENDERS = 80;
/** Wall ms between refreshes of an open inspector while the world plays. */
const INSPECT_REFRESH_MS = 1000;

/** What an open inspector shows: the target, what the worker found, and the simulated time it was read at. */
export interface Inspection {
	/** What is inspected. */
	target: InspectTarget;
	/** What the worker found (null: nothing by that name now), or undefined while the first answer is on its way. */
	detail: InspectDetail | undefined;
	/** Why it could not be read, if it could not. */
	error: string | null;
	/** Simulated time of the frame before the answer. */
	at: number;
}

/** A re-verification of a batch's aggregate signature in the worker. */
export interface Verification {
	/** Batch index. */
	batch: number;
	/** Still running. */
	pending: boolean;
	/** The outcome, once it is in. */
	result: BatchVerification | null;
	/** Wall ms it took in the worker. */
	ms: number | null;
}

/** A live connection to one simulation worker. */
export class SimulationClient {
	/** Facts about the loaded world. */
	info = $state.raw<WorldInfo | null>(null);
	/** The latest snapshot. */
	snapshot = $state.raw<WorldSnapshot | null>(null);
	/** Total supply at genesis (wei, decimal string). */
	genesisTotal = $state<string | null>(null);
	/** Whether playback runs (as asked: it changes at once, before the worker hears it). */
	playing = $state(false);
	/** Whether the worker plays, from a frame sent after it heard the latest Play, Pause, Step, seek, jump or speed change; null while one is on its way. */
	workerPlaying = $state<boolean | null>(null);
	/** The speed in force. */
	speed = $state<Speed>(1);
	/** Achieved simulated ms per wall ms. */
	rate = $state(0);
	/** The world cannot keep up with the speed asked for. */
	lagging = $state(false);
	/** Nothing more will happen. */
	idle = $state(false);
	/** A world is being built. */
	loading = $state(true);
	/** The last failure (load, dispatch or a crash), in words. */
	error = $state<string | null>(null);
	/** Batches so far, by index. */
	batches = $state.raw<BatchTrack[]>([]);
	/** Each validator's latest re-execution. */
	checks = $state.raw<Record<string, ValidatorCheck>>({});
	/** Validator re-executions so far, and how many found a mismatch. */
	checkTotals = $state({ checked: 0, mismatches: 0 });
	/** Users who sent a transaction since the previous frame. */
	senders = $state.raw<string[]>([]);
	/** Increases with every frame (drives animations). */
	frameCount = $state(0);
	/** Short-lived stage effects (a signature flying, a slash…) and the open dispute, from new events. */
	effects = $state.raw<EffectsView>(NO_EFFECTS);
	/** Narration lines, newest first. */
	lines = $state.raw<NarrationLine[]>([]);
	/** What the screen reader is told (rate-limited). */
	announcement = $state('');
	/** The learner's commands so far (what a share link replays). */
	commands = $state.raw<TimedCommand[]>([]);
	/** Furthest simulated time this branch has reached (the timeline's end). */
	horizon = $state(0);
	/** Key moments of this branch, for the timeline's marks. */
	moments = $state.raw<KeyMoment[]>([]);
	/** How the last imported world compared with its file (null for a world not built from a file). */
	rebuilt = $state.raw<RebuildResult | null>(null);
	/** The open inspector's target and detail, or null when none is open. */
	inspected = $state.raw<Inspection | null>(null);
	/** The last signature re-verification asked for, or null. */
	verification = $state.raw<Verification | null>(null);

	private worker: Worker;
	private generation = 0;
	private seq = 0;
	/** `seq` of the latest request that changes playback (a clock request or a speed change). */
	private playbackSeq = 0;
	private gate = new FrameGate();
	private ledger = new BatchLedger();
	private effectsReducer = new EffectsReducer();
	private announcer = new Announcer();
	private announceTimer: ReturnType<typeof setTimeout> | undefined;
	private nextLineId = 1;
	private momentsCovered = -1;
	private moveLineId = -1;
	private seeking = false;
	private nextSeek: number | null = null;
	private onLoadError: (message: string, kept: boolean) => void;
	private onCommands: (commands: TimedCommand[]) => void;
	private onLoaded: (info: WorldInfo, rebuilt: RebuildResult | null) => void;
	/** The world running in the worker, to fall back on when a new one cannot be built. */
	private current: { generation: number; info: WorldInfo; commands: TimedCommand[] } | null = null;
	private exportWaiters: { resolve: (json: string) => void; reject: (err: Error) => void }[] = [];
	private inspectedAt = 0;

	/**
	 * Starts the worker. `onLoadError` hears why a world could not be built and whether the previous
	 * one was kept; `onCommands` hears the learner's commands after each dispatch; `onLoaded` hears
	 * that a world was built (and how it compared with its file).
	 */
	constructor(options: {
		onLoadError: (message: string, kept: boolean) => void;
		onCommands?: (commands: TimedCommand[]) => void;
		onLoaded?: (info: WorldInfo, rebuilt: RebuildResult | null) => void;
	}) {
		this.onLoadError = options.onLoadError;
		this.onCommands = options.onCommands ?? (() => {});
		this.onLoaded = options.onLoaded ?? (() => {});
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker pattern needs this exact `new URL(…, import.meta.url)`.
		this.worker = new Worker(new URL('./worker/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
		this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
		this.worker.onerror = (e) => {
			this.error = `The simulation stopped: ${e.message || 'the worker failed to start'}`;
			this.loading = false;
		};
	}

	/** Builds a new world (the old one is dropped once the new one is built); `rebuildCheck` compares it with a file's log. */
	load(recipe: WorldRecipe, rebuildCheck?: RebuildCheck): void {
		this.generation++;
		this.loading = true;
		this.error = null;
		this.info = null;
		this.rebuilt = null;
		this.commands = recipe.commands ?? [];
		for (const w of this.exportWaiters.splice(0)) w.reject(new Error('another world was loaded before the export was ready'));
		this.playing = false;
		this.idle = false;
		this.seeking = false;
		this.nextSeek = null;
		this.inspected = null;
		this.verification = null;
		this.send({ type: 'load', generation: this.generation, ...recipe, rebuildCheck });
	}

	/** The world as `rollup-lab/world-export@2` JSON text, with the `replay` that rebuilds it. */
	exportWorld(): Promise<string> {
		return new Promise((resolve, reject) => {
			this.exportWaiters.push({ resolve, reject });
			this.send({ type: 'export' });
		});
	}

	/** Starts playback. */
	play(): void {
		if (this.idle) return;
		this.playing = true;
		this.send({ type: 'play' });
	}

	/** Stops playback. */
	pause(): void {
		this.playing = false;
		this.send({ type: 'pause' });
	}

	/** Play if paused, pause if playing. */
	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	/** Pauses and runs to the next event. */
	step(): void {
		this.playing = false;
		this.send({ type: 'step' });
	}

	/** Sets the playback speed. */
	setSpeed(speed: Speed): void {
		this.speed = speed;
		this.send({ type: 'speed', speed });
	}

	/** Moves to simulated time `t` (pauses). While one seek is in flight, only the latest next one waits. */
	seek(t: number): void {
		this.playing = false;
		if (this.seeking) {
			this.nextSeek = t;
			return;
		}
		this.seeking = true;
		this.send({ type: 'seek', t });
	}

	/** Pauses and runs to the next key moment (a fault, challenge, slash, re-span or settlement). */
	jump(): void {
		this.playing = false;
		this.send({ type: 'jump' });
	}

	/** Applies a command to the world now. */
	dispatch(command: unknown): void {
		this.send({ type: 'dispatch', command });
	}

	/** Opens an inspector on a transaction, batch or actor (null closes it); it refreshes as the world moves. */
	inspect(wanted: InspectTarget | null): void {
		// A target held in component state is a proxy, which postMessage cannot clone.
		const target = wanted && $state.snapshot(wanted);
		const same = !!target && !!this.inspected && JSON.stringify(target) === JSON.stringify(this.inspected.target);
		if (!same) this.verification = null;
		if (!target) {
			this.inspected = null;
			return;
		}
		this.inspected = same ? this.inspected : { target, detail: undefined, error: null, at: this.snapshot?.t ?? 0 };
		this.requestInspection(target);
	}

	/** Re-verifies batch `index`'s aggregate BLS signature in the worker, from scratch. */
	verify(index: number): void {
		this.verification = { batch: index, pending: true, result: null, ms: null };
		this.send({ type: 'verify', batch: index });
	}

	private requestInspection(target: InspectTarget): void {
		this.inspectedAt = performance.now();
		this.send({ type: 'inspect', target });
	}

	/** Narrates something the page itself did (a shortcut with nothing to do), at once. */
	say(text: string): void {
		const line = this.line(null, text, 1);
		this.lines = [line, ...this.lines].slice(0, MAX_LINES);
		this.announceNow(text);
	}

	/** Stops the worker. */
	destroy(): void {
		clearTimeout(this.announceTimer);
		this.worker.terminate();
	}

	private send(request: Request): void {
		const seq = ++this.seq;
		this.gate.sent({ type: request.type, seq });
		if (isClockRequest(request.type) || request.type === 'speed') {
			this.playbackSeq = seq;
			this.workerPlaying = null;
		}
		this.worker.postMessage({ ...request, seq });
	}

	private receive(msg: FromWorker): void {
		// While a new world is built, the running one's frames still count: it is kept if the new one fails.
		const running = msg.type === 'frame' && this.loading && msg.generation === this.current?.generation;
		if (msg.generation !== this.generation && !running) return;
		switch (msg.type) {
			case 'loading':
				this.loading = true;
				return;
			case 'loaded':
				this.info = msg.info;
				this.rebuilt = msg.rebuilt ?? null;
				this.current = { generation: msg.generation, info: msg.info, commands: this.commands };
				this.loading = false;
				this.onLoaded(msg.info, this.rebuilt);
				return;
			case 'loadFailed': {
				this.loading = false;
				this.seeking = false;
				const kept = msg.kept !== null && this.current?.generation === msg.kept ? this.current : null;
				if (kept) {
					// The worker kept the old world: take its frames again.
					this.generation = kept.generation;
					this.info = kept.info;
					this.commands = kept.commands;
				}
				this.onLoadError(msg.message, !!kept);
				return;
			}
			case 'exported':
				this.exportWaiters.shift()?.resolve(msg.json);
				return;
			case 'inspected':
				// Only the answer for what is open now counts; a late one for a closed or replaced target is dropped.
				if (this.inspected && JSON.stringify(this.inspected.target) === JSON.stringify(msg.target)) {
					this.inspected = { target: msg.target, detail: msg.detail, error: msg.error ?? null, at: this.snapshot?.t ?? 0 };
				}
				return;
			case 'verified':
				if (this.verification?.batch === msg.batch) this.verification = { batch: msg.batch, pending: false, result: msg.result, ms: msg.ms };
				return;
			case 'frame': {
				// A frame sent before the worker heard the latest clock request is held, not shown.
				const admitted = this.gate.admit(msg);
				if (admitted) this.applyFrame(admitted.frame, admitted.ranOut);
				if (msg.reason === 'seek') this.seekDone();
				return;
			}
			case 'dispatched':
				this.commands = msg.commands;
				if (this.current) this.current.commands = msg.commands;
				this.onCommands(msg.commands);
				if (!msg.ok) this.error = `That change was refused: ${msg.error}`;
				else if (msg.forkedFrom !== null) this.narrateFork(msg.forkedFrom);
				return;
			case 'error':
				this.loading = false;
				this.seeking = false;
				if (msg.during === 'export') this.exportWaiters.shift()?.reject(new Error(msg.message));
				else if (msg.during === 'load') this.onLoadError(msg.message, false);
				else this.error = `The simulation stopped: ${msg.message}`;
				return;
		}
	}

	/** Shows a frame; `ranOut` says a held frame before it found that nothing more will happen. */
	private applyFrame(frame: Frame, ranOut = false): void {
		if (frame.reset) {
			this.ledger.reset();
			// A seek back keeps what was said up to the new moment; a new world starts afresh.
			this.lines = frame.reason === 'seek' ? this.lines.filter((l) => l.t <= frame.snapshot.t) : [];
			this.announcer.clear();
			this.genesisTotal = frame.reason === 'load' ? frame.snapshot.supply.total : this.genesisTotal;
		}
		const narrate = !frame.reset && frame.reason !== 'seek';
		const fresh: NarrationLine[] = [];
		const senders: string[] = [];
		let stepDetails = 0;
		for (const e of frame.events) {
			this.ledger.apply(e);
			if (e.type === 'tx.submitted' && senders.length < MAX_SENDERS) senders.push(String(e.user));
			if (!narrate || (frame.reason !== 'step' && DETAIL_TYPES.has(e.type))) continue;
			const said = describe(e, this.ledger);
			if (!said) continue;
			if (said.weight === 0) {
				if (frame.reason !== 'step' || stepDetails >= MAX_STEP_LINES) continue;
				stepDetails++;
			}
			fresh.push(this.line(e, said.text, said.weight));
		}
		if (frame.reason === 'load') this.narrateGenesis(frame.events);
		this.batches = this.ledger.list();
		this.checks = Object.fromEntries(this.ledger.checks);
		this.checkTotals = { checked: this.ledger.checked, mismatches: this.ledger.mismatches };
		this.senders = senders;
		// A seek forward skips over its events: they set the lasting state but are not animated.
		this.effects = this.effectsReducer.apply({ events: frame.events, reset: frame.reset, animate: frame.reason !== 'seek', now: performance.now(), t: frame.snapshot.t });
		this.snapshot = frame.snapshot;
		this.trackMoments(frame);
		if (this.inspected && (frame.reason !== 'tick' || performance.now() - this.inspectedAt >= INSPECT_REFRESH_MS)) this.requestInspection(this.inspected.target);
		if (frame.ack >= this.playbackSeq) {
			// Older frames would undo a Play, Pause or speed change still on its way to the worker.
			this.playing = frame.playing;
			this.speed = frame.speed;
			this.workerPlaying = frame.playing;
		}
		this.rate = frame.rate;
		this.lagging = frame.lagging;
		this.idle = frame.idle;
		this.frameCount++;
		if (fresh.length) this.lines = [...[...fresh].reverse(), ...this.lines].slice(0, MAX_LINES);
		if (frame.reason === 'step') this.announceNow(fresh.length ? fresh.map((l) => l.text).join('. ') : 'Nothing more happens in this world.');
		else if (frame.reason === 'seek') this.narrateMove(`Moved to ${formatClock(frame.snapshot.t)} on the timeline (the world is replayed exactly up to there).`);
		else if (frame.reason === 'jump') {
			const key = fresh.filter((l) => l.weight >= 2).pop() ?? fresh[fresh.length - 1];
			this.narrateMove(key ? `Jumped to ${formatClock(frame.snapshot.t)}: ${key.text}` : `Jumped to ${formatClock(frame.snapshot.t)}; no key moment came up.`);
		} else {
			for (const l of fresh) this.announcer.push(l);
			if (frame.idle && (frame.reason === 'idle' || ranOut)) this.announcer.push(this.line(null, 'Nothing more will happen in this world: every batch has run its course.', 2));
			this.scheduleAnnouncement();
		}
	}

	/** Keeps the timeline's key moments: a seek back keeps the branch's future marks; a fork drops those after it. */
	private trackMoments(frame: Frame): void {
		if (frame.reason === 'load') {
			this.momentsCovered = -1;
			this.moments = [];
		} else if (frame.horizon < this.horizon) {
			this.moments = this.moments.filter((m) => m.t < frame.horizon);
			this.momentsCovered = Math.min(this.momentsCovered, frame.horizon - 0.5);
		}
		this.horizon = frame.horizon;
		const fresh = frame.events.filter((e) => e.t > this.momentsCovered);
		if (!fresh.length) return;
		this.moments = collectMoments(this.moments, fresh, Math.max(60_000, frame.horizon / 200));
		this.momentsCovered = fresh[fresh.length - 1].t;
	}

	private seekDone(): void {
		this.seeking = false;
		const next = this.nextSeek;
		this.nextSeek = null;
		if (next !== null) this.seek(next);
	}

	private narrateMove(text: string): void {
		// Dragging the timeline says where it is now, not every place it passed.
		const rest = this.lines[0]?.id === this.moveLineId ? this.lines.slice(1) : this.lines;
		const line = this.line(null, text, 1);
		this.moveLineId = line.id;
		this.lines = [line, ...rest].slice(0, MAX_LINES);
		this.announceNow(text);
	}

	private narrateFork(from: number): void {
		const at = formatClock(this.snapshot?.t ?? 0);
		const line = this.line(null, `You changed the past at ${at}: the old future (up to ${formatClock(from)}) is dropped and the world goes on from here.`, 3);
		this.lines = [line, ...this.lines].slice(0, MAX_LINES);
		this.announceNow(line.text);
	}

	private narrateGenesis(events: SimEvent[]): void {
		const last = [...events].reverse().find((e) => e.type === 'epoch.started' || e.type === 'epoch.respan');
		const t = this.snapshot?.t ?? 0;
		const text = this.info ? `${this.info.title}: ${this.info.users} users, seed ${this.info.seed}, ${this.info.finality} finality. Press Play.` : 'World ready. Press Play.';
		const lines = [{ ...this.line(null, text, 1), t }];
		if (last) {
			const said = describe(last, this.ledger);
			if (said) lines.unshift(this.line(last, said.text, said.weight));
		}
		this.lines = lines;
		this.announceNow(text);
	}

	private line(e: Pick<SimEvent, 't'> | null, text: string, weight: NarrationLine['weight']): NarrationLine {
		return { id: this.nextLineId++, t: e?.t ?? this.snapshot?.t ?? 0, text, weight };
	}

	private announceNow(text: string): void {
		this.announcer.clear();
		this.announcement = text;
	}

	private scheduleAnnouncement(): void {
		if (this.announceTimer !== undefined || !this.announcer.waiting) return;
		const wait = this.announcer.delay(performance.now());
		this.announceTimer = setTimeout(() => {
			this.announceTimer = undefined;
			const text = this.announcer.take(performance.now());
			if (text) this.announcement = text;
			this.scheduleAnnouncement();
		}, wait);
	}
}
