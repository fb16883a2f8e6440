import { describe, expect, it } from 'vitest';
import { meterText, needsText, ruleText, signedMeaning, stallSentence, stallText, type QuorumRule } from './quorumWords';

const atLeast: QuorumRule = { by: 'count', numerator: 2, denominator: 3, strict: false };
const moreThan: QuorumRule = { ...atLeast, strict: true };
const stake: QuorumRule = { ...moreThan, by: 'stake' };

describe('the quorum rule in words', () => {
	it.each([
		[atLeast, 'at least 2/3 by count', 'needs at least 2/3', 'needs at least 2/3', 'fewer than 2/3 online'],
		[moreThan, 'more than 2/3 by count', 'needs more than 2/3', 'needs more than 2/3', '2/3 or fewer online'],
		[stake, 'more than 2/3 of stake', 'needs more than 2/3 of stake', 'more than 2/3 of stake', '2/3 of stake or less online'],
		[{ ...atLeast, by: 'stake', numerator: 3, denominator: 4 } as QuorumRule, 'at least 3/4 of stake', 'needs at least 3/4 of stake', 'at least 3/4 of stake', 'fewer than 3/4 of stake online']
	])('%j reads "%s"', (rule, text, needs, meter, stall) => {
		expect(ruleText(rule)).toBe(text);
		expect(needsText(rule)).toBe(needs);
		expect(meterText(rule)).toBe(meter);
		expect(stallText(rule)).toBe(stall);
	});

	it('says why a quorum stalls, keeping the words the seed article uses', () => {
		expect(stallSentence(atLeast)).toBe('Quorum stalled: fewer than 2/3 of the sequencers are online, and the rule needs at least 2/3 by count.');
		expect(stallSentence(moreThan)).toBe('Quorum stalled: only 2/3 or fewer of the sequencers are online, and the rule needs more than 2/3 by count.');
		expect(stallSentence(stake)).toBe('Quorum stalled: the sequencers online hold 2/3 of the stake or less, and the rule needs more than 2/3 of stake.');
	});

	it('says what the signed rung means under each rule', () => {
		expect(signedMeaning(atLeast)).toBe('at least 2/3 of the pool signed its header (BLS)');
		expect(signedMeaning(stake)).toBe('sequencers holding more than 2/3 of the stake signed its header (BLS)');
	});
});
