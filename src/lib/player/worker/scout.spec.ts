import { describe, expect, it } from 'vitest';
import loneCheater from '../../../../content/scenarios/lone-cheater.json';
import { createWorld } from '$lib/sim';
import { storyFor } from '../keyEvents';
import { scenarioEventsOf } from '../story';
import { MomentSearch } from './jump';
import { Scout } from './scout';

const story = storyFor(scenarioEventsOf(loneCheater));
const make = () => createWorld({ seed: 2, scenario: loneCheater, params: { trafficUntilMs: 120_000 } });
const never = () => false;
const picture = (w: ReturnType<typeof make>) => JSON.stringify({ events: w.events, snapshot: w.snapshot(), horizon: w.horizon });

describe('the look-ahead behind Next key moment', () => {
	it('hands over, moment by moment, exactly the worlds the jumps would have computed, leaving the live world alone', { timeout: 60_000 }, () => {
		const cold = make();
		const live = make();
		const scout = new Scout();
		scout.watch(live, story);
		scout.work(never);
		expect(scout.busy, 'it ran ahead as far as it goes').toBe(false);
		expect(live.now, 'looking ahead does not move the live world').toBe(0);
		let world = live;
		for (const expected of ['fault.injected', 'evidence.sent', 'evidence.accepted']) {
			MomentSearch.from(cold, story).run(never);
			const next = scout.reach(world, never);
			expect(next?.moment?.type).toBe(expected);
			world = next!.world;
			expect(picture(world)).toBe(picture(cold));
		}
		expect(world.horizon, 'the timeline does not show how far the look-ahead went').toBe(cold.now);
	});

	it('runs on to the moment when a jump comes before the look-ahead got there', { timeout: 60_000 }, () => {
		const cold = make();
		MomentSearch.from(cold, story).run(never);
		const live = make();
		const scout = new Scout();
		scout.watch(live, story);
		scout.work(() => true);
		expect(scout.busy).toBe(true);
		expect(scout.reach(live, () => true), 'no time at all: nothing ahead yet').toBeNull();
		const next = scout.reach(live, never);
		expect(next?.moment?.type).toBe('fault.injected');
		expect(picture(next!.world)).toBe(picture(cold));
	});

	it('serves only the world it follows, and nothing once forgotten (a learner changed the world)', { timeout: 60_000 }, () => {
		const live = make();
		const scout = new Scout();
		scout.watch(live, story);
		scout.work(never);
		expect(scout.serves(live)).toBe(true);
		expect(scout.serves(make())).toBe(false);
		scout.forget();
		expect(scout.serves(live)).toBe(false);
		expect(scout.reach(live, never)).toBeNull();
	});
});

describe('the look-ahead beside playback', () => {
	it('drops the copies the live world has played past and hands over the first moment after it', { timeout: 60_000 }, () => {
		const live = make();
		const scout = new Scout();
		scout.watch(live, story);
		scout.work(never);
		live.runUntil(35_900);
		scout.work(never);
		const next = scout.reach(live, never);
		expect(next?.moment?.type, 'the first moment after the live world, not the ones it played past').toBe('evidence.accepted');
	});
});
