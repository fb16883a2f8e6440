import { describe, expect, it } from 'vitest';
import { faultBadge } from '$lib/player/actorWords';
import { SEQUENCER_BEHAVIOURS } from '$lib/sim/behaviours';
import { KEY_EVENTS } from '$lib/player/keyEvents';
import { legend } from './legend';
import { momentShape } from './timeline';

const entries = legend().flatMap((g) => g.entries);

describe('the key to the stage', () => {
	it('draws each sample once', () => {
		const samples = entries.map((e) => e.sample);
		expect(new Set(samples).size).toBe(samples.length);
	});
	it('explains every timeline mark shape', () => {
		const shapes = new Set(Object.keys(KEY_EVENTS).map(momentShape));
		for (const shape of shapes) expect(samples(), shape).toContain(`mark-${shape}`);
	});
	it('names the letter of every fault badge a sequencer can wear', () => {
		const fault = entries.find((e) => e.sample === 'fault')!;
		for (const b of SEQUENCER_BEHAVIOURS) {
			const badge = b === 'offline' ? null : faultBadge(b);
			if (badge) expect(fault.meaning, b).toMatch(new RegExp(`\\b${badge.mark} `));
		}
	});
});

function samples(): string[] {
	return entries.map((e) => e.sample);
}
