import { describe, expect, it } from 'vitest';
import { wordingProblems } from './wordingCheck';

describe('the wording check', () => {
	it.each([
		['seq-2 misbehaves in batch 4: wrong-state-root', /raw id "wrong-state-root"/],
		['seq-1 sent L1 evidence that seq-2 cheated (invalid-tx)', /raw id "invalid-tx"/],
		['challenged on L1 (zk-fraud-proof)', /raw id/],
		['Your change (traffic.rate) was refused', /raw event or command id/],
		['seq-1 refused: stateRoot does not follow', /raw field name "stateRoot"/],
		['The administrator changed quorumThreshold', /raw field name/],
		['seq-3 earned undefined', /leaks "undefined"/],
		['Users send NaN transactions a second', /leaks "NaN"/],
		['reason: [object Object]', /leaks "\[object"/],
		['seq-0 slashed 3,000 METIS by vote: it reordered, by vote', /says "by vote" twice/],
		['Total 10,000,000.0042 METIS', /more digits than matter/],
		['earned 0.018912 METIS', /more digits than matter/]
	])('flags "%s"', (line, problem) => {
		expect(wordingProblems(line).join('; ')).toMatch(problem);
	});

	it.each([
		'seq-2 is slashed 3,000 METIS for signing two different headers for batch 12; seq-1 earns 1,500 METIS, 1,500 METIS burned',
		'seq-0 earned 0.0189 METIS for 10 blocks of batch 3',
		'user-12 pushed a stuck transaction into the L1 forced-inclusion queue (entry 3)',
		'val-2 re-executed batch 3, attempt 2: state roots match',
		'Re-span: seq-1 replaces seq-0 as proposer (it went silent)',
		'Batch 3 signed by 4 of 6 sequencers: quorum reached'
	])('passes "%s"', (line) => expect(wordingProblems(line)).toEqual([]));
});
