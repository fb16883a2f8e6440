import { describe, expect, it } from 'vitest';
import type { SimEvent, SimEventType } from '$lib/sim';
import { collectMoments, isKeyEvent } from './keyEvents';

/** Only time and type matter to key moments. */
const at = (t: number, type: SimEventType) => ({ t, type }) as SimEvent;

describe('key moments', () => {
	it('knows a slash from a routine signature', () => {
		expect(isKeyEvent(at(1, 'slash'))).toBe(true);
		expect(isKeyEvent(at(1, 'batch.signature'))).toBe(false);
	});

	it('collects key events in order and merges bursts of one type', () => {
		const events = [
			at(10, 'batch.signature'),
			at(20, 'finality.settled'),
			at(25, 'finality.settled'),
			at(30, 'slash'),
			at(500, 'finality.settled')
		];
		const moments = collectMoments([], events, 100);
		expect(moments).toEqual([
			{ t: 20, label: 'settled', type: 'finality.settled' },
			{ t: 30, label: 'slash', type: 'slash' },
			{ t: 500, label: 'settled', type: 'finality.settled' }
		]);
		expect(collectMoments(moments, [at(550, 'finality.settled')], 100)).toHaveLength(3);
	});
});
