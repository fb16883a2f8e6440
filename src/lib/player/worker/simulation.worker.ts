/**
 * The simulation worker: owns one World (and so all of its cryptography), plays it in slices and
 * replies with snapshots and new events, at most about 15 times a second while playing.
 */
/// <reference lib="webworker" />
import './workerLocale';
import { createWorld, WorldConfigError, type World, type WorldParams } from '$lib/sim';
import { clockText } from '$lib/player/clockWords';
import { MAX_WORLD_MS } from '$lib/sim/paramBounds';
import type { Frame, FrameReason, FromWorker, RebuildResult, ToWorker, WorldRecipe } from '../protocol';
import { compareRebuild, exportWithReplay, recipeErrors } from './worldFiles';
import { RebuildRun } from './rebuildRun';
import { Playback } from './playback';
import { storyFor } from '../keyEvents';
import { scenarioEventsOf, type Story } from '../story';
import { seekKnownMoment } from './jump';
import { Scout } from './scout';
import { inspectTarget, timedVerify } from './inspect';
import { m } from '$lib/paraglide/messages.js';

/** Wall ms between frames while playing (about 15 per second). */
const FRAME_MS = 66;
/** Wall ms between slices at a finite speed the world keeps up with. */
const TICK_MS = 16;
/** Most moments one Step may run through looking for the next event. */
const STEP_LIMIT = 100_000;
/** Most wall ms one "next key moment" jump may spend looking: it then answers from as far as it got, and the look-ahead runs on. */
const JUMP_WALL_MS = 600;
/** Wall ms of one look-ahead slice while paused (messages are heard between slices). */
const SCOUT_SLICE_MS = 12;
/** Fastest playback the look-ahead runs beside (faster, the live world would soon overtake it). */
const SCOUT_MAX_SPEED = 10;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const wall = () => performance.now();

let world: World | null = null;
/** What the current world was built from (its export's `replay`). */
let recipe: WorldRecipe | null = null;
let playback: Playback | null = null;
let generation = 0;
let sent = 0;
let lastFrameAt = 0;
let pending = false;
let immediate = false;
let lagging = false;
let ack = 0;
/** Looks ahead to the next story moment in spare time, so a jump is handed the answer. */
const scout = new Scout();
let scouting = false;
const channel = new MessageChannel();
channel.port1.onmessage = () => tick();

function post(message: FromWorker): void {
	scope.postMessage(message);
}

function sendFrame(reason: FrameReason, idle = false): void {
	if (!world || !playback) return;
	const log = world.events;
	// A seek forward only adds to the log; a seek back (or a new world) rewinds it.
	const reset = reason === 'load' || log.length < sent;
	const from = reset ? 0 : sent;
	const frame: Frame = {
		type: 'frame',
		generation,
		reason,
		snapshot: world.snapshot(),
		from,
		events: log.slice(from),
		reset,
		playing: playback.playing,
		speed: playback.speed,
		idle: idle || !Number.isFinite(world.nextEventAt),
		rate: playback.rate,
		horizon: world.horizon,
		lagging: playback.playing && lagging,
		ack
	};
	sent = log.length;
	lastFrameAt = wall();
	post(frame);
}

function schedule(): void {
	if (pending || !playback?.playing) return;
	pending = true;
	if (immediate) channel.port2.postMessage(null);
	else setTimeout(tick, TICK_MS);
}

function tick(): void {
	pending = false;
	if (!world || !playback?.playing) return;
	try {
		const sliceStart = wall();
		const result = playback.slice();
		const idle = result.idle;
		lagging = result.lagging;
		if (!lagging && typeof playback.speed === 'number' && playback.speed <= SCOUT_MAX_SPEED) lookAhead(() => wall() - sliceStart >= TICK_MS / 2);
		immediate = lagging;
		if (idle) sendFrame('idle', true);
		else if (wall() - lastFrameAt >= FRAME_MS) sendFrame('tick');
	} catch (err) {
		playback.pause();
		post({ type: 'error', generation, during: 'play', message: messageOf(err) });
		sendFrame('pause');
	}
	schedule();
}

function messageOf(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

function stepToNextEvent(w: World): void {
	const before = w.events.length;
	for (let i = 0; i < STEP_LIMIT && w.events.length === before; i++) if (w.step() === null) break;
}

let storyOf: { recipe: WorldRecipe | null; story: Story } | null = null;
/** The story of the world loaded now (its scenario's `expect.events` add to the key events). */
function story(): Story {
	if (storyOf?.recipe !== recipe) storyOf = { recipe, story: storyFor(scenarioEventsOf(recipe?.scenario)) };
	return storyOf.story;
}

/** Moves to the next moment of the world's story (see story.ts): read off the branch's known future after a seek back, else the look-ahead's copy parked there (run on to it within the wall budget if it is not there yet). */
function jumpToKeyMoment(): void {
	if (!world || !playback) return;
	const start = wall();
	if (seekKnownMoment(world, story())) return;
	scout.watch(world, story());
	const next = scout.reach(world, () => wall() - start >= JUMP_WALL_MS);
	if (!next) return;
	const speed = playback.speed;
	world = next.world;
	playback = new Playback(next.world, wall);
	playback.setSpeed(speed);
}

/** Keeps a copy of the world looking ahead to its next moment: until `stop()` says so now (if given), then in idle slices while paused. */
function lookAhead(stop?: () => boolean): void {
	if (!world) return;
	scout.watch(world, story());
	if (stop) scout.work(stop);
	if (scouting || !scout.busy || playback?.playing) return;
	scouting = true;
	setTimeout(() => {
		scouting = false;
		if (playback?.playing) return;
		const start = wall();
		lookAhead(() => wall() - start >= SCOUT_SLICE_MS);
	}, 0);
}

/** The world being rebuilt from a file, while it runs towards the file's time. */
let building: { generation: number; run: RebuildRun } | null = null;
const buildChannel = new MessageChannel();
let buildNext: (() => void) | null = null;
buildChannel.port1.onmessage = () => {
	const next = buildNext;
	buildNext = null;
	next?.();
};

/** Yields to the message loop (so a cancel or a newer world is heard), then runs `next`. */
function deferBuild(next: () => void): void {
	buildNext = next;
	buildChannel.port2.postMessage(null);
}

/** Says a new world failed; the running one, if any, is kept and goes on being shown. */
function loadFailed(failed: number, message: string, extra: { cancelled?: boolean; detail?: string } = {}): void {
	post({ type: 'loadFailed', generation: failed, message, kept: world ? generation : null, ...extra });
	sendFrame('pause');
}

/** Builds a new world beside the running one; only once it is complete (and rebuilt, for a file) does it replace it. */
function load(msg: Extract<ToWorker, { type: 'load' }>): void {
	building?.run.cancel('superseded');
	building = null;
	playback?.pause();
	post({ type: 'loading', generation: msg.generation });
	const next: WorldRecipe = { seed: msg.seed, scenario: msg.scenario, finality: msg.finality, params: msg.params, commands: msg.commands };
	// Checked before anything is built or dropped, so every problem names its field.
	const errors = recipeErrors(next);
	if (errors.length) return loadFailed(msg.generation, errors.slice(0, 5).join('; '));
	let w: World;
	try {
		w = createWorld(next);
	} catch (err) {
		return loadFailed(msg.generation, err instanceof WorldConfigError ? err.message.replace(/\n/g, '; ') : m.ui_sim_setup_failed(), { detail: messageOf(err) });
	}
	// Taken before a rebuild runs the world on: WorldInfo holds the parameters at genesis.
	const genesisParams = w.params;
	const check = msg.rebuildCheck;
	// A file is rebuilt to where it ended; a lesson's world opens at its step's moment.
	const until = check?.until ?? Math.min(Math.max(0, msg.openAt ?? 0), MAX_WORLD_MS);
	if (until <= 0) return install(msg.generation, w, next, genesisParams);
	const run = new RebuildRun(w, until, wall);
	const job = { generation: msg.generation, run };
	building = job;
	run.drive({
		defer: deferBuild,
		onProgress: (at, until) => post({ type: 'loadProgress', generation: job.generation, at, until }),
		onDone: () => {
			building = null;
			if (!check) return install(job.generation, w, next, genesisParams);
			let rebuilt: RebuildResult;
			try {
				rebuilt = compareRebuild(w, check);
			} catch (err) {
				return loadFailed(job.generation, m.ui_sim_compare_failed(), { detail: messageOf(err) });
			}
			install(job.generation, w, next, genesisParams, rebuilt);
		},
		onCancelled: (reason, at) => {
			if (building === job) building = null;
			// A newer world replaced this one: the page has moved on and expects no answer for it.
			if (reason === 'learner') loadFailed(job.generation, m.ui_sim_rebuild_cancelled({ at: clockText(at), until: clockText(until) }), { cancelled: true });
		},
		onError: (err, at) => {
			building = null;
			loadFailed(job.generation, m.ui_sim_rebuild_failed({ at: clockText(at) }), { detail: messageOf(err) });
		}
	});
}

/** Makes a built world the running one and tells the page. */
function install(next: number, w: World, from: WorldRecipe, genesisParams: WorldParams, rebuilt?: RebuildResult): void {
	const speed = playback?.speed ?? 1;
	generation = next;
	recipe = from;
	world = w;
	playback = new Playback(w, wall);
	playback.setSpeed(speed);
	sent = 0;
	const s = w.scenario;
	post({ type: 'loaded', generation, info: { scenario: s.name, title: s.title, seed: String(w.seed), finality: w.finality, params: genesisParams, users: s.users }, rebuilt });
	sendFrame('load');
	lookAhead();
}

function handle(msg: ToWorker): void {
	ack = msg.seq;
	if (msg.type === 'load') {
		try {
			load(msg);
		} catch (err) {
			// Whatever went wrong, the running world stays, and the page hears so.
			building = null;
			loadFailed(msg.generation, m.ui_sim_setup_failed(), { detail: messageOf(err) });
		}
		return;
	}
	if (msg.type === 'cancelLoad') return void building?.run.cancel('learner');
	if (!world || !playback) return;
	switch (msg.type) {
		case 'play':
			playback.play();
			immediate = playback.speed === 'max';
			lagging = immediate;
			sendFrame('play');
			schedule();
			return;
		case 'pause':
			playback.pause();
			sendFrame('pause');
			lookAhead();
			return;
		case 'speed':
			playback.setSpeed(msg.speed);
			immediate = msg.speed === 'max';
			lagging = immediate;
			sendFrame('speed');
			return;
		case 'step':
			playback.pause();
			stepToNextEvent(world);
			sendFrame('step');
			lookAhead();
			return;
		case 'jump':
			playback.pause();
			jumpToKeyMoment();
			sendFrame('jump');
			lookAhead();
			return;
		case 'seek':
			playback.pause();
			world.seek(Math.max(0, msg.t));
			sendFrame('seek');
			lookAhead();
			return;
		case 'inspect':
			post({ type: 'inspected', generation, target: msg.target, ...inspectTarget(world, msg.target) });
			return;
		case 'verify':
			post({ type: 'verified', generation, batch: msg.batch, ...timedVerify(world, msg.batch, wall) });
			return;
		case 'export':
			post({ type: 'exported', generation, json: `${JSON.stringify(recipe ? exportWithReplay(world, recipe) : world.exportWorld(), null, 1)}\n` });
			return;
		case 'dispatch': {
			const before = world.horizon;
			const result = world.dispatch(msg.command);
			scout.forget();
			const forkedFrom = world.horizon < before ? before : null;
			post({ type: 'dispatched', generation, ok: result.ok, error: result.ok ? undefined : result.error, commands: world.userCommands, forkedFrom });
			sendFrame('dispatch');
			lookAhead();
			return;
		}
	}
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
	try {
		handle(e.data);
	} catch (err) {
		post({ type: 'error', generation, during: e.data.type, message: messageOf(err) });
	}
};
