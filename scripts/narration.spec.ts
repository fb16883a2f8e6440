import { describe, expect, it } from 'vitest';
import { createWorld, parseScenarioText } from '../src/lib/sim';
import { MINUTE, parseDuration } from '../src/lib/sim/units';
import { BatchLedger } from '../src/lib/player/batchLedger';
import { describe as say } from '../src/lib/player/narration';
import { wordingProblems } from '../src/lib/player/wordingCheck';
import { scenarioNames, scenarioText } from './scenarios';

/** Most traffic a scan runs. */
const TRAFFIC_CAP = 10 * MINUTE;

/** Every preset in content/scenarios, run as its file says. */
const presets = scenarioNames().map((name) => {
	const parsed = parseScenarioText(scenarioText(name)!);
	if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
	return { name, scenario: parsed.scenario };
});

/** Every preset's narration reads as words: each event described, no raw id, placeholder, doubled phrase or over-precise amount. */
describe.each(presets)('narration of $name', ({ scenario }) => {
	it('has no line a learner should not read', () => {
		// A preset with longer traffic (the demo's hour) runs ten minutes of it: the same kinds of lines, fewer of them.
		const params: Record<string, number> = Number(scenario.params?.trafficUntilMs ?? 0) > TRAFFIC_CAP ? { trafficUntilMs: TRAFFIC_CAP } : {};
		const world = createWorld({ seed: scenario.seed ?? 1, scenario, params });
		world.runUntil(parseDuration(scenario.expect?.until ?? '8d')!);
		const ledger = new BatchLedger();
		const problems = new Map<string, string>();
		let lines = 0;
		for (const e of world.events) {
			ledger.apply(e);
			const said = say(e, ledger);
			if (!said) continue;
			lines++;
			for (const problem of wordingProblems(said.text)) if (!problems.has(problem)) problems.set(problem, `${e.type}: ${said.text}`);
		}
		expect(lines).toBeGreaterThan(0);
		expect([...problems].map(([problem, line]) => `${problem} — ${line}`)).toEqual([]);
	});
});
