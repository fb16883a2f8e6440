import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, keccak256 } from 'viem';
import { concatBytes, fromHex, keccak, keccakHex, rememberBounded, toHex } from './hex';

describe('toHex / fromHex', () => {
	it.each([
		{ bytes: [], hex: '0x' },
		{ bytes: [0], hex: '0x00' },
		{ bytes: [0x0f, 0xf0], hex: '0x0ff0' },
		{ bytes: [0xde, 0xad, 0xbe, 0xef], hex: '0xdeadbeef' },
		{ bytes: [255, 1, 16, 171], hex: '0xff0110ab' }
	])('$hex round-trips', ({ bytes, hex }) => {
		expect(toHex(Uint8Array.from(bytes))).toBe(hex);
		expect(Array.from(fromHex(hex))).toEqual(bytes);
	});

	it('agrees with viem on every byte value', () => {
		const all = Uint8Array.from({ length: 256 }, (_, i) => i);
		expect(toHex(all)).toBe(bytesToHex(all));
		expect(fromHex(bytesToHex(all))).toEqual(hexToBytes(bytesToHex(all)));
	});

	it.each([
		{ input: 'DEADBEEF', bytes: [0xde, 0xad, 0xbe, 0xef] },
		{ input: '0XaBcD', bytes: [0xab, 0xcd] },
		{ input: '', bytes: [] }
	])('fromHex accepts $input', ({ input, bytes }) => {
		expect(Array.from(fromHex(input))).toEqual(bytes);
	});

	it.each([
		{ input: '0x0', message: /odd/ },
		{ input: '0xabc', message: /odd/ },
		{ input: '0xzz', message: /invalid hex digit "z"/ },
		{ input: '0x0g', message: /invalid hex digit "g" at index 3/ },
		{ input: '0x 1', message: /invalid hex digit/ },
		{ input: '0x€1', message: /invalid hex digit/ }
	])('fromHex rejects $input', ({ input, message }) => {
		expect(() => fromHex(input)).toThrow(message);
	});
});

describe('concatBytes', () => {
	it.each([
		{ parts: [], out: [] },
		{ parts: [[1, 2]], out: [1, 2] },
		{ parts: [[1], [], [2, 3], [4]], out: [1, 2, 3, 4] }
	])('concatenates $parts', ({ parts, out }) => {
		expect(Array.from(concatBytes(...parts.map((part) => Uint8Array.from(part))))).toEqual(out);
	});
});

describe('keccak', () => {
	it.each([
		{ input: '', digest: '0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470' },
		{ input: 'abc', digest: '0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45' }
	])('keccak256($input) is the Ethereum digest', ({ input, digest }) => {
		const bytes = new TextEncoder().encode(input);
		expect(keccakHex(bytes)).toBe(digest);
		expect(toHex(keccak(bytes))).toBe(keccak256(bytes));
	});
});

describe('rememberBounded', () => {
	it('drops the oldest entry past the bound', () => {
		const map = new Map<string, number>();
		for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) rememberBounded(map, key, i, 3);
		expect([...map.keys()]).toEqual(['b', 'c', 'd']);
		rememberBounded(map, 'c', 9, 3);
		expect([...map.entries()]).toEqual([['b', 1], ['c', 9], ['d', 3]]);
	});
});
