import { describe, expect, it } from 'vitest';
import { counted, listWords } from './count';

describe('counted', () => {
	it.each([
		[1, 'transaction', '1 transaction'],
		[1234, 'transaction', '1,234 transactions'],
		[0, 'batch', '0 batches']
	] as const)('%d %s → %s', (n, noun, words) => expect(counted(n, noun)).toBe(words));
});

describe('listWords', () => {
	it.each([
		[[], ''],
		[['seq-0'], 'seq-0'],
		[['seq-0', 'seq-1'], 'seq-0 and seq-1'],
		[['seq-0', 'seq-1', 'seq-2'], 'seq-0, seq-1 and seq-2']
	])('%j → %s', (items, words) => expect(listWords(items)).toBe(words));
});
