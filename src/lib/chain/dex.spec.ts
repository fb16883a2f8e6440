import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getAmountIn, getAmountOut, minOutWithSlippage, quote, swapExactIn } from './dex';

const E18 = 10n ** 18n;

describe('getAmountOut', () => {
	it.each([
		// [amountIn, reserveIn, reserveOut, feeBps, expected]
		[0n, 1000n, 1000n, 30n, 0n],
		[1n, 1000n, 1000n, 30n, 0n],
		[2n, 1000n, 1000n, 30n, 1n],
		// 100 in: 997_000 * 1000 / (10_000_000 + 997_000) = 90.66 -> 90
		[100n, 1000n, 1000n, 30n, 90n],
		[100n, 1000n, 1000n, 0n, 90n],
		[1000n, 1000n, 1000n, 0n, 500n],
		[1000n, 1000n, 1000n, 30n, 499n],
		// Uniswap v2 test vector: 1 token into 5/10 reserves -> 1662497915624478906
		[1n * E18, 5n * E18, 10n * E18, 30n, 1662497915624478906n],
		[10n * E18, 1000n * E18, 50_000n * E18, 30n, 493579017198530649425n]
	])('%s into %s/%s at %s bps -> %s', (amountIn, reserveIn, reserveOut, feeBps, expected) => {
		expect(getAmountOut(amountIn, reserveIn, reserveOut, feeBps)).toBe(expected);
	});

	it('defaults to a 0.3% fee', () => {
		expect(getAmountOut(100n, 1000n, 1000n)).toBe(getAmountOut(100n, 1000n, 1000n, 30n));
	});

	it.each([
		['negative input', -1n, 1000n, 1000n, 30n],
		['empty input reserve', 1n, 0n, 1000n, 30n],
		['empty output reserve', 1n, 1000n, 0n, 30n],
		['fee of 100%', 1n, 1000n, 1000n, 10_000n],
		['negative fee', 1n, 1000n, 1000n, -1n]
	])('throws on %s', (_name, amountIn, reserveIn, reserveOut, feeBps) => {
		expect(() => getAmountOut(amountIn, reserveIn, reserveOut, feeBps)).toThrow(RangeError);
	});
});

describe('getAmountIn', () => {
	it.each([
		[90n, 1000n, 1000n, 100n],
		[1662497915624478906n, 5n * E18, 10n * E18, 1n * E18]
	])('buying %s from %s/%s costs %s', (amountOut, reserveIn, reserveOut, expected) => {
		expect(getAmountIn(amountOut, reserveIn, reserveOut)).toBe(expected);
	});

	it.each([
		['zero output', 0n],
		['the whole reserve', 1000n],
		['more than the reserve', 1001n]
	])('throws on %s', (_name, amountOut) => {
		expect(() => getAmountIn(amountOut, 1000n, 1000n)).toThrow(RangeError);
	});
});

describe('quote and slippage', () => {
	it.each([
		[1n * E18, 1000n * E18, 50_000n * E18, 50n * E18],
		[3n, 2n, 1n, 1n],
		[0n, 5n, 7n, 0n]
	])('quote(%s, %s, %s) = %s', (amount, reserveA, reserveB, expected) => {
		expect(quote(amount, reserveA, reserveB)).toBe(expected);
	});

	it.each([
		[1000n, 0n, 1000n],
		[1000n, 50n, 995n],
		[999n, 100n, 989n],
		[1000n, 10_000n, 0n]
	])('minOutWithSlippage(%s, %s bps) = %s', (amountOut, slippageBps, expected) => {
		expect(minOutWithSlippage(amountOut, slippageBps)).toBe(expected);
	});

	it('rejects slippage above 100%', () => {
		expect(() => minOutWithSlippage(1n, 10_001n)).toThrow(RangeError);
	});
});

describe('constant product', () => {
	const reserve = fc.bigInt({ min: 1n, max: 10n ** 30n });
	const amount = fc.bigInt({ min: 0n, max: 10n ** 30n });
	const fee = fc.bigInt({ min: 0n, max: 100n });

	it('k never decreases and the output reserve never empties', () => {
		fc.assert(
			fc.property(amount, reserve, reserve, fee, (amountIn, reserveIn, reserveOut, feeBps) => {
				const after = swapExactIn(amountIn, reserveIn, reserveOut, feeBps);
				expect(after.reserveIn * after.reserveOut).toBeGreaterThanOrEqual(reserveIn * reserveOut);
				expect(after.reserveOut).toBeGreaterThan(0n);
				expect(after.amountOut).toBeGreaterThanOrEqual(0n);
			})
		);
	});

	it('k never decreases over a sequence of swaps in both directions', () => {
		fc.assert(
			fc.property(reserve, reserve, fc.array(fc.tuple(fc.boolean(), amount), { maxLength: 30 }), (x0, y0, swaps) => {
				let [x, y] = [x0, y0];
				for (const [xIn, amountIn] of swaps) {
					const k = x * y;
					if (xIn) ({ reserveIn: x, reserveOut: y } = swapExactIn(amountIn, x, y));
					else ({ reserveIn: y, reserveOut: x } = swapExactIn(amountIn, y, x));
					expect(x * y).toBeGreaterThanOrEqual(k);
				}
			})
		);
	});

	it('getAmountIn buys at least the requested output', () => {
		fc.assert(
			fc.property(reserve, reserve, fc.bigInt({ min: 1n, max: 10n ** 30n }), (reserveIn, reserveOut, want) => {
				fc.pre(want < reserveOut);
				const amountIn = getAmountIn(want, reserveIn, reserveOut);
				expect(getAmountOut(amountIn, reserveIn, reserveOut)).toBeGreaterThanOrEqual(want);
			})
		);
	});
});
