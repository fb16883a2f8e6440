/**
 * What posting one batch to Ethereum costs as calldata and as EIP-4844 blobs, fork by fork, with
 * the EIPs' own integer arithmetic: `fake_exponential` for the blob base fee (EIP-4844), 4 and 16
 * gas a byte for calldata (EIP-2028), its floor of 10 and 40 since Pectra (EIP-7623), and the
 * blob reserve price since Fusaka (EIP-7918). Amounts in wei, as bigint.
 */

/** Blob gas one blob uses (EIP-4844 `GAS_PER_BLOB`, 2**17). */
export const GAS_PER_BLOB = 131_072n;
/** The blob base fee with no excess blob gas, in wei (EIP-4844). */
export const MIN_BASE_FEE_PER_BLOB_GAS = 1n;
/** A blob's field elements (EIP-4844 `FIELD_ELEMENTS_PER_BLOB`) of 32 bytes each: 128 KiB. */
export const FIELD_ELEMENTS_PER_BLOB = 4096n;
/** Bytes of data a blob carries when each field element holds 31 (a 32-byte element must stay below the BLS modulus). */
export const DATA_BYTES_PER_BLOB = FIELD_ELEMENTS_PER_BLOB * 31n;
/** Execution gas whose price is the blob reserve price (EIP-7918 `BLOB_BASE_COST`, 2**13). */
export const BLOB_BASE_COST = 8192n;
/** Gas every transaction pays before its data (EIP-7623's formula starts from it). */
export const TX_BASE_GAS = 21_000n;
/** Calldata gas a token, and tokens a non-zero byte (EIP-7623 `STANDARD_TOKEN_COST`: 4 a zero byte, 16 a non-zero one as EIP-2028 set). */
export const STANDARD_TOKEN_COST = 4n;
/** The calldata floor per token since Pectra (EIP-7623 `TOTAL_COST_FLOOR_PER_TOKEN`): 10 a zero byte, 40 a non-zero one. */
export const TOTAL_COST_FLOOR_PER_TOKEN = 10n;
/** Tokens a non-zero calldata byte counts for (EIP-7623). */
const NON_ZERO_TOKENS = 4n;
/** Most blobs one transaction may carry since Fusaka (EIP-7594). */
export const MAX_BLOBS_PER_TX_FUSAKA = 6;

/** A fork's blob schedule and the fee rules in force. */
export interface ForkRules {
	/** Blobs a block aims at. */
	target: number;
	/** Most blobs in a block. */
	max: number;
	/** `BLOB_BASE_FEE_UPDATE_FRACTION`: how fast the blob base fee moves. */
	updateFraction: bigint;
	/** Whether calldata pays EIP-7623's floor (since Pectra). */
	calldataFloor: boolean;
	/** Whether EIP-7918's reserve price and EIP-7594's 6 blobs a transaction apply (since Fusaka). */
	fusaka: boolean;
}

/** The forks, in order: Dencun (EIP-4844), Pectra (EIP-7691), and Fusaka's first two blob-parameter forks. */
export const FORKS = {
	dencun: { target: 3, max: 6, updateFraction: 3_338_477n, calldataFloor: false, fusaka: false },
	pectra: { target: 6, max: 9, updateFraction: 5_007_716n, calldataFloor: true, fusaka: false },
	bpo1: { target: 10, max: 15, updateFraction: 8_346_193n, calldataFloor: true, fusaka: true },
	bpo2: { target: 14, max: 21, updateFraction: 11_684_671n, calldataFloor: true, fusaka: true }
} as const satisfies Record<string, ForkRules>;

/** A fork's id. */
export type ForkId = keyof typeof FORKS;

/** The fork ids in order. */
export const FORK_IDS = Object.keys(FORKS) as ForkId[];

/** `factor * e ** (numerator / denominator)`, approximated exactly as EIP-4844 specifies (a Taylor series in integers). */
export function fakeExponential(factor: bigint, numerator: bigint, denominator: bigint): bigint {
	let i = 1n;
	let output = 0n;
	let accum = factor * denominator;
	while (accum > 0n) {
		output += accum;
		accum = (accum * numerator) / (denominator * i);
		i += 1n;
	}
	return output / denominator;
}

/** Excess blob gas after `blocks` blocks in a row at the maximum, starting from none: each adds `max − target` blobs. */
export function excessAfterFullBlocks(fork: ForkId, blocks: bigint): bigint {
	const { target, max } = FORKS[fork];
	return blocks * BigInt(max - target) * GAS_PER_BLOB;
}

/** The blob base fee per blob gas, in wei: the market price from the excess, EIP-7918's reserve, and what a blob is charged. */
export interface BlobPrice {
	/** `fake_exponential(MIN_BASE_FEE_PER_BLOB_GAS, excess_blob_gas, update_fraction)`. */
	market: bigint;
	/** `BLOB_BASE_COST × base_fee_per_gas ÷ GAS_PER_BLOB` since Fusaka, else 0. */
	reserve: bigint;
	/**
	 * The higher of the two. EIP-7918 does not clamp a block's fee: while the market price is below
	 * the reserve it stops the excess from falling, so the fee climbs back to it. Charging the higher
	 * is the price a chain settles at, not the fee of one particular block.
	 */
	charged: bigint;
}

/** The blob base fee for `excessBlobGas` under `fork`, with the execution base fee `baseFeePerGas` (wei). */
export function blobBaseFee(fork: ForkId, excessBlobGas: bigint, baseFeePerGas: bigint): BlobPrice {
	const rules = FORKS[fork];
	const market = fakeExponential(MIN_BASE_FEE_PER_BLOB_GAS, excessBlobGas, rules.updateFraction);
	const reserve = rules.fusaka ? (BLOB_BASE_COST * baseFeePerGas) / GAS_PER_BLOB : 0n;
	return { market, reserve, charged: market > reserve ? market : reserve };
}

/** Gas the data of a data-heavy transaction costs: 4 a token (a zero byte is 1 token, a non-zero 4), or the floor of 10 a token when it applies. */
export function calldataGas(zeroBytes: bigint, nonZeroBytes: bigint, floor: boolean): bigint {
	const tokens = zeroBytes + nonZeroBytes * NON_ZERO_TOKENS;
	return tokens * (floor ? TOTAL_COST_FLOOR_PER_TOKEN : STANDARD_TOKEN_COST);
}

/** One batch to post. */
export interface BatchPosting {
	/** The batch's size before compression, in bytes. */
	batchBytes: bigint;
	/** How many times smaller compression makes it, in hundredths (3.5× is 350). */
	compressionCenti: bigint;
	/** Ethereum's execution base fee, in wei per gas: at least 1 (EIP-1559's integer steps never take a positive fee to 0). */
	baseFeePerGas: bigint;
	/** The block's excess blob gas. */
	excessBlobGas: bigint;
	/** The fork in force. */
	fork: ForkId;
}

/** The batch posted both ways. */
export interface PostingCost {
	/** Bytes after compression. */
	compressedBytes: bigint;
	/** Blobs they fill (the last one partly: a blob is paid whole). */
	blobs: bigint;
	/** Blob transactions needed (a block's maximum, or 6 a transaction since Fusaka). */
	blobTxs: bigint;
	/** Blocks needed if each carries the maximum. */
	blocksAtMax: bigint;
	/** The blob base fee. */
	blobPrice: BlobPrice;
	/** Wei to post as blobs: their blob gas plus each transaction's base gas. */
	blobCost: bigint;
	/** Gas to post as calldata, base gas included. */
	calldataGas: bigint;
	/** Wei to post as calldata. */
	calldataCost: bigint;
	/** Calldata's cost over the blobs', in tenths, rounded down (never a division by zero: a blob costs at least 1 wei a gas). */
	ratioTenths: bigint;
	/** Which way is cheaper, and how many times (the dearer cost over the cheaper, in tenths, rounded down). */
	cheaper: { way: 'blobs' | 'calldata'; timesTenths: bigint };
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** Compares posting `batch` as calldata and as blobs. Compressed bytes look random, so one in 256 is taken to be zero. */
export function comparePosting(batch: BatchPosting): PostingCost {
	if (batch.baseFeePerGas < 1n || batch.batchBytes < 1n || batch.compressionCenti < 100n) throw new RangeError('comparePosting: a base fee of at least 1 wei, at least 1 byte and a compression ratio of at least 1');
	const rules = FORKS[batch.fork];
	const compressedBytes = ceilDiv(batch.batchBytes * 100n, batch.compressionCenti);
	const blobs = ceilDiv(compressedBytes, DATA_BYTES_PER_BLOB);
	const blobTxs = ceilDiv(blobs, BigInt(rules.fusaka ? Math.min(MAX_BLOBS_PER_TX_FUSAKA, rules.max) : rules.max));
	const blobPrice = blobBaseFee(batch.fork, batch.excessBlobGas, batch.baseFeePerGas);
	const blobCost = blobs * GAS_PER_BLOB * blobPrice.charged + blobTxs * TX_BASE_GAS * batch.baseFeePerGas;
	const zeroBytes = compressedBytes / 256n;
	const gas = TX_BASE_GAS + calldataGas(zeroBytes, compressedBytes - zeroBytes, rules.calldataFloor);
	const calldataCost = gas * batch.baseFeePerGas;
	const cheaper = calldataCost < blobCost ? { way: 'calldata' as const, timesTenths: (blobCost * 10n) / calldataCost } : { way: 'blobs' as const, timesTenths: (calldataCost * 10n) / blobCost };
	return { compressedBytes, blobs, blobTxs, blocksAtMax: ceilDiv(blobs, BigInt(rules.max)), blobPrice, blobCost, calldataGas: gas, calldataCost, ratioTenths: (calldataCost * 10n) / blobCost, cheaper };
}
