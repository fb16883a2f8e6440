/**
 * Where a world file and the world rebuilt from it first disagree: a walk over both JSON values, in
 * the file's order, that stops at the first field whose value differs and names it by its JSON path
 * (`batches[3].stateRoot`, `supply.final.total`), with both values shortened for a sentence.
 */
import { m } from '$lib/paraglide/messages.js';

/** The first field a file asserts that the rebuilt world does not have (or has otherwise). */
export interface FieldDifference {
	/** JSON path of the field, e.g. `sequencers[1].blsPublicKey`. */
	path: string;
	/** The file's value, shortened (`absent` when only the rebuilt world has the field). */
	file: string;
	/** The rebuilt world's value, shortened (`absent` when it has no such field). */
	rebuilt: string;
}

/** Word used for a side that has no value at a path. */
export const ABSENT = 'absent';

/** The first path at which two JSON values differ, or null when they are equal (object key order aside). */
export function firstFieldDifference(file: unknown, rebuilt: unknown, path = ''): FieldDifference | null {
	if (Array.isArray(file) && Array.isArray(rebuilt)) {
		const n = Math.max(file.length, rebuilt.length);
		for (let i = 0; i < n; i++) {
			const here = `${path}[${i}]`;
			if (i >= file.length || i >= rebuilt.length) return { path: here, file: i < file.length ? shorten(file[i]) : ABSENT, rebuilt: i < rebuilt.length ? shorten(rebuilt[i]) : ABSENT };
			const d = firstFieldDifference(file[i], rebuilt[i], here);
			if (d) return d;
		}
		return null;
	}
	if (isRecord(file) && isRecord(rebuilt)) {
		for (const key of Object.keys(file)) {
			const here = path ? `${path}.${key}` : key;
			if (!(key in rebuilt)) return { path: here, file: shorten(file[key]), rebuilt: ABSENT };
			const d = firstFieldDifference(file[key], rebuilt[key], here);
			if (d) return d;
		}
		for (const key of Object.keys(rebuilt)) if (!(key in file)) return { path: path ? `${path}.${key}` : key, file: ABSENT, rebuilt: shorten(rebuilt[key]) };
		return null;
	}
	if (file === rebuilt) return null;
	if (typeof file === 'string' && typeof rebuilt === 'string') {
		const [a, b] = shortenPair(file, rebuilt);
		return { path: path || m.ui_file_root(), file: a, rebuilt: b };
	}
	return { path: path || m.ui_file_root(), file: shorten(file), rebuilt: shorten(rebuilt) };
}

/** Two long strings cut around where they first differ (`0x1111…11111112`), so the shortened forms still differ. */
export function shortenPair(a: string, b: string): [string, string] {
	if (a.length <= MAX_VALUE_CHARS && b.length <= MAX_VALUE_CHARS) return [shorten(a), shorten(b)];
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	const cut = (s: string) => {
		const from = Math.max(0, i - 8);
		const to = Math.min(s.length, i + 8);
		return `${from > 6 ? `${s.slice(0, 6)}…` : s.slice(0, from)}${s.slice(from, to)}${to < s.length ? '…' : ''}`;
	};
	return [cut(a), cut(b)];
}

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Longest value text kept whole in a message. */
const MAX_VALUE_CHARS = 32;

/** A JSON value short enough for a sentence: long hex keeps its ends (`0x8a3f0c…91c2`), long text and lists are cut. */
export function shorten(value: unknown): string {
	if (value === undefined) return ABSENT;
	if (typeof value === 'string' && /^0x[0-9a-fA-F]*$/.test(value) && value.length > MAX_VALUE_CHARS) return `${value.slice(0, 10)}…${value.slice(-6)}`;
	if (Array.isArray(value) && value.length > 3) return m.ui_diff_list({ count: value.length });
	const text = JSON.stringify(value) ?? String(value);
	return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
