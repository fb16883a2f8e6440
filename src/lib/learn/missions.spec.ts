import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '$lib/sim';
import { findScenario } from '$lib/player/scenarios';
import { at } from './goalTools';
import { GOALS } from './goals';
import { MISSION_LIST, MISSIONS, missionsFor, type Mission } from './missions';

function world(scenario: string, finality: Mission['finality']) {
	const entry = findScenario(scenario);
	if (!entry) throw new Error(`no scenario ${scenario}`);
	return createWorld({ seed: entry.seed ?? 1, scenario: entry.json, finality });
}

/** Wrong attempts: close to the mission, but not it. */
const WRONG: Record<string, { what: string; finality?: Mission['finality']; try: (w: World) => void }> = {
	'mission-slash-optimistic': { what: 'taking the proposer offline', try: (w) => at(w, 20_000, { type: 'sequencer.behaviour', sequencer: w.snapshot().proposer, behaviour: 'offline' }) },
	'mission-third-offline': { what: 'bringing two back (only one sixth offline)', try: (w) => ['seq-4', 'seq-5'].forEach((s) => at(w, 2 * 60_000, { type: 'sequencer.behaviour', sequencer: s, behaviour: 'honest' })) },
	'mission-hybrid-four-hours': { what: 'the same fix under optimistic finality', finality: 'optimistic', try: (w) => MISSIONS['mission-hybrid-four-hours'].solve(w) },
	'mission-sandwich': { what: 'telling the proposer to censor', try: (w) => at(w, 20_000, { type: 'sequencer.behaviour', sequencer: w.snapshot().proposer, behaviour: 'censor', target: 'user-7' }) }
};

describe('sandbox missions', () => {
	it('have ids apart from every goal, scenarios that exist, points and words', () => {
		for (const x of MISSION_LIST) {
			expect(GOALS[x.id], x.id).toBeUndefined();
			expect(findScenario(x.scenario), x.scenario).toBeDefined();
			expect(x.points).toBeGreaterThan(0);
			expect(x.title().length && x.description().length).toBeGreaterThan(0);
			expect(missionsFor(x.scenario, x.finality)).toContain(x);
			expect(WRONG[x.id], `a wrong attempt at ${x.id}`).toBeDefined();
		}
		expect(new Set(MISSION_LIST.map((x) => x.id)).size).toBe(MISSION_LIST.length);
	});

	for (const mission of MISSION_LIST) {
		it(`${mission.id}: met by doing it, not by leaving ${mission.scenario} alone or by ${WRONG[mission.id].what}`, { timeout: 120_000 }, () => {
			const idle = world(mission.scenario, mission.finality);
			idle.runUntil(mission.until);
			expect(mission.achieved(idle.events), 'left alone').toBe(false);
			const wrong = WRONG[mission.id];
			const missed = world(mission.scenario, wrong.finality ?? mission.finality);
			wrong.try(missed);
			missed.runUntil(mission.until);
			expect(mission.achieved(missed.events), wrong.what).toBe(false);
			const done = world(mission.scenario, mission.finality);
			mission.solve(done);
			done.runUntil(mission.until);
			expect(mission.achieved(done.events), 'solved').toBe(true);
		});
	}
});
