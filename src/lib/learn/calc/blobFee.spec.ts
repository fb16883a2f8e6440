import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blobBaseFee, calldataGas, comparePosting, DATA_BYTES_PER_BLOB, excessAfterFullBlocks, fakeExponential, FORKS, GAS_PER_BLOB, type BatchPosting } from './blobFee';

const GWEI = 10n ** 9n;

describe('fakeExponential, as EIP-4844 specifies it', () => {
	it.each([
		// factor, numerator, denominator, result: worked through the EIP's integer loop by hand (10·e ≈ 27.18 → 27) or by its Python.
		[1n, 0n, 1n, 1n],
		[1n, 0n, 3_338_477n, 1n],
		[38_493n, 0n, 1000n, 38_493n],
		[0n, 1234n, 2345n, 0n],
		[1n, 1n, 1n, 2n],
		[10n, 10n, 10n, 27n],
		[1n, 2n, 1n, 6n],
		[1n, 4n, 2n, 6n],
		[1n, 3n, 1n, 16n],
		[1n, 6n, 2n, 18n],
		[1n, 4n, 1n, 49n],
		[1n, 8n, 2n, 50n],
		[10n, 8n, 2n, 542n],
		[11n, 8n, 2n, 596n],
		[1n, 5n, 1n, 136n],
		[1n, 5n, 2n, 11n],
		[2n, 5n, 2n, 23n],
		[1n, 50_000_000n, 2_225_652n, 5_709_098_764n],
		[1n, 3_338_477n, 3_338_477n, 2n],
		[1_000_000_000n, 3_338_477n, 3_338_477n, 2_718_281_828n]
	])('fake_exponential(%s, %s, %s) = %s', (factor, numerator, denominator, result) => expect(fakeExponential(factor, numerator, denominator)).toBe(result));

	it('never falls as the excess grows, and never passes factor·e^x by more than rounding', () => {
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: 60_000_000n }), fc.bigInt({ min: 1n, max: 2_000_000n }), (excess, step) => {
				const fraction = FORKS.pectra.updateFraction;
				const here = fakeExponential(1_000_000n, excess, fraction);
				expect(fakeExponential(1_000_000n, excess + step, fraction)).toBeGreaterThanOrEqual(here);
				expect(Number(here)).toBeLessThanOrEqual(1_000_000 * Math.exp(Number(excess) / Number(fraction)) + 1);
			})
		);
	});
});

describe('the blob base fee', () => {
	it.each([
		// fork, full blocks in a row from none, excess blob gas, fee in wei
		['dencun', 0n, 0n, 1n],
		['dencun', 1n, 393_216n, 1n],
		['dencun', 10n, 3_932_160n, 3n],
		['dencun', 100n, 39_321_600n, 130_392n],
		['pectra', 100n, 39_321_600n, 2571n],
		['bpo1', 100n, 65_536_000n, 2571n],
		['bpo2', 100n, 91_750_400n, 2571n]
	] as const)('%s after %s full blocks: excess %s, %s wei', (fork, blocks, excess, fee) => {
		expect(excessAfterFullBlocks(fork, blocks)).toBe(excess);
		expect(blobBaseFee(fork, excess, 10n * GWEI).market).toBe(fee);
	});

	it.each([
		// fork, execution base fee, reserve, charged: since Fusaka a blob costs at least BLOB_BASE_COST execution gas
		['pectra', 16n * GWEI, 0n, 1n],
		['bpo1', 16n * GWEI, GWEI, GWEI],
		['bpo2', 10n * GWEI, 625_000_000n, 625_000_000n],
		['bpo2', 0n, 0n, 1n]
	] as const)('%s at base fee %s wei: reserve %s, charged %s', (fork, baseFee, reserve, charged) => {
		expect(blobBaseFee(fork, 0n, baseFee)).toEqual({ market: 1n, reserve, charged });
	});

	it('charges the market price once it is above the reserve', () => {
		expect(blobBaseFee('bpo1', 200_000_000n, GWEI).charged).toBe(fakeExponential(1n, 200_000_000n, FORKS.bpo1.updateFraction));
	});
});

describe('calldataGas', () => {
	it.each([
		[0n, 0n, false, 0n],
		[1n, 0n, false, 4n],
		[0n, 1n, false, 16n],
		[1n, 0n, true, 10n],
		[0n, 1n, true, 40n],
		[976n, 249_024n, false, 3_988_288n],
		[976n, 249_024n, true, 9_970_720n]
	])('%s zero and %s non-zero bytes, floor %s: %s gas', (zero, nonZero, floor, gas) => expect(calldataGas(zero, nonZero, floor)).toBe(gas));
});

describe('comparePosting', () => {
	const batch: BatchPosting = { batchBytes: 1_000_000n, compressionCenti: 400n, baseFeePerGas: 10n * GWEI, excessBlobGas: 0n, fork: 'dencun' };

	it('posts a megabyte compressed four times in two blobs, and as calldata at 4 and 16 gas a byte under Dencun', () => {
		expect(comparePosting(batch)).toEqual({
			compressedBytes: 250_000n,
			blobs: 2n,
			blobTxs: 1n,
			blocksAtMax: 1n,
			blobPrice: { market: 1n, reserve: 0n, charged: 1n },
			blobCost: 2n * GAS_PER_BLOB + 21_000n * 10n * GWEI,
			calldataGas: 4_009_288n,
			calldataCost: 40_092_880n * GWEI,
			ratioTenths: 1909n,
			cheaper: { way: 'blobs', timesTenths: 1909n }
		});
	});

	it('pays the calldata floor under Pectra and the reserve price under BPO1', () => {
		expect(comparePosting({ ...batch, fork: 'pectra' })).toMatchObject({ calldataGas: 9_991_720n, calldataCost: 99_917_200n * GWEI });
		expect(comparePosting({ ...batch, fork: 'bpo1' })).toMatchObject({ blobPrice: { charged: 625_000_000n }, blobCost: 373_840n * GWEI, ratioTenths: 2672n });
	});

	it.each([
		// compressed bytes, fork, blobs, blob transactions, blocks at the maximum
		[1n, 'dencun', 1n, 1n, 1n],
		[DATA_BYTES_PER_BLOB, 'dencun', 1n, 1n, 1n],
		[DATA_BYTES_PER_BLOB + 1n, 'dencun', 2n, 1n, 1n],
		[DATA_BYTES_PER_BLOB * 50n, 'pectra', 50n, 6n, 6n],
		[DATA_BYTES_PER_BLOB * 50n, 'bpo1', 50n, 9n, 4n],
		[DATA_BYTES_PER_BLOB * 50n, 'bpo2', 50n, 9n, 3n]
	] as const)('%s bytes under %s: %s blobs in %s transactions over %s blocks', (bytes, fork, blobs, blobTxs, blocksAtMax) => {
		expect(comparePosting({ ...batch, batchBytes: bytes, compressionCenti: 100n, fork })).toMatchObject({ blobs, blobTxs, blocksAtMax });
	});

	it('costs both ways something at the lowest base fee, 1 wei, so both ratios are numbers', () => {
		expect(comparePosting({ ...batch, baseFeePerGas: 1n })).toMatchObject({ blobCost: 2n * GAS_PER_BLOB + 21_000n, calldataCost: 4_009_288n, ratioTenths: 141n, cheaper: { way: 'blobs', timesTenths: 141n } });
	});

	it.each([{ baseFeePerGas: 0n }, { batchBytes: 0n }, { compressionCenti: 99n }])('refuses %o', (change) => expect(() => comparePosting({ ...batch, ...change })).toThrow(RangeError));

	it('says so when calldata is the cheaper way: blobs priced far above the execution base fee', () => {
		const dear = comparePosting({ ...batch, baseFeePerGas: 1n, excessBlobGas: 100_000_000n });
		expect(dear.cheaper.way).toBe('calldata');
		expect(dear.cheaper.timesTenths).toBe((dear.blobCost * 10n) / dear.calldataCost);
	});
});
