import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { judgeHeader, orderingViolation, signsUnchecked, type ReviewFacts } from './peerReview';

const clean: ReviewFacts = { secondHeader: false, tipKnown: true, txRootMatches: true, invalidTx: null, stateRootMatches: true, orderViolation: null };
const h = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex;

describe('how a peer judges a header', () => {
	it.each([
		{ name: 'a clean header is signed', facts: {}, fault: null },
		{ name: 'two headers for one index', facts: { secondHeader: true, stateRootMatches: false }, fault: 'equivocation' },
		{ name: 'a tip it cannot reproduce', facts: { tipKnown: false }, fault: 'unknown-tip' },
		{ name: 'a txRoot that is not its transactions', facts: { txRootMatches: false }, fault: 'invalid-tx' },
		{ name: 'a forged transaction', facts: { invalidTx: 'transaction 3 is invalid: bad signature' }, fault: 'invalid-tx' },
		{ name: 'a wrong state root', facts: { stateRootMatches: false }, fault: 'wrong-state-root' },
		{ name: 'reordered blocks', facts: { orderViolation: { reason: 'r', producer: 'seq-4' } }, fault: 'reorder' }
	] as const)('$name', ({ facts, fault }) => {
		const verdict = judgeHeader({ proposer: 'seq-1', index: 2 }, () => ({ ...clean, ...facts }));
		expect(verdict?.fault ?? null).toBe(fault);
		if (fault === 'reorder') expect(verdict?.accused).toBe('seq-4');
	});

	it('only colluders sign their accomplices unchecked', () => {
		expect(signsUnchecked('wrong-state-root', 'wrong-state-root')).toBe(true);
		expect(signsUnchecked('wrong-state-root', 'honest')).toBe(false);
		expect(signsUnchecked('honest', 'wrong-state-root')).toBe(false);
	});
});

describe('reordering as peers see it', () => {
	const arrivals = new Map([h(1), h(2), h(3), h(4)].map((x, i) => [x, i * 100]));
	const check = (blocks: { number: number; proposer: string; hashes: Hex[] }[], forced: Hex[] = []) =>
		orderingViolation({ blocks, arrivedAt: (x) => arrivals.get(x), forced: (x) => forced.includes(x) });

	it.each([
		{ name: 'first come, first served holds', blocks: [{ number: 1, proposer: 'seq-0', hashes: [h(1), h(2)] }], producer: null },
		{ name: 'a transaction that never reached the mempool (a front-run)', blocks: [{ number: 1, proposer: 'seq-0', hashes: [h(9), h(1)] }], producer: 'seq-0' },
		{ name: 'two swapped inside one block', blocks: [{ number: 1, proposer: 'seq-0', hashes: [h(2), h(1)] }], producer: 'seq-0' },
		{ name: 'a censored transaction put in a later block is a delay, not a reordering', blocks: [{ number: 1, proposer: 'seq-2', hashes: [h(2), h(3)] }, { number: 2, proposer: 'seq-3', hashes: [h(1), h(4)] }], producer: null },
		{ name: 'the same producer delaying it to its own next block is still a delay', blocks: [{ number: 1, proposer: 'seq-2', hashes: [h(2)] }, { number: 2, proposer: 'seq-2', hashes: [h(1)] }], producer: null },
		{ name: 'the producer of the faulty block is named', blocks: [{ number: 1, proposer: 'seq-1', hashes: [h(1)] }, { number: 2, proposer: 'seq-5', hashes: [h(4), h(3)] }], producer: 'seq-5' }
	])('$name', ({ blocks, producer }) => expect(check(blocks)?.producer ?? null).toBe(producer));

	it('forced transactions from L1 are exempt', () => expect(check([{ number: 1, proposer: 'seq-0', hashes: [h(9), h(1)] }], [h(9)])).toBeNull());
});
