import { describe, expect, it } from 'vitest';
import { parseTransaction, recoverTransactionAddress, serializeTransaction, type Hex, type TransactionSerializedEIP1559 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { addressOf, secpSecretKey } from './keys';
import { cryptoStats, resetCryptoStats } from './stats';
import { L2_CHAIN_ID, decodeTx, recoverSender, signTx, signingHash, type TxRequest } from './tx';
import { fromHex, keccakHex, toHex } from './hex';

const alice = secpSecretKey({ seed: 'tx-spec', label: 'user', index: 0 });
const bob = secpSecretKey({ seed: 'tx-spec', label: 'user', index: 1 });
const gwei = 1_000_000_000n;
const base: TxRequest = {
	nonce: 0,
	to: addressOf(bob),
	value: 10n ** 18n,
	data: '0x',
	gas: 21_000n,
	maxFeePerGas: 2n * gwei,
	maxPriorityFeePerGas: gwei
};

const cases: { name: string; request: TxRequest; key: Uint8Array }[] = [
	{ name: 'a transfer', request: base, key: alice },
	{ name: 'a contract call with data', request: { ...base, to: '0x00000000000000000000000000000000000000aa', value: 0n, gas: 90_000n, data: '0xa9059cbb000000000000000000000000000000000000000000000000000000000000beef' }, key: bob },
	{ name: 'zero value and zero fees', request: { ...base, value: 0n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n }, key: alice },
	{ name: 'a large nonce', request: { ...base, nonce: 2 ** 40 + 3 }, key: bob },
	{ name: 'another chain id', request: { ...base, chainId: 1088 }, key: alice }
];

function flipByte(raw: Hex, fromEnd: number): Hex {
	const bytes = fromHex(raw);
	bytes[bytes.length - fromEnd] ^= 0x01;
	return toHex(bytes);
}

describe('signTx', () => {
	it.each(cases)('$name parses with viem and recovers the sender', async ({ request, key }) => {
		const raw = signTx(request, key);
		expect(raw).toMatch(/^0x02[0-9a-f]+$/);
		const parsed = parseTransaction(raw);
		expect(parsed).toMatchObject({ type: 'eip1559', chainId: request.chainId ?? L2_CHAIN_ID, to: request.to });
		expect(parsed.nonce ?? 0).toBe(request.nonce);
		expect(parsed.value ?? 0n).toBe(request.value);
		expect((await recoverTransactionAddress({ serializedTransaction: raw as TransactionSerializedEIP1559 })).toLowerCase()).toBe(addressOf(key));
		expect(recoverSender(raw)).toBe(addressOf(key));
	});

	it.each(cases)("$name is byte-identical to viem's own signer", async ({ request, key }) => {
		const viaViem = await privateKeyToAccount(toHex(key)).signTransaction({ type: 'eip1559', chainId: L2_CHAIN_ID, ...request });
		expect(signTx(request, key)).toBe(viaViem);
	});

	it.each(cases)('$name decodes back to the request', ({ request, key }) => {
		const raw = signTx(request, key);
		const decoded = decodeTx(raw);
		expect(decoded).toMatchObject({ ...request, chainId: request.chainId ?? L2_CHAIN_ID, hash: keccakHex(fromHex(raw)), yParity: expect.any(Number) });
		expect(decoded?.r).toMatch(/^0x[0-9a-f]{64}$/);
		expect(BigInt(decoded!.s)).toBeLessThanOrEqual(0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n);
	});

	it('is deterministic (RFC 6979) and the signing hash commits to every field', () => {
		expect(signTx(base, alice)).toBe(signTx(base, alice));
		const hashes = new Set(
			[base, { ...base, nonce: 1 }, { ...base, value: 1n }, { ...base, data: '0x01' as Hex }, { ...base, gas: 21_001n }, { ...base, chainId: 1 }].map((r) => toHex(signingHash(r)))
		);
		expect(hashes.size).toBe(6);
	});

	it('counts signatures, recoveries and memo hits', () => {
		resetCryptoStats();
		const raw = signTx({ ...base, nonce: 77 }, alice);
		recoverSender(raw);
		recoverSender(raw);
		expect(cryptoStats).toMatchObject({ secpSign: 1, secpRecover: 1, secpRecoverMemoHits: 1 });
	});
});

describe('tampering and garbage', () => {
	const raw = signTx(base, alice);
	const decoded = decodeTx(raw)!;
	// 10^18 wei is RLP 0x88 0de0b6b3a7640000; flipping its last byte makes the value 10^18 + 1.
	const valueAt = raw.indexOf('880de0b6b3a7640000');
	const valueTampered = `${raw.slice(0, valueAt + 16)}01${raw.slice(valueAt + 18)}` as Hex;

	it.each([
		{ name: 'a flipped bit in s', tampered: flipByte(raw, 1) },
		{ name: 'a flipped bit in r', tampered: flipByte(raw, 40) },
		{ name: 'a flipped bit in value', tampered: valueTampered },
		{ name: 'another yParity', tampered: signTxWithParity(raw, 1 - decoded.yParity) }
	])('$name recovers someone else or nobody', ({ tampered }) => {
		expect(tampered).not.toBe(raw);
		expect(recoverSender(tampered)).not.toBe(addressOf(alice));
	});

	it('a flipped value bit still parses, and recovers a different (random) sender', () => {
		expect(valueAt).toBeGreaterThan(0);
		expect(decodeTx(valueTampered)?.value).toBe(base.value + 1n);
		expect(recoverSender(valueTampered)).toMatch(/^0x[0-9a-f]{40}$/);
		expect(recoverSender(valueTampered)).not.toBe(addressOf(alice));
	});

	it('a malleated (high-s) signature is valid ECDSA for the same sender, but EIP-2 rejects it', async () => {
		expect((await recoverTransactionAddress({ serializedTransaction: malleate(raw) as TransactionSerializedEIP1559 })).toLowerCase()).toBe(addressOf(alice));
		expect(decodeTx(malleate(raw))?.s).not.toBe(decoded.s);
		expect(recoverSender(malleate(raw))).toBeNull();
	});

	it.each([
		{ name: 'empty', raw: '0x' },
		{ name: 'not hex', raw: 'hello' },
		{ name: 'odd length', raw: raw.slice(0, -1) },
		{ name: 'uppercase', raw: raw.toUpperCase().replace('0X', '0x') },
		{ name: 'truncated', raw: raw.slice(0, -10) },
		{ name: 'a legacy-looking prefix', raw: `0xf8${raw.slice(4)}` },
		{ name: 'type 1', raw: `0x01${raw.slice(4)}` },
		{ name: 'unsigned', raw: serializeTransaction({ type: 'eip1559', chainId: L2_CHAIN_ID, ...base }) },
		{ name: 'a list prefix only', raw: `0x02${raw.slice(4, 6)}` },
		{ name: 'nonce 0 encoded as 0x00, not 0x80', raw: raw.replace(/^(0x02f8[0-9a-f]{2}82e9fe)80/, '$100') },
		{ name: 'type byte only', raw: '0x02' },
		{ name: 'trailing bytes', raw: `${raw}00` },
		{ name: 'a number', raw: 42 as unknown as Hex },
		{ name: 'undefined', raw: undefined as unknown as Hex }
	])('$name gives null without throwing', ({ raw: input }) => {
		expect(input).not.toBe(raw);
		expect(() => recoverSender(input as Hex)).not.toThrow();
		expect(recoverSender(input as Hex)).toBeNull();
		expect(decodeTx(input as Hex)).toBeNull();
	});
});

/** Re-serializes with the other recovery bit by flipping the byte before r's length prefix. */
function signTxWithParity(raw: Hex, yParity: number): Hex {
	const bytes = fromHex(raw);
	// ... yParity | 0xa0 r(32) | 0xa0 s(32): yParity is 67 bytes before the end (0x80 encodes 0, 0x01 encodes 1).
	bytes[bytes.length - 67] = yParity === 1 ? 0x01 : 0x80;
	return toHex(bytes);
}

/** s → n − s with the other parity: a valid ECDSA signature for the same sender that EIP-2 forbids. */
function malleate(raw: Hex): Hex {
	const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
	const bytes = fromHex(raw);
	const s = BigInt(toHex(bytes.subarray(bytes.length - 32)));
	bytes.set(fromHex((n - s).toString(16).padStart(64, '0')), bytes.length - 32);
	const parityAt = bytes.length - 67;
	bytes[parityAt] = bytes[parityAt] === 0x01 ? 0x80 : 0x01;
	return toHex(bytes);
}
