import { describe, expect, it } from 'vitest';
import { KEY_EVENTS } from '$lib/player/keyEvents';
import { LADDER_EVENTS, STORY_LABELS } from '$lib/player/story';
import { momentPercent, momentShape } from './timeline';

describe('timeline marks', () => {
	it('gives every key event a shape, and slashes a different one from settlements', () => {
		for (const type of Object.keys({ ...KEY_EVENTS, ...LADDER_EVENTS, ...STORY_LABELS })) expect(momentShape(type)).toMatch(/^(fault|dispute|slash|pool|settled|forced)$/);
		expect(momentShape('slash')).not.toBe(momentShape('finality.settled'));
	});

	it('places marks along the span and clamps the ends', () => {
		expect(momentPercent(50, 200)).toBe(25);
		expect(momentPercent(300, 200)).toBe(100);
		expect(momentPercent(5, 0)).toBe(0);
	});
});
