/** Numbers the pool draws: a sequencer's duty comes from the snapshot (the world works it out), stake as a float for drawing. */
import type { SequencerDuty } from '$lib/sim';

/** What a sequencer is doing about the latest batch, as the snapshot says (`duty`). */
export type NodeStatus = SequencerDuty;

/** METIS from a wei decimal string, as a float for drawing (not for arithmetic). */
export function metisNumber(wei: string): number {
	try {
		return Number(BigInt(wei) / 10n ** 15n) / 1000;
	} catch {
		return 0;
	}
}
