/** What the World menu's file buttons do: export and import a world, save the stage as a picture, and say how it went. */
import { formatClock } from '$lib/sim/units';
import type { RebuildResult } from './protocol';
import type { WorldClient } from './worldClient.svelte';
import { fileStem, saveBlob } from './saveFile';
import { MAX_WORLD_FILE_BYTES, readWorldFile, type WorldFileResult } from './worldFile';
import { ABSENT, type FieldDifference } from './worldDiff';

/** Downloads the running world as `rollup-lab/world-export@2` JSON; returns the file name. */
export async function downloadWorld(client: WorldClient): Promise<string> {
	const json = await client.exportWorld();
	const name = `${stemOf(client)}.json`;
	saveBlob(new Blob([json], { type: 'application/json' }), name);
	return name;
}

/** Reads a chosen world file; too big or broken files come back as problems in words. */
export async function readImport(file: File): Promise<WorldFileResult> {
	if (file.size > MAX_WORLD_FILE_BYTES) return { ok: false, errors: [`the file is ${Math.round(file.size / 2 ** 20)} MB; at most ${MAX_WORLD_FILE_BYTES / 2 ** 20} MB can be read`] };
	try {
		return readWorldFile(await file.text());
	} catch (err) {
		return { ok: false, errors: [`the file could not be read (${err instanceof Error ? err.message : String(err)})`] };
	}
}

/** The sentence that says whether an imported world was rebuilt exactly, and if not, the first thing that differs. */
export function rebuildNotice(name: string, r: RebuildResult): string {
	const span = `up to ${formatClock(r.until)}`;
	if (r.olderFormat) return `Imported ${name}, made by an earlier version of Rollup Lab (world-export@1): it was rebuilt from its recipe under today's rules, ${span}, so its old event log is not compared.`;
	if (r.matches) return `Imported ${name}: the rebuilt world matches the file, all ${r.fileEvents.toLocaleString('en')} events ${span} and everything else the file says about it.`;
	const parts: string[] = [];
	if (r.firstDifference !== null) parts.push(`its event log differs from event ${r.firstDifference.toLocaleString('en')} on (the file has ${r.fileEvents.toLocaleString('en')} events ${span}, the rebuilt world ${r.worldEvents.toLocaleString('en')})`);
	if (r.firstField) parts.push(fieldWords(r.firstField));
	const what = parts.length ? `: ${parts.join('; and ')}` : '';
	return `Imported ${name}, but the rebuilt world does not match the file${what}. The file may have been edited, or it came from another version: what you see is the rebuilt world, not the file.`;
}

/** One differing field in words: where it is and what each side says. */
function fieldWords(d: FieldDifference): string {
	if (d.rebuilt === ABSENT) return `the file has ${d.path} (${d.file}), which the rebuilt world does not have`;
	if (d.file === ABSENT) return `the file leaves out ${d.path}, which the rebuilt world has (${d.rebuilt})`;
	return `${d.path} is ${d.file} in the file but ${d.rebuilt} in the rebuilt world`;
}

/** The file name stem for the running world: scenario, seed and simulated time. */
export function stemOf(client: WorldClient): string {
	return fileStem(client.info?.scenario ?? 'world', client.info?.seed ?? '0', client.snapshot?.t ?? 0);
}
