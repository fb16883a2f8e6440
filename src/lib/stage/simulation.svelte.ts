/**
 * The page's handle on the simulation worker: sends requests, keeps the latest snapshot and what
 * the event log says about batches, and narrates. Reactive ($state) so components just read it.
 */
import type { SimEvent, TimedCommand, WorldSnapshot } from '$lib/sim';
import { BatchLedger, type BatchTrack, type ValidatorCheck } from './batchLedger';
import { Announcer, describe, DETAIL_TYPES, type NarrationLine } from './narration';
import type { Frame, FromWorker, Request, Speed, WorldInfo, WorldRecipe } from './protocol';

/** Most narration lines kept on screen. */
const MAX_LINES = 60;
/** Most detail lines narrated for one Step. */
const MAX_STEP_LINES = 4;
/** Most tx senders remembered from one frame (for the users' dots and particles). */
const MAX_SENDERS = 80;

/** A live connection to one simulation worker. */
export class SimulationClient {
	/** Facts about the loaded world. */
	info = $state.raw<WorldInfo | null>(null);
	/** The latest snapshot. */
	snapshot = $state.raw<WorldSnapshot | null>(null);
	/** Total supply at genesis (wei, decimal string). */
	genesisTotal = $state<string | null>(null);
	/** Whether playback runs. */
	playing = $state(false);
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
	/** Narration lines, newest first. */
	lines = $state.raw<NarrationLine[]>([]);
	/** What the screen reader is told (rate-limited). */
	announcement = $state('');
	/** Commands applied so far. */
	commands = $state.raw<TimedCommand[]>([]);

	private worker: Worker;
	private generation = 0;
	private seq = 0;
	private ledger = new BatchLedger();
	private announcer = new Announcer();
	private announceTimer: ReturnType<typeof setTimeout> | undefined;
	private nextLineId = 1;
	private onLoadError: (message: string) => void;

	/** Starts the worker; `onLoadError` hears why a world could not be built. */
	constructor(options: { onLoadError: (message: string) => void }) {
		this.onLoadError = options.onLoadError;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite's worker pattern needs this exact `new URL(…, import.meta.url)`.
		this.worker = new Worker(new URL('./worker/simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
		this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
		this.worker.onerror = (e) => {
			this.error = `The simulation stopped: ${e.message || 'the worker failed to start'}`;
			this.loading = false;
		};
	}

	/** Builds a new world (the old one is dropped). */
	load(recipe: WorldRecipe): void {
		this.generation++;
		this.loading = true;
		this.error = null;
		this.info = null;
		this.playing = false;
		this.idle = false;
		this.send({ type: 'load', generation: this.generation, ...recipe });
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

	/** Moves to simulated time `t` (pauses). */
	seek(t: number): void {
		this.playing = false;
		this.send({ type: 'seek', t });
	}

	/** Applies a command to the world now. */
	dispatch(command: unknown): void {
		this.send({ type: 'dispatch', command });
	}

	/** Stops the worker. */
	destroy(): void {
		clearTimeout(this.announceTimer);
		this.worker.terminate();
	}

	private send(request: Request): void {
		this.worker.postMessage({ ...request, seq: ++this.seq });
	}

	private receive(msg: FromWorker): void {
		if (msg.generation !== this.generation) return;
		switch (msg.type) {
			case 'loading':
				this.loading = true;
				return;
			case 'loaded':
				this.info = msg.info;
				this.loading = false;
				return;
			case 'frame':
				this.applyFrame(msg);
				return;
			case 'dispatched':
				this.commands = msg.commands;
				if (!msg.ok) this.error = `That change was refused: ${msg.error}`;
				return;
			case 'error':
				this.loading = false;
				if (msg.during === 'load') this.onLoadError(msg.message);
				else this.error = `The simulation stopped: ${msg.message}`;
				return;
		}
	}

	private applyFrame(frame: Frame): void {
		if (frame.reset) {
			this.ledger.reset();
			this.lines = [];
			this.announcer.clear();
			this.genesisTotal = frame.reason === 'load' ? frame.snapshot.supply.total : this.genesisTotal;
		}
		const narrate = !frame.reset;
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
		this.snapshot = frame.snapshot;
		if (frame.ack === this.seq) {
			// Older frames would undo a Play, Pause or speed change still on its way to the worker.
			this.playing = frame.playing;
			this.speed = frame.speed;
		}
		this.rate = frame.rate;
		this.lagging = frame.lagging;
		this.idle = frame.idle;
		this.frameCount++;
		if (fresh.length) this.lines = [...[...fresh].reverse(), ...this.lines].slice(0, MAX_LINES);
		if (frame.reason === 'step') this.announceNow(fresh.length ? fresh.map((l) => l.text).join('. ') : 'Nothing more happens in this world.');
		else {
			for (const l of fresh) this.announcer.push(l);
			if (frame.idle && frame.reason === 'idle') this.announcer.push(this.line(null, 'Nothing more will happen in this world: every batch has run its course.', 2));
			this.scheduleAnnouncement();
		}
	}

	private narrateGenesis(events: SimEvent[]): void {
		const last = [...events].reverse().find((e) => e.type === 'epoch.started' || e.type === 'epoch.respan');
		const t = this.snapshot?.t ?? 0;
		const text = this.info ? `${this.info.title}: ${this.info.users} users, seed ${this.info.seed}, ${this.info.finality} finality. Press Play.` : 'World ready. Press Play.';
		const lines = [this.line({ t, type: 'world' }, text, 1)];
		if (last) {
			const said = describe(last, this.ledger);
			if (said) lines.unshift(this.line(last, said.text, said.weight));
		}
		this.lines = lines;
		this.announceNow(text);
	}

	private line(e: SimEvent | null, text: string, weight: NarrationLine['weight']): NarrationLine {
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
