import { describe, expect, it } from 'vitest';
import loneCheater from '../../../../content/scenarios/lone-cheater.json';
import { createWorld } from '$lib/sim';
import { storyFor } from '../keyEvents';
import { scenarioEventsOf } from '../story';
import { MomentSearch } from './jump';
import { Scout } from './scout';

const story = storyFor(scenarioEventsOf(loneCheater));
const make = () => createWorld({ seed: 2, scenario: loneCheater });
const never = () => false;

describe('the look-ahead behind Next key moment', () => {
	it('hands over exactly the world a jump would have computed, and the live world is left alone', { timeout: 60_000 }, () => {
		const cold = make();
		MomentSearch.from(cold, story).run(never);
		MomentSearch.from(cold, story).run(never);

		const live = make();
		MomentSearch.from(live, story).run(never);
		const scout = new Scout();
		scout.watch(live, story);
		const at = live.now;
		scout.work(never);
		expect(scout.busy).toBe(false);
		expect(live.now, 'looking ahead does not move the live world').toBe(at);
		const ahead = scout.takeOver(live);
		expect(ahead?.moment?.type).toBe('evidence.sent');
		expect(ahead!.world.now).toBe(cold.now);
		expect(JSON.stringify(ahead!.world.events)).toBe(JSON.stringify(cold.events));
		expect(scout.takeOver(live), 'a copy is handed over once').toBeNull();
	});

	it('is no use after a seek back before it started, or to another world', { timeout: 60_000 }, () => {
		const live = make();
		live.runUntil(30_000);
		const scout = new Scout();
		scout.watch(live, story);
		scout.work(never);
		expect(scout.serves(make())).toBe(false);
		live.seek(10_000);
		expect(scout.serves(live)).toBe(false);
		expect(scout.takeOver(live)).toBeNull();
	});

	it('stops a slice when told, before running another instant', () => {
		const live = make();
		const scout = new Scout();
		scout.watch(live, story);
		scout.work(() => true);
		expect(scout.busy).toBe(true);
		expect(scout.takeOver(live)?.world.now).toBe(0);
	});
});
