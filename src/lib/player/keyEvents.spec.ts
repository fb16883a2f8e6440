import { describe, expect, it } from 'vitest';
import type { SimEvent, SimEventType } from '$lib/sim';
import { collectMoments, isKeyEvent, KEY_EVENTS } from './keyEvents';

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

	it.each([
		['chain.rederive', 're-derived'],
		['vote.passed', 'vote passed'],
		['evidence.accepted', 'evidence accepted'],
		['proof.missing', 'proof missing']
	] as const)('marks %s as "%s"', (type, label) => {
		expect(collectMoments([], [at(7, type)], 100)).toEqual([{ t: 7, label, type }]);
	});

	it('keeps every label short enough for a timeline mark', () => {
		for (const [type, label] of Object.entries(KEY_EVENTS)) expect(label.length, type).toBeLessThanOrEqual(18);
	});
});
