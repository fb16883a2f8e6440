/**
 * The finality ladder's words: what each rung says about one batch, from the events the ledger
 * folded and what the world's snapshot expects (its `ladder` and `finality` facts). Nothing here
 * works a time out; it only puts the world's times into words.
 */
import type { FinalityRules, FinalityStage, LadderView } from '$lib/sim';
import { clockText } from '$lib/player/clockWords';
import type { BatchTrack } from '$lib/player/batchLedger';
import { ruleText, type QuorumRule } from '$lib/player/quorumWords';
import { formatDuration } from './stages';
import { m } from '$lib/paraglide/messages.js';
import { reasonText } from '$lib/player/reasonText';

/** The facts of one rung, as separate phrases on one line. */
const joinFacts = (...phrases: (string | null)[]) => phrases.filter((x): x is string => !!x).join(' · ');

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
			return m.draw_ladder_challenge_window({ window: formatDuration(waitMs) });
		case 'validity-proof':
			return m.draw_ladder_validity_proof();
		case 'proof-deadline':
			return m.draw_ladder_proof_deadline({ deadline: formatDuration(waitMs) });
	}
}

/** The settled rung of a batch on L1 that has not settled: when the world expects it, or what holds it. */
function settleExpected(b: BatchTrack, ladder: LadderView, rules: FinalityRules): string {
	const own = ladder.windowEndsAt !== null && b.postedAt !== null ? ladder.windowEndsAt - b.postedAt : rules.settleWaitMs;
	const rule = settleRuleText(rules, own);
	const when = ladder.challenged
		? [rule, m.draw_ladder_held({ challenger: b.challenger ?? m.draw_ladder_a_challenger() })]
		: ladder.settleAt === null
			? [rule, m.draw_ladder_waits_below()]
			: [m.draw_ladder_expected_at({ rule, at: clockText(ladder.settleAt) })];
	const proof =
		rules.mode === 'optimistic'
			? null
			: b.proofVerifiedAt !== null
				? m.draw_ladder_proof_verified({ at: clockText(b.proofVerifiedAt) })
				: rules.mode === 'hybrid' && ladder.proofReadyAt !== null
					? m.draw_ladder_proof_expected({ at: clockText(ladder.proofReadyAt) })
					: ladder.proofDueAt !== null
						? m.draw_ladder_proof_due({ at: clockText(ladder.proofDueAt) })
						: null;
	return joinFacts(...when, proof);
}

/** The line under one rung of a batch's ladder. */
export function rungDetail(b: BatchTrack, stage: FinalityStage, facts: LadderFacts): string {
	const { ladder, rules } = facts;
	const needs = ruleText(b.judgedBy ?? facts.quorum);
	switch (stage) {
		case 'soft':
			return m.draw_ladder_soft({ first: b.firstBlock, last: b.lastBlock, txs: b.txs.toLocaleString('en-US'), proposer: b.proposer });
		case 'signed': {
			const counts = { of: b.activeSet.length, needs };
			if (b.signedAt !== null) return m.draw_ladder_signed({ ...counts, signed: b.signers.length });
			if (b.noQuorumAt !== null) return m.draw_ladder_no_quorum({ ...counts, signed: b.signed.length });
			if (b.attempt > 1) return m.draw_ladder_signing_attempt({ ...counts, signed: b.signed.length, attempt: b.attempt });
			return m.draw_ladder_signing({ ...counts, signed: b.signed.length });
		}
		case 'posted':
			if (b.postedAt !== null) return m.draw_ladder_posted({ block: String(b.l1Block) });
			if (b.rejectedAt !== null) return m.draw_ladder_rejected({ block: String(b.l1Block), reason: reasonText(String(b.rejectedReason)) });
			return m.draw_ladder_next_block();
		case 'l1-final':
			if (b.l1FinalAt !== null && b.postedAt !== null) return m.draw_ladder_final_after({ after: formatDuration(b.l1FinalAt - b.postedAt) });
			if (ladder) return m.draw_ladder_final_expected({ at: clockText(ladder.l1FinalAt) });
			return m.draw_ladder_final_rule({ blocks: rules.l1FinalityBlocks, after: formatDuration(rules.l1FinalityMs) });
		case 'settled': {
			if (b.revertedAt !== null) return m.draw_ladder_reverted({ at: clockText(b.revertedAt), reason: reasonText(String(b.revertReason)) });
			const challenged = b.challenger ? m.draw_ladder_challenged_by({ challenger: b.challenger }) : null;
			if (b.settledAt !== null) {
				const proof = rules.mode !== 'optimistic' && b.proofVerifiedAt !== null ? m.draw_ladder_proof_verified({ at: clockText(b.proofVerifiedAt) }) : null;
				return joinFacts(settleRuleText(rules, b.windowEndedAt !== null && b.postedAt !== null ? b.windowEndedAt - b.postedAt : rules.settleWaitMs), proof, challenged);
			}
			if (ladder) return settleExpected(b, ladder, rules);
			return settleRuleText(rules);
		}
	}
}

/** The time column of a rung: when it was reached, "waiting" for the next one, else "not yet". */
export function rungTime(at: number | null, next: boolean): string {
	return at !== null ? clockText(at) : next ? m.draw_ladder_waiting() : m.draw_ladder_not_yet();
}

/** What the ladder says before the first batch. */
export function emptyLadderText(batchSize: number): string {
	return m.draw_ladder_empty({ size: batchSize });
}
