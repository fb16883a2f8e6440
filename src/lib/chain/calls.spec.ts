import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeAbiParameters, keccak256, toHex, type Hex } from 'viem';
import { DEX_ADDRESS, FEE_VAULT_ADDRESS, decodeCall, encodeSwap } from './calls';

const SWAP_SELECTOR = keccak256(toHex('swap(bool,uint256,uint256)')).slice(0, 10) as Hex;

function manualSwap(metisIn: boolean, amountIn: bigint, minOut: bigint): Hex {
	const words = encodeAbiParameters([{ type: 'bool' }, { type: 'uint256' }, { type: 'uint256' }], [metisIn, amountIn, minOut]);
	return `${SWAP_SELECTOR}${words.slice(2)}` as Hex;
}

describe('addresses', () => {
	it.each([
		['DEX_ADDRESS', DEX_ADDRESS],
		['FEE_VAULT_ADDRESS', FEE_VAULT_ADDRESS]
	])('%s is a lowercase 20-byte address', (_name, address) => {
		expect(address).toMatch(/^0x[0-9a-f]{40}$/);
	});

	it('the DEX and the fee vault are different accounts', () => {
		expect(DEX_ADDRESS).not.toBe(FEE_VAULT_ADDRESS);
	});
});

describe('encodeSwap', () => {
	it('uses the selector of swap(bool,uint256,uint256)', () => {
		expect(SWAP_SELECTOR).toBe('0x08c84c21');
		expect(encodeSwap({ metisIn: true, amountIn: 1n, minOut: 0n }).slice(0, 10)).toBe(SWAP_SELECTOR);
	});

	it.each([
		[true, 10n ** 18n, 0n],
		[false, 123_456_789n, 42n],
		[true, 0n, 0n],
		[false, 2n ** 256n - 1n, 2n ** 256n - 1n]
	])('swap(%s, %s, %s) is the ABI encoding', (metisIn, amountIn, minOut) => {
		const data = encodeSwap({ metisIn, amountIn, minOut });
		expect(data).toBe(manualSwap(metisIn, amountIn, minOut));
		expect(data).toMatch(/^0x[0-9a-f]{200}$/);
	});
});

describe('decodeCall', () => {
	it('round-trips any swap', () => {
		fc.assert(
			fc.property(fc.boolean(), fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (metisIn, amountIn, minOut) => {
				expect(decodeCall(encodeSwap({ metisIn, amountIn, minOut }))).toEqual({ kind: 'swap', metisIn, amountIn, minOut });
			})
		);
	});

	it('accepts uppercase hex digits', () => {
		const data = encodeSwap({ metisIn: false, amountIn: 0xabcdefn, minOut: 1n });
		expect(decodeCall(`0x${data.slice(2).toUpperCase()}`)).toEqual({ kind: 'swap', metisIn: false, amountIn: 0xabcdefn, minOut: 1n });
	});

	const valid = encodeSwap({ metisIn: true, amountIn: 5n, minOut: 1n });
	it.each<[string, Hex]>([
		['empty data', '0x'],
		['a bare selector', SWAP_SELECTOR],
		['an unknown selector', `0xdeadbeef${valid.slice(10)}`],
		['truncated arguments', valid.slice(0, -2) as Hex],
		['trailing bytes', `${valid}00`],
		['a bool that is neither 0 nor 1', `${SWAP_SELECTOR}${'0'.repeat(63)}2${valid.slice(74)}`],
		['not hex at all', '0xzz' as Hex]
	])('returns null for %s', (_name, data) => {
		expect(decodeCall(data)).toBeNull();
	});
});
