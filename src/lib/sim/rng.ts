/**
 * The world's one source of randomness: a seeded sfc32 generator whose whole state is four
 * 32-bit numbers, so it can be checkpointed and restored exactly.
 */

/** The serializable state of the generator. */
export type RngState = [number, number, number, number];

/** A seeded pseudo-random generator (sfc32): the simulation's only source of randomness. */
export class Rng {
	/** The four 32-bit words of sfc32. */
	private s: RngState;

	constructor(state: RngState) {
		this.s = [...state] as RngState;
	}

	/** A generator seeded from any integer or string, warmed up so nearby seeds diverge. */
	static fromSeed(seed: number | string): Rng {
		let h = 0x811c9dc5;
		const text = `rollup-lab:${seed}`;
		const words: number[] = [];
		for (let k = 0; k < 4; k++) {
			for (let i = 0; i < text.length; i++) {
				h ^= text.charCodeAt(i) + k;
				h = Math.imul(h, 0x01000193) >>> 0;
			}
			words.push(h);
		}
		const rng = new Rng(words as RngState);
		for (let i = 0; i < 16; i++) rng.nextU32();
		return rng;
	}

	/** The state to checkpoint. */
	state(): RngState {
		return [...this.s] as RngState;
	}

	/** A uniform 32-bit unsigned integer. */
	nextU32(): number {
		let [a, b, c, d] = this.s;
		a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
		const t = (((a + b) >>> 0) + d) >>> 0;
		d = (d + 1) >>> 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) >>> 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) >>> 0;
		this.s = [a >>> 0, b, c, d];
		return t;
	}

	/** A uniform float in [0, 1) with 32 bits of precision. */
	next(): number {
		return this.nextU32() / 4294967296;
	}

	/** A uniform integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** True with probability p. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** An exponentially distributed delay with the given mean (for Poisson arrivals), at least 1. */
	exponential(mean: number): number {
		return Math.max(1, Math.round(-Math.log(1 - this.next()) * mean));
	}

	/** Picks an index with probability proportional to its bigint weight (stake-weighted draws). */
	weightedIndex(weights: readonly bigint[]): number {
		const total = weights.reduce((a, w) => a + w, 0n);
		if (total <= 0n) throw new Error('weightedIndex needs a positive total weight');
		// 64 random bits more than the total has, reduced modulo the total: the bias is below 2^-64
		// (weights are wei, so the total is far beyond 2^64: fewer bits would always pick the first).
		const words = Math.ceil((total.toString(2).length + 64) / 32);
		let wide = 0n;
		for (let i = 0; i < words; i++) wide = (wide << 32n) | BigInt(this.nextU32());
		const r = wide % total;
		let acc = 0n;
		for (let i = 0; i < weights.length; i++) {
			acc += weights[i];
			if (r < acc) return i;
		}
		return weights.length - 1;
	}
}
