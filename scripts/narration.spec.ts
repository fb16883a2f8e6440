import { describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '../src/lib/paraglide/runtime.js';
import { createWorld, parseScenarioText, type SimEvent } from '../src/lib/sim';
import { MINUTE, parseDuration } from '../src/lib/sim/units';
import { BatchLedger } from '../src/lib/player/batchLedger';
import { describe as say } from '../src/lib/player/narration';
import { knowsReason, reasonText, REWORDED } from '../src/lib/player/reasonText';
import { wordingProblems } from '../src/lib/player/wordingCheck';
import { scenarioNames, scenarioText } from './scenarios';

/** Most traffic a scan runs. */
const TRAFFIC_CAP = 10 * MINUTE;

/** Latin words a Chinese line may keep: units, names and terms the glossary leaves as they are. */
const KEPT_IN_LATIN = new Set(['METIS', 'ETH', 'USD', 'wei', 'gwei', 'Gas', 'gas', 'nonce', 'L1', 'L2', 'ZK', 'BLS', 'DEX', 'MEV', 'Rollup', 're-span']);

/** The English words left in a Chinese line, once actor ids and hashes are taken out. */
function englishIn(line: string): string[] {
	const bare = line.replace(/\b(?:seq|val|user)-\d+\b/g, '').replace(/0x[0-9a-fA-F]+…?/g, '');
	return (bare.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []).filter((w) => !KEPT_IN_LATIN.has(w));
}

/** Every preset in content/scenarios, run as its file says. */
const presets = scenarioNames().map((name) => {
	const parsed = parseScenarioText(scenarioText(name)!);
	if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
	return { name, scenario: parsed.scenario };
});

let locale = 'en';
overwriteGetLocale(() => locale as 'en');

/** Every reason-like text an event carries (an epoch's reason is a code, worded by its own table). */
const reasonsOf = (e: SimEvent): string[] =>
	e.type.startsWith('epoch.') ? [] : Object.entries(e).flatMap(([key, value]) => (/^(reason|consequence|rule)$/.test(key) && typeof value === 'string' ? [value] : []));

/**
 * Every preset's narration reads as words: each event described, no raw id, placeholder, doubled
 * phrase or over-precise amount; in Chinese, no English left but the terms kept in Latin letters; and
 * every reason the world writes is one the catalogue reads back word for word in English.
 */
describe.each(presets)('narration of $name', ({ scenario }) => {
	it('has no line a learner should not read, in either language', () => {
		// A preset with longer traffic (the demo's hour) runs ten minutes of it: the same kinds of lines, fewer of them.
		const params: Record<string, number> = Number(scenario.params?.trafficUntilMs ?? 0) > TRAFFIC_CAP ? { trafficUntilMs: TRAFFIC_CAP } : {};
		const world = createWorld({ seed: scenario.seed ?? 1, scenario, params });
		world.runUntil(parseDuration(scenario.expect?.until ?? '8d')!);
		const ledger = new BatchLedger();
		const problems = new Map<string, string>();
		let lines = 0;
		for (const e of world.events) {
			ledger.apply(e);
			locale = 'en';
			const said = say(e, ledger);
			for (const reason of reasonsOf(e)) {
				if (!knowsReason(reason)) problems.set(`unknown reason "${reason}"`, e.type);
				else if (!REWORDED.test(reason) && reasonText(reason) !== reason) problems.set(`reason read back as "${reasonText(reason)}"`, reason);
			}
			if (!said) continue;
			lines++;
			for (const problem of wordingProblems(said.text)) if (!problems.has(problem)) problems.set(problem, `${e.type}: ${said.text}`);
			locale = 'zh-CN';
			const chinese = say(e, ledger)!.text;
			for (const word of englishIn(chinese)) if (!problems.has(`English "${word}"`)) problems.set(`English "${word}"`, `${e.type}: ${chinese}`);
		}
		locale = 'en';
		expect(lines).toBeGreaterThan(0);
		expect([...problems].map(([problem, line]) => `${problem} — ${line}`)).toEqual([]);
	});
});
