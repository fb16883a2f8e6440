import { describe, expect, it } from 'vitest';
import { createWorld, parseScenarioText, type TimedCommand } from '$lib/sim';
import { scenarioText } from '../../../../scripts/scenarios';
import { storyFor } from '../keyEvents';
import { scenarioEventsOf } from '../story';
import { MomentSearch, seekKnownMoment } from './jump';

/** A preset's world and story, as the sandbox opens it (optionally with a learner's commands). */
function open(name: string, commands: TimedCommand[] = []) {
	const text = scenarioText(name);
	if (!text) throw new Error(`no preset ${name}`);
	const parsed = parseScenarioText(text);
	if (!parsed.ok) throw new Error(`${name} is invalid`);
	const world = createWorld({ seed: parsed.scenario.seed ?? 1, scenario: parsed.scenario, commands });
	return { world, story: storyFor(scenarioEventsOf(JSON.parse(text))) };
}

/** Presses Next until `headline` is in the log or `most` presses are spent; returns the presses it took (Infinity if never) and each landing. */
function pressUntil(name: string, headline: string, most: number, commands: TimedCommand[] = []) {
	const { world, story } = open(name, commands);
	const landed: string[] = [];
	for (let press = 1; press <= most; press++) {
		const before = world.now;
		const outcome = MomentSearch.from(world, story).run(() => false);
		if (!outcome?.moment) break;
		expect(world.now, 'every press moves on').toBeGreaterThan(before);
		landed.push(`${outcome.moment.type}@${world.now}`);
		if (world.events.some((e) => e.type === headline)) return { presses: press, landed, world };
	}
	return { presses: Infinity, landed, world };
}

describe('Next key moment follows the story of each preset', () => {
	// The bound is the press that reaches the headline today: a regression back to one stop per batch fails it.
	it.each([
		{ preset: 'lone-cheater', headline: 'slash', most: 3 },
		{ preset: 'equivocation', headline: 'slash', most: 3 },
		{ preset: 'colluding-majority-optimistic', headline: 'slash', most: 4 },
		{ preset: 'colluding-majority-hybrid', headline: 'slash', most: 4 },
		{ preset: 'colluding-majority-zk', headline: 'slash', most: 4 },
		{ preset: 'as-deployed-metis', headline: 'sequencer.force-unlocked', most: 4 },
		{ preset: 'censorship-forced-inclusion', headline: 'forced.included', most: 4 },
		{ preset: 'happy-path', headline: 'finality.settled', most: 4 },
		{ preset: 'lazy-validators', headline: 'finality.settled', most: 4 },
		{ preset: 'mev-sandwich', headline: 'vote.passed', most: 3 },
		{ preset: 'proposer-offline', headline: 'epoch.respan', most: 5 },
		{ preset: 'quorum-loss', headline: 'batch.no-quorum', most: 4 },
		{ preset: 'two-thirds-edge', headline: 'batch.no-quorum', most: 5 }
	])('$preset reaches its $headline within $most presses', { timeout: 120_000 }, ({ preset, headline, most }) => {
		const { presses, landed } = pressUntil(preset, headline, most);
		expect(presses, landed.join(', ')).toBeLessThanOrEqual(most);
	});

	it("tells a learner's own fault and what it causes, even after the preset's story told the same kinds", { timeout: 120_000 }, () => {
		// In lone-cheater seq-0 is slashed at 36 s; at 2 minutes the learner makes seq-2 slip in a forged transaction too.
		const fault: TimedCommand = { at: 120_000, command: { type: 'sequencer.behaviour', sequencer: 'seq-2', behaviour: 'invalid-tx' } };
		const { world, landed } = pressUntil('lone-cheater', 'none', 12, [fault]);
		const told = landed.filter((l) => Number(l.split('@')[1]) >= 120_000).map((l) => l.split('@')[0]);
		expect(told[0]).toBe('behaviour.changed');
		expect(told).toContain('fault.injected');
		const second = world.events.find((e) => e.type === 'slash' && e.sequencer === 'seq-2');
		expect(second, 'the learner made seq-2 cheat and it is slashed').toBeDefined();
		expect(landed.some((l) => l.endsWith(`@${second!.t}`)), `a press lands on seq-2's slash: ${landed.join(', ')}`).toBe(true);
	});
});

describe('Next key moment after a seek back', () => {
	it('reads the moment off the branch it has seen and seeks there, landing where running on would', { timeout: 60_000 }, () => {
		const { world, story } = open('lone-cheater');
		world.runUntil(5 * 60_000);
		const ran = open('lone-cheater');
		MomentSearch.from(ran.world, ran.story).run(() => false);
		world.seek(1000);
		const moment = seekKnownMoment(world, story);
		expect(moment?.type).toBe('fault.injected');
		expect(world.now).toBe(ran.world.now);
		expect(JSON.stringify(world.events)).toBe(JSON.stringify(ran.world.events));
		expect(world.horizon, 'the branch it has seen is kept').toBe(5 * 60_000);
	});

	it('finds nothing to read at the edge of what the branch has seen', () => {
		const { world, story } = open('lone-cheater');
		world.runUntil(10_000);
		expect(seekKnownMoment(world, story)).toBeNull();
		expect(world.now).toBe(10_000);
	});
});
