import type { Hex } from 'viem';
import { done, refuse, type Result } from './result';

/** 'textbook': sequencers must include a forced tx by its deadline; 'as-deployed' (Metis): they merely may. */
export type ForcedInclusionMode = 'textbook' | 'as-deployed';

/** A transaction a user enqueued on L1 to get past a censoring sequencer. */
export interface ForcedTx {
	/** Position in the queue, from 0. */
	queueIndex: number;
	/** Raw signed L2 transaction. */
	rawTx: Hex;
	/** L1 address that enqueued it. */
	sender: Hex;
	/** When it was enqueued (ms). */
	enqueuedAt: number;
	/** Last moment it may still be included on time (enqueuedAt + forceInclusionDelayMs). */
	deadline: number;
	/** Batch that included it, or null while pending. */
	includedIn: number | null;
}

/** The L1 queue for forced inclusion. */
export class ForcedInclusionQueue {
	/** Time sequencers have to include a forced transaction (ms). */
	readonly forceInclusionDelayMs: number;
	/** Whether the deadline binds ('textbook') or is informational ('as-deployed'). */
	readonly mode: ForcedInclusionMode;
	/** Every entry ever enqueued, by queue index. */
	private queue: ForcedTx[];

	/** An empty queue. */
	constructor({
		forceInclusionDelayMs,
		mode = 'textbook'
	}: {
		/** Time sequencers have to include a forced transaction (ms). */
		forceInclusionDelayMs: number;
		/** Textbook or as deployed. */
		mode?: ForcedInclusionMode;
	}) {
		if (!Number.isSafeInteger(forceInclusionDelayMs) || forceInclusionDelayMs < 0) {
			throw new Error(`ForcedInclusionQueue: forceInclusionDelayMs must be a non-negative integer (got ${forceInclusionDelayMs})`);
		}
		this.forceInclusionDelayMs = forceInclusionDelayMs;
		this.mode = mode;
		this.queue = [];
	}

	/** Whether the deadline is enforceable: only in the textbook mode. */
	get enforced(): boolean {
		return this.mode === 'textbook';
	}

	/** Appends a transaction; its deadline is now + forceInclusionDelayMs. */
	enqueue({ rawTx, sender, now }: { rawTx: Hex; sender: Hex; now: number }): { queueIndex: number; enqueuedAt: number; deadline: number } {
		const entry: ForcedTx = {
			queueIndex: this.queue.length,
			rawTx: rawTx.toLowerCase() as Hex,
			sender: sender.toLowerCase() as Hex,
			enqueuedAt: now,
			deadline: now + this.forceInclusionDelayMs,
			includedIn: null
		};
		this.queue.push(entry);
		return { queueIndex: entry.queueIndex, enqueuedAt: entry.enqueuedAt, deadline: entry.deadline };
	}

	/** Entries not yet included, in queue order. */
	pending(): ForcedTx[] {
		return this.queue.filter((e) => e.includedIn === null).map((e) => ({ ...e }));
	}

	/** Every entry, in queue order. */
	entries(): ForcedTx[] {
		return this.queue.map((e) => ({ ...e }));
	}

	/** Records that a batch included the entry; textbook mode requires queue order. */
	markIncluded({ queueIndex, batchIndex }: { queueIndex: number; batchIndex: number }): Result<void> {
		const entry = this.queue[queueIndex];
		if (!entry) return refuse(`no forced transaction ${queueIndex} in the queue`);
		if (entry.includedIn !== null) return refuse(`forced transaction ${queueIndex} was already included in batch ${entry.includedIn}`);
		const earlier = this.queue.find((e) => e.queueIndex < queueIndex && e.includedIn === null);
		if (this.enforced && earlier) return refuse(`forced transactions are included in queue order: ${earlier.queueIndex} is still pending`);
		entry.includedIn = batchIndex;
		return done();
	}

	/** Pending entries past their deadline (now > deadline); in 'as-deployed' mode this is informational only. */
	overdue(now: number): ForcedTx[] {
		return this.pending().filter((e) => now > e.deadline);
	}

	/** Entries a batch must include now: the overdue ones in textbook mode, none as deployed. */
	required(now: number): ForcedTx[] {
		return this.enforced ? this.overdue(now) : [];
	}

	/** An independent copy for a checkpoint. */
	clone(): ForcedInclusionQueue {
		const copy = new ForcedInclusionQueue({ forceInclusionDelayMs: this.forceInclusionDelayMs, mode: this.mode });
		copy.queue = this.queue.map((e) => ({ ...e }));
		return copy;
	}
}
