/**
 * The range every parameter (and every time a file or link may name) must lie in. The bounds are
 * tighter than anything the engine checks itself, so a value from outside is refused here, with its
 * field named, and never reaches an L1 contract's constructor as an exception.
 */
import { DEFAULT_PARAMS, type WorldParams } from './params';
import { DAY, HOUR, METIS, SECOND } from './units';

/** Longest stretch of simulated time a world may be asked to reach (file times, command times, durations). */
export const MAX_WORLD_MS = 90 * DAY;
/** The same, in words, for messages. */
export const MAX_WORLD_WORDS = '90 days';
/** Most learner commands a link or file may replay. */
export const MAX_COMMANDS = 1000;
/** Largest METIS amount any parameter or scenario stake may hold (in wei): far below what L2 balances can hold. */
export const MAX_AMOUNT_WEI = 10n ** 12n * METIS;
/** The same, in words. */
export const MAX_AMOUNT_WORDS = '1,000,000,000,000 METIS';

/** A number parameter's range; `whole` ones must be integers; `message` replaces the generic wording. */
interface NumberBound {
	/** Smallest allowed. */
	min: number;
	/** Largest allowed. */
	max: number;
	/** Must be a whole number. */
	whole: boolean;
	/** Wording of the range, e.g. "a duration from 1 s to 1 hour". */
	words: string;
}

const whole = (min: number, max: number): NumberBound => ({ min, max, whole: true, words: `a whole number from ${min} to ${max.toLocaleString('en')}` });
const duration = (min: number, minWords: string, max = MAX_WORLD_MS, maxWords = MAX_WORLD_WORDS): NumberBound => ({ min, max, whole: true, words: `a duration in whole ms from ${minWords} to ${maxWords}` });
const fraction = (max: number): NumberBound => ({ min: 0, max, whole: false, words: `a number from 0 to ${max}` });
const bps: NumberBound = { min: 0, max: 10_000, whole: true, words: 'whole basis points from 0 to 10,000' };
const anyDuration = duration(0, '0');

/** The range of every number parameter (a test checks none is missing). */
export const NUMBER_BOUNDS: Record<string, NumberBound> = {
	chainId: whole(1, 4_294_967_295),
	l1BlockMs: duration(SECOND, '1 s', HOUR, '1 hour'),
	l1FinalityBlocks: whole(0, 10_000),
	l2BlockMs: duration(100, '100 ms', HOUR, '1 hour'),
	maxTxPerBlock: whole(1, 10_000),
	epochLength: whole(1, 100_000),
	batchSize: whole(1, 10_000),
	maxBatchDelayMs: anyDuration,
	// Zero would re-span (or give up a round) in the same moment forever.
	respanDelayMs: duration(SECOND, '1 s'),
	gossipDelayMs: anyDuration,
	reviewMs: anyDuration,
	signTimeoutMs: duration(SECOND, '1 s'),
	quorumNumerator: whole(1, 1000),
	quorumDenominator: whole(1, 1000),
	exitDelayMs: anyDuration,
	commissionBps: bps,
	sampleRate: fraction(1),
	validatorCheckMs: anyDuration,
	challengeWindowMs: anyDuration,
	zkProofBaseMs: anyDuration,
	zkProofPerTxMs: anyDuration,
	hybridProofDeadlineMs: anyDuration,
	zkProofDeadlineMs: anyDuration,
	disputeMoveMs: anyDuration,
	disputeClockMs: duration(1, '1 ms'),
	verificationCostGas: whole(0, 1_000_000_000_000),
	censorshipPatienceMs: anyDuration,
	slashFractionBps: bps,
	voteSlashFractionBps: bps,
	missingProofSlashBps: bps,
	challengerShareBps: bps,
	forceInclusionDelayMs: anyDuration,
	txPerSecond: fraction(1000),
	trafficFromMs: anyDuration,
	trafficUntilMs: anyDuration,
	swapShare: fraction(1),
	swapSlippageBps: bps,
	checkpointEveryMs: duration(SECOND, '1 s')
};

/** The words each text parameter may be. */
export const TEXT_CHOICES: Record<string, readonly string[]> = {
	quorumBy: ['count', 'stake'],
	quorumThreshold: ['at-least', 'more-than'],
	slashing: ['textbook', 'as-deployed'],
	forceInclusion: ['textbook', 'as-deployed']
};

/** Amount parameters that must be more than zero (the staking pool and the DEX refuse zero). */
const POSITIVE_AMOUNTS = new Set(['minStake', 'swapMaxMetis', 'dexMetis', 'dexUsd']);

/** What is wrong with one parameter's value (already of the right type), or null. */
export function paramBoundError(name: keyof WorldParams | string, value: unknown): string | null {
	const bound = NUMBER_BOUNDS[name];
	if (bound) {
		if (typeof value !== 'number' || !Number.isFinite(value)) return `expected ${bound.words}`;
		if (value < bound.min || value > bound.max || (bound.whole && !Number.isInteger(value))) return `expected ${bound.words}, not ${shortNumber(value)}`;
		return null;
	}
	const choices = TEXT_CHOICES[name];
	if (choices) return typeof value === 'string' && choices.includes(value) ? null : `expected one of ${choices.map((c) => `"${c}"`).join(', ')}`;
	if (typeof value === 'bigint') {
		if (value > MAX_AMOUNT_WEI) return `at most ${MAX_AMOUNT_WORDS}`;
		if (value <= 0n && POSITIVE_AMOUNTS.has(name)) return 'expected an amount of more than zero';
	}
	return null;
}

/** Every parameter outside its range, as `[name, message]` pairs. */
export function paramBoundErrors(p: WorldParams): [string, string][] {
	const out: [string, string][] = [];
	for (const name of Object.keys(DEFAULT_PARAMS)) {
		const message = paramBoundError(name, (p as unknown as Record<string, unknown>)[name]);
		if (message) out.push([name, message]);
	}
	return out;
}

/** What is wrong with a simulated time a file or link asks for, or null. */
export function timeBoundError(t: unknown): string | null {
	if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return 'expected a time in ms, zero or more';
	if (t > MAX_WORLD_MS) return `at most ${MAX_WORLD_WORDS} (${MAX_WORLD_MS.toLocaleString('en')} ms) of simulated time, not ${shortNumber(t)}`;
	return null;
}

/** A number short enough for a message (1e+300 stays 1e+300; 0.30000000000000004 is cut). */
export function shortNumber(n: number): string {
	const text = String(n);
	return text.length > 16 ? n.toPrecision(6) : text;
}
