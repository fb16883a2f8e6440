/** Basis points in one whole (100%). */
export const BPS = 10_000n;

/** The pool's swap fee in basis points: 0.3%, as Uniswap v2. */
export const FEE_BPS = 30n;

function checkReserves(reserveIn: bigint, reserveOut: bigint): void {
	if (reserveIn <= 0n || reserveOut <= 0n) throw new RangeError('dex: reserves must be positive');
}

/**
 * Output for an exact input (Uniswap v2 `getAmountOut`): the fee is taken from the input and stays
 * in the pool, so `reserveIn * reserveOut` never decreases. Rounds down, in the pool's favour.
 */
export function getAmountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint, feeBps = FEE_BPS): bigint {
	if (amountIn < 0n) throw new RangeError('dex: amountIn must not be negative');
	if (feeBps < 0n || feeBps >= BPS) throw new RangeError('dex: fee out of range');
	checkReserves(reserveIn, reserveOut);
	const amountInWithFee = amountIn * (BPS - feeBps);
	return (amountInWithFee * reserveOut) / (reserveIn * BPS + amountInWithFee);
}

/** Least input that buys an exact output (Uniswap v2 `getAmountIn`); rounds up, in the pool's favour. */
export function getAmountIn(amountOut: bigint, reserveIn: bigint, reserveOut: bigint, feeBps = FEE_BPS): bigint {
	if (amountOut <= 0n) throw new RangeError('dex: amountOut must be positive');
	if (feeBps < 0n || feeBps >= BPS) throw new RangeError('dex: fee out of range');
	checkReserves(reserveIn, reserveOut);
	if (amountOut >= reserveOut) throw new RangeError('dex: amountOut exceeds the reserve');
	return (reserveIn * amountOut * BPS) / ((reserveOut - amountOut) * (BPS - feeBps)) + 1n;
}

/** Amount of B worth `amountA` at the pool's current price, without fee or price impact. */
export function quote(amountA: bigint, reserveA: bigint, reserveB: bigint): bigint {
	if (amountA < 0n) throw new RangeError('dex: amount must not be negative');
	checkReserves(reserveA, reserveB);
	return (amountA * reserveB) / reserveA;
}

/** Slippage guard for a quoted output: `amountOut` less `slippageBps`, rounded down. */
export function minOutWithSlippage(amountOut: bigint, slippageBps: bigint): bigint {
	if (amountOut < 0n) throw new RangeError('dex: amount must not be negative');
	if (slippageBps < 0n || slippageBps > BPS) throw new RangeError('dex: slippage out of range');
	return (amountOut * (BPS - slippageBps)) / BPS;
}

/** Reserves of a pool after a swap. */
export interface SwapResult {
	/** What the trader receives. */
	amountOut: bigint;
	/** Input-side reserve after the swap. */
	reserveIn: bigint;
	/** Output-side reserve after the swap. */
	reserveOut: bigint;
}

/** Applies an exact-input swap to a pair of reserves (pure: returns the new reserves). */
export function swapExactIn(amountIn: bigint, reserveIn: bigint, reserveOut: bigint, feeBps = FEE_BPS): SwapResult {
	const amountOut = getAmountOut(amountIn, reserveIn, reserveOut, feeBps);
	return { amountOut, reserveIn: reserveIn + amountIn, reserveOut: reserveOut - amountOut };
}
