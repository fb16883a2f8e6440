import { describe, expect, it } from 'vitest';
import { collectMoments, isKeyEvent } from './keyEvents';

describe('key moments', () => {
	it('knows a slash from a routine signature', () => {
		expect(isKeyEvent({ t: 1, type: 'slash' })).toBe(true);
		expect(isKeyEvent({ t: 1, type: 'batch.signature' })).toBe(false);
	});

	it('collects key events in order and merges bursts of one type', () => {
		const events = [
			{ t: 10, type: 'batch.signature' },
			{ t: 20, type: 'finality.settled' },
			{ t: 25, type: 'finality.settled' },
			{ t: 30, type: 'slash' },
			{ t: 500, type: 'finality.settled' }
		];
		const moments = collectMoments([], events, 100);
		expect(moments).toEqual([
			{ t: 20, label: 'settled', type: 'finality.settled' },
			{ t: 30, label: 'slash', type: 'slash' },
			{ t: 500, label: 'settled', type: 'finality.settled' }
		]);
		expect(collectMoments(moments, [{ t: 550, type: 'finality.settled' }], 100)).toHaveLength(3);
	});
});
