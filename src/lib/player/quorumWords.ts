/**
 * The quorum rule in words, as the stage states it beside the meter, on the ladder and under a
 * stall: "at least 2/3" (the seed article) or "more than 2/3" (Metis' Themis, as deployed).
 */
import { m } from '$lib/paraglide/messages.js';
import type { QuorumView } from '$lib/sim';

/** A quorum rule: what must sign, and whether exactly the fraction is enough. */
export type QuorumRule = Pick<QuorumView, 'by' | 'numerator' | 'denominator' | 'strict'>;

/** "2/3". */
const fraction = (q: QuorumRule) => m.say_fraction({ numerator: q.numerator, denominator: q.denominator });

/** A message worded around the rule's fraction. */
type Worded = (inputs: { fraction: string }) => string;

/** The message for a rule's kind: by count or by stake, strict ("more than") or not ("at least"). */
const pick = <T>(q: QuorumRule, words: { countStrict: T; count: T; stakeStrict: T; stake: T }): T =>
	q.by === 'stake' ? (q.strict ? words.stakeStrict : words.stake) : q.strict ? words.countStrict : words.count;

/** "at least 2/3 by count", "more than 2/3 of stake": the words the simulation itself uses. */
export function ruleText(q: QuorumRule): string {
	return pick<Worded>(q, { countStrict: m.say_rule_count_strict, count: m.say_rule_count, stakeStrict: m.say_rule_stake_strict, stake: m.say_rule_stake })({ fraction: fraction(q) });
}

/** "needs at least 2/3", "needs more than 2/3 of stake": what a batch needs, short enough for the ladder. */
export function needsText(q: QuorumRule): string {
	return pick<Worded>(q, { countStrict: m.say_needs_count_strict, count: m.say_needs_count, stakeStrict: m.say_needs_stake_strict, stake: m.say_needs_stake })({ fraction: fraction(q) });
}

/** The line under the quorum meter on the batch card (192 units wide): the stake rule drops "needs" to fit. */
export function meterText(q: QuorumRule): string {
	return q.by === 'stake' ? ruleText(q) : needsText(q);
}

/** The tag under a stalled quorum: "fewer than 2/3 online", or "2/3 or fewer online" when more than 2/3 must sign. */
export function stallText(q: QuorumRule): string {
	return pick<Worded>(q, { countStrict: m.say_stall_count_strict, count: m.say_stall_count, stakeStrict: m.say_stall_stake_strict, stake: m.say_stall_stake })({ fraction: fraction(q) });
}

/** A stalled quorum, for a screen reader: who is online against what the rule needs. */
export function stallSentence(q: QuorumRule): string {
	const said = pick(q, { countStrict: m.say_stalled_count_strict, count: m.say_stalled_count, stakeStrict: m.say_stalled_stake_strict, stake: m.say_stalled_stake });
	return said({ fraction: fraction(q), rule: ruleText(q) });
}

/** What the "signed" rung means under this rule. */
export function signedMeaning(q: QuorumRule): string {
	return pick<Worded>(q, { countStrict: m.say_signed_count_strict, count: m.say_signed_count, stakeStrict: m.say_signed_stake_strict, stake: m.say_signed_stake })({ fraction: fraction(q) });
}
