/**
 * The finality ladder's words: what each rung says about one batch, from the events the ledger
 * folded and what the world's snapshot expects (its `ladder` and `finality` facts). Nothing here
 * works a time out; it only puts the world's times into words.
 */
import type { FinalityRules, FinalityStage, LadderView } from '$lib/sim';
import { formatClock } from '$lib/sim/units';
import type { BatchTrack } from '$lib/player/batchLedger';
import { ruleText, type QuorumRule } from '$lib/player/quorumWords';
import { formatDuration } from './stages';

/** What the world says about the batch the ladder shows. */
export interface LadderFacts {
	/** Its expectations while it is on L1 and not settled, else null. */
	ladder: LadderView | null;
	/** What the upper rungs wait for under the parameters in force. */
	rules: FinalityRules;
	/** The quorum rule in force (a decided round says the rule it was judged by). */
	quorum: QuorumRule;
}

/** What settling waits for, by finality mode: "after the 7 days challenge window". `waitMs` is the batch's own window when it has one. */
export function settleRuleText(rules: FinalityRules, waitMs = rules.settleWaitMs): string {
	switch (rules.settleRule) {
		case 'challenge-window':
			return `after the ${formatDuration(waitMs)} challenge window`;
		case 'validity-proof':
			return 'when its validity proof is verified on L1 (proving simulated)';
		case 'proof-deadline':
			return `at the ${formatDuration(waitMs)} proof deadline, with a verified proof`;
	}
}

/** The settled rung of a batch on L1 that has not settled: when the world expects it, or what holds it. */
function settleExpected(b: BatchTrack, ladder: LadderView, rules: FinalityRules): string {
	const own = ladder.windowEndsAt !== null && b.postedAt !== null ? ladder.windowEndsAt - b.postedAt : rules.settleWaitMs;
	const rule = settleRuleText(rules, own);
	const when = ladder.challenged
		? ` · held while ${b.challenger ?? 'a challenger'}'s challenge is decided`
		: ladder.settleAt === null
			? ' · waits for a challenge of a batch below it'
			: ` (≈ ${formatClock(ladder.settleAt)})`;
	const proof =
		rules.mode === 'optimistic'
			? ''
			: b.proofVerifiedAt !== null
				? ` · proof verified ${formatClock(b.proofVerifiedAt)}`
				: rules.mode === 'hybrid' && ladder.proofReadyAt !== null
					? ` · proof expected ≈ ${formatClock(ladder.proofReadyAt)}`
					: ladder.proofDueAt !== null
						? ` · proof due by ${formatClock(ladder.proofDueAt)}`
						: '';
	return `${rule}${when}${proof}`;
}

/** The line under one rung of a batch's ladder. */
export function rungDetail(b: BatchTrack, stage: FinalityStage, facts: LadderFacts): string {
	const { ladder, rules } = facts;
	const needs = `needs ${ruleText(b.judgedBy ?? facts.quorum)}`;
	switch (stage) {
		case 'soft':
			return `L2 blocks ${b.firstBlock}–${b.lastBlock} · ${b.txs.toLocaleString('en-US')} txs · by ${b.proposer}`;
		case 'signed':
			if (b.signedAt !== null) return `${b.signers.length} of ${b.activeSet.length} sequencers signed (${needs})`;
			if (b.noQuorumAt !== null) return `no quorum: ${b.signed.length} of ${b.activeSet.length} signed (${needs})`;
			if (b.attempt > 1) return `attempt ${b.attempt}: ${b.signed.length} of ${b.activeSet.length} signatures so far (${needs})`;
			return `${b.signed.length} of ${b.activeSet.length} signatures so far (${needs})`;
		case 'posted':
			if (b.postedAt !== null) return `in L1 block ${b.l1Block}`;
			if (b.rejectedAt !== null) return `rejected in L1 block ${b.l1Block}: ${b.rejectedReason}`;
			return 'goes into the next L1 block';
		case 'l1-final':
			if (b.l1FinalAt !== null && b.postedAt !== null) return `${formatDuration(b.l1FinalAt - b.postedAt)} after posting`;
			if (ladder) return `expected ${formatClock(ladder.l1FinalAt)}`;
			return `${rules.l1FinalityBlocks} L1 blocks (${formatDuration(rules.l1FinalityMs)}) after posting`;
		case 'settled': {
			if (b.revertedAt !== null) return `reverted ${formatClock(b.revertedAt)}: ${b.revertReason}`;
			const challenged = b.challenger ? ` · challenged by ${b.challenger}` : '';
			if (b.settledAt !== null) {
				const proof = rules.mode !== 'optimistic' && b.proofVerifiedAt !== null ? ` · proof verified ${formatClock(b.proofVerifiedAt)}` : '';
				return `${settleRuleText(rules, b.windowEndedAt !== null && b.postedAt !== null ? b.windowEndedAt - b.postedAt : rules.settleWaitMs)}${proof}${challenged}`;
			}
			if (ladder) return settleExpected(b, ladder, rules);
			return settleRuleText(rules);
		}
	}
}

/** The time column of a rung: when it was reached, "waiting" for the next one, else "not yet". */
export function rungTime(at: number | null, next: boolean): string {
	return at !== null ? formatClock(at) : next ? 'waiting' : 'not yet';
}

/** What the ladder says before the first batch. */
export function emptyLadderText(batchSize: number): string {
	return `The first batch appears once the proposer has built ${batchSize} L2 blocks (or after a minute). Press Play.`;
}
