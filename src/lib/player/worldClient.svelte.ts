/**
 * A page's connection to one simulation worker: it sends requests, keeps the latest snapshot and
 * playback state, and hands each frame to the frame view, the narrator and the inspector.
 * Reactive ($state) so components just read it.
 */
import { getLocale } from '$lib/paraglide/runtime';
import type { TimedCommand, WorldSnapshot } from '$lib/sim';
import { FrameGate, isClockRequest } from './frameGate';
import { FrameView } from './frameView.svelte';
import { storyFor } from './keyEvents';
import { scenarioEventsOf } from './story';
import { Inspections } from './inspection.svelte';
import { Narrator } from './narrator.svelte';
import { m } from '$lib/paraglide/messages.js';
import type { Frame, FromWorker, InspectTarget, RebuildCheck, RebuildResult, Request, Speed, WorldInfo, WorldRecipe } from './protocol';

/** What the owner of a client hears about the worlds it loads. */
export interface WorldClientEvents {
	/** A world could not be built (or its rebuild was `cancelled`); `kept` says the previous one still runs. */
	onLoadError: (message: string, kept: boolean, cancelled?: boolean) => void;
	/** The learner's commands after each dispatch. */
	onCommands?: (commands: TimedCommand[]) => void;
	/** A world was built (and how it compared with its file). */
	onLoaded?: (info: WorldInfo, rebuilt: RebuildResult | null) => void;
	/** A frame was shown (its events are new since the last one, or the whole log after a reset). */
	onFrame?: (frame: Frame) => void;
}

/** A live connection to one simulation worker. */
export class WorldClient {
	/** Facts about the loaded world. */
	info = $state.raw<WorldInfo | null>(null);
	/** The latest snapshot. */
	snapshot = $state.raw<WorldSnapshot | null>(null);
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
	/** The last failure (dispatch or a crash), in words. */
	error = $state<string | null>(null);
	/** The learner's commands so far (what a share link replays). */
	commands = $state.raw<TimedCommand[]>([]);
	/** How the last imported world compared with its file (null for a world not built from a file). */
	rebuilt = $state.raw<RebuildResult | null>(null);
	/** How far a world being rebuilt from a file has got (simulated ms of `until`), or null. */
	progress = $state.raw<{ at: number; until: number } | null>(null);

	/** Batches, checks, effects and key moments from the frames. */
	readonly view = new FrameView();
	/** The lines, the key-event log and the screen reader's announcements. */
	readonly narrator = new Narrator();
	/** The open inspector. */
	readonly inspection: Inspections;

	private worker: Worker | null = null;
	private destroyed = false;
	private generation = 0;
	private seq = 0;
	/** `seq` of the latest request that changes playback (a clock request or a speed change). */
	private playbackSeq = 0;
	private gate = new FrameGate();
	private seeking = false;
	private nextSeek: number | null = null;
	private events: WorldClientEvents;
	/** The world running in the worker, to fall back on when a new one cannot be built. */
	private current: { generation: number; info: WorldInfo; commands: TimedCommand[] } | null = null;
	private exportWaiters: { resolve: (json: string) => void; reject: (err: Error) => void }[] = [];

	/** Sets up the client; its worker starts with the first request (so a page can show itself before fetching the worker). */
	constructor(events: WorldClientEvents) {
		this.events = events;
		this.inspection = new Inspections((r) => this.send(r), () => performance.now());
	}

	/** The worker, started on first use. */
	private get running(): Worker {
		if (this.worker) return this.worker;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker pattern needs this exact `new URL(…, import.meta.url)`.
		const worker = new Worker(new URL('./worker/simulation.worker.ts', import.meta.url), { type: 'module', name: `simulation ${getLocale()}` });
		worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
		worker.onerror = (e) => {
			this.error = m.ui_sim_stopped({ error: e.message || m.ui_worker_failed() });
			this.loading = false;
		};
		this.worker = worker;
		return worker;
	}

	/** Builds a new world (the old one is dropped once the new one is built); `rebuildCheck` compares it with a file's log. */
	load(recipe: WorldRecipe, rebuildCheck?: RebuildCheck, openAt?: number): void {
		this.generation++;
		this.loading = true;
		this.error = null;
		this.info = null;
		this.rebuilt = null;
		this.commands = recipe.commands ?? [];
		for (const w of this.exportWaiters.splice(0)) w.reject(new Error(m.ui_export_superseded()));
		this.playing = false;
		this.idle = false;
		this.seeking = false;
		this.nextSeek = null;
		this.inspection.reset();
		this.progress = null;
		this.view.tell(storyFor(scenarioEventsOf(recipe.scenario)));
		this.send({ type: 'load', generation: this.generation, ...recipe, rebuildCheck, openAt });
	}

	/** Abandons the world being rebuilt from a file; the running one stays. */
	cancelLoad(): void {
		if (this.loading) this.send({ type: 'cancelLoad' });
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
	inspect(target: InspectTarget | null): void {
		this.inspection.open(target, this.snapshot?.t ?? 0);
	}

	/** Re-verifies batch `index`'s aggregate BLS signature in the worker, from scratch. */
	verify(index: number): void {
		this.inspection.verify(index);
	}

	/** Narrates something the page itself did (a shortcut with nothing to do), at once. */
	say(text: string): void {
		this.narrator.say(text);
	}

	/** Stops the worker. */
	destroy(): void {
		this.narrator.destroy();
		this.destroyed = true;
		this.worker?.terminate();
		this.worker = null;
	}

	private send(request: Request): void {
		if (this.destroyed) return;
		const seq = ++this.seq;
		this.gate.sent({ type: request.type, seq });
		if (isClockRequest(request.type) || request.type === 'speed') {
			this.playbackSeq = seq;
			this.workerPlaying = null;
		}
		this.running.postMessage({ ...request, seq });
	}

	private receive(msg: FromWorker): void {
		// While a new world is built, the running one's frames still count: it is kept if the new one fails.
		const running = msg.type === 'frame' && this.loading && msg.generation === this.current?.generation;
		if (msg.generation !== this.generation && !running) return;
		switch (msg.type) {
			case 'loading':
				this.loading = true;
				return;
			case 'loadProgress':
				this.progress = { at: msg.at, until: msg.until };
				return;
			case 'loaded':
				this.progress = null;
				this.info = msg.info;
				this.rebuilt = msg.rebuilt ?? null;
				this.current = { generation: msg.generation, info: msg.info, commands: this.commands };
				this.loading = false;
				this.events.onLoaded?.(msg.info, this.rebuilt);
				return;
			case 'loadFailed': {
				this.loading = false;
				this.seeking = false;
				this.progress = null;
				// The engine's own words are for developers, not the learner.
				if (msg.detail) console.warn(`Rollup Lab: ${msg.detail}`);
				const kept = msg.kept !== null && this.current?.generation === msg.kept ? this.current : null;
				if (kept) {
					// The worker kept the old world: take its frames again.
					this.generation = kept.generation;
					this.info = kept.info;
					this.commands = kept.commands;
				}
				this.events.onLoadError(msg.message, !!kept, msg.cancelled);
				return;
			}
			case 'exported':
				this.exportWaiters.shift()?.resolve(msg.json);
				return;
			case 'inspected':
				this.inspection.answered(msg.target, msg.detail, msg.error, this.snapshot?.t ?? 0);
				return;
			case 'verified':
				this.inspection.verified(msg.batch, msg.result, msg.ms);
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
				this.events.onCommands?.(msg.commands);
				if (!msg.ok) this.error = m.ui_change_refused({ error: msg.error ?? '' });
				else if (msg.forkedFrom !== null) this.narrator.fork(msg.forkedFrom);
				return;
			case 'error':
				this.loading = false;
				this.seeking = false;
				if (msg.during === 'export') this.exportWaiters.shift()?.reject(new Error(msg.message));
				else if (msg.during === 'load') this.events.onLoadError(msg.message, false);
				else this.error = m.ui_sim_stopped({ error: msg.message });
				return;
		}
	}

	/** Shows a frame; `ranOut` says a held frame before it found that nothing more will happen. */
	private applyFrame(frame: Frame, ranOut = false): void {
		this.view.begin(frame);
		this.narrator.begin(frame, this.info);
		for (const e of frame.events) {
			this.view.event(e);
			this.narrator.event(e, this.view.ledger);
		}
		this.view.end(frame, performance.now());
		this.snapshot = frame.snapshot;
		this.inspection.frame(frame.reason);
		if (frame.ack >= this.playbackSeq) {
			// Older frames would undo a Play, Pause or speed change still on its way to the worker.
			this.playing = frame.playing;
			this.speed = frame.speed;
			this.workerPlaying = frame.playing;
		}
		this.rate = frame.rate;
		this.lagging = frame.lagging;
		this.idle = frame.idle;
		this.narrator.end(frame, this.info, ranOut);
		this.events.onFrame?.(frame);
	}

	private seekDone(): void {
		this.seeking = false;
		const next = this.nextSeek;
		this.nextSeek = null;
		if (next !== null) this.seek(next);
	}
}
