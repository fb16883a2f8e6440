/**
 * The world's append-only event log. Every entry is JSON-safe (amounts as decimal strings), so the
 * log serializes byte for byte the same on every run with the same seed and commands.
 */

/** A finality stage of a transaction, in ladder order. */
export type FinalityStage = 'soft' | 'signed' | 'posted' | 'l1-final' | 'settled';
/** The finality ladder, lowest first. */
export const FINALITY_LADDER: readonly FinalityStage[] = ['soft', 'signed', 'posted', 'l1-final', 'settled'];

/** One thing that happened, at simulated time t. */
export interface SimEvent {
	/** Simulated time in ms. */
	t: number;
	/** Dot-namespaced kind, e.g. `batch.posted`, `finality.settled`. */
	type: string;
	/** Event-specific JSON-safe fields. */
	[field: string]: string | number | boolean | null | string[] | number[] | undefined;
}

/** The append-only log; truncation happens only when a checkpoint is restored. */
export class EventLog {
	/** The entries, oldest first. */
	readonly entries: SimEvent[] = [];

	/** Appends one event. */
	push(event: SimEvent): void {
		this.entries.push(event);
	}

	/** Number of events. */
	get length(): number {
		return this.entries.length;
	}

	/** Drops every event after the first `length` (restoring a checkpoint). */
	truncate(length: number): void {
		this.entries.length = length;
	}
}
