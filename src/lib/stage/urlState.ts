/**
 * The sandbox's share-link state: `?seed=…&scenario=…&finality=…`. A link that does not parse
 * yields the default world and a list of what was wrong, never an exception.
 */
import { FINALITY_MODES, type FinalityMode } from '$lib/sim/params';
import { DEFAULT_SCENARIO, findScenario, SCENARIOS } from './scenarios';

/** The world a link describes. */
export interface SandboxLink {
	/** A whole number. */
	seed: number;
	/** Scenario name. */
	scenario: string;
	/** Finality mode. */
	finality: FinalityMode;
}

/** The seed a new visitor gets. */
export const DEFAULT_SEED = 1;

/** The default finality of a scenario: its own, else optimistic. */
export function scenarioFinality(name: string): FinalityMode {
	return findScenario(name)?.finality ?? 'optimistic';
}

/** The default seed of a scenario: its own, else DEFAULT_SEED. */
export function scenarioSeed(name: string): number {
	return findScenario(name)?.seed ?? DEFAULT_SEED;
}

/** The world a new visitor (or a broken link) gets. */
export function defaultLink(): SandboxLink {
	return { seed: scenarioSeed(DEFAULT_SCENARIO), scenario: DEFAULT_SCENARIO, finality: scenarioFinality(DEFAULT_SCENARIO) };
}

/** Reads a query string; `problems` lists what was wrong (then `link` is the default world). */
export function parseLink(search: URLSearchParams): { link: SandboxLink; problems: string[] } {
	const problems: string[] = [];
	const fallback = defaultLink();
	const seedText = search.get('seed');
	const scenarioText = search.get('scenario');
	const finalityText = search.get('finality');
	let scenario = fallback.scenario;
	if (scenarioText !== null) {
		if (findScenario(scenarioText)) scenario = scenarioText;
		else problems.push(`there is no scenario "${clip(scenarioText)}" (try ${SCENARIOS.map((s) => s.name).join(', ')})`);
	}
	let seed = scenarioSeed(scenario);
	if (seedText !== null) {
		if (/^\d{1,15}$/.test(seedText.trim())) seed = Number(seedText.trim());
		else problems.push(`the seed "${clip(seedText)}" is not a whole number`);
	}
	let finality = scenarioFinality(scenario);
	if (finalityText !== null) {
		if ((FINALITY_MODES as readonly string[]).includes(finalityText)) finality = finalityText as FinalityMode;
		else problems.push(`the finality "${clip(finalityText)}" is not one of ${FINALITY_MODES.join(', ')}`);
	}
	return problems.length ? { link: fallback, problems } : { link: { seed, scenario, finality }, problems };
}

/** The query string of a link (always complete, so a shared link replays exactly). */
export function linkQuery(link: SandboxLink): string {
	const q = new URLSearchParams({ seed: String(link.seed), scenario: link.scenario, finality: link.finality });
	return `?${q.toString()}`;
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
