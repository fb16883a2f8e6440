import { secp256k1 } from '@noble/curves/secp256k1.js';
import type { Hex } from 'viem';
import { keccak, rememberBounded, toHex } from './hex';

/** What a derived secret is for: the world seed, a purpose label and an index within it. */
export interface SecretPath {
	/** World seed; the number 7 and the string '7' name the same secrets (share URLs carry strings). */
	seed: number | string;
	/** Purpose, e.g. 'user' or 'sequencer-bls'; may not contain '/', which separates the parts. */
	label: string;
	/** Index within the label, a non-negative safe integer. */
	index: number;
}

const encoder = new TextEncoder();

/** The canonical string a secret is hashed from: `rollup-lab/${label}/${seed}/${index}`. */
export function secretPath({ seed, label, index }: SecretPath): string {
	// Label has no '/' and index is digits, so the string splits back into exactly one path.
	if (label.length === 0 || label.includes('/')) throw new Error(`secretPath: invalid label ${JSON.stringify(label)}`);
	if (!Number.isSafeInteger(index) || index < 0) throw new Error(`secretPath: invalid index ${index}`);
	if (typeof seed === 'number' && !Number.isFinite(seed)) throw new Error(`secretPath: invalid seed ${seed}`);
	return `rollup-lab/${label}/${String(seed)}/${index}`;
}

/** 32 secret bytes: keccak256 of the UTF-8 bytes of `secretPath(...)`. */
export function deriveSecret(path: SecretPath): Uint8Array {
	return keccak(encoder.encode(secretPath(path)));
}

/** A valid secp256k1 secret key for the path: deriveSecret, re-hashed while 0 or ≥ the curve order. */
export function secpSecretKey(path: SecretPath): Uint8Array {
	let secret = deriveSecret(path);
	// A keccak output is out of range with probability ~2^-128: the loop is for correctness only.
	while (!secp256k1.utils.isValidSecretKey(secret)) secret = keccak(secret);
	return secret;
}

const ADDRESS_MEMO_MAX = 4096;
const addressMemo = new Map<string, Hex>();

/** Ethereum address of a secp256k1 secret key: last 20 bytes of keccak(uncompressed pubkey without 0x04). */
export function addressOf(secretKey: Uint8Array): Hex {
	const key = toHex(secretKey);
	const known = addressMemo.get(key);
	if (known !== undefined) return known;
	return rememberBounded(addressMemo, key, addressOfPublicKey(secp256k1.getPublicKey(secretKey, false)), ADDRESS_MEMO_MAX);
}

/** Ethereum address of an uncompressed (65-byte, 0x04-prefixed) secp256k1 public key. */
export function addressOfPublicKey(publicKey: Uint8Array): Hex {
	if (publicKey.length !== 65 || publicKey[0] !== 4) throw new Error('addressOfPublicKey: expected a 65-byte uncompressed key');
	return toHex(keccak(publicKey.subarray(1)).subarray(12));
}
