/**
 * Plain-words narration of the event log. `describe` turns one event into a sentence with a weight
 * (0 = detail shown only when stepping, 1 = worth a log line, 2 = a milestone, 3 = something went
 * wrong); `Announcer` rate-limits what a screen reader hears.
 */
import type { SimEvent } from '$lib/sim';
import { formatMetis } from '$lib/sim/units';
import type { BatchLedger } from './batchLedger';
import { behaviourSentence, txRate } from './faults';

/** One narrated line. */
export interface NarrationLine {
	/** Increasing id (for keyed lists). */
	id: number;
	/** Simulated time of the event. */
	t: number;
	/** The sentence. */
	text: string;
	/** 0 detail, 1 notable, 2 milestone, 3 problem. */
	weight: 0 | 1 | 2 | 3;
}

const n = (v: unknown) => (typeof v === 'number' ? v : Number(v));
const s = (v: unknown) => String(v ?? '');
const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const shortHash = (h: unknown) => (typeof h === 'string' && h.length > 12 ? `${h.slice(0, 8)}…` : s(h));
const metis = (wei: unknown) => {
	try {
		return formatMetis(BigInt(s(wei)));
	} catch {
		return `${s(wei)} wei`;
	}
};

/** High-volume event types narrated only when stepping (skipped early while playing). */
export const DETAIL_TYPES: ReadonlySet<string> = new Set(['tx.submitted', 'finality.soft', 'block.produced', 'batch.reviewed', 'batch.signature', 'validator.checked', 'rewards.paid']);

/** The sentence for one event, or null for bookkeeping nobody needs to hear. */
export function describe(e: SimEvent, ledger: BatchLedger): { text: string; weight: NarrationLine['weight'] } | null {
	switch (e.type) {
		case 'batch.proposed':
			return { text: `${s(e.proposer)} proposed batch ${n(e.index)}: ${plural(n(e.txs), 'transaction')} from L2 blocks ${n(e.firstBlock)}–${n(e.lastBlock)}`, weight: 1 };
		case 'finality.signed': {
			const of = ledger.get(n(e.batch))?.activeSet.length;
			const signers = Array.isArray(e.signers) ? e.signers.length : 0;
			return { text: `Batch ${n(e.batch)} signed by ${signers} of ${of ?? signers} sequencers: quorum reached`, weight: 2 };
		}
		case 'batch.no-quorum':
			return { text: `Batch ${n(e.index)} got only ${n(e.signed)} of ${n(e.of)} signatures: no quorum, so it cannot go to L1`, weight: 3 };
		case 'finality.posted':
			return { text: `Batch ${n(e.batch)} posted to L1 in block ${n(e.l1Block)}`, weight: 2 };
		case 'batch.rejected':
			return { text: `L1 rejected batch ${n(e.index)} in block ${n(e.l1Block)}: ${s(e.reason)}`, weight: 3 };
		case 'finality.l1-final':
			return { text: `L1 block ${n(e.l1Block)} with batch ${n(e.batch)} is final`, weight: 1 };
		case 'proof.verified':
			return { text: `Validity proof of batch ${n(e.batch)} verified on L1 (proving is simulated)`, weight: 1 };
		case 'window.closed':
			return { text: `Challenge window of batch ${n(e.batch)} closed with no challenge`, weight: 1 };
		case 'proof.deadline':
			return { text: `Proof deadline of batch ${n(e.batch)} reached${e.proofVerified ? ' with its proof verified' : ' without a verified proof'}`, weight: e.proofVerified ? 1 : 3 };
		case 'finality.settled':
			return { text: `Batch ${n(e.batch)} settled`, weight: 2 };
		case 'batch.settle-refused':
			return { text: `L1 refused to settle batch ${n(e.batch)}: ${s(e.reason)}`, weight: 3 };
		case 'epoch.started':
			return e.previous
				? { text: `Epoch ${n(e.epoch)} begins: ${s(e.proposer)} is the proposer`, weight: 2 }
				: { text: `${s(e.proposer)} is elected the first proposer (weighted by stake)`, weight: 2 };
		case 'epoch.respan':
			return { text: `Re-span: ${s(e.proposer) || 'nobody'} replaces ${s(e.previous)} as proposer`, weight: 3 };
		case 'proposer.stalled':
			return { text: `Proposer ${s(e.proposer)} built no block for ${Math.round(n(e.sinceMs) / 60000)} minutes while ${plural(n(e.waitingTxs), 'transaction')} waited`, weight: 3 };
		case 'pool.empty':
			return { text: 'No sequencer has the minimum stake: nobody can propose', weight: 3 };
		case 'validator.mismatch':
			return { text: `${s(e.validator)} re-executed batch ${n(e.batch)} and got a different state root`, weight: 3 };
		case 'traffic.started':
			return { text: `Users start sending ${plural(n(e.txPerSecond), 'transaction')} a second`, weight: 1 };
		case 'traffic.stopped':
			return { text: 'Users stop sending transactions', weight: 1 };
		case 'command.applied':
			return describeCommand(s(e.command), e.detail);
		case 'command.refused':
			return { text: `Your change (${s(e.command)}) was refused: ${s(e.reason)}`, weight: 3 };
		case 'params.changed':
			return { text: `The administrator changed ${Array.isArray(e.changed) ? e.changed.join(', ') : 'parameters'}`, weight: 2 };
		case 'batch.refused':
			return { text: `${s(e.sequencer)} refused to sign batch ${n(e.index)}: ${s(e.reason)}`, weight: 2 };
		case 'tx.dropped':
			return { text: `Transaction ${shortHash(e.hash)} from ${s(e.user)} dropped: ${s(e.reason)}`, weight: 1 };
		case 'slash': {
			const paid = e.challenger ? `; ${s(e.challenger)} earns ${metis(e.challengerReward)}, ${metis(e.burned)} burned` : `; ${metis(e.burned)} burned`;
			return { text: `${s(e.sequencer)} slashed ${metis(e.amount)}${e.byVote ? ' by vote' : ''} for ${s(e.reason)}${paid}`, weight: 3 };
		}
		case 'batch.reverted':
			return { text: `Batch ${n(e.batch)} reverted: ${s(e.reason)}`, weight: 3 };
		case 'challenge.opened':
			return { text: `${s(e.challenger)} challenged batch ${n(e.batch)} of ${s(e.defender)} on L1 (${s(e.kind)})`, weight: 3 };
		case 'dispute.resolved':
			return { text: `Dispute over batch ${n(e.batch)} resolved: the ${s(e.winner)} wins (${s(e.reason)})`, weight: 3 };
		case 'proof.missing':
			return { text: `No validity proof for batch ${n(e.batch)} by its deadline`, weight: 3 };
		case 'proof.fraud-proof-verified':
			return { text: `A ZK fraud proof for batch ${n(e.batch)} was verified on L1${e.fraud ? ': the batch lied' : ': the batch was honest'} (proving simulated)`, weight: 3 };
		case 'sequencer.ejected':
			return { text: `The administrator ejected ${s(e.sequencer)} from the pool`, weight: 3 };
		case 'sequencer.force-unlocked':
			return { text: `The administrator force-unlocked ${s(e.sequencer)}: ${s(e.reason)}`, weight: 3 };
		case 'tx.censored':
			return { text: `${s(e.proposer)} left out a transaction from ${s(e.user)} (censorship)`, weight: 1 };
		case 'forced.enqueued':
			return { text: `${s(e.user)} pushed a censored transaction through the L1 forced-inclusion queue`, weight: 2 };
		case 'forced.included':
			return { text: `The forced transaction from ${s(e.user)} is in L2 block ${n(e.block)}`, weight: 2 };
		case 'forced.overdue':
			return { text: `The forced transaction from ${s(e.user)} is overdue${e.enforced ? '' : ' (and, as deployed, nothing enforces it)'}`, weight: 3 };
		case 'mev.sandwich':
			return { text: `${s(e.proposer)} sandwiched a swap in L2 block ${n(e.block)}`, weight: 2 };
		case 'mev.reported':
			return { text: `${s(e.reporter)} reported ${s(e.proposer)} for reordering batch ${n(e.index)}`, weight: 1 };
		case 'vote.passed':
		case 'vote.failed':
			return { text: `The vote to slash ${s(e.sequencer)} for reordering ${e.type === 'vote.passed' ? 'passed' : 'failed'}`, weight: e.type === 'vote.passed' ? 3 : 2 };
		case 'evidence.sent':
			return { text: `${s(e.reporter)} sent L1 evidence that ${s(e.accused)} cheated (${s(e.fault)})`, weight: 2 };
		case 'l2.reorg':
			return { text: `L2 reorganised: ${plural(n(e.blocks), 'block')} from block ${n(e.fromBlock)} discarded (${s(e.reason)})`, weight: 3 };
		case 'fault.injected':
			return { text: `${s(e.actor)} misbehaves in batch ${n(e.batch)}: ${s(e.behaviour)}`, weight: 2 };
		case 'behaviour.changed':
			return { text: behaviourSentence(s(e.actor), s(e.behaviour), e.target ? s(e.target) : null), weight: e.behaviour === 'honest' ? 2 : 3 };
		case 'tx.submitted':
			return { text: `${s(e.user)} signed a ${s(e.kind) || 'transaction'} (nonce ${n(e.nonce)}) and sent it to the sequencers`, weight: 0 };
		case 'finality.soft':
			return { text: `Transaction ${shortHash(e.hash)} is in L2 block ${n(e.block)}: soft-final`, weight: 0 };
		case 'block.produced':
			return { text: `${s(e.proposer)} built L2 block ${n(e.number)} with ${plural(n(e.txs), 'transaction')}`, weight: 0 };
		case 'batch.reviewed':
			return { text: `${s(e.sequencer)} re-executed batch ${n(e.index)}: ${e.valid ? 'valid' : `invalid (${s(e.reason)})`}`, weight: 0 };
		case 'batch.signature':
			return { text: `${s(e.sequencer)} signed batch ${n(e.index)} with BLS (${n(e.count)} of ${n(e.of)})`, weight: 0 };
		case 'validator.checked':
			return { text: `${s(e.validator)} re-executed batch ${n(e.batch)}: ${e.ok ? 'state roots match' : 'mismatch'}`, weight: 0 };
		case 'rewards.paid':
			return { text: `${s(e.sequencer)} earned ${metis(e.amount)} for ${plural(n(e.blocks), 'block')} of batch ${n(e.batch)}`, weight: 0 };
		case 'rewards.unpaid':
			return { text: `${s(e.sequencer)} was not paid for batch ${n(e.batch)}: ${s(e.reason)}`, weight: 2 };
		default:
			return null;
	}
}

/** A person's command in words; null when the event it causes says it better (a behaviour change, an ejection). */
function describeCommand(type: string, detail: unknown): { text: string; weight: NarrationLine['weight'] } | null {
	if (type === 'sequencer.behaviour' || type === 'validator.behaviour' || type === 'admin.eject') return null;
	if (type === 'traffic.rate') {
		let rate = NaN;
		try {
			rate = n((JSON.parse(s(detail)) as { txPerSecond?: unknown }).txPerSecond);
		} catch {
			// An unreadable detail falls back to the plain sentence below.
		}
		if (Number.isFinite(rate)) return { text: rate > 0 ? `You set the traffic to ${txRate(rate)}` : 'You stopped the traffic: users send nothing more', weight: 2 };
	}
	return { text: `You changed the world: ${type}`, weight: 2 };
}

/** Wall ms between two announcements to a screen reader. */
export const ANNOUNCE_GAP_MS = 2500;

/**
 * Rate-limits announcements: at most one per `gapMs`; when several lines wait, the weightiest
 * (latest among equals) is announced with a count of the others.
 */
export class Announcer {
	private queue: NarrationLine[] = [];
	private lastAt = -Infinity;

	constructor(private readonly gapMs = ANNOUNCE_GAP_MS) {}

	/** Queues a line. */
	push(line: NarrationLine): void {
		this.queue.push(line);
	}

	/** Drops what waits. */
	clear(): void {
		this.queue = [];
	}

	/** Whether something waits. */
	get waiting(): boolean {
		return this.queue.length > 0;
	}

	/** Wall ms until the next announcement may be made. */
	delay(now: number): number {
		return Math.max(0, this.lastAt + this.gapMs - now);
	}

	/** The announcement due at wall time `now`, or null (nothing waits, or too soon). */
	take(now: number): string | null {
		if (!this.queue.length || now - this.lastAt < this.gapMs) return null;
		let best = this.queue[0];
		for (const line of this.queue) if (line.weight >= best.weight) best = line;
		const others = this.queue.length - 1;
		this.queue = [];
		this.lastAt = now;
		return others > 0 ? `${best.text} (and ${plural(others, 'more event')})` : best.text;
	}
}
