/** What the World menu's file buttons do: export and import a world, save the stage as a picture, and say how it went. */
import { clockText } from '$lib/player/clockWords';
import type { RebuildResult } from './protocol';
import type { WorldClient } from './worldClient.svelte';
import { fileStem, saveBlob } from './saveFile';
import { MAX_WORLD_FILE_BYTES, readWorldFile, type WorldFileResult } from './worldFile';
import { ABSENT, type FieldDifference } from './worldDiff';
import { m } from '$lib/paraglide/messages.js';

/** Downloads the running world as `rollup-lab/world-export@2` JSON; returns the file name. */
export async function downloadWorld(client: WorldClient): Promise<string> {
	const json = await client.exportWorld();
	const name = `${stemOf(client)}.json`;
	saveBlob(new Blob([json], { type: 'application/json' }), name);
	return name;
}

/** Reads a chosen world file; too big or broken files come back as problems in words. */
export async function readImport(file: File): Promise<WorldFileResult> {
	if (file.size > MAX_WORLD_FILE_BYTES) return { ok: false, errors: [m.ui_file_too_big({ size: Math.round(file.size / 2 ** 20), max: MAX_WORLD_FILE_BYTES / 2 ** 20 })] };
	try {
		return readWorldFile(await file.text());
	} catch (err) {
		return { ok: false, errors: [m.ui_file_unreadable({ error: err instanceof Error ? err.message : String(err) })] };
	}
}

/** The sentence that says whether an imported world was rebuilt exactly, and if not, the first thing that differs. */
export function rebuildNotice(name: string, r: RebuildResult): string {
	const span = m.ui_rebuild_span({ at: clockText(r.until) });
	const fileEvents = r.fileEvents.toLocaleString('en');
	if (r.olderFormat) return m.ui_rebuild_older({ name, span });
	if (r.matches) return m.ui_rebuild_matches({ name, events: fileEvents, span });
	const log = r.firstDifference !== null ? m.ui_rebuild_log_differs({ first: r.firstDifference.toLocaleString('en'), fileEvents, span, worldEvents: r.worldEvents.toLocaleString('en') }) : null;
	const field = r.firstField ? fieldWords(r.firstField) : null;
	const what = log && field ? m.ui_rebuild_both({ first: log, second: field }) : (log ?? field);
	return what ? m.ui_rebuild_differs_what({ name, what }) : m.ui_rebuild_differs({ name });
}

/** One differing field in words: where it is and what each side says. */
function fieldWords(d: FieldDifference): string {
	if (d.rebuilt === ABSENT) return m.ui_rebuild_only_file({ path: d.path, file: d.file });
	if (d.file === ABSENT) return m.ui_rebuild_only_world({ path: d.path, rebuilt: d.rebuilt });
	return m.ui_rebuild_field({ path: d.path, file: d.file, rebuilt: d.rebuilt });
}

/** The file name stem for the running world: scenario, seed and simulated time. */
export function stemOf(client: WorldClient): string {
	return fileStem(client.info?.scenario ?? 'world', client.info?.seed ?? '0', client.snapshot?.t ?? 0);
}
