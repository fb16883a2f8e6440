import { describe, expect, it } from 'vitest';
import { clockText, drift, paceState, plannedStart } from './pacing';

describe('the speaker clocks', () => {
	it('writes durations as a speaker reads them', () => {
		expect(clockText(0)).toBe('0:00');
		expect(clockText(65_400)).toBe('1:05');
		expect(clockText(3_725_000)).toBe('1:02:05');
		expect(clockText(-5)).toBe('0:00');
	});

	it('warns in the last fifth of a scene and once it is over', () => {
		expect(paceState(10_000, 40_000)).toBe('on');
		expect(paceState(32_000, 40_000)).toBe('soon');
		expect(paceState(40_001, 40_000)).toBe('over');
	});

	it('knows where the plan stands and how far the talk drifted', () => {
		const paces = [30_000, 40_000, 50_000];
		expect(plannedStart(paces, 0)).toBe(0);
		expect(plannedStart(paces, 2)).toBe(70_000);
		// On the second scene 5 s in, after 80 s of talk: 45 s behind the plan (35 s).
		expect(drift(paces, 1, 80_000, 5_000)).toBe(45_000);
		expect(drift(paces, 1, 35_000, 5_000)).toBe(0);
		// Overrunning the scene by 10 s is 10 s behind.
		expect(drift(paces, 0, 40_000, 40_000)).toBe(10_000);
	});
});
