import { describe, expect, it } from 'vitest';
import collusion from '../../../../content/scenarios/colluding-majority-optimistic.json';
import { createWorld } from './world';
import { DAY, HOUR, MINUTE } from '../units';

describe('determinism with faults and an open dispute', () => {
	it('seeking back into a dispute and forward again reproduces the same world, and the same export as a fresh run', () => {
		const short = { trafficUntilMs: 2 * MINUTE };
		const world = createWorld({ seed: 1, scenario: collusion, params: short });
		world.runUntil(10 * HOUR);
		expect(world.events.some((e) => e.type === 'challenge.opened')).toBe(true);
		expect(world.events.some((e) => e.type === 'dispute.resolved')).toBe(false);
		const snapshot = JSON.stringify(world.snapshot());
		const events = JSON.stringify(world.events);
		world.seek(3 * MINUTE);
		world.seek(10 * HOUR);
		expect(JSON.stringify(world.snapshot())).toBe(snapshot);
		expect(JSON.stringify(world.events)).toBe(events);
		world.runUntil(8 * DAY);
		const fresh = createWorld({ seed: 1, scenario: collusion, params: short });
		fresh.runUntil(8 * DAY);
		expect(JSON.stringify(world.exportWorld())).toBe(JSON.stringify(fresh.exportWorld()));
		expect(fresh.exportWorld().slashings.map((x) => x.sequencer)).toEqual(['seq-0', 'seq-1', 'seq-2', 'seq-3', 'seq-4']);
	});
});
