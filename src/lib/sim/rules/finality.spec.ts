import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../params';
import { DAY, HOUR, MINUTE, SECOND } from '../units';
import { expectedSettleAt, finalityClocks } from './finality';

const postedAt = 60 * SECOND;
const l1FinalAt = postedAt + 64 * 12 * SECOND;

describe('the clocks a posting starts', () => {
	it.each([
		['optimistic', { l1FinalAt, windowEndsAt: postedAt + 7 * DAY, proofDueAt: null, proofReadyAt: null }, postedAt + 7 * DAY],
		// 55 min + 2 s × 30 txs = 56 min, rounded up to the next 12-second L1 block.
		['hybrid', { l1FinalAt, windowEndsAt: postedAt + 4 * HOUR, proofDueAt: postedAt + 4 * HOUR, proofReadyAt: postedAt + 56 * MINUTE }, postedAt + 4 * HOUR],
		['zk', { l1FinalAt, windowEndsAt: null, proofDueAt: postedAt + 6 * HOUR, proofReadyAt: postedAt + 56 * MINUTE }, postedAt + 56 * MINUTE]
	] as const)('%s: %o, settling at %d', (mode, clocks, settle) => {
		const got = finalityClocks({ mode, postedAt, txs: 30, params: DEFAULT_PARAMS });
		expect(got).toEqual(clocks);
		expect(expectedSettleAt({ mode, clocks: got, below: null })).toBe(settle);
		// Batches settle in order: never before the one below.
		expect(expectedSettleAt({ mode, clocks: got, below: settle + 1 })).toBe(settle + 1);
	});

	it('a proof ready before the L1 block is final waits for finality', () => {
		const clocks = finalityClocks({ mode: 'zk', postedAt, txs: 0, params: { ...DEFAULT_PARAMS, zkProofBaseMs: MINUTE } });
		expect(expectedSettleAt({ mode: 'zk', clocks, below: null })).toBe(l1FinalAt);
	});
});
