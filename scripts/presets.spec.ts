import { describe, expect, it } from 'vitest';
import { createWorld, parseScenarioText, type FinalityMode } from '../src/lib/sim';
import { checkOutcome, type Outcome } from '../src/lib/sim/presets';
import type { Scenario } from '../src/lib/sim/scenario';
import { auditExport } from '../src/lib/sim/world/audit';
import { parseDuration } from '../src/lib/sim/units';
import { scenarioNames, scenarioText } from './scenarios';

/** Every preset and each of its variants, as test cases. */
const cases = scenarioNames()
	.filter((n) => n !== 'demo')
	.flatMap((name) => {
		const parsed = parseScenarioText(scenarioText(name)!);
		if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
		const { scenario } = parsed;
		const main = { label: name, scenario, expect: scenario.expect as Outcome | undefined, params: {}, finality: undefined as FinalityMode | undefined };
		const variants = (scenario.expect?.variants ?? []).map((v) => ({ label: `${name}: ${v.name}`, scenario, expect: v.expect as Outcome, params: v.params ?? {}, finality: v.finality }));
		return [main, ...variants];
	});

function run(scenario: Scenario, expectation: Outcome, params: Record<string, string | number>, finality?: FinalityMode) {
	const world = createWorld({ seed: scenario.seed ?? 1, scenario, params, finality });
	world.runUntil(parseDuration(expectation.until ?? scenario.expect?.until ?? '8d')!);
	return world.exportWorld();
}

/** Every preset in content/scenarios runs headlessly and its written outcome holds, for each variant too. */
describe.each(cases)('preset $label', ({ scenario, expect: expectation, params, finality }) => {
	it('ends as its file says, with a consistent export', () => {
		expect(expectation, 'every preset writes down its expected outcome').toBeDefined();
		const ex = run(scenario, expectation!, params, finality);
		expect(checkOutcome(expectation!, ex)).toEqual([]);
		expect(auditExport(ex)).toEqual([]);
	});
});
