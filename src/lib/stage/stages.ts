/** How each finality stage looks: a colour (Okabe–Ito), how full its progress pie is, and its name. */
import type { FinalityStage } from '$lib/sim';
import type { BatchStage } from '$lib/player/batchLedger';
import { m } from '$lib/paraglide/messages.js';

/** The look of one stage. */
export interface StageLook {
	/** CSS colour. */
	color: string;
	/** Share of the progress pie filled, 0..1; -1 draws a cross (a failure). */
	fill: number;
}

/** Looks by stage. */
export const STAGE_LOOK: Record<BatchStage, StageLook> = {
	signing: { color: 'var(--oi-sky)', fill: 0.1 },
	soft: { color: 'var(--oi-sky)', fill: 0.2 },
	signed: { color: 'var(--oi-blue)', fill: 0.4 },
	posted: { color: 'var(--oi-orange)', fill: 0.6 },
	'l1-final': { color: 'var(--oi-purple)', fill: 0.8 },
	settled: { color: 'var(--oi-green)', fill: 1 },
	'no-quorum': { color: 'var(--oi-vermillion)', fill: -1 },
	rejected: { color: 'var(--oi-vermillion)', fill: -1 },
	reverted: { color: 'var(--oi-vermillion)', fill: -1 }
};

const STAGE_LABEL: Record<BatchStage, () => string> = {
	signing: m.draw_status_signing,
	soft: m.draw_rung_soft,
	signed: m.draw_rung_signed,
	posted: m.draw_rung_posted,
	'l1-final': m.draw_rung_l1_final,
	settled: m.draw_rung_settled,
	'no-quorum': m.draw_status_no_quorum,
	rejected: m.draw_status_rejected,
	reverted: m.draw_stage_reverted
};

/** A stage in words: "collecting signatures", "l1-final", "rejected by L1". */
export function stageLabel(stage: BatchStage): string {
	return STAGE_LABEL[stage]();
}

/** What each rung of the ladder means, in one line; `signed` is the quorum rule in force, said by the caller. */
export function rungMeanings(signed: string): Record<FinalityStage, string> {
	return { soft: m.draw_rung_soft_meaning(), signed, posted: m.draw_rung_posted_meaning(), 'l1-final': m.draw_rung_l1_final_meaning(), settled: m.draw_rung_settled_meaning() };
}

/** A duration in plain words (kept with the other numbers' words). */
export { formatDuration } from '$lib/player/numberWords';
