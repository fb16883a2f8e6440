import { describe, expect, it } from 'vitest';
import { createWorld } from '$lib/sim';
import { findScenario } from '$lib/player/scenarios';
import { GOALS } from './goals';

function world(scenario: string) {
	const entry = findScenario(scenario);
	if (!entry) throw new Error(`no scenario ${scenario}`);
	return createWorld({ seed: entry.seed ?? 1, scenario: entry.json, finality: entry.finality });
}

describe('"try it" goals', () => {
	for (const goal of Object.values(GOALS)) {
		it(`${goal.id}: achieved by trying, not by leaving ${goal.scenario} alone`, { timeout: 120_000 }, () => {
			const idle = world(goal.scenario);
			idle.runUntil(goal.until);
			expect(goal.achieved(idle.events)).toBe(false);
			const tried = world(goal.scenario);
			goal.solve(tried);
			tried.runUntil(goal.until);
			expect(goal.achieved(tried.events)).toBe(true);
		});
	}
});
