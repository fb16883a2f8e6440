/** "Try it" goals of lessons 3 and 4: the administrator's hand on the pool, and how many sequencers a quorum can lose. */
import { isEvent } from '$lib/sim/events';
import { at, MIN, type Goal } from '../goalTools';

/** The goals of the pool lessons. */
export const POOL_GOALS: Goal[] = [
	{
		// Lesson 3: the administrator ejects a sequencer, and the pool signs a batch without it.
		id: 'eject',
		scenario: 'demo',
		achieved: (events) => {
			const ejected = new Set<string>();
			for (const e of events) {
				if (isEvent(e, 'sequencer.ejected')) ejected.add(e.sequencer);
				else if (ejected.size && isEvent(e, 'finality.signed') && !e.signers.some((s) => ejected.has(s))) return true;
			}
			return false;
		},
		solve: (world) => at(world, 20_000, { type: 'admin.eject', sequencer: world.snapshot().proposer }),
		until: 3 * MIN
	},
	{
		// Lesson 4: two of seven offline, and a batch is still signed without them (five of seven is more than two thirds).
		id: 'two-offline',
		scenario: 'demo',
		achieved: (events) => {
			const down = new Set<string>();
			for (const e of events) {
				if (isEvent(e, 'command.applied') && e.command === 'sequencer.behaviour') {
					const c = JSON.parse(e.detail) as { sequencer: string; behaviour: string };
					if (c.behaviour === 'offline') down.add(c.sequencer);
					else down.delete(c.sequencer);
				} else if (down.size >= 2 && isEvent(e, 'finality.signed') && !e.signers.some((s) => down.has(s))) return true;
			}
			return false;
		},
		solve: (world) => {
			world.runUntil(10_000);
			const { proposer, sequencers } = world.snapshot();
			for (const s of sequencers.filter((x) => x.id !== proposer).slice(0, 2)) at(world, world.now, { type: 'sequencer.behaviour', sequencer: s.id, behaviour: 'offline' });
		},
		until: 3 * MIN
	}
];
