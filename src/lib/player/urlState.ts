/**
 * The sandbox's share-link state: `?seed=…&scenario=…&finality=…`, then, only when set, the world's
 * shape (`seqs`, `vals`, `users`), parameter overrides (`p.sampleRate=0.5`) and the learner's
 * commands (`cmds`, compressed). A link that does not parse yields the default world and a list of
 * what was wrong, never an exception.
 */
// lz-string is CommonJS: its default import works in the browser bundle and in Node (prerendering) alike.
import lzString from 'lz-string';
import type { TimedCommand } from '$lib/sim/commandSchema';
import { FINALITY_MODES, type FinalityMode } from '$lib/sim/params';
import { linkRecipe, MAX_LINK_COMMANDS, paramFromText, SHAPE_KEYS } from './linkRecipe';
import type { ActorKind, WorldShape } from './reshape';
import { DEFAULT_SCENARIO, findScenario, SCENARIOS } from './scenarios';
import { fieldProblem } from './problemWords';
import { m } from '$lib/paraglide/messages.js';

/** The world a link describes. */
export interface WorldLink {
	/** A whole number. */
	seed: number;
	/** Scenario name. */
	scenario: string;
	/** Finality mode. */
	finality: FinalityMode;
	/** Counts that replace the scenario's own. */
	shape?: WorldShape;
	/** Parameter overrides on top of the scenario's (JSON values: amounts as METIS strings). */
	params?: Record<string, string | number>;
	/** The learner's commands (not the scenario's timeline), replayed at their times. */
	commands?: TimedCommand[];
}

/** The seed a new visitor gets. */
export const DEFAULT_SEED = 1;

/** Longest `cmds` value read (a compressed list of at most MAX_LINK_COMMANDS commands fits well within it). */
const MAX_CMDS_CHARS = 200_000;

/** The default finality of a scenario: its own, else optimistic. */
export function scenarioFinality(name: string): FinalityMode {
	return findScenario(name)?.finality ?? 'optimistic';
}

/** The default seed of a scenario: its own, else DEFAULT_SEED. */
export function scenarioSeed(name: string): number {
	return findScenario(name)?.seed ?? DEFAULT_SEED;
}

/** The world a new visitor (or a broken link) gets. */
export function defaultLink(): WorldLink {
	return { seed: scenarioSeed(DEFAULT_SCENARIO), scenario: DEFAULT_SCENARIO, finality: scenarioFinality(DEFAULT_SCENARIO) };
}

/** Reads a link's query text, as `linkQuery` writes it. */
export function parseLinkQuery(query: string): { link: WorldLink; problems: string[] } {
	return parseLink(new URLSearchParams(query));
}

/** Reads a query string; `problems` lists what was wrong (then `link` is the default world). */
export function parseLink(search: URLSearchParams): { link: WorldLink; problems: string[] } {
	const problems: string[] = [];
	const fallback = defaultLink();
	const seedText = search.get('seed');
	const scenarioText = search.get('scenario');
	const finalityText = search.get('finality');
	let scenario = fallback.scenario;
	if (scenarioText !== null) {
		if (findScenario(scenarioText)) scenario = scenarioText;
		else problems.push(m.ui_link_no_scenario({ scenario: clip(scenarioText), names: SCENARIOS.map((s) => s.name).join(', ') }));
	}
	let seed = scenarioSeed(scenario);
	if (seedText !== null) {
		if (/^\d{1,15}$/.test(seedText.trim())) seed = Number(seedText.trim());
		else problems.push(m.ui_link_bad_seed({ seed: clip(seedText) }));
	}
	let finality = scenarioFinality(scenario);
	if (finalityText !== null) {
		if ((FINALITY_MODES as readonly string[]).includes(finalityText)) finality = finalityText as FinalityMode;
		else problems.push(m.ui_link_bad_finality({ finality: clip(finalityText), modes: FINALITY_MODES.join(', ') }));
	}
	const link: WorldLink = { seed, scenario, finality };
	const shape = readShape(search, problems);
	if (shape) link.shape = shape;
	const params = readParams(search, problems);
	if (params) link.params = params;
	const commands = readCommands(search.get('cmds'), problems);
	if (commands) link.commands = commands;
	if (!problems.length) {
		const checked = linkRecipe(link);
		if (!checked.ok) problems.push(...checked.errors.map(fieldProblem));
	}
	return problems.length ? { link: fallback, problems } : { link, problems };
}

/** The query string of a link: seed, scenario and finality always, the rest only when set. */
export function linkQuery(link: WorldLink): string {
	const q = new URLSearchParams({ seed: String(link.seed), scenario: link.scenario, finality: link.finality });
	for (const kind of Object.keys(SHAPE_KEYS) as ActorKind[]) {
		const n = link.shape?.[kind];
		if (n !== undefined) q.set(SHAPE_KEYS[kind], String(n));
	}
	for (const name of Object.keys(link.params ?? {}).sort()) q.set(`p.${name}`, String(link.params![name]));
	// The compressed alphabet (letters, digits, + - $) needs no escaping in a query.
	const cmds = link.commands?.length ? `&cmds=${encodeCommands(link.commands)}` : '';
	return `?${q.toString()}${cmds}`;
}

/** Commands as the `cmds` value: compressed JSON in a URL-safe alphabet. */
export function encodeCommands(commands: readonly TimedCommand[]): string {
	return lzString.compressToEncodedURIComponent(JSON.stringify(commands));
}

/** What a count in a link that is not a whole number reads as, by kind. */
const NOT_WHOLE: Record<ActorKind, (inputs: { text: string }) => string> = {
	sequencers: m.ui_link_not_whole_sequencers,
	validators: m.ui_link_not_whole_validators,
	users: m.ui_link_not_whole_users
};

function readShape(search: URLSearchParams, problems: string[]): WorldShape | undefined {
	const shape: WorldShape = {};
	for (const kind of Object.keys(SHAPE_KEYS) as ActorKind[]) {
		const key = SHAPE_KEYS[kind];
		const text = search.get(key);
		if (text === null) continue;
		if (/^\d{1,6}$/.test(text.trim())) shape[kind] = Number(text.trim());
		else problems.push(fieldProblem({ field: key, message: NOT_WHOLE[kind]({ text: clip(text) }) }));
	}
	return Object.keys(shape).length ? shape : undefined;
}

function readParams(search: URLSearchParams, problems: string[]): Record<string, string | number> | undefined {
	const params: Record<string, string | number> = {};
	for (const [key, text] of search) {
		if (!key.startsWith('p.')) continue;
		const name = key.slice(2);
		const value = paramFromText(name, text);
		if (value.ok) params[name] = value.value;
		else problems.push(fieldProblem({ field: clip(key), message: value.message }));
	}
	return Object.keys(params).length ? params : undefined;
}

function readCommands(text: string | null, problems: string[]): TimedCommand[] | undefined {
	if (text === null || text === '') return undefined;
	if (text.length > MAX_CMDS_CHARS) {
		problems.push(fieldProblem({ field: 'cmds', message: m.ui_link_cmds_too_long({ max: MAX_LINK_COMMANDS }) }));
		return undefined;
	}
	let json: unknown;
	try {
		const decoded = lzString.decompressFromEncodedURIComponent(text);
		json = decoded ? JSON.parse(decoded) : undefined;
	} catch {
		json = undefined;
	}
	if (!Array.isArray(json)) {
		problems.push(fieldProblem({ field: 'cmds', message: m.ui_link_cmds_unreadable() }));
		return undefined;
	}
	// Each entry is checked by linkRecipe, which names the bad one.
	return json as TimedCommand[];
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
