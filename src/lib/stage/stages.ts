/** How each finality stage looks: a label, a colour (Okabe–Ito) and how full its progress pie is. */
import type { FinalityStage } from '$lib/sim';
import type { BatchStage } from '$lib/player/batchLedger';

/** The look of one stage. */
export interface StageLook {
	/** Words. */
	label: string;
	/** CSS colour. */
	color: string;
	/** Share of the progress pie filled, 0..1; -1 draws a cross (a failure). */
	fill: number;
}

/** Looks by stage. */
export const STAGE_LOOK: Record<BatchStage, StageLook> = {
	signing: { label: 'collecting signatures', color: 'var(--oi-sky)', fill: 0.1 },
	soft: { label: 'soft', color: 'var(--oi-sky)', fill: 0.2 },
	signed: { label: 'signed', color: 'var(--oi-blue)', fill: 0.4 },
	posted: { label: 'posted', color: 'var(--oi-orange)', fill: 0.6 },
	'l1-final': { label: 'l1-final', color: 'var(--oi-purple)', fill: 0.8 },
	settled: { label: 'settled', color: 'var(--oi-green)', fill: 1 },
	'no-quorum': { label: 'no quorum', color: 'var(--oi-vermillion)', fill: -1 },
	rejected: { label: 'rejected by L1', color: 'var(--oi-vermillion)', fill: -1 },
	reverted: { label: 'reverted', color: 'var(--oi-vermillion)', fill: -1 }
};

/** What each rung of the ladder means, in one line. */
export const RUNG_MEANING: Record<FinalityStage, string> = {
	soft: 'the proposer put its transactions in L2 blocks',
	signed: 'at least 2/3 of the pool signed its header (BLS)',
	posted: 'the rollup contract on L1 accepted it',
	'l1-final': 'that L1 block can no longer be reorganised',
	settled: 'nothing can revert it; withdrawals can be claimed'
};

/** A duration in plain words (kept with the other numbers' words). */
export { formatDuration } from '$lib/player/numberWords';
