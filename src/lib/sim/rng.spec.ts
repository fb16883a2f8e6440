import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from './rng';

describe('Rng', () => {
	it('gives the same sequence for the same seed and different ones for different seeds', () => {
		const a = Rng.fromSeed(7);
		const b = Rng.fromSeed(7);
		const c = Rng.fromSeed(8);
		const seqA = Array.from({ length: 20 }, () => a.nextU32());
		const seqB = Array.from({ length: 20 }, () => b.nextU32());
		const seqC = Array.from({ length: 20 }, () => c.nextU32());
		expect(seqA).toEqual(seqB);
		expect(seqA).not.toEqual(seqC);
	});

	it('restores exactly from a saved state', () => {
		const a = Rng.fromSeed('demo');
		a.next();
		const saved = a.state();
		const later = [a.next(), a.next(), a.int(10)];
		const b = new Rng(saved);
		expect([b.next(), b.next(), b.int(10)]).toEqual(later);
	});

	it('stays in range', () => {
		fc.assert(
			fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
				const r = Rng.fromSeed(seed);
				for (let i = 0; i < 50; i++) {
					const x = r.next();
					const k = r.int(n);
					if (x < 0 || x >= 1 || k < 0 || k >= n || !Number.isInteger(k)) return false;
				}
				return true;
			})
		);
	});

	it.each([
		{ weights: [0n, 5n, 0n], only: 1 },
		{ weights: [1n], only: 0 },
		{ weights: [0n, 0n, 3n], only: 2 }
	])('weightedIndex never picks a zero weight ($weights)', ({ weights, only }) => {
		const r = Rng.fromSeed(1);
		for (let i = 0; i < 100; i++) expect(r.weightedIndex(weights)).toBe(only);
	});

	it('weightedIndex follows the weights roughly', () => {
		const r = Rng.fromSeed(42);
		const counts = [0, 0];
		for (let i = 0; i < 4000; i++) counts[r.weightedIndex([1n, 3n])]++;
		expect(counts[1] / 4000).toBeGreaterThan(0.7);
		expect(counts[1] / 4000).toBeLessThan(0.8);
	});

	it('weightedIndex follows stakes in wei too (totals far beyond 2^64)', () => {
		const r = Rng.fromSeed(7);
		const metis = 10n ** 18n;
		const counts = [0, 0, 0];
		for (let i = 0; i < 6000; i++) counts[r.weightedIndex([40_000n * metis, 30_000n * metis, 30_000n * metis])]++;
		expect(counts.map((c) => Math.round((c / 6000) * 10) / 10)).toEqual([0.4, 0.3, 0.3]);
	});
});
