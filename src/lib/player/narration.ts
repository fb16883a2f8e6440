/**
 * Plain-words narration of the event log. `describe` turns one event into a sentence with a weight
 * (0 = detail shown only when stepping, 1 = worth a log line, 2 = a milestone, 3 = something went
 * wrong); `Announcer` rate-limits what a screen reader hears.
 */
import { m } from '$lib/paraglide/messages.js';
import { reasonText } from './reasonText';
import { partyWords, txKindWords } from './codeWords';
import type { SimEvent } from '$lib/sim';
import type { BatchLedger } from './batchLedger';
import { counted } from './count';
import { batchName as batch } from './disputeView';
import { behaviourSentence, txRate } from './actorWords';
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

const blocks = (n: number) => (n === 1 ? m.say_blocks_one : m.say_blocks_other)({ count: n.toLocaleString('en-US') });
const shortHash = (h: string) => (h.length > 12 ? `${h.slice(0, 8)}…` : h);
const metis = (wei: string) => metisText(wei);
/** "Batch 3" or "Batch 3, attempt 2": a batch proposed again is named apart from its earlier attempts. */
const Batch = (e: { batch: number; attempt: number }) => (e.attempt > 1 ? m.say_batch_title_attempt({ batch: e.batch, attempt: e.attempt }) : m.say_batch_title({ batch: e.batch }));
/** "batch 3, attempt 2 (seq-1)" when the proposer is known. */
const batchBy = (e: { batch: number; attempt: number }, proposer: string | undefined) => (proposer ? m.say_batch_by({ batch: batch(e), proposer }) : batch(e));

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
			return { text: m.say_batch_proposed({ proposer: e.proposer, batch: batch(e), txs: counted(e.txs, 'transaction'), first: e.firstBlock, last: e.lastBlock }), weight: 1 };
		case 'finality.signed': {
			const of = ledger.get(e.batch)?.activeSet.length;
			return { text: m.say_batch_signed({ batch: Batch(e), signers: e.signers.length, of: of ?? e.signers.length }), weight: 2 };
		}
		case 'batch.withheld':
			return { text: m.say_batch_withheld({ proposer: e.proposer, reason: reasonText(e.reason) }), weight: 2 };
		case 'batch.no-quorum':
			if (e.ended === 'epoch-ended') return { text: m.say_batch_round_ended({ batch: Batch(e), proposer: e.proposer, signed: e.signed, of: e.of }), weight: 2 };
			return { text: m.say_batch_no_quorum({ batch: Batch(e), signed: e.signed, of: e.of, rule: ruleText(e.quorum) }), weight: 3 };
		case 'finality.posted':
			return { text: m.say_batch_posted({ batch: Batch(e), block: e.l1Block }), weight: 2 };
		case 'batch.rejected':
			return { text: m.say_batch_rejected({ batch: batch(e), block: e.l1Block, reason: reasonText(e.reason) }), weight: 3 };
		case 'finality.l1-final':
			return { text: m.say_l1_final({ block: e.l1Block, batch: batch(e) }), weight: 1 };
		case 'proof.verified':
			return { text: m.say_proof_verified({ batch: batch(e) }), weight: 1 };
		case 'window.closed':
			return { text: m.say_window_closed({ batch: batch(e), after: formatDuration(e.t - e.postedAt) }), weight: 1 };
		case 'proof.deadline':
			return e.proofVerified ? { text: m.say_proof_deadline_verified({ batch: batch(e) }), weight: 1 } : { text: m.say_proof_deadline_unverified({ batch: batch(e) }), weight: 3 };
		case 'finality.settled':
			return e.honest ? { text: m.say_batch_settled({ batch: Batch(e) }), weight: 2 } : { text: m.say_batch_settled_fraud({ batch: Batch(e) }), weight: 3 };
		case 'batch.settle-refused':
			return { text: m.say_settle_refused({ batch: batch(e), reason: reasonText(e.reason) }), weight: 3 };
		case 'epoch.started':
			if (!e.previous) return { text: m.say_first_proposer({ proposer: String(e.proposer) }), weight: 2 };
			if (e.reason === 'set-changed') return { text: m.say_pool_changed({ epoch: e.epoch, sequencers: counted(e.set.length, 'sequencer'), proposer: e.proposer ?? m.say_nobody() }), weight: 3 };
			return { text: m.say_epoch_started({ epoch: e.epoch, proposer: String(e.proposer) }), weight: 2 };
		case 'epoch.respan': {
			const respan = e.reason === 'stalled' ? m.say_respan_stalled : m.say_respan_refused;
			return { text: respan({ proposer: e.proposer || m.say_nobody(), previous: String(e.previous) }), weight: 3 };
		}
		case 'proposer.stalled':
			return { text: m.say_proposer_stalled({ proposer: String(e.proposer), minutes: Math.round(e.sinceMs / 60000) }), weight: 3 };
		case 'pool.empty':
			return { text: m.say_pool_empty(), weight: 3 };
		case 'validator.mismatch':
			return e.action === 'challenge'
				? { text: m.say_validator_mismatch({ validator: e.validator, batch: batch(e) }), weight: 3 }
				: { text: m.say_validator_mismatch_zk({ validator: e.validator, batch: batch(e) }), weight: 2 };
		case 'traffic.started':
			return { text: m.say_traffic_started({ txs: counted(e.txPerSecond, 'transaction') }), weight: 1 };
		case 'traffic.stopped':
			return { text: m.say_traffic_stopped(), weight: 1 };
		case 'command.applied':
			return describeCommand(e.command, e.detail);
		case 'command.refused':
			return { text: m.say_command_refused({ command: commandWords(e.command), reason: reasonWords(reasonText(e.reason)) }), weight: 3 };
		case 'params.changed': {
			const params = paramsWords(e.changed);
			if (!e.changed.some((n) => QUORUM_PARAMS.includes(n))) return { text: m.say_params_changed({ params }), weight: 2 };
			const q = e.quorumRule;
			const said = q.strict ? m.say_params_changed_strict : m.say_params_changed_quorum;
			return { text: said({ params, rule: ruleText(q), numerator: q.numerator, denominator: q.denominator }), weight: 2 };
		}
		case 'batch.refused':
			return { text: m.say_batch_refused({ sequencer: e.sequencer, batch: batch(e), reason: reasonText(e.reason) }), weight: 2 };
		case 'tx.dropped':
			return { text: e.user ? m.say_tx_dropped_from({ hash: shortHash(e.hash), user: e.user, reason: reasonText(e.reason) }) : m.say_tx_dropped({ hash: shortHash(e.hash), reason: reasonText(e.reason) }), weight: 1 };
		case 'slash':
			return { text: slashSentence(e), weight: 3 };
		case 'punish.refused':
			return { text: m.say_punish_refused({ sequencer: e.sequencer, offence: offencePhrase(e.offence, batch(e)), reason: reasonText(e.reason) }), weight: 2 };
		case 'batch.reverted':
			return { text: m.say_batch_reverted({ batch: Batch(e), reason: reasonText(e.reason) }), weight: 3 };
		case 'chain.rederive':
			return { text: m.say_rederive({ first: e.fromBlock, last: e.toBlock, batch: e.fromBatch }), weight: 3 };
		case 'challenge.opened': {
			const opened = e.kind === 'bisection' ? m.say_challenge_bisection : m.say_challenge_zk;
			return { text: opened({ challenger: e.challenger, batch: batchBy(e, ledger.get(e.batch)?.proposer ?? e.defender) }), weight: 3 };
		}
		case 'dispute.resolved':
			return { text: m.say_dispute_resolved({ batch: batch(e), winner: partyWords(e.winner), reason: reasonText(e.reason) }), weight: 3 };
		case 'proof.missing':
			return { text: m.say_proof_missing({ batch: batch(e), consequence: reasonText(e.consequence) }), weight: 3 };
		case 'proof.fraud-proof-verified':
			return { text: (e.fraud ? m.say_fraud_proof_lied : m.say_fraud_proof_honest)({ batch: batch(e) }), weight: 3 };
		case 'sequencer.ejected':
			return { text: m.say_ejected({ sequencer: e.sequencer }), weight: 3 };
		case 'sequencer.force-unlocked':
			return { text: m.say_force_unlocked({ sequencer: e.sequencer, offence: offencePhrase(e.offence, batch(e)) }), weight: 3 };
		case 'stake.unlocked':
			return { text: m.say_stake_unlocked({ sequencer: e.sequencer, amount: metis(e.amount) }), weight: 2 };
		case 'tx.censored':
			return { text: m.say_tx_censored({ proposer: e.proposer, user: e.user }), weight: 1 };
		case 'forced.enqueued':
			return { text: m.say_forced_enqueued({ user: e.user, entry: e.queueIndex + 1 }), weight: 2 };
		case 'forced.included':
			return { text: (e.via === 'l1-deadline' ? m.say_forced_included_l1 : m.say_forced_included)({ user: e.user, block: e.block }), weight: 2 };
		case 'forced.overdue':
			return { text: (e.enforced ? m.say_forced_overdue_enforced : m.say_forced_overdue)({ user: e.user }), weight: 3 };
		case 'mev.sandwich':
			return { text: m.say_mev_sandwich({ proposer: e.proposer, block: e.block, profit: metis(e.netProfitMetis) }), weight: 2 };
		case 'mev.reported':
			return { text: m.say_mev_reported({ reporter: e.reporter, accused: e.accused, batch: batch(e) }), weight: 1 };
		case 'vote.passed':
			return { text: m.say_vote_passed({ sequencer: e.sequencer, rule: reasonText(e.rule) }), weight: 3 };
		case 'vote.failed':
			return { text: m.say_vote_failed({ sequencer: e.sequencer, rule: reasonText(e.rule) }), weight: 2 };
		case 'evidence.sent':
			return { text: m.say_evidence_sent({ reporter: e.reporter, evidence: evidencePhrase(e.accused, e.fault, batch(e)) }), weight: 2 };
		case 'evidence.accepted':
		case 'evidence.rejected':
		case 'evidence.deferred': {
			const verdict = e.type === 'evidence.accepted' ? m.say_evidence_accepted : e.type === 'evidence.rejected' ? m.say_evidence_rejected : m.say_evidence_deferred;
			return { text: verdict({ reporter: e.reporter, accused: e.accused, reason: reasonText(e.reason) }), weight: 2 };
		}
		case 'l2.reorg':
			return { text: m.say_l2_reorg({ blocks: blocks(e.blocks), block: e.fromBlock, reason: reasonText(e.reason) }), weight: 3 };
		case 'fault.injected':
			return { text: cheatSentence(e.actor, e.behaviour, batch(e)), weight: 2 };
		case 'behaviour.changed':
			return { text: behaviourSentence(e.actor, e.behaviour, e.target), weight: e.behaviour === 'honest' ? 2 : 3 };
		case 'tx.submitted':
			return { text: m.say_tx_submitted({ user: e.user, kind: txKindWords(e.kind), nonce: e.nonce }), weight: 0 };
		case 'finality.soft':
			return { text: m.say_soft_final({ hash: shortHash(e.hash), block: e.block }), weight: 0 };
		case 'block.produced':
			return { text: m.say_block_built({ proposer: e.proposer, block: e.number, txs: counted(e.txs, 'transaction') }), weight: 0 };
		case 'batch.reviewed':
			return { text: e.valid ? m.say_batch_reviewed_valid({ sequencer: e.sequencer, batch: batch(e) }) : m.say_batch_reviewed_invalid({ sequencer: e.sequencer, batch: batch(e), reason: reasonText(String(e.reason)) }), weight: 0 };
		case 'batch.signature':
			return { text: m.say_batch_signature({ sequencer: e.sequencer, batch: batch(e), count: e.count, of: e.of }), weight: 0 };
		case 'validator.checked': {
			const who = { validator: e.validator, batch: batch(e) };
			if (e.ok) return { text: m.say_validator_match(who), weight: 0 };
			return { text: e.reason ? m.say_validator_checked_mismatch_reason({ ...who, reason: reasonText(e.reason) }) : m.say_validator_checked_mismatch(who), weight: 0 };
		}
		case 'validator.attested':
			return { text: m.say_validator_attested({ validator: e.validator, batch: batch(e) }), weight: 0 };
		case 'rewards.paid':
			return { text: m.say_rewards_paid({ sequencer: e.sequencer, amount: metis(e.amount), blocks: blocks(e.blocks), batch: batch(e) }), weight: 0 };
		case 'rewards.forfeited':
			return { text: m.say_rewards_forfeited({ sequencer: e.sequencer, blocks: blocks(e.blocks), batch: batch(e) }), weight: 1 };
		case 'rewards.unpaid':
			return { text: m.say_rewards_unpaid({ sequencer: e.sequencer, batch: batch(e), reason: reasonText(e.reason) }), weight: 2 };
		default:
			return null;
	}
}

/** A slash in words: what was taken (and how much of it was already unbonding), for what, and who is paid. */
function slashSentence(e: Extract<SimEvent, { type: 'slash' }>): string {
	const said = { sequencer: e.sequencer, amount: metis(e.amount), offence: offencePhrase(e.offence, batch(e)), decided: decidedBy(e.byVote), burned: metis(e.burned) };
	const unbonding = BigInt(e.fromUnbonding) > 0n ? metis(e.fromUnbonding) : null;
	if (e.challenger) {
		const paid = { ...said, challenger: e.challenger, reward: metis(e.challengerReward) };
		return unbonding ? m.say_slash_unbonding_paid({ ...paid, unbonding }) : m.say_slash_paid(paid);
	}
	return unbonding ? m.say_slash_unbonding_unpaid({ ...said, unbonding }) : m.say_slash_unpaid(said);
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
		if (Number.isFinite(rate)) return { text: rate > 0 ? m.say_traffic_set({ rate: txRate(rate) }) : m.say_traffic_stopped_by_you(), weight: 2 };
	}
	return { text: m.say_command_changed({ command: commandWords(type) }), weight: 2 };
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
		if (others === 0) return best.text;
		return (others === 1 ? m.say_and_more_one : m.say_and_more_other)({ text: best.text, count: others.toLocaleString('en-US') });
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
			return { text: m.say_opening_first_tx({ user: e.user, kind: txKindWords(e.kind) }), weight: 1 };
		}
		if (e.type !== 'block.produced' || e.number > this.batchSize) return null;
		const built = { proposer: e.proposer, block: e.number, txs: counted(e.txs, 'transaction'), size: this.batchSize };
		if (e.number < this.batchSize) return { text: m.say_opening_filling(built), weight: 1 };
		return { text: m.say_opening_full(built), weight: 1 };
	}
}
