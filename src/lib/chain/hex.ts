import { keccak_256 } from '@noble/hashes/sha3.js';
import type { Hex } from 'viem';

// Table lookups instead of toString(16)/parseInt: these run hundreds of thousands of times a run.
const BYTE_TO_HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
	NIBBLE[97 + i] = 10 + i;
	NIBBLE[65 + i] = 10 + i;
}

/** Encodes bytes as a lowercase 0x-prefixed hex string. */
export function toHex(bytes: Uint8Array): Hex {
	let out = '0x';
	for (let i = 0; i < bytes.length; i++) out += BYTE_TO_HEX[bytes[i]];
	return out as Hex;
}

/** Decodes a hex string (0x prefix optional, either case); throws on odd length or a non-hex digit. */
export function fromHex(hex: string): Uint8Array {
	if (typeof hex !== 'string') throw new Error(`fromHex: expected a string, got ${typeof hex}`);
	const start = hex.startsWith('0x') || hex.startsWith('0X') ? 2 : 0;
	const digits = hex.length - start;
	if (digits % 2 !== 0) throw new Error(`fromHex: odd number of hex digits (${digits})`);
	const out = new Uint8Array(digits / 2);
	for (let i = 0, j = start; i < out.length; i++, j += 2) {
		const hi = nibble(hex, j);
		const lo = nibble(hex, j + 1);
		out[i] = (hi << 4) | lo;
	}
	return out;
}

function nibble(hex: string, at: number): number {
	const code = hex.charCodeAt(at);
	const value = code < 128 ? NIBBLE[code] : -1;
	if (value < 0) throw new Error(`fromHex: invalid hex digit ${JSON.stringify(hex[at])} at index ${at}`);
	return value;
}

/** Concatenates byte arrays into one new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
	let length = 0;
	for (const part of parts) length += part.length;
	const out = new Uint8Array(length);
	let offset = 0;
	for (const part of parts) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}

/** keccak256 (Ethereum's, not NIST SHA3-256) of the bytes. */
export function keccak(bytes: Uint8Array): Uint8Array {
	return keccak_256(bytes);
}

/** keccak256 of the bytes as lowercase 0x-prefixed hex. */
export function keccakHex(bytes: Uint8Array): Hex {
	return toHex(keccak_256(bytes));
}

/** Remembers `value` under `key`, dropping the oldest entry once `map` holds `max` entries. */
export function rememberBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
	if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value as K);
	map.set(key, value);
	return value;
}
