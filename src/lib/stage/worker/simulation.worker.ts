/**
 * The simulation worker: owns one World (and so all of its cryptography), plays it in slices and
 * replies with snapshots and new events, at most about 15 times a second while playing.
 */
/// <reference lib="webworker" />
import { createWorld, type World } from '$lib/sim';
import type { Frame, FrameReason, FromWorker, ToWorker } from '../protocol';
import { Playback } from './playback';

/** Wall ms between frames while playing (about 15 per second). */
const FRAME_MS = 66;
/** Wall ms between slices at a finite speed the world keeps up with. */
const TICK_MS = 16;
/** Most moments one Step may run through looking for the next event. */
const STEP_LIMIT = 100_000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const wall = () => performance.now();

let world: World | null = null;
let playback: Playback | null = null;
let generation = 0;
let sent = 0;
let lastFrameAt = 0;
let pending = false;
let immediate = false;
let lagging = false;
let ack = 0;
const channel = new MessageChannel();
channel.port1.onmessage = () => tick();

function post(message: FromWorker): void {
	scope.postMessage(message);
}

function sendFrame(reason: FrameReason, idle = false): void {
	if (!world || !playback) return;
	const log = world.events;
	const reset = reason === 'load' || log.length < sent || reason === 'seek';
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
		const result = playback.slice();
		const idle = result.idle;
		lagging = result.lagging;
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

function handle(msg: ToWorker): void {
	ack = msg.seq;
	if (msg.type === 'load') {
		playback?.pause();
		world = null;
		generation = msg.generation;
		post({ type: 'loading', generation });
		const speed = playback?.speed ?? 1;
		const w = createWorld({ seed: msg.seed, scenario: msg.scenario, finality: msg.finality, params: msg.params, commands: msg.commands });
		world = w;
		playback = new Playback(w, wall);
		playback.setSpeed(speed);
		sent = 0;
		const s = w.scenario;
		post({ type: 'loaded', generation, info: { scenario: s.name, title: s.title, seed: String(w.seed), finality: w.finality, params: w.params, users: s.users } });
		sendFrame('load');
		return;
	}
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
			return;
		case 'seek':
			playback.pause();
			world.seek(Math.max(0, msg.t));
			sendFrame('seek');
			return;
		case 'dispatch': {
			const result = world.dispatch(msg.command);
			post({ type: 'dispatched', generation, ok: result.ok, error: result.ok ? undefined : result.error, commands: [...world.commandLog] });
			sendFrame('dispatch');
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
