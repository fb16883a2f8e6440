/**
 * One text for one JSON value, whatever order its keys were written in: object keys sorted by
 * UTF-16 code unit at every level, arrays kept in order, no whitespace, strings and numbers written
 * as JSON.stringify writes them. For the values a progress record holds (text, whole and finite
 * numbers, booleans, null) this is RFC 8785 (JCS), so a host can recompute it in any language.
 */
import { keccak256, stringToHex, type Hex } from 'viem';

/** A value JSON can hold. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The canonical text of `value`; throws on what JSON cannot hold (undefined, functions, NaN, cycles, bigint). */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new TypeError('canonical JSON holds finite numbers only');
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object') {
		const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
	}
	throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** keccak256 of the UTF-8 bytes of `value`'s canonical text: the same value always hashes the same. */
export function contentHash(value: unknown): Hex {
	return keccak256(stringToHex(canonicalJson(value)));
}
