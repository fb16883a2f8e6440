/** The worker's side of world files: an export that can rebuild itself, and the check of a rebuilt world against its file. */
import type { World, WorldExport } from '$lib/sim';
import type { RebuildCheck, RebuildResult, WorldRecipe } from '../protocol';

/** The world as `rollup-lab/world-export@2`, plus the `replay` that rebuilds it exactly. */
export function exportWithReplay(world: World, recipe: WorldRecipe): WorldExport {
	return { ...world.exportWorld(), replay: { scenario: recipe.scenario, params: recipe.params ?? {}, commands: world.userCommands, at: world.now } };
}

/** Runs a freshly built world to the file's time and compares the two event logs entry by entry. */
export function checkRebuild(world: World, check: RebuildCheck): RebuildResult {
	world.runUntil(check.until);
	const log = world.events;
	if (check.olderFormat) return { matches: false, until: check.until, fileEvents: 0, worldEvents: log.length, firstDifference: null, olderFormat: true };
	let firstDifference: number | null = null;
	const n = Math.max(log.length, check.events.length);
	for (let i = 0; i < n; i++) {
		if (JSON.stringify(log[i]) !== JSON.stringify(check.events[i])) {
			firstDifference = i;
			break;
		}
	}
	return { matches: firstDifference === null, until: check.until, fileEvents: check.events.length, worldEvents: log.length, firstDifference, olderFormat: false };
}
