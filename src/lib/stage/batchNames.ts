/**
 * How the stage names a batch: a first attempt is "Batch 3", a later proposal of the same index is
 * "Batch 3, attempt 2 (seq-1)", so a re-derived or re-proposed batch is never mistaken for the first.
 */
import type { BatchStage } from '$lib/player/batchLedger';
import { stageLabel } from './stages';
import { m } from '$lib/paraglide/messages.js';

/** What a name is made of. */
export interface BatchNaming {
	/** Batch index on L1. */
	index: number;
	/** Which attempt at the index, from 1. */
	attempt: number;
	/** Its proposer, when known. */
	proposer?: string | null;
}

/** "Batch 3", or "Batch 3, attempt 2 (seq-1)" for a later attempt. */
export function batchTitle({ index, attempt, proposer }: BatchNaming): string {
	if (attempt <= 1) return m.draw_batch_title({ n: index });
	return proposer ? m.draw_batch_title_attempt_by({ n: index, attempt, proposer }) : m.draw_batch_title_attempt({ n: index, attempt });
}

/** The same name mid-sentence: "batch 3", "batch 3, attempt 2 (seq-1)". */
export function batchPhrase({ index, attempt, proposer }: BatchNaming): string {
	if (attempt <= 1) return m.draw_batch_phrase({ n: index });
	return proposer ? m.draw_batch_phrase_attempt_by({ n: index, attempt, proposer }) : m.draw_batch_phrase_attempt({ n: index, attempt });
}

/** The batch card's status line: "collecting signatures", or "attempt 2 · signing" (shorter words, so the attempt fits). */
export function cardStatus(attempt: number, stage: BatchStage): string {
	if (attempt <= 1) return stageLabel(stage);
	return m.draw_card_attempt({ attempt, stage: stage === 'signing' ? m.draw_card_signing() : stage === 'rejected' ? m.draw_card_rejected() : stageLabel(stage) });
}
