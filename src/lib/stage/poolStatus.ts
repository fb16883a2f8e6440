/** What each sequencer shows on the stage, read from the snapshot and the current batch's track. */
import type { WorldSnapshot } from '$lib/sim';
import type { BatchTrack } from '$lib/player/batchLedger';

/** What a sequencer is doing about the current batch. */
export type NodeStatus = 'signed' | 'refused' | 'checking' | 'waiting' | 'offline' | 'inactive';

/** A sequencer's status for the batch being (or last) signed. */
export function nodeStatus(seq: WorldSnapshot['sequencers'][number], current: BatchTrack | undefined): NodeStatus {
	if (seq.behaviour === 'offline') return 'offline';
	if (!seq.active) return 'inactive';
	if (current?.signed.includes(seq.id)) return 'signed';
	if (current && seq.id in current.refused) return 'refused';
	if (seq.state.includes('reviewing')) return 'checking';
	return 'waiting';
}

/** METIS from a wei decimal string, as a float for drawing (not for arithmetic). */
export function metisNumber(wei: string): number {
	try {
		return Number(BigInt(wei) / 10n ** 15n) / 1000;
	} catch {
		return 0;
	}
}
