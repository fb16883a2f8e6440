/**
 * The narrator of a running world: the latest lines in plain words (newest first), the complete
 * time-ordered log of key events (coalesced, never dropped), and what a screen reader is told
 * (rate-limited). Reactive ($state) so components just read it.
 */
import { m } from '$lib/paraglide/messages.js';
import { worldTitle } from './scenarios';
import { finalityWords } from './codeWords';
import type { SimEvent } from '$lib/sim';
import { clockText } from '$lib/player/clockWords';
import type { BatchLedger } from './batchLedger';
import { isKeyEvent } from './keyEvents';
import { belongsInLog, KeyLog, type KeyLogEntry } from './keyLog';
import { Announcer, describe, DETAIL_TYPES, OpeningNarrator, type NarrationLine } from './narration';
import type { Frame, WorldInfo } from './protocol';

/** Most narration lines kept for the headline. */
const MAX_LINES = 60;
/** Most detail lines narrated for one Step. */
const MAX_STEP_LINES = 4;

/** Narrates frames as they arrive. */
export class Narrator {
	/** Narration lines, newest first. */
	lines = $state.raw<NarrationLine[]>([]);
	/** Every key line of this branch so far, oldest first. */
	log = $state.raw<readonly KeyLogEntry[]>([]);
	/** What the screen reader is told (rate-limited). */
	announcement = $state('');

	private keyLog = new KeyLog();
	private announcer = new Announcer();
	private announceTimer: ReturnType<typeof setTimeout> | undefined;
	private nextLineId = 1;
	private moveLineId = -1;
	private fresh: NarrationLine[] = [];
	private stepDetails = 0;
	private frame: Frame | null = null;
	private t = 0;
	private opening: OpeningNarrator | null = null;

	/** Starts a frame: a new world starts afresh, a seek back keeps what was said up to the new moment. */
	begin(frame: Frame, info: WorldInfo | null): void {
		this.frame = frame;
		this.fresh = [];
		this.stepDetails = 0;
		if (!frame.reset) return;
		// The opening seconds say what is being built, block by block, until the first batch is proposed.
		this.opening = info ? new OpeningNarrator(info.params.batchSize) : null;
		this.lines = frame.reason === 'seek' ? this.lines.filter((l) => l.t <= frame.snapshot.t) : [];
		// A reset frame carries the whole log: the key log is rebuilt from it.
		this.keyLog.clear();
		this.announcer.clear();
	}

	/** Hears one of the frame's events (after the ledger took it). */
	event(e: SimEvent, ledger: BatchLedger): void {
		const frame = this.frame;
		if (!frame) return;
		const headline = !frame.reset && frame.reason !== 'seek';
		const stepping = frame.reason === 'step';
		// The opening narrator hears every event (it keeps count), but speaks only in the headline.
		const opening = this.opening?.line(e);
		if (opening && headline && !stepping) this.fresh.push(this.line(e.t, opening.text, opening.weight));
		if (DETAIL_TYPES.has(e.type) && !(headline && stepping)) return;
		const said = describe(e, ledger);
		if (!said) return;
		if (belongsInLog(e.type, said.weight, isKeyEvent(e))) this.keyLog.add(e.t, said.text, e.type, said.weight === 3 ? 3 : 2);
		if (!headline) return;
		if (said.weight === 0) {
			if (!stepping || this.stepDetails >= MAX_STEP_LINES) return;
			this.stepDetails++;
		}
		this.fresh.push(this.line(e.t, said.text, said.weight));
	}

	/** Ends a frame: publishes the lines and tells the screen reader; `ranOut` says a held frame before it found nothing more will happen. */
	end(frame: Frame, info: WorldInfo | null, ranOut: boolean): void {
		this.t = frame.snapshot.t;
		this.log = this.keyLog.list();
		const fresh = this.fresh;
		this.fresh = [];
		this.frame = null;
		if (frame.reason === 'load') this.genesis(frame.events, info);
		if (fresh.length) this.lines = [...[...fresh].reverse(), ...this.lines].slice(0, MAX_LINES);
		if (frame.reason === 'step') this.announceNow(fresh.length ? fresh.map((l) => l.text).join('. ') : m.say_step_nothing());
		else if (frame.reason === 'seek') this.move(m.say_moved({ time: clockText(frame.snapshot.t) }));
		else if (frame.reason === 'jump') {
			// The first of the heaviest lines is what the jump was for (the slash, not the re-span it causes).
			const key = fresh.reduce<NarrationLine | null>((best, l) => (!best || l.weight > best.weight ? l : best), null);
			// On screen the moment itself leads (its time is beside it); the screen reader hears where it jumped.
			const time = clockText(frame.snapshot.t);
			if (key) this.move(m.say_jumped({ time, moment: key.text }), m.say_jumped_shown({ moment: key.text }));
			else this.move((frame.idle ? m.say_jumped_idle : m.say_jumped_searching)({ time }));
		} else if (frame.reason !== 'load') {
			for (const l of fresh) this.announcer.push(l);
			if (frame.idle && (frame.reason === 'idle' || ranOut)) this.announcer.push(this.line(this.t, m.say_world_idle(), 2));
			this.scheduleAnnouncement();
		}
	}

	/** Narrates something the page itself did (a shortcut with nothing to do), at once. */
	say(text: string, weight: NarrationLine['weight'] = 1): void {
		this.lines = [this.line(this.t, text, weight), ...this.lines].slice(0, MAX_LINES);
		this.announceNow(text);
	}

	/** Says that the learner changed the past at the current time, dropping the old future up to `from`. */
	fork(from: number): void {
		this.say(m.say_fork({ now: clockText(this.t), from: clockText(from) }), 3);
	}

	/** Stops the screen reader's timer. */
	destroy(): void {
		clearTimeout(this.announceTimer);
	}

	/** Says where a seek or jump landed; `shown` is the line on screen (the time is beside it), `text` what is announced. */
	private move(text: string, shown = text): void {
		// Dragging the timeline says where it is now, not every place it passed.
		const rest = this.lines[0]?.id === this.moveLineId ? this.lines.slice(1) : this.lines;
		const line = this.line(this.t, shown, 1);
		this.moveLineId = line.id;
		this.lines = [line, ...rest].slice(0, MAX_LINES);
		this.announceNow(text);
	}

	private genesis(events: SimEvent[], info: WorldInfo | null): void {
		const last = events.findLast((e) => e.type === 'epoch.started' || e.type === 'epoch.respan');
		const text = info ? m.say_genesis({ title: worldTitle(info), users: info.users, seed: info.seed, finality: finalityWords(info.finality) }) : m.say_world_ready();
		const lines = [this.line(this.t, text, 1)];
		const said = last && this.keyLog.list().findLast((entry) => entry.kind === last.type);
		if (last && said) lines.unshift(this.line(last.t, said.text, said.weight));
		this.lines = lines;
		this.announceNow(text);
	}

	private line(t: number, text: string, weight: NarrationLine['weight']): NarrationLine {
		return { id: this.nextLineId++, t, text, weight };
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
