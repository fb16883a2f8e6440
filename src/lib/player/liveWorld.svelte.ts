/**
 * One live world a page can host: created from a link (a preset, a seed, a finality and any
 * changes), it builds the world in its own worker, falls back on the world already running when a
 * new one cannot be built, imports and exports world files, and tells its host the link to write
 * back as the learner changes things. `destroy()` stops it.
 */
import type { FinalityMode } from '$lib/sim/params';
import { linkRecipe } from './linkRecipe';
import { fieldProblem } from './problemWords';
import { defaultLink, linkQuery, parseLink, scenarioFinality, scenarioSeed, type WorldLink } from './urlState';
import type { Frame } from './protocol';
import { WorldClient } from './worldClient.svelte';
import { readImport, rebuildNotice } from './worldFileActions';
import { m } from '$lib/paraglide/messages.js';

/** How a host hears about the world's link. */
export interface LiveWorldOptions {
	/** The link changed: `query` is its query string, or null when no link can hold the world (an imported custom scenario). */
	onLink?: (query: string | null) => void;
	/** A frame was shown: its events are new since the last frame, or the whole log when `frame.reset`. */
	onFrame?: (frame: Frame) => void;
}

/** A world running in a worker, with what its host shows about it. */
export class LiveWorld {
	/** The connection to the worker: snapshot, playback, view, narration and inspection. */
	readonly client: WorldClient;
	/** The world's link as it stands (its commands follow the learner). */
	link = $state<WorldLink>(defaultLink());
	/** Why the link that was asked for could not be opened (the default world was opened instead). */
	problems = $state<string[]>([]);
	/** A file or settings change that failed; the world was kept. */
	failure = $state<string | null>(null);
	/** How an export, import or picture went, in words. */
	notice = $state('');
	/** Whether a link can hold the world (an imported custom scenario cannot). */
	linkable = $state(true);

	/** The world the worker runs, to go back to when a new one cannot be built. */
	private loaded: { link: WorldLink; linkable: boolean } | null = null;
	private importing: string | null = null;
	private options: LiveWorldOptions;

	/** Starts a worker; call `open` to build a world in it. */
	constructor(options: LiveWorldOptions = {}) {
		this.options = options;
		this.client = new WorldClient({
			onLoadError: (message, kept, cancelled) => this.loadFailed(message, kept, cancelled),
			onLoaded: (_, rebuilt) => {
				this.loaded = { link: this.link, linkable: this.linkable };
				if (this.importing && rebuilt) this.notice = rebuildNotice(this.importing, rebuilt) + (this.linkable ? '' : m.ui_import_no_link());
				this.importing = null;
			},
			onFrame: (frame) => this.options.onFrame?.(frame),
			onCommands: (commands) => {
				const { commands: _old, ...rest } = this.link;
				this.link = commands.length ? { ...rest, commands } : rest;
				if (this.loaded) this.loaded = { ...this.loaded, link: this.link };
				this.tellLink();
			}
		});
	}

	/** The world is built and has a frame to draw. */
	get ready(): boolean {
		const c = this.client;
		return !c.loading && !!c.info && !!c.snapshot;
	}

	/** Opens the world a query string names (what was wrong with it goes to `problems`). */
	openQuery(search: URLSearchParams): void {
		const parsed = parseLink(search);
		this.open(parsed.link, parsed.problems);
	}

	/** Builds the world a link names (run on to `openAt` ms before it is shown); a link that cannot be built opens the default world and says why. */
	open(next: WorldLink, issues: string[] = [], openAt?: number): void {
		let built = linkRecipe(next);
		if (!built.ok) {
			issues = [...issues, ...built.errors.map(fieldProblem)];
			next = defaultLink();
			built = linkRecipe(next);
		}
		this.link = next;
		this.linkable = true;
		this.problems = issues;
		this.failure = null;
		this.notice = built.ok && built.dropped.length ? m.ui_left_out({ dropped: built.dropped.join(m.say_clause_join()) }) : '';
		this.tellLink();
		if (built.ok) this.client.load(built.recipe, undefined, openAt);
	}

	/** Opens another preset (its own seed and finality), or the same preset under another finality. */
	pick(pick: { scenario: string; finality: FinalityMode }): void {
		if (pick.scenario !== this.link.scenario) this.open({ scenario: pick.scenario, seed: scenarioSeed(pick.scenario), finality: scenarioFinality(pick.scenario) });
		else this.open({ ...this.link, finality: pick.finality });
	}

	/** Rebuilds the world with changed settings (nothing happens when nothing changed). */
	applySettings(next: WorldLink): void {
		if (linkQuery(next) !== linkQuery(this.link) || !this.linkable) this.open(next);
	}

	/** Imports a world file; a file that cannot be read or built leaves the world on screen as it was. */
	async importFile(file: File): Promise<void> {
		this.failure = null;
		this.notice = '';
		const read = await readImport(file);
		if (!read.ok) {
			this.failure = m.ui_file_not_opened({ errors: read.errors.join(m.say_clause_join()) });
			return;
		}
		this.importing = file.name;
		if (read.link) this.link = read.link;
		this.linkable = !!read.link;
		this.tellLink();
		this.client.load(read.recipe, read.check);
	}

	/** Runs a file action (an export, a picture), saying how it went. */
	async save(make: () => Promise<string>): Promise<void> {
		try {
			this.notice = m.ui_saved({ name: await make() });
		} catch (err) {
			this.failure = m.ui_save_failed({ error: err instanceof Error ? err.message : String(err) });
		}
	}

	/** Stops the worker. */
	destroy(): void {
		this.client.destroy();
	}

	private loadFailed(message: string, kept: boolean, cancelled = false): void {
		this.importing = null;
		if (kept && this.loaded) {
			// The worker kept the running world, whether a link holds it or it came from a file.
			this.failure = cancelled ? m.ui_import_cancelled({ reason: message }) : m.ui_world_not_built({ reason: message });
			this.link = this.loaded.link;
			this.linkable = this.loaded.linkable;
			this.tellLink();
			return;
		}
		const fallback = defaultLink();
		this.problems = [m.ui_world_not_built_link({ reason: message })];
		if (linkQuery(this.link) !== linkQuery(fallback)) this.open(fallback, this.problems);
	}

	private tellLink(): void {
		this.options.onLink?.(this.linkable ? linkQuery(this.link) : null);
	}
}
