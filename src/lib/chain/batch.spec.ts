import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { concat, encodeAbiParameters, keccak256, type Hex } from 'viem';
import { signingRoot, txRoot, type BatchHeader } from './batch';

const EMPTY_KECCAK = '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470';

function viemTxRoot(txs: Hex[]): Hex {
	return keccak256(concat(txs.map((tx) => keccak256(tx))));
}

function viemSigningRoot(h: BatchHeader): Hex {
	return keccak256(
		encodeAbiParameters(
			[{ type: 'uint256' }, { type: 'uint256' }, { type: 'bytes32' }, { type: 'bytes32' }, { type: 'bytes32' }],
			[BigInt(h.chainId), BigInt(h.batchIndex), h.prevStateRoot, h.stateRoot, h.txRoot]
		)
	);
}

const root = (byte: string): Hex => `0x${byte.repeat(32)}`;
const header: BatchHeader = { chainId: 59902, batchIndex: 7, prevStateRoot: root('11'), stateRoot: root('22'), txRoot: root('33') };

describe('txRoot', () => {
	it('is keccak256 of empty bytes for no transactions', () => {
		expect(txRoot([])).toBe(EMPTY_KECCAK);
		expect(viemTxRoot([])).toBe(EMPTY_KECCAK);
	});

	it.each<[string, Hex[]]>([
		['one tx', ['0x02f86a']],
		['two txs', ['0x02f86a', '0x02c0ffee']],
		['an empty tx', ['0x']],
		['three txs with a repeat', ['0x01', '0x02', '0x01']],
		['uppercase digits', ['0x02ABCDEF']]
	])('matches viem for %s', (_name, txs) => {
		expect(txRoot(txs)).toBe(viemTxRoot(txs.map((tx) => tx.toLowerCase() as Hex)));
		expect(txRoot(txs)).toMatch(/^0x[0-9a-f]{64}$/);
	});

	it('one tx is the keccak of that tx hash, not the tx hash itself', () => {
		expect(txRoot(['0x02f86a'])).toBe(keccak256(keccak256('0x02f86a')));
	});

	it('order matters', () => {
		expect(txRoot(['0x01', '0x02'])).not.toBe(txRoot(['0x02', '0x01']));
	});

	it('matches viem on random transaction lists', () => {
		const tx = fc.uint8Array({ maxLength: 120 }).map((b) => `0x${Buffer.from(b).toString('hex')}` as Hex);
		fc.assert(
			fc.property(fc.array(tx, { maxLength: 8 }), (txs) => {
				expect(txRoot(txs)).toBe(viemTxRoot(txs));
			})
		);
	});

	it('throws on a malformed transaction', () => {
		expect(() => txRoot(['0x123'])).toThrow();
	});
});

describe('signingRoot', () => {
	it('matches keccak256(abi.encode(...)) computed with viem', () => {
		expect(signingRoot(header)).toBe(viemSigningRoot(header));
	});

	it('is a known constant for a fixed header', () => {
		// 5 words: chainId, batchIndex, three roots; hashed independently of abi encoders.
		const words = ['000000000000000000000000000000000000000000000000000000000000e9fe', '0000000000000000000000000000000000000000000000000000000000000007', '11'.repeat(32), '22'.repeat(32), '33'.repeat(32)];
		expect(signingRoot(header)).toBe(keccak256(`0x${words.join('')}`));
	});

	it.each<[string, Partial<BatchHeader>]>([
		['chainId', { chainId: 1 }],
		['batchIndex', { batchIndex: 8 }],
		['prevStateRoot', { prevStateRoot: root('12') }],
		['stateRoot', { stateRoot: root('23') }],
		['txRoot', { txRoot: root('34') }]
	])('changes when %s changes', (_field, change) => {
		const changed = { ...header, ...change };
		expect(signingRoot(changed)).not.toBe(signingRoot(header));
		expect(signingRoot(changed)).toBe(viemSigningRoot(changed));
	});

	it('swapping the two state roots changes it', () => {
		expect(signingRoot({ ...header, prevStateRoot: header.stateRoot, stateRoot: header.prevStateRoot })).not.toBe(signingRoot(header));
	});

	it('treats uppercase and lowercase roots alike', () => {
		expect(signingRoot({ ...header, stateRoot: root('AB') })).toBe(signingRoot({ ...header, stateRoot: root('ab') }));
	});

	it.each<[string, Partial<BatchHeader>]>([
		['a negative chainId', { chainId: -1 }],
		['a fractional batchIndex', { batchIndex: 1.5 }],
		['a short root', { stateRoot: '0x1234' }],
		['a long root', { txRoot: `${root('33')}00` as Hex }],
		['a root without 0x', { prevStateRoot: '11'.repeat(32) as Hex }]
	])('rejects %s', (_name, change) => {
		expect(() => signingRoot({ ...header, ...change })).toThrow(RangeError);
	});
});
