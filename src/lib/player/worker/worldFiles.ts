/** The worker's side of world files: an export that can rebuild itself, the check of a recipe, and the comparison of a rebuilt world with its file. */
import { parseCommand, parseScenario, type World, type WorldExport } from '$lib/sim';
import { resolveParams } from '$lib/sim/scenario';
import { MAX_COMMANDS, timeBoundError } from '$lib/sim/paramBounds';
import type { RebuildCheck, RebuildResult, WorldRecipe } from '../protocol';
import { firstFieldDifference, type FieldDifference } from '../worldDiff';
import { fieldProblem } from '../problemWords';
import { m } from '$lib/paraglide/messages.js';

/** The world as `rollup-lab/world-export@2`, plus the `replay` that rebuilds it exactly. */
export function exportWithReplay(world: World, recipe: WorldRecipe): WorldExport {
	return { ...world.exportWorld(), replay: { scenario: recipe.scenario, params: recipe.params ?? {}, commands: world.userCommands, at: world.now } };
}

/** Everything wrong with a recipe, by its field (`scenario.users`, `params.quorumDenominator`, `commands[2].at`), checked before anything is built or dropped. */
export function recipeErrors(recipe: WorldRecipe): string[] {
	const scenario = parseScenario(recipe.scenario);
	if (!scenario.ok) return scenario.errors.map((e) => fieldProblem({ field: `scenario.${e.field}`, message: e.message }));
	const errors: string[] = [];
	const params = resolveParams(recipe.params ?? {}, 'params', scenario.params);
	if (!params.ok) errors.push(...params.errors.map(fieldProblem));
	const commands = recipe.commands ?? [];
	if (!Array.isArray(commands)) return [...errors, fieldProblem({ field: 'commands', message: m.ui_file_commands() })];
	if (commands.length > MAX_COMMANDS) return [...errors, fieldProblem({ field: 'commands', message: m.ui_link_most_commands({ max: MAX_COMMANDS }) })];
	commands.forEach((c, i) => {
		const late = timeBoundError(c?.at);
		if (late) errors.push(fieldProblem({ field: `commands[${i}].at`, message: late }));
		const checked = parseCommand(c?.command);
		if (!checked.ok) errors.push(fieldProblem({ field: `commands[${i}].command`, message: checked.error }));
	});
	return errors;
}

/** Runs a freshly built world to the file's time and compares it with the file (see compareRebuild). */
export function checkRebuild(world: World, check: RebuildCheck): RebuildResult {
	world.runUntil(check.until);
	return compareRebuild(world, check);
}

/** Compares a rebuilt world, already at the file's time, with its file: the event log entry by entry, then every other field the file asserts. */
export function compareRebuild(world: World, check: RebuildCheck): RebuildResult {
	const log = world.events;
	const base = { until: check.until, worldEvents: log.length };
	if (check.olderFormat) return { ...base, matches: false, fileEvents: 0, firstDifference: null, firstField: null, olderFormat: true };
	let firstDifference: number | null = null;
	const n = Math.max(log.length, check.events.length);
	for (let i = 0; i < n; i++) {
		if (JSON.stringify(log[i]) !== JSON.stringify(check.events[i])) {
			firstDifference = i;
			break;
		}
	}
	const firstField = check.asserted ? assertedDifference(world, check.asserted) : null;
	return { ...base, matches: firstDifference === null && firstField === null, fileEvents: check.events.length, firstDifference, firstField, olderFormat: false };
}

/** The first field the file asserts (outside its log and recipe) that the rebuilt world's export does not bear out. */
function assertedDifference(world: World, asserted: Record<string, unknown>): FieldDifference | null {
	// Through JSON, as the file went: what the file could hold is what is compared.
	const rebuilt = JSON.parse(JSON.stringify(world.exportWorld())) as Record<string, unknown>;
	const picked: Record<string, unknown> = {};
	// A section the file leaves out asserts nothing; one the world has no such section for is a difference.
	for (const key of Object.keys(asserted)) if (key in rebuilt) picked[key] = rebuilt[key];
	return firstFieldDifference(asserted, picked);
}
