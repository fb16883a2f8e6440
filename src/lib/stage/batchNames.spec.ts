import { describe, expect, it } from 'vitest';
import { batchPhrase, batchTitle, cardStatus } from './batchNames';

describe('batch names', () => {
	it.each([
		[{ index: 3, attempt: 1, proposer: 'seq-1' }, 'Batch 3', 'batch 3'],
		[{ index: 3, attempt: 1 }, 'Batch 3', 'batch 3'],
		[{ index: 3, attempt: 2, proposer: 'seq-1' }, 'Batch 3, attempt 2 (seq-1)', 'batch 3, attempt 2 (seq-1)'],
		[{ index: 0, attempt: 6, proposer: null }, 'Batch 0, attempt 6', 'batch 0, attempt 6']
	])('%j is "%s"', (naming, title, phrase) => {
		expect(batchTitle(naming)).toBe(title);
		expect(batchPhrase(naming)).toBe(phrase);
	});

	it.each([
		[1, 'signing', 'collecting signatures'],
		[1, 'settled', 'settled'],
		[2, 'signing', 'attempt 2 · signing'],
		[6, 'no-quorum', 'attempt 6 · no quorum'],
		[12, 'rejected', 'attempt 12 · rejected']
	] as const)('attempt %i while %s reads "%s" on the card', (attempt, stage, text) => {
		expect(cardStatus(attempt, stage)).toBe(text);
	});
});
