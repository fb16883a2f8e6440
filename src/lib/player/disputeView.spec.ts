import { describe, expect, it } from 'vitest';
import type { SimEvent } from '$lib/sim';
import { DisputeBook, maxRounds, rangeLabel, roundsLabel, trailLabel } from './disputeView';

const ev = (t: number, type: string, fields: Record<string, unknown> = {}) => ({ t, type, ...fields }) as SimEvent;
/** A move over the interval lo..hi, as the game reports it. */
const reveal = (t: number, phase: string, lo: number, hi: number, tx: number | null = null) =>
	ev(t, 'dispute.move', { batch: 0, proposal: 0, attempt: 1, by: 'defender', phase, index: Math.floor((lo + hi) / 2), tx, agree: null, lo, hi });
const answer = (t: number, phase: string, lo: number, hi: number, agree: boolean) =>
	ev(t, 'dispute.move', { batch: 0, proposal: 0, attempt: 1, by: 'challenger', phase, index: Math.floor((lo + hi) / 2), tx: null, agree, lo, hi });

/** The colluding-majority-optimistic preset's game (seed 1): 31 transactions, the lie in the last step of the last one. */
const GAME: SimEvent[] = [
	ev(0, 'batch.proposed', { batch: 0, proposal: 0, attempt: 1, proposer: 'seq-0', txs: 31, activeSet: [] }),
	ev(1, 'challenge.opened', { batch: 0, proposal: 0, attempt: 1, challenger: 'val-0', defender: 'seq-0', kind: 'bisection', posted: true }),
	reveal(1, 'txs', 0, 31),
	answer(2, 'txs', 0, 31, true),
	reveal(3, 'txs', 15, 31),
	answer(4, 'txs', 15, 31, true),
	reveal(5, 'txs', 23, 31),
	answer(6, 'txs', 23, 31, true),
	reveal(7, 'txs', 27, 31),
	answer(8, 'txs', 27, 31, true),
	reveal(9, 'txs', 29, 31),
	answer(10, 'txs', 29, 31, true),
	reveal(11, 'steps', 0, 4, 30),
	answer(12, 'steps', 0, 4, true),
	reveal(13, 'steps', 2, 4, 30),
	answer(14, 'steps', 2, 4, true),
	ev(15, 'dispute.one-step', { batch: 0, proposal: 0, attempt: 1, tx: 30, step: 3, claimed: '0xaa', computed: '0xbb', ok: true }),
	ev(15, 'dispute.resolved', { batch: 0, proposal: 0, attempt: 1, winner: 'challenger', reason: 'bisection narrowed to tx 30 step 3; L1 executed it', challenger: 'val-0' })
];

describe('DisputeBook', () => {
	it('narrows the interval move by move, as the game does', () => {
		const book = new DisputeBook();
		const seen: string[] = [];
		for (const e of GAME) {
			book.apply(e);
			const d = book.current();
			if (d) seen.push(`${d.phase} ${d.lo}-${d.hi}`);
		}
		expect(seen).toEqual([
			'txs 0-31',
			'txs 0-31',
			'txs 15-31',
			'txs 15-31',
			'txs 23-31',
			'txs 23-31',
			'txs 27-31',
			'txs 27-31',
			'txs 29-31',
			'txs 29-31',
			'txs 30-31',
			'steps 0-4',
			'steps 2-4',
			'steps 2-4',
			'steps 3-4',
			'one-step 3-4',
			'over 3-4'
		]);
		const d = book.current()!;
		expect(d).toMatchObject({ tx: 30, stepCount: 4, rounds: 7, winner: 'challenger', oneStep: { tx: 30, step: 3, fraud: true }, resolvedAt: 15 });
		expect(trailLabel(d.trail, 20)).toBe('Bisection: txs 0–30 → 15–30 → 23–30 → 27–30 → 29–30 → tx 30 → steps 0–3 → 2–3 → step 3');
		expect(trailLabel(d.trail)).toBe('Bisection: … → 29–30 → tx 30 → steps 0–3 → 2–3 → step 3');
		expect(roundsLabel(d)).toBe('round 7 of at most 7');
	});

	it('never lowers the most rounds it promised between finding the transaction and hearing its steps', () => {
		const book = new DisputeBook();
		const most = GAME.flatMap((e) => (book.apply(e), book.current() ? [/of at most (\d+)/.exec(roundsLabel(book.current()!))![1]] : []));
		expect(new Set(most)).toEqual(new Set(['7']));
	});

	it('says who moved and what it means', () => {
		const book = new DisputeBook();
		for (const e of GAME.slice(0, 3)) book.apply(e);
		expect(book.current()!.lastMove).toBe('seq-0 reveals its state root before tx 15');
		book.apply(answer(2, 'txs', 0, 31, false));
		expect(book.current()!.lastMove).toBe('val-0 disagrees at tx 15: the fault is in txs 0–14');
		expect(book.current()).toMatchObject({ lo: 0, hi: 15 });
	});

	it('zooms straight to step 0 when the disputed transaction has a single step', () => {
		const book = new DisputeBook();
		for (const e of [
			ev(0, 'batch.proposed', { batch: 0, proposal: 0, attempt: 1, proposer: 'seq-0', txs: 2 }),
			ev(1, 'challenge.opened', { batch: 0, proposal: 0, attempt: 1, challenger: 'val-1', defender: 'seq-0', kind: 'bisection' }),
			reveal(2, 'txs', 0, 2),
			answer(3, 'txs', 0, 2, false),
			ev(4, 'dispute.one-step', { batch: 0, proposal: 0, attempt: 1, tx: 0, step: 0, claimed: '0x1', computed: '0x1', ok: true })
		])
			book.apply(e);
		expect(book.current()).toMatchObject({ phase: 'one-step', tx: 0, stepCount: 1, lo: 0, hi: 1, oneStep: { fraud: false } });
		expect(trailLabel(book.current()!.trail)).toBe('Bisection: txs 0–1 → tx 0 → step 0');
	});

	it('shows a ZK dispute without a bisection', () => {
		const book = new DisputeBook();
		book.apply(ev(0, 'batch.proposed', { batch: 4, proposal: 4, attempt: 1, proposer: 'seq-2', txs: 9 }));
		book.apply(ev(1, 'challenge.opened', { batch: 4, proposal: 4, attempt: 1, challenger: 'val-3', defender: 'seq-2', kind: 'zk-fraud-proof' }));
		expect(book.current()).toMatchObject({ phase: 'proof', trail: [], batch: 4, proposal: 4, attempt: 1 });
		book.apply(ev(2, 'proof.fraud-proof-verified', { batch: 4, proposal: 4, attempt: 1, fraud: true }));
		book.apply(ev(2, 'dispute.resolved', { batch: 4, proposal: 4, attempt: 1, winner: 'challenger', reason: 'ZK fraud proof' }));
		expect(book.current()).toMatchObject({ phase: 'over', winner: 'challenger', lastMove: 'L1 verified a ZK proof of the true root: the batch lied' });
	});

	it('ignores moves in games it never saw open, and forgets on reset', () => {
		const book = new DisputeBook();
		expect(book.apply(reveal(1, 'txs', 0, 7))).toBeNull();
		for (const e of GAME.slice(0, 3)) book.apply(e);
		book.reset();
		expect(book.current()).toBeNull();
	});
});

describe('labels', () => {
	it.each([
		[{ phase: 'txs', lo: 0, hi: 31 }, 'txs 0–30'],
		[{ phase: 'txs', lo: 30, hi: 31 }, 'tx 30'],
		[{ phase: 'steps', lo: 2, hi: 4 }, 'steps 2–3'],
		[{ phase: 'steps', lo: 3, hi: 4 }, 'step 3']
	] as const)('rangeLabel(%o) is %s', (range, text) => expect(rangeLabel(range)).toBe(text));

	it.each([
		[1, 0],
		[2, 1],
		[31, 5],
		[32, 5],
		[1000, 10]
	])('a bisection over %i takes at most %i rounds', (size, rounds) => expect(maxRounds(size)).toBe(rounds));
});
