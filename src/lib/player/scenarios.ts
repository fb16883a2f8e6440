/** The scenario files of `content/scenarios/`, bundled at build time, for pickers and share links. */
import type { FinalityMode } from '$lib/sim';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime';

/** A scenario the sandbox can load. */
export interface ScenarioEntry {
	/** File name without `.json`, as used in URLs. */
	name: string;
	/** Title shown in the picker. */
	title: string;
	/** One-sentence summary. */
	summary: string;
	/** What to look at on the stage while it runs ("" when the file says nothing). */
	watch: string;
	/** The scenario's own finality mode, if it sets one. */
	finality: FinalityMode | undefined;
	/** The scenario's own seed, if it sets one (presets rely on it). */
	seed: number | undefined;
	/** The raw JSON (validated by the worker). */
	json: unknown;
}

/** A chapter of the story the presets tell, in teaching order. */
export interface StoryChapter {
	/** Its heading in the picker, in the catalogue's words. */
	chapter: () => string;
	/** Its scenarios, by name, in order. */
	scenarios: readonly string[];
}

/**
 * The presets as a story: the world working, then one fault at a time, from a cheater the pool
 * catches by itself to a majority only validators can catch, and last Metis as deployed.
 */
export const STORY: readonly StoryChapter[] = [
	{ chapter: m.ui_chapter_work, scenarios: ['demo', 'happy-path'] },
	{ chapter: m.ui_chapter_cheat, scenarios: ['lone-cheater', 'equivocation'] },
	{ chapter: m.ui_chapter_missing, scenarios: ['proposer-offline', 'quorum-loss', 'two-thirds-edge'] },
	{ chapter: m.ui_chapter_abuses, scenarios: ['censorship-forced-inclusion', 'dex-swaps', 'mev-sandwich'] },
	{ chapter: m.ui_chapter_majority, scenarios: ['lazy-validators', 'colluding-majority-optimistic', 'colluding-majority-zk', 'colluding-majority-hybrid'] },
	{ chapter: m.ui_chapter_deployed, scenarios: ['as-deployed-metis'] }
];

/** Every preset of the story, in teaching order. */
export const STORY_ORDER: readonly string[] = STORY.flatMap((c) => c.scenarios);

/** Where a scenario comes in the story; one the story does not name comes after, by name. */
function storyRank(name: string): number {
	const i = STORY_ORDER.indexOf(name);
	return i < 0 ? STORY_ORDER.length : i;
}

const files = import.meta.glob<{ default: Record<string, unknown> }>('/content/scenarios/*.json', { eager: true });

/** Every scenario, in story order. */
export const SCENARIOS: readonly ScenarioEntry[] = Object.entries(files)
	.map(([path, mod]) => {
		const json = mod.default;
		const name = path.replace(/^.*\//, '').replace(/\.json$/, '');
		return {
			name,
			title: typeof json.title === 'string' ? json.title : name,
			summary: typeof json.summary === 'string' ? json.summary : '',
			watch: typeof json.watch === 'string' ? json.watch : '',
			finality: (json.finality as FinalityMode | undefined) ?? undefined,
			seed: typeof json.seed === 'number' && Number.isInteger(json.seed) && json.seed >= 0 ? json.seed : undefined,
			json
		};
	})
	.sort((a, b) => storyRank(a.name) - storyRank(b.name) || a.name.localeCompare(b.name));

/** A scenario's words in one language: `content/scenarios/<locale>/<name>.json`. */
export interface ScenarioWords {
	/** Title shown in the picker. */
	title: string;
	/** One-sentence summary. */
	summary: string;
	/** What to look at on the stage while it runs. */
	watch: string;
}

const translations = import.meta.glob<{ default: Record<string, unknown> }>('/content/scenarios/*/*.json', { eager: true });

/** Each language's words for each scenario, by locale then name (only the fields a file gives as text). */
const WORDS: ReadonlyMap<string, ReadonlyMap<string, Partial<ScenarioWords>>> = (() => {
	const byLocale = new Map<string, Map<string, Partial<ScenarioWords>>>();
	for (const [path, mod] of Object.entries(translations)) {
		const [, locale, name] = /\/content\/scenarios\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
		if (!locale || !name) continue;
		const words: Partial<ScenarioWords> = {};
		for (const field of ['title', 'summary', 'watch'] as const) if (typeof mod.default[field] === 'string') words[field] = mod.default[field] as string;
		if (!byLocale.has(locale)) byLocale.set(locale, new Map());
		byLocale.get(locale)!.set(name, words);
	}
	return byLocale;
})();

/** A bundled scenario's title, summary and what to watch in the page's language (English where no translation gives a field). */
export function scenarioWords(entry: ScenarioEntry, locale: string = getLocale()): ScenarioWords {
	const local = WORDS.get(locale)?.get(entry.name) ?? {};
	return { title: local.title ?? entry.title, summary: local.summary ?? entry.summary, watch: local.watch ?? entry.watch };
}

/** A scenario's title by its name, in the page's language; a name no bundled scenario has, as it is. */
export function scenarioTitle(name: string): string {
	const entry = findScenario(name);
	return entry ? scenarioWords(entry).title : name;
}

/** The title to show for a world: the bundled scenario's, in the page's language, when the world is that scenario; else the title the world was built with. */
export function worldTitle(info: { scenario: string; title: string }): string {
	const entry = findScenario(info.scenario);
	return entry && entry.title === info.title ? scenarioWords(entry).title : info.title;
}

/** The scenario a new visitor (or a broken link) gets. */
export const DEFAULT_SCENARIO = SCENARIOS.some((s) => s.name === 'demo') ? 'demo' : (SCENARIOS[0]?.name ?? 'demo');

/** The scenario with this name, if there is one. */
export function findScenario(name: string): ScenarioEntry | undefined {
	return SCENARIOS.find((s) => s.name === name);
}

/** The scenarios grouped by chapter, in story order; any the story does not name come last under "More scenarios". */
export function storyChapters(list: readonly ScenarioEntry[] = SCENARIOS): { chapter: string; entries: ScenarioEntry[] }[] {
	const chapters = STORY.map((c) => ({ chapter: c.chapter(), entries: c.scenarios.flatMap((n) => list.filter((s) => s.name === n)) }));
	const rest = list.filter((s) => !STORY_ORDER.includes(s.name));
	return [...chapters, { chapter: m.ui_chapter_more(), entries: rest }].filter((c) => c.entries.length > 0);
}
