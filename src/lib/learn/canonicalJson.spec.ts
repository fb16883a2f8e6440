import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keccak256, stringToHex } from 'viem';
import { canonicalJson, contentHash } from './canonicalJson';

/** Reverses key order at every level, to show the canonical text does not depend on it. */
function reversed(x: unknown): unknown {
	if (Array.isArray(x)) return x.map(reversed);
	if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).reverse().map(([k, v]) => [k, reversed(v)]));
	return x;
}

describe('canonicalJson', () => {
	it.each([
		[null, 'null'],
		[true, 'true'],
		[0, '0'],
		[-0, '0'],
		[1.5, '1.5'],
		[1e21, '1e+21'],
		['a"b\n', '"a\\"b\\n"'],
		['é', '"é"'],
		[[3, 1, 2], '[3,1,2]'],
		[{ b: 1, a: { d: [], c: {} } }, '{"a":{"c":{},"d":[]},"b":1}'],
		[{ B: 1, a: 2, _: 3, '10': 4, '9': 5 }, '{"10":4,"9":5,"B":1,"_":3,"a":2}']
	])('writes %j as %s', (value, text) => {
		expect(canonicalJson(value)).toBe(text);
	});

	it.each([[undefined], [NaN], [Infinity], [1n], [() => 1], [{ a: undefined }]])('refuses %s', (value) => {
		expect(() => canonicalJson(value)).toThrow(TypeError);
	});

	it('is the same text whatever the key order, and reads back as the same value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const text = canonicalJson(value);
				expect(canonicalJson(reversed(value))).toBe(text);
				expect(canonicalJson(JSON.parse(text))).toBe(text);
			})
		);
	});

	it('hashes the UTF-8 bytes of the canonical text', () => {
		expect(contentHash({ b: 'é', a: 1 })).toBe(keccak256(stringToHex('{"a":1,"b":"é"}')));
		expect(contentHash({ a: 1, b: 'é' })).toBe(contentHash({ b: 'é', a: 1 }));
		expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
	});
});
