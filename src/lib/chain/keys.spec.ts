import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { privateKeyToAddress } from 'viem/accounts';
import { keccak256, stringToBytes } from 'viem';
import { addressOf, addressOfPublicKey, deriveSecret, secpSecretKey, secretPath } from './keys';
import { fromHex, toHex } from './hex';

describe('deriveSecret', () => {
	it.each([
		{ seed: 7, label: 'user', index: 0, path: 'rollup-lab/user/7/0' },
		{ seed: 'abc', label: 'sequencer-bls', index: 20, path: 'rollup-lab/sequencer-bls/abc/20' },
		{ seed: 'é/ü', label: 'user', index: 3, path: 'rollup-lab/user/é/ü/3' }
	])('hashes $path', ({ seed, label, index, path }) => {
		expect(secretPath({ seed, label, index })).toBe(path);
		const secret = deriveSecret({ seed, label, index });
		expect(secret).toHaveLength(32);
		expect(toHex(secret)).toBe(keccak256(stringToBytes(path)));
	});

	it('is deterministic and treats a number seed like its string', () => {
		expect(deriveSecret({ seed: 42, label: 'user', index: 1 })).toEqual(deriveSecret({ seed: '42', label: 'user', index: 1 }));
	});

	it.each([
		{ a: { seed: 1, label: 'user', index: 0 }, b: { seed: 2, label: 'user', index: 0 } },
		{ a: { seed: 1, label: 'user', index: 0 }, b: { seed: 1, label: 'user', index: 1 } },
		{ a: { seed: 1, label: 'user', index: 0 }, b: { seed: 1, label: 'sequencer', index: 0 } }
	])('differs when one part differs ($b.seed/$b.label/$b.index)', ({ a, b }) => {
		expect(toHex(deriveSecret(a))).not.toBe(toHex(deriveSecret(b)));
	});

	it.each([
		{ seed: 1, label: 'a/b', index: 0 },
		{ seed: 1, label: '', index: 0 },
		{ seed: 1, label: 'user', index: -1 },
		{ seed: 1, label: 'user', index: 1.5 },
		{ seed: Number.NaN, label: 'user', index: 0 }
	])('rejects an ambiguous path $label/$seed/$index', (path) => {
		expect(() => deriveSecret(path)).toThrow();
	});
});

describe('secpSecretKey / addressOf', () => {
	it.each([0, 1, 2, 99])('user %i gets a valid key whose address matches viem', (index) => {
		const secretKey = secpSecretKey({ seed: 'lab', label: 'user', index });
		expect(secp256k1.utils.isValidSecretKey(secretKey)).toBe(true);
		const address = addressOf(secretKey);
		expect(address).toMatch(/^0x[0-9a-f]{40}$/);
		expect(address).toBe(privateKeyToAddress(toHex(secretKey)).toLowerCase());
	});

	it.each([
		{ secretKey: '0x0000000000000000000000000000000000000000000000000000000000000001', address: '0x7e5f4552091a69125d5dfcb7b8c2659029395bdf' },
		{ secretKey: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80', address: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266' }
	])('known address of $secretKey', ({ secretKey, address }) => {
		expect(addressOf(fromHex(secretKey))).toBe(address);
		expect(addressOf(fromHex(secretKey))).toBe(address);
	});

	it('rejects a compressed public key', () => {
		expect(() => addressOfPublicKey(secp256k1.getPublicKey(fromHex('0x01'.padEnd(66, '0'))))).toThrow(/uncompressed/);
	});
});
