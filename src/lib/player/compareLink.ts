/**
 * The compare page's link: `?w=lone-cheater:optimistic:quorum&w=lone-cheater:zk:l1`, one `w` per
 * world (scenario, then optionally finality and focus), at most four; `?race` is the finality race
 * (one world under each finality mode, and the deployed one). A bad entry is left out and named.
 */
import { FINALITY_MODES, type FinalityMode } from '$lib/sim/params';
import { findScenario } from './scenarios';
import { scenarioFinality, scenarioSeed, type WorldLink } from './urlState';
import { fieldProblem } from './problemWords';
import { m } from '$lib/paraglide/messages.js';

/** Most worlds one page runs side by side. */
export const MAX_COMPARED = 4;

/** One world of the compare page: its link and what its stage is focused on. */
export interface ComparedWorld {
	/** The world. */
	link: WorldLink;
	/** The focus as written (a part name or an actor id), or null. */
	focus: string | null;
}

const world = (scenario: string, finality: FinalityMode, focus: string | null): ComparedWorld => ({ link: { scenario, seed: scenarioSeed(scenario), finality }, focus });

/** Two worlds a visitor gets: one cheater, caught by a fraud proof and by a missing validity proof. */
export const DEFAULT_COMPARE: readonly ComparedWorld[] = [world('lone-cheater', 'optimistic', 'quorum'), world('lone-cheater', 'zk', 'l1')];

/** The finality race: the same world under optimistic, ZK and hybrid finality, and Metis as deployed. */
export const RACE: readonly ComparedWorld[] = [world('demo', 'optimistic', 'l1'), world('demo', 'zk', 'l1'), world('demo', 'hybrid', 'l1'), world('as-deployed-metis', scenarioFinality('as-deployed-metis'), 'l1')];

/** Reads the compare page's query; `problems` names each entry left out. */
export function parseCompare(search: URLSearchParams): { worlds: ComparedWorld[]; problems: string[] } {
	if (search.has('race')) return { worlds: [...RACE], problems: [] };
	const entries = search.getAll('w');
	if (!entries.length) return { worlds: [...DEFAULT_COMPARE], problems: [] };
	const problems: string[] = [];
	const worlds: ComparedWorld[] = [];
	entries.forEach((entry, i) => {
		const [scenario = '', finalityText, focus] = entry.split(':');
		const field = `w[${i}]`;
		if (!findScenario(scenario)) return problems.push(fieldProblem({ field, message: m.ui_settings_no_scenario({ scenario: scenario.slice(0, 40) }) }));
		if (finalityText && !(FINALITY_MODES as readonly string[]).includes(finalityText)) return problems.push(fieldProblem({ field, message: m.ui_compare_finality({ modes: FINALITY_MODES.join(', ') }) }));
		if (worlds.length >= MAX_COMPARED) return problems.push(fieldProblem({ field, message: m.ui_compare_most({ max: MAX_COMPARED }) }));
		worlds.push(world(scenario, (finalityText as FinalityMode | undefined) || scenarioFinality(scenario), focus || null));
	});
	return { worlds: worlds.length ? worlds : [...DEFAULT_COMPARE], problems };
}
