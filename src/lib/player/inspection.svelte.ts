/**
 * The open inspector of a running world: what is inspected, the worker's latest answer (refreshed as
 * the world moves), and a signature re-verification. Reactive ($state) so components just read it.
 */
import type { BatchVerification } from '$lib/sim';
import type { InspectDetail, InspectTarget, Request } from './protocol';

/** Wall ms between refreshes of an open inspector while the world plays. */
const INSPECT_REFRESH_MS = 1000;

/** What an open inspector shows: the target, what the worker found, and the simulated time it was read at. */
export interface Inspection {
	/** What is inspected. */
	target: InspectTarget;
	/** What the worker found (null: nothing by that name now), or undefined while the first answer is on its way. */
	detail: InspectDetail | undefined;
	/** Why it could not be read, if it could not. */
	error: string | null;
	/** Simulated time of the frame before the answer. */
	at: number;
}

/** A re-verification of a batch's aggregate signature in the worker. */
export interface Verification {
	/** Batch index. */
	batch: number;
	/** Still running. */
	pending: boolean;
	/** The outcome, once it is in. */
	result: BatchVerification | null;
	/** Wall ms it took in the worker. */
	ms: number | null;
}

const sameTarget = (a: InspectTarget, b: InspectTarget) => JSON.stringify(a) === JSON.stringify(b);

/** The inspector's state, asking the worker through `send`. */
export class Inspections {
	/** The open inspector's target and detail, or null when none is open. */
	inspected = $state.raw<Inspection | null>(null);
	/** The last signature re-verification asked for, or null. */
	verification = $state.raw<Verification | null>(null);

	private askedAt = 0;

	constructor(
		private readonly send: (request: Request) => void,
		private readonly now: () => number
	) {}

	/** Opens an inspector on a transaction, batch or actor at simulated time `t` (null closes it). */
	open(wanted: InspectTarget | null, t: number): void {
		// A target held in component state is a proxy, which postMessage cannot clone.
		const target = wanted && $state.snapshot(wanted);
		const same = !!target && !!this.inspected && sameTarget(target, this.inspected.target);
		if (!same) this.verification = null;
		if (!target) {
			this.inspected = null;
			return;
		}
		this.inspected = same ? this.inspected : { target, detail: undefined, error: null, at: t };
		this.ask(target);
	}

	/** Re-verifies batch `index`'s aggregate BLS signature in the worker, from scratch. */
	verify(index: number): void {
		this.verification = { batch: index, pending: true, result: null, ms: null };
		this.send({ type: 'verify', batch: index });
	}

	/** Takes the worker's answer; only the answer for what is open now counts. */
	answered(target: InspectTarget, detail: InspectDetail, error: string | undefined, t: number): void {
		if (this.inspected && sameTarget(this.inspected.target, target)) this.inspected = { target, detail, error: error ?? null, at: t };
	}

	/** Takes a re-verification's outcome. */
	verified(batch: number, result: BatchVerification, ms: number): void {
		if (this.verification?.batch === batch) this.verification = { batch, pending: false, result, ms };
	}

	/** After a frame: refreshes an open inspector (at most once a second while the world plays). */
	frame(reason: string): void {
		if (this.inspected && (reason !== 'tick' || this.now() - this.askedAt >= INSPECT_REFRESH_MS)) this.ask(this.inspected.target);
	}

	/** Closes everything (a new world is loading). */
	reset(): void {
		this.inspected = null;
		this.verification = null;
	}

	private ask(target: InspectTarget): void {
		this.askedAt = this.now();
		this.send({ type: 'inspect', target });
	}
}
