import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskLoop } from './kiosk';

describe('the booth loop', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	const make = () => {
		const shown: number[] = [];
		let resets = 0;
		const loop: KioskLoop = new KioskLoop(
			{
				count: 3,
				pace: (i) => [10_000, 20_000, 30_000][i],
				go: (i) => {
					shown.push(i);
					loop.shown(i);
				},
				reset: () => resets++
			},
			60_000
		);
		return { loop, shown, resets: () => resets };
	};

	it('stays on each scene for its pace and loops after the last', () => {
		const { loop, shown } = make();
		loop.shown(0);
		vi.advanceTimersByTime(9_999);
		expect(shown).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(shown).toEqual([1]);
		vi.advanceTimersByTime(20_000 + 30_000);
		expect(shown).toEqual([1, 2, 0]);
	});

	it('holds while a visitor is busy and starts over after a quiet minute', () => {
		const { loop, shown, resets } = make();
		loop.shown(0);
		vi.advanceTimersByTime(5_000);
		loop.touched();
		loop.shown(2); // the visitor went to the last scene
		vi.advanceTimersByTime(59_000);
		loop.touched();
		vi.advanceTimersByTime(59_999);
		expect(shown).toEqual([]);
		vi.advanceTimersByTime(1);
		expect(resets()).toBe(1);
		expect(shown).toEqual([0]);
		vi.advanceTimersByTime(10_000);
		expect(shown).toEqual([0, 1]);
	});

	it('stops', () => {
		const { loop, shown } = make();
		loop.shown(0);
		loop.stop();
		vi.advanceTimersByTime(100_000);
		expect(shown).toEqual([]);
	});
});
