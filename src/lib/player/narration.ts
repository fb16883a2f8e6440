/**
 * Plain-words narration of the event log. `describe` turns one event into a sentence with a weight
 * (0 = detail shown only when stepping, 1 = worth a log line, 2 = a milestone, 3 = something went
 * wrong); `Announcer` rate-limits what a screen reader hears.
 */
import type { SimEvent } from '$lib/sim';
import type { BatchLedger } from './batchLedger';
import { behaviourSentence, txRate } from './faults';
import { formatDuration, metisText } from './numberWords';
import { ruleText } from './quorumWords';
import { cheatSentence, commandWords, decidedBy, evidencePhrase, offencePhrase, paramsWords, reasonWords } from './reasonWords';

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

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
const shortHash = (h: string) => (h.length > 12 ? `${h.slice(0, 8)}…` : h);
const metis = (wei: string) => metisText(wei);
/** "Batch 3" or "Batch 3, attempt 2": a batch proposed again is named apart from its earlier attempts. */
const Batch = (e: { batch: number; attempt: number }) => (e.attempt > 1 ? `Batch ${e.batch}, attempt ${e.attempt}` : `Batch ${e.batch}`);
const batch = (e: { batch: number; attempt: number }) => (e.attempt > 1 ? `batch ${e.batch}, attempt ${e.attempt}` : `batch ${e.batch}`);
/** "batch 3, attempt 2 (seq-1)" when the proposer is known. */
const batchBy = (e: { batch: number; attempt: number }, proposer: string | undefined) => `${batch(e)}${proposer ? ` (${proposer})` : ''}`;

/** High-volume event types narrated only when stepping (skipped early while playing). */
export const DETAIL_TYPES: ReadonlySet<string> = new Set([
	'tx.submitted',
	'finality.soft',
	'block.produced',
	'batch.reviewed',
	'batch.signature',
	'validator.checked',
	'validator.attested',
	'rewards.paid',
	'rewards.forfeited',
	'dispute.move'
]);

/** The parameters whose change moves the quorum rule. */
const QUORUM_PARAMS = ['quorumBy', 'quorumNumerator', 'quorumDenominator', 'quorumThreshold'];

type Said = { text: string; weight: NarrationLine['weight'] } | null;

/** The sentence for one event, or null for bookkeeping nobody needs to hear. */
export function describe(e: SimEvent, ledger: BatchLedger): Said {
	switch (e.type) {
		case 'batch.proposed':
			return { text: `${e.proposer} proposed ${batch(e)}: ${plural(e.txs, 'transaction')} from L2 blocks ${e.firstBlock}–${e.lastBlock}`, weight: 1 };
		case 'finality.signed': {
			const of = ledger.get(e.batch)?.activeSet.length;
			return { text: `${Batch(e)} signed by ${e.signers.length} of ${of ?? e.signers.length} sequencers: quorum reached`, weight: 2 };
		}
		case 'batch.withheld':
			return { text: `${e.proposer} holds its blocks back: ${e.reason}`, weight: 2 };
		case 'batch.no-quorum':
			if (e.ended === 'epoch-ended') return { text: `${Batch(e)}'s signing round ended with ${e.proposer}'s epoch, at ${e.signed} of ${e.of} signatures: the next proposer batches its blocks`, weight: 2 };
			return { text: `${Batch(e)} got only ${e.signed} of ${e.of} signatures (it needs ${ruleText(e.quorum)}): no quorum, so it cannot go to L1`, weight: 3 };
		case 'finality.posted':
			return { text: `${Batch(e)} posted to L1 in block ${e.l1Block}`, weight: 2 };
		case 'batch.rejected':
			return { text: `L1 rejected ${batch(e)} in block ${e.l1Block}: ${e.reason}`, weight: 3 };
		case 'finality.l1-final':
			return { text: `L1 block ${e.l1Block} with ${batch(e)} is final`, weight: 1 };
		case 'proof.verified':
			return { text: `Validity proof of ${batch(e)} verified on L1 (proving is simulated)`, weight: 1 };
		case 'window.closed':
			return { text: `Challenge window of ${batch(e)} closed with no challenge, ${formatDuration(e.t - e.postedAt)} after its own posting`, weight: 1 };
		case 'proof.deadline':
			return { text: `Proof deadline of ${batch(e)} reached${e.proofVerified ? ' with its proof verified' : ' without a verified proof'}`, weight: e.proofVerified ? 1 : 3 };
		case 'finality.settled':
			return e.honest
				? { text: `${Batch(e)} settled`, weight: 2 }
				: { text: `${Batch(e)} settled with a state root no transaction produced: L1 accepted a fraud nobody challenged`, weight: 3 };
		case 'batch.settle-refused':
			return { text: `L1 refused to settle ${batch(e)}: ${e.reason}`, weight: 3 };
		case 'epoch.started':
			if (!e.previous) return { text: `${e.proposer} is elected the first proposer (weighted by stake)`, weight: 2 };
			if (e.reason === 'set-changed') return { text: `The pool changed: epoch ${e.epoch} begins with ${plural(e.set.length, 'sequencer')}, ${e.proposer ?? 'nobody'} proposing`, weight: 3 };
			return { text: `Epoch ${e.epoch} begins: ${e.proposer} is the proposer`, weight: 2 };
		case 'epoch.respan':
			return { text: `Re-span: ${e.proposer || 'nobody'} replaces ${e.previous} as proposer (${e.reason === 'stalled' ? 'it went silent' : 'its batch was refused'})`, weight: 3 };
		case 'proposer.stalled':
			return { text: `Proposer ${e.proposer} built no block for ${Math.round(e.sinceMs / 60000)} minutes while work waited`, weight: 3 };
		case 'pool.empty':
			return { text: 'No sequencer has the minimum stake: nobody can propose', weight: 3 };
		case 'validator.mismatch':
			return e.action === 'challenge'
				? { text: `${e.validator} re-executed ${batch(e)} and got a different state root`, weight: 3 }
				: { text: `${e.validator} re-executed ${batch(e)} and got a different state root; under validity proofs the missing proof decides`, weight: 2 };
		case 'traffic.started':
			return { text: `Users start sending ${plural(e.txPerSecond, 'transaction')} a second`, weight: 1 };
		case 'traffic.stopped':
			return { text: 'Users stop sending transactions', weight: 1 };
		case 'command.applied':
			return describeCommand(e.command, e.detail);
		case 'command.refused':
			return { text: `Your change (${commandWords(e.command)}) was refused: ${reasonWords(e.reason)}`, weight: 3 };
		case 'params.changed': {
			const said = `The administrator changed ${paramsWords(e.changed)}`;
			if (!e.changed.some((n) => QUORUM_PARAMS.includes(n))) return { text: said, weight: 2 };
			const q = e.quorumRule;
			return { text: `${said}: a batch now needs ${ruleText(q)} to sign, so exactly ${q.numerator}/${q.denominator} ${q.strict ? 'no longer makes a quorum' : 'is enough'}`, weight: 2 };
		}
		case 'batch.refused':
			return { text: `${e.sequencer} refused to sign ${batch(e)}: ${e.reason}`, weight: 2 };
		case 'tx.dropped':
			return { text: `Transaction ${shortHash(e.hash)}${e.user ? ` from ${e.user}` : ''} dropped: ${e.reason}`, weight: 1 };
		case 'slash': {
			const paid = e.challenger ? `; ${e.challenger} earns ${metis(e.challengerReward)}, ${metis(e.burned)} burned` : `; ${metis(e.burned)} burned, nobody is paid`;
			const unbonding = BigInt(e.fromUnbonding) > 0n ? ` (${metis(e.fromUnbonding)} of it already unbonding: unlocking does not escape a slash)` : '';
			return { text: `${e.sequencer} is slashed ${metis(e.amount)}${unbonding} for ${offencePhrase(e.offence, batch(e))}${decidedBy(e.byVote)}${paid}`, weight: 3 };
		}
		case 'punish.refused':
			return { text: `${e.sequencer} could not be punished for ${offencePhrase(e.offence, batch(e))}: ${e.reason}`, weight: 2 };
		case 'batch.reverted':
			return { text: `${Batch(e)} reverted: ${e.reason}`, weight: 3 };
		case 'chain.rederive':
			return { text: `The honest pool re-derives L2 blocks ${e.fromBlock}–${e.toBlock} from the last good state root and batches them again, from batch ${e.fromBatch}`, weight: 3 };
		case 'challenge.opened':
			return { text: `${e.challenger} challenged ${batchBy(e, ledger.get(e.batch)?.proposer ?? e.defender)} on L1 (${e.kind === 'bisection' ? 'bisection game' : 'ZK fraud proof'})`, weight: 3 };
		case 'dispute.resolved':
			return { text: `Dispute over ${batch(e)} resolved: the ${e.winner} wins (${e.reason})`, weight: 3 };
		case 'proof.missing':
			return { text: `No validity proof for ${batch(e)} by its deadline: ${e.consequence}`, weight: 3 };
		case 'proof.fraud-proof-verified':
			return { text: `A ZK fraud proof for ${batch(e)} was verified on L1${e.fraud ? ': the batch lied' : ': the batch was honest'} (proving simulated)`, weight: 3 };
		case 'sequencer.ejected':
			return { text: `The administrator ejected ${e.sequencer} from the pool`, weight: 3 };
		case 'sequencer.force-unlocked':
			return { text: `The administrator force-unlocked ${e.sequencer} for ${offencePhrase(e.offence, batch(e))}; as deployed, nothing is slashed`, weight: 3 };
		case 'stake.unlocked':
			return { text: `${e.sequencer} unlocked ${metis(e.amount)}: claimable after the exit delay, and slashable until then for anything it did before`, weight: 2 };
		case 'tx.censored':
			return { text: `${e.proposer} left out a transaction from ${e.user} (censorship)`, weight: 1 };
		case 'forced.enqueued':
			return { text: `${e.user} pushed a stuck transaction into the L1 forced-inclusion queue (entry ${e.queueIndex + 1})`, weight: 2 };
		case 'forced.included':
			return { text: `The forced transaction from ${e.user} is in L2 block ${e.block}${e.via === 'l1-deadline' ? ', forced in by L1 after its deadline' : ''}`, weight: 2 };
		case 'forced.overdue':
			return { text: `The forced transaction from ${e.user} is overdue${e.enforced ? ': L1 now forces it in' : ' (and, as deployed, nothing enforces it)'}`, weight: 3 };
		case 'mev.sandwich':
			return { text: `${e.proposer} sandwiched a swap in L2 block ${e.block}, netting ${metis(e.netProfitMetis)} after fees and gas`, weight: 2 };
		case 'mev.reported':
			return { text: `${e.reporter} reported ${e.accused} for reordering transactions in ${batch(e)}`, weight: 1 };
		case 'vote.passed':
		case 'vote.failed':
			return { text: `The vote to slash ${e.sequencer} for reordering ${e.type === 'vote.passed' ? 'passed' : 'failed'} (${e.rule} needed)`, weight: e.type === 'vote.passed' ? 3 : 2 };
		case 'evidence.sent':
			return { text: `${e.reporter} sent L1 evidence that ${evidencePhrase(e.accused, e.fault, batch(e))}`, weight: 2 };
		case 'evidence.accepted':
		case 'evidence.rejected':
		case 'evidence.deferred':
			return { text: `L1 ${e.type === 'evidence.accepted' ? 'accepted' : e.type === 'evidence.rejected' ? 'rejected' : 'set aside'} ${e.reporter}'s evidence against ${e.accused}: ${e.reason}`, weight: 2 };
		case 'l2.reorg':
			return { text: `L2 reorganised: ${plural(e.blocks, 'block')} from block ${e.fromBlock} discarded (${e.reason})`, weight: 3 };
		case 'fault.injected':
			return { text: cheatSentence(e.actor, e.behaviour, batch(e)), weight: 2 };
		case 'behaviour.changed':
			return { text: behaviourSentence(e.actor, e.behaviour, e.target), weight: e.behaviour === 'honest' ? 2 : 3 };
		case 'tx.submitted':
			return { text: `${e.user} signed a ${e.kind} (nonce ${e.nonce}) and sent it to the sequencers`, weight: 0 };
		case 'finality.soft':
			return { text: `Transaction ${shortHash(e.hash)} is in L2 block ${e.block}: soft-final`, weight: 0 };
		case 'block.produced':
			return { text: `${e.proposer} built L2 block ${e.number} with ${plural(e.txs, 'transaction')}`, weight: 0 };
		case 'batch.reviewed':
			return { text: `${e.sequencer} re-executed ${batch(e)}: ${e.valid ? 'valid' : `invalid (${e.reason})`}`, weight: 0 };
		case 'batch.signature':
			return { text: `${e.sequencer} signed ${batch(e)} with BLS (${e.count} of ${e.of})`, weight: 0 };
		case 'validator.checked':
			return { text: `${e.validator} re-executed ${batch(e)}: ${e.ok ? 'state roots match' : `mismatch${e.reason ? ` (${e.reason})` : ''}`}`, weight: 0 };
		case 'validator.attested':
			return { text: `${e.validator} attested ${batch(e)} without re-executing it`, weight: 0 };
		case 'rewards.paid':
			return { text: `${e.sequencer} earned ${metis(e.amount)} for ${plural(e.blocks, 'block')} of ${batch(e)}`, weight: 0 };
		case 'rewards.forfeited':
			return { text: `${e.sequencer} earns nothing for ${plural(e.blocks, 'block')} of ${batch(e)}: it signed the fraudulent header that first held them`, weight: 1 };
		case 'rewards.unpaid':
			return { text: `${e.sequencer} was not paid for ${batch(e)}: ${e.reason}`, weight: 2 };
		default:
			return null;
	}
}


/** A person's command in words; null when the event it causes says it better (a behaviour change, an ejection). */
function describeCommand(type: string, detail: string): Said {
	// The event the command causes says it better: a behaviour change, an ejection, an unlock, the administrator's parameter change.
	if (type === 'sequencer.behaviour' || type === 'validator.behaviour' || type === 'admin.eject' || type === 'sequencer.unlock' || type === 'params.set') return null;
	if (type === 'traffic.rate') {
		let rate = NaN;
		try {
			const parsed: unknown = JSON.parse(detail);
			if (parsed && typeof parsed === 'object' && 'txPerSecond' in parsed && typeof parsed.txPerSecond === 'number') rate = parsed.txPerSecond;
		} catch {
			// An unreadable detail falls back to the plain sentence below.
		}
		if (Number.isFinite(rate)) return { text: rate > 0 ? `You set the traffic to ${txRate(rate)}` : 'You stopped the traffic: users send nothing more', weight: 2 };
	}
	return { text: `You changed ${commandWords(type)}`, weight: 2 };
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

/**
 * The opening of a world, told while it is built: the first transaction and each L2 block of the
 * first batch ("Batch 0 is filling: 3 of 10 blocks"). The log tells these only to Step (they are
 * DETAIL_TYPES), so without this a newcomer at 1× watches 20–30 silent seconds before the first batch
 * is proposed. It falls silent once that batch is proposed; make a new one when the log is rewound.
 */
export class OpeningNarrator {
	private told = false;
	private firstTx = false;

	constructor(
		/** L2 blocks per batch (the `batchSize` parameter). */
		private readonly batchSize: number
	) {}

	/** The opening's sentence for `e` (weight 1, so it shows while playing), or null. */
	line(e: SimEvent): Pick<NarrationLine, 'text' | 'weight'> | null {
		if (this.told) return null;
		if (e.type === 'batch.proposed') this.told = true;
		if (e.type === 'tx.submitted' && !this.firstTx) {
			this.firstTx = true;
			return { text: `${e.user} signed the first transaction (a ${e.kind}) and sent it to the sequencers: this epoch's proposer puts it in its next L2 block`, weight: 1 };
		}
		if (e.type !== 'block.produced' || e.number > this.batchSize) return null;
		const built = `${e.proposer} built L2 block ${e.number} with ${plural(e.txs, 'transaction')}`;
		if (e.number < this.batchSize) return { text: `${built}. Batch 0 is filling: ${e.number} of ${this.batchSize} blocks, then it goes to the pool for signatures`, weight: 1 };
		return { text: `${built}. Batch 0 is full (${this.batchSize} blocks): ${e.proposer} proposes it and every peer re-executes it before signing`, weight: 1 };
	}
}
