/**
 * The event-driven scheduler: a binary heap of timed entries in virtual milliseconds. The world
 * jumps from one entry to the next, so idle time costs nothing. Entries are plain data (no
 * closures), so a checkpoint is a copy of the array.
 */

/** One pending thing to do at a simulated time. */
export interface ScheduledEntry<T> {
	/** Simulated time in ms at which it fires. */
	at: number;
	/** Insertion counter: equal times fire in the order they were scheduled. */
	seq: number;
	/** Optional key, so the entry can be cancelled (e.g. an actor's delayed transition). */
	key?: string;
	/** What to do, as data. */
	task: T;
}

/** A min-heap of entries ordered by (at, seq); cancelled keys are skipped lazily. */
export class Scheduler<T> {
	/** The heap. */
	private heap: ScheduledEntry<T>[] = [];
	/** Next insertion counter. */
	private seq = 0;
	/** Live keyed entries: key → seq of the live entry with that key. */
	private live = new Map<string, number>();

	/** Adds an entry; a key replaces any pending entry with the same key. */
	schedule(at: number, task: T, key?: string): void {
		const entry: ScheduledEntry<T> = { at, seq: this.seq++, task, key };
		if (key !== undefined) this.live.set(key, entry.seq);
		this.heap.push(entry);
		this.up(this.heap.length - 1);
	}

	/** Cancels the pending entry with this key, if any. */
	cancel(key: string): void {
		this.live.delete(key);
	}

	/** True if an entry with this key is pending. */
	has(key: string): boolean {
		return this.live.has(key);
	}

	/** Time of the next live entry, or Infinity. */
	peekTime(): number {
		this.dropDead();
		return this.heap.length ? this.heap[0].at : Infinity;
	}

	/** Removes and returns the next live entry. */
	pop(): ScheduledEntry<T> | undefined {
		this.dropDead();
		const top = this.heap[0];
		if (!top) return undefined;
		const last = this.heap.pop()!;
		if (this.heap.length) {
			this.heap[0] = last;
			this.down(0);
		}
		if (top.key !== undefined) this.live.delete(top.key);
		return top;
	}

	/** Number of entries in the heap (including lazily cancelled ones). */
	get size(): number {
		return this.heap.length;
	}

	/** A copy sharing the (immutable) entries. */
	clone(): Scheduler<T> {
		const c = new Scheduler<T>();
		c.heap = this.heap.slice();
		c.seq = this.seq;
		c.live = new Map(this.live);
		return c;
	}

	private isDead(e: ScheduledEntry<T>): boolean {
		return e.key !== undefined && this.live.get(e.key) !== e.seq;
	}

	private dropDead(): void {
		while (this.heap.length && this.isDead(this.heap[0])) {
			const last = this.heap.pop()!;
			if (this.heap.length) {
				this.heap[0] = last;
				this.down(0);
			}
		}
	}

	private less(a: ScheduledEntry<T>, b: ScheduledEntry<T>): boolean {
		return a.at < b.at || (a.at === b.at && a.seq < b.seq);
	}

	private up(i: number): void {
		const h = this.heap;
		while (i > 0) {
			const p = (i - 1) >> 1;
			if (!this.less(h[i], h[p])) break;
			[h[i], h[p]] = [h[p], h[i]];
			i = p;
		}
	}

	private down(i: number): void {
		const h = this.heap;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let m = i;
			if (l < h.length && this.less(h[l], h[m])) m = l;
			if (r < h.length && this.less(h[r], h[m])) m = r;
			if (m === i) return;
			[h[i], h[m]] = [h[m], h[i]];
			i = m;
		}
	}
}
