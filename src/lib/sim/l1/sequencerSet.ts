/**
 * The sequencer-set contract on L1 (Metis' MetisSequencerSet): the set of each epoch as it stood
 * when the epoch began, with stakes and BLS keys. A batch's signatures are checked against the set of
 * the epoch it was signed in, so a signer slashed or leaving after it signed does not undo an honest
 * batch (as light clients check a header against its period's committee).
 */
import type { InboxMember } from './rollupInbox';

/** One epoch's record. */
export interface EpochRecord {
	/** Epoch number. */
	epoch: number;
	/** The members whose signatures count, sorted by id. */
	members: InboxMember[];
	/** The proposer drawn for it, or null when nobody could propose. */
	proposer: string | null;
	/** L2 height at its start. */
	startHeight: number;
	/** When it began (ms). */
	startedAt: number;
}

/** Every epoch's set, in order. */
export class SequencerSet {
	private epochs: EpochRecord[] = [];

	/** Records a new epoch; epochs are numbered without gaps. */
	commit(record: EpochRecord): void {
		const expected = this.epochs.length === 0 ? record.epoch : this.epochs[this.epochs.length - 1].epoch + 1;
		if (record.epoch !== expected) throw new Error(`SequencerSet: epoch ${record.epoch} out of order (expected ${expected})`);
		this.epochs.push({ ...record, members: record.members.map((m) => ({ ...m })) });
	}

	/** The record of one epoch, or undefined. */
	epoch(epoch: number): EpochRecord | undefined {
		const first = this.epochs[0]?.epoch ?? 0;
		const found = this.epochs[epoch - first];
		return found && { ...found, members: found.members.map((m) => ({ ...m })) };
	}

	/** The epoch in force, or undefined before the first. */
	current(): EpochRecord | undefined {
		const last = this.epochs[this.epochs.length - 1];
		return last && this.epoch(last.epoch);
	}

	/** An independent copy for a checkpoint (records are never changed once committed, so they are shared). */
	clone(): SequencerSet {
		const copy = new SequencerSet();
		copy.epochs = this.epochs.slice();
		return copy;
	}
}
