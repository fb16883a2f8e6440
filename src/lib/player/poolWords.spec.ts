import { describe, expect, it } from 'vitest';
import type { PoolView } from '$lib/sim';
import { wordingProblems } from './wordingCheck';
import { poolSentence } from './poolWords';

const pool = (o: Partial<PoolView>): PoolView => ({ status: 'idle', active: 6, online: 6, quorumReachable: true, waitingSince: null, respanAt: null, dutyBatch: { batch: 3, proposal: 5, attempt: 2 }, ...o });

describe('the pool in words', () => {
	it.each([
		[pool({ status: 'signing' }), 'Sequencers: 6 of 6 online, signing batch 3, attempt 2'],
		[pool({ status: 'building' }), 'Sequencers: 6 of 6 online, seq-2 building blocks'],
		[pool({ status: 'stalled', online: 5, waitingSince: 60_000, respanAt: 240_000 }), 'Sequencers: 5 of 6 online, stalled: seq-2 has built nothing while work waits; a re-span is due at day 0, 00:04:00 if nothing moves'],
		[pool({ status: 'no-quorum', online: 3, quorumReachable: false }), 'Sequencers: only 3 of 6 online, too few to sign a batch under the quorum rule'],
		[pool({ status: 'empty', active: 0, online: 0 }), 'Sequencers: nobody can propose'],
		[pool({ status: 'idle' }), 'Sequencers: 6 of 6 online, nothing to do']
	])('%o reads "%s"', (view, text) => {
		expect(poolSentence(view, 'seq-2')).toBe(text);
		expect(wordingProblems(text)).toEqual([]);
	});
});
