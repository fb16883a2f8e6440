import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { readSigningKey, SIGNING_KEY, signingKey, signingKeyFileText, type KeyStorage } from './signingKey';

const KEY: Hex = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

/** An in-memory stand-in for localStorage. */
function fakeStorage(entries: Record<string, string> = {}): KeyStorage & { entries: Record<string, string> } {
	return { entries, getItem: (k) => entries[k] ?? null, setItem: (k, v) => void (entries[k] = v) };
}

describe('the signing key', () => {
	it('is made once, kept under its key, and reused', () => {
		const storage = fakeStorage();
		const first = signingKey({ storage });
		expect(first.kept).toBe(true);
		expect(storage.entries[SIGNING_KEY]).toBe(first.privateKey);
		expect(first.privateKey).toMatch(/^0x[0-9a-f]{64}$/);
		const again = signingKey({ storage, generate: () => KEY });
		expect(again.privateKey).toBe(first.privateKey);
		expect(again.account.address).toBe(first.account.address);
	});

	it.each([
		['nothing', undefined],
		['junk', 'not a key'],
		['zero', `0x${'0'.repeat(64)}`],
		['the curve order', '0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141'],
		['too short', '0x1234']
	])('replaces %s under the key with a new one', (_, stored) => {
		const storage = fakeStorage(stored === undefined ? {} : { [SIGNING_KEY]: stored });
		expect(readSigningKey(storage)).toBeNull();
		const key = signingKey({ storage, generate: () => KEY });
		expect(key).toMatchObject({ privateKey: KEY, kept: true });
		expect(key.account.address).toBe(privateKeyToAccount(KEY).address);
	});

	it('reads a key written in capitals', () => {
		expect(readSigningKey(fakeStorage({ [SIGNING_KEY]: KEY.toUpperCase().replace('0X', '0x') }))?.privateKey).toBe(KEY);
	});

	it.each([
		['no storage', null],
		['storage that refuses', { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } }],
		['storage that is blocked', { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } }]
	])('lives in memory only with %s', (_, storage) => {
		expect(readSigningKey(storage)).toBeNull();
		expect(signingKey({ storage, generate: () => KEY })).toMatchObject({ privateKey: KEY, kept: false });
	});

	it('can be saved as a file holding the address and the key', () => {
		const key = signingKey({ storage: fakeStorage(), generate: () => KEY });
		expect(JSON.parse(signingKeyFileText(key))).toEqual({ format: 'rollup-lab/signing-key', version: 1, address: privateKeyToAccount(KEY).address.toLowerCase(), privateKey: KEY });
	});
});
