/** Fields several event families share. */

/** Simulated time of an event. */
export interface At {
	/** Simulated time in ms. */
	t: number;
}

/**
 * Names one proposal of a batch. Several proposals can share an L1 index (a round without quorum,
 * a refusal, a revert): each has its own id, and timers, proofs and disputes key on that id.
 */
export interface BatchRef {
	/** Batch index on L1 (0-based). */
	batch: number;
	/** The proposal's own id, unique in the world. */
	proposal: number;
	/** Which attempt at this index it is, from 1. */
	attempt: number;
}
