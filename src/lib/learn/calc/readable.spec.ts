import { describe, expect, it } from 'vitest';
import { readable } from './readable';

describe('readable', () => {
	it.each([
		[0n, 18, '0'],
		[1n, 18, '0.000000000000000001'],
		[131_072n, 18, '0.000000000000131'],
		[131_072n, 9, '0.000131'],
		[40_092_880n * 10n ** 9n, 9, '40,092,880'],
		[40_092_880n * 10n ** 9n, 18, '0.0401'],
		[1_400_000n * 1_000_000n, 6, '1,400,000'],
		[12_345_678n, 6, '12.35'],
		[1909n, 1, '190.9'],
		[19_091n, 1, '1,909'],
		[10n ** 40n, 18, '10,000,000,000,000,000,000,000']
	])('%s with %s decimals reads %s', (value, decimals, text) => expect(readable(value, decimals)).toBe(text));
});
