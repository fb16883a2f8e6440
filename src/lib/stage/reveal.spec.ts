import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reveal } from './reveal.svelte';

afterEach(() => vi.useRealTimers());

describe('Reveal', () => {
	it('counts up to its parts one task at a time, and no further', () => {
		vi.useFakeTimers();
		const reveal = new Reveal(3);
		reveal.start();
		expect(reveal.shown).toBe(1);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(2);
		vi.advanceTimersToNextTimer();
		expect(reveal.shown).toBe(3);
		vi.runAllTimers();
		expect(reveal.shown).toBe(3);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('stops counting once stopped (the scene was unmounted)', () => {
		vi.useFakeTimers();
		const reveal = new Reveal(5);
		const stop = reveal.start();
		vi.advanceTimersToNextTimer();
		stop();
		vi.runAllTimers();
		expect(reveal.shown).toBe(2);
	});
});
