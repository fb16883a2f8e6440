import { describe, expect, it } from 'vitest';
import { BLOB_DEFAULTS, readBlobForm, startingPosting } from './blobForm';

const { fork, mode, texts } = BLOB_DEFAULTS;

describe('readBlobForm', () => {
	it('makes its defaults into a megabyte compressed four times at 10 gwei under BPO2', () => {
		const form = readBlobForm(fork, mode, texts);
		expect(form.result?.posting).toEqual({ batchBytes: 1_000_000n, compressionCenti: 400n, baseFeePerGas: 10_000_000_000n, excessBlobGas: 0n, fork: 'bpo2' });
		expect(form.result?.cost.blobs).toBe(2n);
		expect(form.problems).toEqual({});
		expect(startingPosting()).toEqual(form.result);
	});

	it('derives the excess from full blocks in a row, or takes it as written', () => {
		expect(readBlobForm('dencun', 'blocks', { ...texts, fullBlocks: '10', excess: 'ignored' }).result?.posting.excessBlobGas).toBe(3_932_160n);
		expect(readBlobForm('dencun', 'excess', { ...texts, fullBlocks: 'ignored', excess: '123' }).result?.posting.excessBlobGas).toBe(123n);
	});

	it.each([
		['blocks', 'fullBlocks', '101', { kind: 'above', max: '100' }],
		['excess', 'excess', '1e300', { kind: 'above', max: '100,000,000' }],
		['blocks', 'baseFee', '0', { kind: 'below', min: '0.000000001' }],
		['blocks', 'compression', '0.5', { kind: 'below', min: '1' }],
		['blocks', 'batchBytes', '1.5', { kind: 'too-precise', decimals: 0 }]
	] as const)('in %s mode refuses %s = %j', (m, field, text, problem) => {
		expect(readBlobForm(fork, m, { ...texts, [field]: text })).toEqual({ result: null, problems: { [field]: problem } });
	});
});
