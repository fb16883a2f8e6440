/**
 * The look-ahead behind "Next key moment": a copy of the live world runs on in the worker's spare
 * time (while the learner reads, or between playback slices) until it reaches the next story moment,
 * and waits there. A jump then takes the copy over instead of computing the moment while the learner
 * waits. The copy is the same deterministic world, so taking it over gives exactly the world the jump
 * would have computed; a learner's command (a new branch) makes it worthless and it is dropped.
 */
import type { World } from '$lib/sim';
import type { KeyMoment } from '../keyEvents';
import type { Story } from '../story';
import { MomentSearch } from './jump';

/** What a jump gets from the look-ahead. */
export interface Lookahead {
	/** The copy, ahead of the live world on its branch. */
	world: World;
	/** Its search, to run on when the moment is not found yet. */
	search: MomentSearch;
	/** The moment it stopped at, or null while it is still looking (or the world ended). */
	moment: KeyMoment | null;
	/** The copy's world has nothing left to happen. */
	ended: boolean;
}

/** A copy of the live world looking for its next story moment. */
export class Scout {
	private origin: World | null = null;
	private from = 0;
	private ahead: Lookahead | null = null;
	private finished = false;

	/** Whether the copy still has work to do. */
	get busy(): boolean {
		return this.ahead !== null && !this.finished;
	}

	/** Whether the copy can still serve a jump of `live` (same world and branch, ahead of it or on its way). */
	serves(live: World): boolean {
		const a = this.ahead;
		if (!a || this.origin !== live || live.now < this.from) return false;
		if (a.moment) return a.moment.t > live.now;
		return a.world.now >= live.now || !this.finished;
	}

	/** Starts a copy of `live` looking for its next moment, unless the current one still serves. */
	watch(live: World, story: Story): void {
		if (this.serves(live)) return;
		const copy = live.clone();
		this.origin = live;
		this.from = live.now;
		this.ahead = { world: copy, search: MomentSearch.from(copy, story), moment: null, ended: false };
		this.finished = false;
	}

	/** Drops the copy (the learner changed the world, so its future is another one). */
	forget(): void {
		this.origin = null;
		this.ahead = null;
	}

	/** Runs the copy on until it finds the moment or `stop()` says so. */
	work(stop: () => boolean): void {
		const a = this.ahead;
		if (!a || this.finished) return;
		const outcome = a.search.run(stop);
		if (!outcome) return;
		this.finished = true;
		a.moment = outcome.moment;
		a.ended = outcome.ended;
	}

	/** Hands the copy over to be the live world when it serves `live` (it is no longer watched). */
	takeOver(live: World): Lookahead | null {
		const a = this.ahead;
		if (!a || !this.serves(live) || a.world.now < live.now) return null;
		this.forget();
		return a;
	}
}
