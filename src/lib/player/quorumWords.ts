/**
 * The quorum rule in words, as the stage states it beside the meter, on the ladder and under a
 * stall: "at least 2/3" (the seed article) or "more than 2/3" (Metis' Themis, as deployed).
 */
import type { QuorumView } from '$lib/sim';

/** A quorum rule: what must sign, and whether exactly the fraction is enough. */
export type QuorumRule = Pick<QuorumView, 'by' | 'numerator' | 'denominator' | 'strict'>;

/** "2/3". */
const fraction = (q: QuorumRule) => `${q.numerator}/${q.denominator}`;

/** "at least 2/3 by count", "more than 2/3 of stake": the words the simulation itself uses. */
export function ruleText(q: QuorumRule): string {
	return `${q.strict ? 'more than' : 'at least'} ${fraction(q)} ${q.by === 'count' ? 'by count' : 'of stake'}`;
}

/** "needs at least 2/3", "needs more than 2/3 of stake": what a batch needs, short enough for the ladder. */
export function needsText(q: QuorumRule): string {
	return `needs ${q.strict ? 'more than' : 'at least'} ${fraction(q)}${q.by === 'stake' ? ' of stake' : ''}`;
}

/** The line under the quorum meter on the batch card (192 units wide): the stake rule drops "needs" to fit. */
export function meterText(q: QuorumRule): string {
	return q.by === 'stake' ? `${q.strict ? 'more than' : 'at least'} ${fraction(q)} of stake` : needsText(q);
}

/** The tag under a stalled quorum: "fewer than 2/3 online", or "2/3 or fewer online" when more than 2/3 must sign. */
export function stallText(q: QuorumRule): string {
	if (q.by === 'stake') return q.strict ? `${fraction(q)} of stake or less online` : `fewer than ${fraction(q)} of stake online`;
	return q.strict ? `${fraction(q)} or fewer online` : `fewer than ${fraction(q)} online`;
}

/** A stalled quorum, for a screen reader: who is online against what the rule needs. */
export function stallSentence(q: QuorumRule): string {
	const online =
		q.by === 'stake'
			? `the sequencers online hold ${q.strict ? `${fraction(q)} of the stake or less` : `less than ${fraction(q)} of the stake`}`
			: q.strict
				? `only ${fraction(q)} or fewer of the sequencers are online`
				: `fewer than ${fraction(q)} of the sequencers are online`;
	return `Quorum stalled: ${online}, and the rule needs ${ruleText(q)}.`;
}

/** What the "signed" rung means under this rule. */
export function signedMeaning(q: QuorumRule): string {
	const share = q.by === 'stake' ? `sequencers holding ${q.strict ? 'more than' : 'at least'} ${fraction(q)} of the stake` : `${q.strict ? 'more than' : 'at least'} ${fraction(q)} of the pool`;
	return `${share} signed its header (BLS)`;
}
