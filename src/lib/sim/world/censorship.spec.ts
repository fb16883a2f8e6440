import { describe, expect, it } from 'vitest';
import censorship from '../../../../content/scenarios/censorship-forced-inclusion.json';
import { createWorld } from './world';
import { DAY } from '../units';

describe('forced inclusion, textbook against as deployed', () => {
	it.each([
		{ mode: 'textbook', forcedByL1: true },
		{ mode: 'as-deployed', forcedByL1: false }
	])('$mode: L1 forces the censored transaction in after the deadline: $forcedByL1', ({ mode, forcedByL1 }) => {
		const world = createWorld({ seed: 1, scenario: censorship, params: { forceInclusion: mode } });
		world.runUntil(DAY);
		const events = world.events;
		expect(events.some((e) => e.type === 'tx.censored' && e.user === 'user-3')).toBe(true);
		expect(events.some((e) => e.type === 'forced.enqueued' && e.user === 'user-3' && e.enforced === forcedByL1)).toBe(true);
		expect(events.some((e) => e.type === 'forced.included' && e.via === 'l1-deadline')).toBe(forcedByL1);
	});
});
