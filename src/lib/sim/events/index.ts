/**
 * The world's append-only event log. Every event type has one documented shape (a discriminated
 * union on `type`); every entry is JSON-safe (amounts as decimal strings of wei), so the log
 * serializes byte for byte the same on every run with the same seed and commands.
 */
import type { AdminEvent } from './admin';
import type { BatchEvent } from './batch';
import type { ChainEvent } from './chain';
import type { DisputeEvent } from './dispute';

export type * from './admin';
export type * from './batch';
export type * from './chain';
export type * from './common';
export type * from './dispute';

/** A finality stage of a transaction, in ladder order. */
export type FinalityStage = 'soft' | 'signed' | 'posted' | 'l1-final' | 'settled';
/** The finality ladder, lowest first. */
export const FINALITY_LADDER: readonly FinalityStage[] = ['soft', 'signed', 'posted', 'l1-final', 'settled'];

/** One thing that happened, at simulated time `t`. */
export type SimEvent = AdminEvent | ChainEvent | BatchEvent | DisputeEvent;

/** Every event type. */
export type SimEventType = SimEvent['type'];

/** Each member of `E` whose type is `T`, narrowed to it (a member may cover several types, e.g. the evidence outcomes). */
type Narrow<E, T> = E extends { type: infer U } ? (T extends U ? E & { type: T } : never) : never;

/** The event of one type. */
export type EventOf<T extends SimEventType> = Narrow<SimEvent, T>;

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a step records it: the log stamps the time. */
export type NewEvent = DistributiveOmit<SimEvent, 't'>;

/** Whether an event is of one of the given types (narrows it). */
export function isEvent<T extends SimEventType>(e: SimEvent, ...types: T[]): e is EventOf<T> {
	return (types as string[]).includes(e.type);
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

	/** A copy that shares the (never mutated) events logged so far. */
	clone(): EventLog {
		const copy = new EventLog();
		for (const e of this.entries) copy.entries.push(e);
		return copy;
	}

	/** Drops every event after the first `length` (restoring a checkpoint). */
	truncate(length: number): void {
		this.entries.length = length;
	}
}
