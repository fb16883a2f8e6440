/**
 * The sandwicher's rule: how big a front-run to make before a victim's swap, and whether it pays at
 * all. The front-run moves the price against the victim, the victim's swap moves it further, and the
 * back-run sells at the better price. The victim's `minOut` caps the front-run; the pool's 0.3% fee
 * on both of the sandwicher's swaps and their gas are its costs. It sandwiches only for a profit.
 */
import { getAmountOut } from '../../chain/dex';

/** What the sandwicher sees of a pending swap and of its own purse. */
export interface SandwichSituation {
	/** What the victim sells (wei of its input token). */
	victimIn: bigint;
	/** The least the victim accepts (wei of its output token): its slippage limit. */
	minOut: bigint;
	/** The pool's reserve of the victim's input token. */
	reserveIn: bigint;
	/** The pool's reserve of the victim's output token. */
	reserveOut: bigint;
	/** Whether the victim sells METIS (else USD). */
	metisIn: boolean;
	/** Most of the input token the sandwicher can put in. */
	budget: bigint;
	/** Gas of the front-run and back-run together (wei of METIS). */
	gasCost: bigint;
}

/** A sandwich worth making. */
export interface SandwichPlan {
	/** The front-run's input (wei of the victim's input token). */
	frontIn: bigint;
	/** What the front-run buys, sold back by the back-run (wei of the victim's output token). */
	frontOut: bigint;
	/** What the back-run returns (wei of the input token). */
	backOut: bigint;
	/** backOut − frontIn, in the input token (before gas). */
	grossProfit: bigint;
	/** Profit after gas, in METIS (a USD profit is valued at the pool's price after the back-run). */
	netProfitMetis: bigint;
	/** What the victim gets less than it would have without the sandwich (wei of its output token). */
	victimLoss: bigint;
	/** What the victim gets. */
	victimOut: bigint;
}

/** The three swaps for a front-run of `x`, or null when the victim's own limit would make it revert. */
export function simulateSandwich(s: SandwichSituation, x: bigint): SandwichPlan | null {
	if (x <= 0n) return null;
	const frontOut = getAmountOut(x, s.reserveIn, s.reserveOut);
	const inAfterFront = s.reserveIn + x;
	const outAfterFront = s.reserveOut - frontOut;
	if (outAfterFront <= 0n) return null;
	const victimOut = getAmountOut(s.victimIn, inAfterFront, outAfterFront);
	if (victimOut < s.minOut) return null;
	const inAfterVictim = inAfterFront + s.victimIn;
	const outAfterVictim = outAfterFront - victimOut;
	const backOut = getAmountOut(frontOut, outAfterVictim, inAfterVictim);
	const grossProfit = backOut - x;
	const inReserve = inAfterVictim - backOut;
	const outReserve = outAfterVictim + frontOut;
	const grossMetis = s.metisIn ? grossProfit : (grossProfit * outReserve) / inReserve;
	const fair = getAmountOut(s.victimIn, s.reserveIn, s.reserveOut);
	return { frontIn: x, frontOut, backOut, grossProfit, netProfitMetis: grossMetis - s.gasCost, victimLoss: fair - victimOut, victimOut };
}

/** The largest front-run the victim's slippage limit allows within the budget (0 when none does). */
export function largestFrontRun(s: SandwichSituation): bigint {
	let lo = 0n;
	let hi = s.budget;
	if (hi <= 0n) return 0n;
	if (simulateSandwich(s, hi)) return hi;
	while (hi - lo > 1n) {
		const mid = (lo + hi) / 2n;
		if (simulateSandwich(s, mid)) lo = mid;
		else hi = mid;
	}
	return lo;
}

/**
 * The most profitable front-run within the victim's limit (profit is unimodal in the front-run's
 * size: a ternary search finds its top), or null when no sandwich makes money after fees and gas.
 */
export function planSandwich(s: SandwichSituation): SandwichPlan | null {
	const max = largestFrontRun(s);
	if (max <= 0n) return null;
	const profit = (x: bigint) => simulateSandwich(s, x)?.netProfitMetis ?? -(1n << 255n);
	let lo = 1n;
	let hi = max;
	while (hi - lo > 2n) {
		const third = (hi - lo) / 3n;
		const a = lo + third;
		const b = hi - third;
		if (profit(a) < profit(b)) lo = a + 1n;
		else hi = b;
	}
	let best: SandwichPlan | null = null;
	for (let x = lo; x <= hi; x++) {
		const plan = simulateSandwich(s, x);
		if (plan && (!best || plan.netProfitMetis > best.netProfitMetis)) best = plan;
	}
	const atMax = simulateSandwich(s, max);
	if (atMax && (!best || atMax.netProfitMetis > best.netProfitMetis)) best = atMax;
	return best && best.netProfitMetis > 0n ? best : null;
}
