import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { ForcedInclusionQueue, type ForcedInclusionMode } from './forcedInclusion';

const HOUR = 60 * 60 * 1000;
const DELAY = 24 * HOUR;
const sender = '0x00000000000000000000000000000000000000aa' as Hex;

/** A queue holding txs enqueued at 0, 1h and 2h. */
function queue(mode: ForcedInclusionMode): ForcedInclusionQueue {
	const q = new ForcedInclusionQueue({ forceInclusionDelayMs: DELAY, mode });
	for (let i = 0; i < 3; i++) q.enqueue({ rawTx: `0x02f8${i}` as Hex, sender, now: i * HOUR });
	return q;
}

describe('ForcedInclusionQueue', () => {
	it('enqueue assigns queue indices and deadlines', () => {
		const q = new ForcedInclusionQueue({ forceInclusionDelayMs: DELAY });
		expect(q.enqueue({ rawTx: '0x02AB', sender: '0x00000000000000000000000000000000000000AA', now: 500 })).toEqual({ queueIndex: 0, enqueuedAt: 500, deadline: 500 + DELAY });
		expect(q.enqueue({ rawTx: '0x02cd', sender, now: 700 })).toEqual({ queueIndex: 1, enqueuedAt: 700, deadline: 700 + DELAY });
		expect(q.pending()[0]).toEqual({ queueIndex: 0, rawTx: '0x02ab', sender, enqueuedAt: 500, deadline: 500 + DELAY, includedIn: null });
		expect(q.mode).toBe('textbook');
	});

	it.each([
		{ mode: 'textbook' as const, now: DELAY, overdue: [], required: [] },
		{ mode: 'textbook' as const, now: DELAY + 1, overdue: [0], required: [0] },
		{ mode: 'textbook' as const, now: DELAY + 2 * HOUR + 1, overdue: [0, 1, 2], required: [0, 1, 2] },
		{ mode: 'as-deployed' as const, now: DELAY, overdue: [], required: [] },
		{ mode: 'as-deployed' as const, now: DELAY + 1, overdue: [0], required: [] },
		{ mode: 'as-deployed' as const, now: DELAY + 2 * HOUR + 1, overdue: [0, 1, 2], required: [] }
	])('$mode at $now: overdue $overdue, must include $required', ({ mode, now, overdue, required }) => {
		const q = queue(mode);
		expect(q.enforced).toBe(mode === 'textbook');
		expect(q.overdue(now).map((e) => e.queueIndex)).toEqual(overdue);
		expect(q.required(now).map((e) => e.queueIndex)).toEqual(required);
	});

	it.each([
		{ mode: 'textbook' as const, include: [0], ok: true, pending: [1, 2], error: null },
		{ mode: 'textbook' as const, include: [0, 1, 2], ok: true, pending: [], error: null },
		{ mode: 'textbook' as const, include: [1], ok: false, pending: [0, 1, 2], error: /queue order: 0 is still pending/ },
		{ mode: 'as-deployed' as const, include: [1], ok: true, pending: [0, 2], error: null },
		{ mode: 'textbook' as const, include: [0, 0], ok: false, pending: [1, 2], error: /already included in batch 4/ },
		{ mode: 'as-deployed' as const, include: [9], ok: false, pending: [0, 1, 2], error: /no forced transaction 9/ }
	])('$mode: include $include → $ok', ({ mode, include, ok, pending, error }) => {
		const q = queue(mode);
		const results = include.map((queueIndex) => q.markIncluded({ queueIndex, batchIndex: 4 }));
		const last = results.at(-1)!;
		expect(last.ok).toBe(ok);
		if (!last.ok) expect(last.error).toMatch(error!);
		expect(q.pending().map((e) => e.queueIndex)).toEqual(pending);
		expect(q.overdue(10 * DELAY).map((e) => e.queueIndex)).toEqual(pending);
	});

	it('records the including batch and keeps included entries in entries()', () => {
		const q = queue('textbook');
		q.markIncluded({ queueIndex: 0, batchIndex: 12 });
		expect(q.entries().map((e) => e.includedIn)).toEqual([12, null, null]);
	});

	it('clone is independent', () => {
		const q = queue('textbook');
		const copy = q.clone();
		q.markIncluded({ queueIndex: 0, batchIndex: 1 });
		q.enqueue({ rawTx: '0x01', sender, now: 0 });
		expect(copy.pending().map((e) => e.queueIndex)).toEqual([0, 1, 2]);
		expect(copy.enqueue({ rawTx: '0x01', sender, now: 0 }).queueIndex).toBe(3);
		expect(copy.mode).toBe('textbook');
	});

	it.each([{ delay: -1 }, { delay: 1.5 }, { delay: Number.NaN }])('refuses forceInclusionDelayMs $delay', ({ delay }) => {
		expect(() => new ForcedInclusionQueue({ forceInclusionDelayMs: delay })).toThrow(/non-negative integer/);
	});
});
