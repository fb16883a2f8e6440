/**
 * How the stage names a batch: a first attempt is "Batch 3", a later proposal of the same index is
 * "Batch 3, attempt 2 (seq-1)", so a re-derived or re-proposed batch is never mistaken for the first.
 */
import type { BatchStage } from '$lib/player/batchLedger';
import { STAGE_LOOK } from './stages';

/** What a name is made of. */
export interface BatchNaming {
	/** Batch index on L1. */
	index: number;
	/** Which attempt at the index, from 1. */
	attempt: number;
	/** Its proposer, when known. */
	proposer?: string | null;
}

/** What follows the index in a name: "" for a first attempt, ", attempt 2 (seq-1)" for a later one. */
export function attemptSuffix({ attempt, proposer }: BatchNaming): string {
	return attempt > 1 ? `, attempt ${attempt}${proposer ? ` (${proposer})` : ''}` : '';
}

/** "Batch 3", or "Batch 3, attempt 2 (seq-1)" for a later attempt. */
export function batchTitle(naming: BatchNaming): string {
	return `Batch ${naming.index}${attemptSuffix(naming)}`;
}

/** The same name mid-sentence: "batch 3", "batch 3, attempt 2 (seq-1)". */
export function batchPhrase(naming: BatchNaming): string {
	return `b${batchTitle(naming).slice(1)}`;
}

/** The batch card's status line: "collecting signatures", or "attempt 2 · signing" (shorter words, so the attempt fits). */
export function cardStatus(attempt: number, stage: BatchStage): string {
	if (attempt <= 1) return STAGE_LOOK[stage].label;
	return `attempt ${attempt} · ${stage === 'signing' ? 'signing' : stage === 'rejected' ? 'rejected' : STAGE_LOOK[stage].label}`;
}
