/**
 * The complete log of key events a learner can scroll back through: every key line, in simulated-time
 * order. Runs of the same kind of line (batch after batch settling) coalesce into one entry with a
 * count; nothing is dropped.
 */

/** One entry of the key-event log. */
export interface KeyLogEntry {
	/** Increasing id (for keyed lists). */
	id: number;
	/** Simulated time of the first line it holds. */
	t: number;
	/** Simulated time of the latest line it holds. */
	last: number;
	/** The latest line's text. */
	text: string;
	/** The first line's text, when more than one line coalesced. */
	first: string;
	/** How many lines it holds. */
	count: number;
	/** What kind of line it is (the event type); runs of one kind coalesce. */
	kind: string;
	/** 2 milestone, 3 problem. */
	weight: 2 | 3;
}

/** Kinds of line that repeat batch after batch and coalesce into one entry while they come in a row. */
export const COALESCING_KINDS: ReadonlySet<string> = new Set([
	'finality.settled',
	'finality.signed',
	'finality.posted',
	'fault.injected',
	'batch.no-quorum',
	'sequencer.refused',
	'censorship.skipped',
	'forced.enqueued',
	'forced.included',
	'mev.sandwich',
	'proposer.stalled',
	'validator.mismatch',
	'evidence.sent',
	'evidence.accepted',
	'evidence.rejected',
	'evidence.deferred',
	'reorder.reported'
]);

/** Lines the log keeps beyond the key moments: what a story turns on even when it is not a fault. */
const LOGGED_KINDS: ReadonlySet<string> = new Set(['mev.reported', 'sequencer.refused', 'params.changed', 'epoch.started', 'forced.overdue', 'traffic.started', 'traffic.stopped']);

/** Whether a narrated line belongs in the key-event log: a key moment, a problem, or a turn of the story. */
export function belongsInLog(kind: string, weight: number, isKey: boolean): boolean {
	return isKey || weight === 3 || LOGGED_KINDS.has(kind);
}

/** A time-ordered, coalescing log of key lines. */
export class KeyLog {
	private entries: KeyLogEntry[] = [];
	private nextId = 1;

	/** The entries, oldest first (a fresh array after every change). */
	list(): readonly KeyLogEntry[] {
		return this.entries;
	}

	/** Adds a line; it joins the latest entry when it is of the same coalescing kind. */
	add(t: number, text: string, kind: string, weight: 2 | 3): void {
		const last = this.entries[this.entries.length - 1];
		if (last && last.kind === kind && last.weight === weight && COALESCING_KINDS.has(kind) && t >= last.last) {
			this.entries = [...this.entries.slice(0, -1), { ...last, last: t, text, count: last.count + 1 }];
			return;
		}
		// Lines arrive in the log's order; one from earlier than the latest entry (never expected) is placed by time.
		const entry: KeyLogEntry = { id: this.nextId++, t, last: t, text, first: text, count: 1, kind, weight };
		const at = this.entries.findLastIndex((e) => e.last <= t) + 1;
		this.entries = [...this.entries.slice(0, at), entry, ...this.entries.slice(at)];
	}

	/** Forgets everything. */
	clear(): void {
		this.entries = [];
	}
}
