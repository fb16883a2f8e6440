import { describe, expect, it } from 'vitest';
import censorship from '../../../../content/scenarios/censorship-forced-inclusion.json';
import proposerOffline from '../../../../content/scenarios/proposer-offline.json';
import { createWorld } from './world';
import { DAY, MINUTE } from '../units';

describe('forced inclusion, textbook against as deployed', () => {
	it.each([
		{ mode: 'textbook', forcedByL1: true },
		{ mode: 'as-deployed', forcedByL1: false }
	])('$mode: L1 forces the censored transaction in after the deadline: $forcedByL1', ({ mode, forcedByL1 }) => {
		const world = createWorld({ seed: censorship.seed, scenario: censorship, params: { forceInclusion: mode } });
		world.runUntil(DAY);
		const events = world.events;
		expect(events.some((e) => e.type === 'tx.censored' && e.user === 'user-3')).toBe(true);
		expect(events.some((e) => e.type === 'forced.enqueued' && e.user === 'user-3' && e.enforced === forcedByL1)).toBe(true);
		expect(events.some((e) => e.type === 'forced.included' && e.via === 'l1-deadline')).toBe(forcedByL1);
	});
});

describe('a forced transaction whose mempool copy got in first', () => {
	it('is dropped once when its queue entry comes up, not retried in every block', () => {
		const world = createWorld({ seed: proposerOffline.seed, scenario: proposerOffline, params: { txPerSecond: 3, trafficUntilMs: 8 * MINUTE } });
		world.runUntil(40 * MINUTE);
		const events = world.events;
		expect(events.filter((e) => e.type === 'forced.enqueued').length).toBeGreaterThan(0);
		const drops = new Map<unknown, number>();
		for (const e of events) if (e.type === 'tx.dropped') drops.set(e.hash, (drops.get(e.hash) ?? 0) + 1);
		expect(drops.size).toBeGreaterThan(0);
		expect([...drops.values()].every((n) => n === 1)).toBe(true);
	});
});
