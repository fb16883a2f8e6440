import { describe, expect, it } from 'vitest';
import type { FinalityRules, LadderView } from '$lib/sim';
import { DAY, HOUR, MINUTE } from '$lib/sim/units';
import type { BatchTrack } from '$lib/player/batchLedger';
import { rungDetail, rungTime, settleRuleText } from './ladderWords';

const quorum = { by: 'count' as const, numerator: 2, denominator: 3, strict: false };
const rules = (mode: FinalityRules['mode'], settleWaitMs: number): FinalityRules => ({
	mode,
	l1FinalityBlocks: 64,
	l1FinalityMs: 64 * 12_000,
	settleRule: mode === 'optimistic' ? 'challenge-window' : mode === 'zk' ? 'validity-proof' : 'proof-deadline',
	settleWaitMs
});
const posted: BatchTrack = {
	index: 2, proposal: 4, attempt: 1, attempts: 1, proposer: 'seq-1', txs: 20, firstBlock: 11, lastBlock: 20, activeSet: ['seq-0', 'seq-1', 'seq-2'],
	signed: ['seq-0', 'seq-1'], refused: {}, proposedAt: 40_000, softAt: 40_000, signedAt: 41_000, signers: ['seq-0', 'seq-1'], noQuorumAt: null, judgedBy: quorum,
	postedAt: 48_000, l1Block: 4, l1FinalAt: null, proofVerifiedAt: null, windowEndedAt: null, settledAt: null, rejectedAt: null, rejectedReason: null, challenger: null, revertedAt: null, revertReason: null
};
const ladder = (o: Partial<LadderView>): LadderView => ({ l1FinalAt: 48_000 + 768_000, windowEndsAt: 48_000 + 7 * DAY, proofDueAt: null, proofReadyAt: null, settleAt: 48_000 + 7 * DAY, challenged: false, ...o });

describe('the ladder in words', () => {
	it.each([
		[rules('optimistic', 7 * DAY), 'after the 7 days challenge window'],
		[rules('hybrid', 4 * HOUR), 'at the 4 h proof deadline, with a verified proof'],
		[rules('zk', 6 * HOUR), 'when its validity proof is verified on L1 (proving simulated)']
	])('settling under %o waits "%s"', (r, text) => expect(settleRuleText(r)).toBe(text));

	it.each([
		['l1-final', rules('optimistic', 7 * DAY), ladder({}), 'expected day 0, 00:13:36'],
		['settled', rules('optimistic', 7 * DAY), ladder({}), 'after the 7 days challenge window (≈ day 7, 00:00:48)'],
		// The batch's own window, fixed at posting, even if the parameter changed since.
		['settled', rules('optimistic', DAY), ladder({}), 'after the 7 days challenge window (≈ day 7, 00:00:48)'],
		['settled', rules('optimistic', 7 * DAY), ladder({ challenged: true, settleAt: null }), "after the 7 days challenge window · held while a challenger's challenge is decided"],
		['settled', rules('optimistic', 7 * DAY), ladder({ settleAt: null }), 'after the 7 days challenge window · waits for a challenge of a batch below it'],
		['settled', rules('zk', 6 * HOUR), ladder({ windowEndsAt: null, proofDueAt: 48_000 + 6 * HOUR, proofReadyAt: 48_000 + 56 * MINUTE, settleAt: 48_000 + 56 * MINUTE }), 'when its validity proof is verified on L1 (proving simulated) (≈ day 0, 00:56:48) · proof due by day 0, 06:00:48'],
		['settled', rules('hybrid', 4 * HOUR), ladder({ windowEndsAt: 48_000 + 4 * HOUR, proofDueAt: 48_000 + 4 * HOUR, proofReadyAt: 48_000 + 56 * MINUTE, settleAt: 48_000 + 4 * HOUR }), 'at the 4 h proof deadline, with a verified proof (≈ day 0, 04:00:48) · proof expected ≈ day 0, 00:56:48']
	] as const)('the %s rung of a posted batch under %o expects "%s"', (stage, r, l, text) => {
		expect(rungDetail(posted, stage, { ladder: l, rules: r, quorum })).toBe(text);
	});

	it('before posting, the upper rungs say the rule in force; once reached, what happened', () => {
		const signing = { ...posted, postedAt: null, l1Block: null, signedAt: null, signers: [], judgedBy: null };
		expect(rungDetail(signing, 'l1-final', { ladder: null, rules: rules('optimistic', DAY), quorum })).toBe('64 L1 blocks (12.8 min) after posting');
		expect(rungDetail(signing, 'signed', { ladder: null, rules: rules('optimistic', DAY), quorum })).toBe('2 of 3 signatures so far (needs at least 2/3 by count)');
		const final = { ...posted, l1FinalAt: 48_000 + 768_000 };
		expect(rungDetail(final, 'l1-final', { ladder: null, rules: rules('optimistic', DAY), quorum })).toBe('12.8 min after posting');
		expect([rungTime(5000, false), rungTime(null, true), rungTime(null, false)]).toEqual(['day 0, 00:00:05', 'waiting', 'not yet']);
	});
});
