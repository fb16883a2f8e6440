/** Where a talk stands in the audience window: its scene, blank screen, live control and clocks. The audience window owns it and tells the speaker view. */
import type { DeckState } from './channel';

/** The state of one talk being given. */
export class Deck {
	/** The scene on screen (0-based). */
	scene = $state(0);
	/** Whether the screen is blanked. */
	blank = $state(false);
	/** Whether the speaker has live control of the world. */
	live = $state(false);
	/** Wall time (epoch ms) the talk started (its first move, or the speaker's "start"), 0 before. */
	startedAt = $state(0);
	/** Wall time (epoch ms) the scene on screen came on. */
	sceneAt = $state(0);

	/** A talk of `count` scenes, opened at scene `start`; `now` reads the wall clock. */
	constructor(
		readonly count: number,
		start = 0,
		private now: () => number = () => Date.now()
	) {
		this.scene = this.clamp(start);
		this.sceneAt = now();
	}

	/** Shows scene `index` (clamped to the talk); returns whether the scene changed. Leaving a scene ends live control and unblanks. */
	go(index: number): boolean {
		const to = this.clamp(index);
		if (to === this.scene) return false;
		this.scene = to;
		this.live = false;
		this.blank = false;
		this.sceneAt = this.now();
		if (!this.startedAt) this.startedAt = this.sceneAt;
		return true;
	}

	/** Opens the talk at scene `index` (a reload, a link to a scene): the talk's clock waits for the first move. */
	open(index: number): void {
		this.scene = this.clamp(index);
		this.sceneAt = this.now();
	}

	/** The next scene (none after the last). */
	next(): boolean {
		return this.go(this.scene + 1);
	}

	/** The previous scene (none before the first). */
	prev(): boolean {
		return this.go(this.scene - 1);
	}

	/** Blanks the screen, or brings it back. */
	toggleBlank(): void {
		this.blank = !this.blank;
	}

	/** Starts the talk's clock now (again, if it was running). */
	restartClock(): void {
		this.startedAt = this.now();
		this.sceneAt = this.startedAt;
	}

	/** The state the speaker view is told. */
	state(base: string): DeckState {
		return { scene: this.scene, blank: this.blank, live: this.live, startedAt: this.startedAt, sceneAt: this.sceneAt, base };
	}

	private clamp(index: number): number {
		return Math.max(0, Math.min(this.count - 1, Number.isFinite(index) ? Math.trunc(index) : 0));
	}
}

/** The scene a `?scene=` value names (1-based in the URL), or 0. */
export function sceneFromQuery(value: string | null, count: number): number {
	const n = value && /^\d{1,4}$/.test(value) ? Number(value) - 1 : 0;
	return Math.max(0, Math.min(count - 1, n));
}
