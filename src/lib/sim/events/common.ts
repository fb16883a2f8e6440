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

/** A quorum rule as events carry it: what must sign, and whether exactly the fraction is enough. */
export interface QuorumRuleFields {
	/** Count signers or weigh them by stake. */
	by: 'count' | 'stake';
	/** Numerator of the fraction (2 of 2/3). */
	numerator: number;
	/** Denominator of the fraction (3 of 2/3). */
	denominator: number;
	/** More than the fraction must sign (Themis), not merely at least it (the seed article). */
	strict: boolean;
}
