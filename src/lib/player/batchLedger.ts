/**
 * What the page knows about each batch, folded from the event log: when it climbed each rung of the
 * finality ladder and who signed it. It only records what events say; it decides nothing.
 */
import type { FinalityStage, SimEvent } from '$lib/sim';
import type { QuorumRule } from './quorumWords';

/** One batch (its latest attempt, if a round failed, L1 refused it or it was reverted and the index was proposed again). */
export interface BatchTrack {
	/** Batch index on L1. */
	index: number;
	/** The latest attempt's own proposal id: events of older attempts no longer change this track. */
	proposal: number;
	/** Which attempt that is, from 1. */
	attempt: number;
	/** How many times this index was proposed. */
	attempts: number;
	/** Proposer's id. */
	proposer: string;
	/** Number of transactions. */
	txs: number;
	/** First L2 block. */
	firstBlock: number;
	/** Last L2 block. */
	lastBlock: number;
	/** The active set asked to sign. */
	activeSet: string[];
	/** Sequencers whose signature arrived, in order. */
	signed: string[];
	/** Sequencers that refused, with why. */
	refused: Record<string, string>;
	/** When it was proposed. */
	proposedAt: number;
	/** When its last block was built: all its transactions were soft-final. */
	softAt: number | null;
	/** When it reached quorum. */
	signedAt: number | null;
	/** Signers in the aggregate. */
	signers: string[];
	/** When the round ended without quorum. */
	noQuorumAt: number | null;
	/** The quorum rule its round was judged by, as the event says (the rule may change later); null while signing. */
	judgedBy: QuorumRule | null;
	/** When L1 accepted it. */
	postedAt: number | null;
	/** L1 block that included it (or refused it). */
	l1Block: number | null;
	/** When that L1 block became final. */
	l1FinalAt: number | null;
	/** When its validity proof was verified (zk, hybrid). */
	proofVerifiedAt: number | null;
	/** When its challenge window or proof deadline ended. */
	windowEndedAt: number | null;
	/** When it settled. */
	settledAt: number | null;
	/** When L1 rejected it. */
	rejectedAt: number | null;
	/** Why L1 rejected it. */
	rejectedReason: string | null;
	/** Who challenged it on L1, if anyone. */
	challenger: string | null;
	/** When it was reverted (a proven fraud, or built on one). */
	revertedAt: number | null;
	/** Why it was reverted. */
	revertReason: string | null;
}

/** The highest rung a batch has reached, or where it is stuck. */
export type BatchStage = FinalityStage | 'signing' | 'no-quorum' | 'rejected' | 'reverted';

/** Where a batch stands now. */
export function stageOf(b: BatchTrack): BatchStage {
	if (b.revertedAt !== null) return 'reverted';
	if (b.settledAt !== null) return 'settled';
	if (b.rejectedAt !== null) return 'rejected';
	if (b.l1FinalAt !== null) return 'l1-final';
	if (b.postedAt !== null) return 'posted';
	if (b.signedAt !== null) return 'signed';
	if (b.noQuorumAt !== null) return 'no-quorum';
	return 'signing';
}

/** The time a batch reached a rung, or null. */
export function reachedAt(b: BatchTrack, stage: FinalityStage): number | null {
	switch (stage) {
		case 'soft':
			return b.softAt ?? b.proposedAt;
		case 'signed':
			return b.signedAt;
		case 'posted':
			return b.postedAt;
		case 'l1-final':
			return b.l1FinalAt;
		case 'settled':
			return b.settledAt;
	}
}

/** A validator's latest re-execution. */
export interface ValidatorCheck {
	/** Batch index. */
	batch: number;
	/** Whether the roots matched. */
	ok: boolean;
	/** When. */
	t: number;
}

/** Folds events into batch tracks; `reset()` on a rewound log. */
export class BatchLedger {
	private byIndex = new Map<number, BatchTrack>();
	private blockTimes = new Map<number, number>();
	/** Latest re-execution by each validator. */
	readonly checks = new Map<string, ValidatorCheck>();
	/** Validator checks that found a mismatch, in total. */
	mismatches = 0;
	/** Validator checks in total. */
	checked = 0;
	/** Forgets everything. */
	reset(): void {
		this.byIndex.clear();
		this.blockTimes.clear();
		this.checks.clear();
		this.mismatches = 0;
		this.checked = 0;
	}

	/** The track of a batch. */
	get(index: number): BatchTrack | undefined {
		return this.byIndex.get(index);
	}

	/** Every batch, by index. */
	list(): BatchTrack[] {
		return [...this.byIndex.values()].sort((a, b) => a.index - b.index);
	}

	/** Applies one event; returns true if a batch changed. */
	apply(e: SimEvent): boolean {
		switch (e.type) {
			case 'block.produced': {
				this.blockTimes.set(e.number, e.t);
				return false;
			}
			case 'batch.proposed': {
				const prior = this.byIndex.get(e.batch);
				this.byIndex.set(e.batch, {
					index: e.batch,
					proposal: e.proposal,
					attempt: e.attempt,
					attempts: Math.max(e.attempt, (prior?.attempts ?? 0) + 1),
					proposer: e.proposer,
					txs: e.txs,
					firstBlock: e.firstBlock,
					lastBlock: e.lastBlock,
					activeSet: e.activeSet,
					signed: [],
					refused: {},
					proposedAt: e.t,
					softAt: this.blockTimes.get(e.lastBlock) ?? null,
					signedAt: null,
					signers: [],
					noQuorumAt: null,
					judgedBy: null,
					postedAt: null,
					l1Block: null,
					l1FinalAt: null,
					proofVerifiedAt: null,
					windowEndedAt: null,
					settledAt: null,
					rejectedAt: null,
					rejectedReason: null,
					challenger: null,
					revertedAt: null,
					revertReason: null
				});
				return true;
			}
			case 'batch.signature':
				return this.update(e, (b) => ({ ...b, signed: b.signed.includes(e.sequencer) ? b.signed : [...b.signed, e.sequencer] }));
			case 'batch.refused':
				return this.update(e, (b) => ({ ...b, refused: { ...b.refused, [e.sequencer]: e.reason } }));
			case 'batch.no-quorum':
				return this.update(e, (b) => ({ ...b, noQuorumAt: e.t, judgedBy: e.quorum }));
			case 'finality.signed':
				return this.update(e, (b) => ({ ...b, signedAt: e.t, signers: e.signers, judgedBy: e.quorum }));
			case 'finality.posted':
				return this.update(e, (b) => ({ ...b, postedAt: e.t, l1Block: e.l1Block }));
			case 'batch.rejected':
				return this.update(e, (b) => ({ ...b, rejectedAt: e.t, l1Block: e.l1Block, rejectedReason: e.reason }));
			case 'finality.l1-final':
				return this.update(e, (b) => ({ ...b, l1FinalAt: e.t }));
			case 'proof.verified':
				return this.update(e, (b) => ({ ...b, proofVerifiedAt: e.t }));
			case 'window.closed':
			case 'proof.deadline':
				return this.update(e, (b) => ({ ...b, windowEndedAt: e.t }));
			case 'challenge.opened':
				return this.update(e, (b) => ({ ...b, challenger: e.challenger }));
			case 'batch.reverted':
				return this.update(e, (b) => ({ ...b, revertedAt: e.t, revertReason: e.reason }));
			case 'finality.settled':
				return this.update(e, (b) => ({ ...b, settledAt: e.t }));
			case 'validator.checked': {
				this.checked++;
				if (!e.ok) this.mismatches++;
				this.checks.set(e.validator, { batch: e.batch, ok: e.ok, t: e.t });
				return false;
			}
			default:
				return false;
		}
	}

	/** Changes the track the event's proposal is the latest attempt of; events of older attempts change nothing. */
	private update(e: { batch: number; proposal: number }, change: (b: BatchTrack) => BatchTrack): boolean {
		const b = this.byIndex.get(e.batch);
		if (!b || b.proposal !== e.proposal) return false;
		this.byIndex.set(e.batch, change(b));
		return true;
	}
}
