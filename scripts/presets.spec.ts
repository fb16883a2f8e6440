import { describe, expect, it } from 'vitest';
import { createWorld, parseScenarioText } from '../src/lib/sim';
import { checkOutcome } from '../src/lib/sim/presets';
import { auditExport } from '../src/lib/sim/world/audit';
import { parseDuration } from '../src/lib/sim/units';
import { scenarioNames, scenarioText } from './scenarios';

/** Every preset in content/scenarios runs headlessly and its written outcome holds. */
describe.each(scenarioNames().filter((n) => n !== 'demo'))('preset %s', (name) => {
	it('ends as its file says, with a consistent export', () => {
		const parsed = parseScenarioText(scenarioText(name)!);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		const { scenario } = parsed;
		expect(scenario.expect, 'every preset writes down its expected outcome').toBeDefined();
		const world = createWorld({ seed: scenario.seed ?? 1, scenario });
		world.runUntil(parseDuration(scenario.expect?.until ?? '8d')!);
		const ex = world.exportWorld();
		expect(checkOutcome(scenario.expect!, ex)).toEqual([]);
		expect(auditExport(ex)).toEqual([]);
	});
});
