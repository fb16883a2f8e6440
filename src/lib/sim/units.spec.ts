import { describe, expect, it } from 'vitest';
import { DAY, HOUR, METIS, MINUTE, formatClock, formatMetis, parseDuration, parseMetis } from './units';

describe('parseDuration', () => {
	it.each([
		['8d', 8 * DAY],
		['90m', 90 * MINUTE],
		['1h30m', HOUR + 30 * MINUTE],
		['12s', 12_000],
		['250ms', 250],
		['1500', 1500],
		['0.5h', HOUR / 2]
	])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

	it.each(['', 'abc', '8x', '1h junk', '-3d', 'd'])('rejects %j', (text) => expect(parseDuration(text)).toBeNull());
});

describe('METIS amounts', () => {
	it.each([
		['20000', 20_000n * METIS],
		['0.000761', 761_000n * 10n ** 9n],
		['1.5', 15n * 10n ** 17n],
		['0', 0n]
	])('parses %s', (text, wei) => expect(parseMetis(text)).toBe(wei));

	it.each(['-1', '1e18', '1.', 'abc', '0.1234567890123456789'])('rejects %j', (text) => expect(parseMetis(text)).toBeNull());

	it.each([
		[20_000n * METIS, '20,000 METIS'],
		[761_000n * 10n ** 9n, '0.0007 METIS'],
		[-15n * 10n ** 17n, '-1.5 METIS']
	])('formats %s', (wei, text) => expect(formatMetis(wei)).toBe(text));
});

describe('formatClock', () => {
	it.each([
		[0, 'day 0, 00:00:00'],
		[HOUR + 24 * MINUTE + 36_000, 'day 0, 01:24:36'],
		[8 * DAY + 5 * MINUTE, 'day 8, 00:05:00']
	])('%d ms → %s', (ms, text) => expect(formatClock(ms)).toBe(text));
});
