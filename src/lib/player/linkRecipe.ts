/**
 * From a share link to the world it describes: the preset's scenario JSON reshaped, the parameter
 * overrides checked with the simulation's own rules, and the learner's commands checked one by one.
 * Every problem names the link's field (`seqs`, `p.sampleRate`, `cmds[2]`…).
 */
import { parseCommand, type TimedCommand } from '$lib/sim/commandSchema';
import { DEFAULT_PARAMS, type WorldParams } from '$lib/sim/params';
import { MAX_COMMANDS, timeBoundError } from '$lib/sim/paramBounds';
import { paramValueErrors, parseScenario, resolveParams, type FieldError } from '$lib/sim/scenario';
import type { WorldRecipe } from './protocol';
import { missingActor, reshapeScenario, shapeOf, type ActorKind, type WorldShape } from './reshape';
import { findScenario } from './scenarios';
import type { WorldLink } from './urlState';
import { m } from '$lib/paraglide/messages.js';

/** Most learner commands one link may carry. */
export const MAX_LINK_COMMANDS = MAX_COMMANDS;

/** The link key of each shape count. */
export const SHAPE_KEYS: Record<ActorKind, string> = { sequencers: 'seqs', validators: 'vals', users: 'users' };

/** What a scenario preset is made of, before any link changes it. */
export interface ScenarioBase {
	/** Its counts. */
	shape: Required<WorldShape>;
	/** Its parameters (defaults plus its own). */
	params: WorldParams;
	/** Its raw JSON. */
	json: unknown;
}

/** The preset's own counts and parameters, or null when there is no such valid preset. */
export function scenarioBase(name: string): ScenarioBase | null {
	const entry = findScenario(name);
	const parsed = entry && parseScenario(entry.json);
	if (!entry || !parsed?.ok) return null;
	return { shape: shapeOf(parsed.scenario), params: parsed.params, json: entry.json };
}

/** The recipe a link describes, with what reshaping dropped; or every problem, by link field. */
export type LinkRecipeResult = { ok: true; recipe: WorldRecipe; dropped: string[] } | { ok: false; errors: FieldError[] };

/** Checks a link completely and builds the worker's recipe for it. */
export function linkRecipe(link: WorldLink): LinkRecipeResult {
	const base = scenarioBase(link.scenario);
	if (!base) return { ok: false, errors: [{ field: 'scenario', message: m.ui_settings_no_scenario({ scenario: link.scenario }) }] };
	const errors: FieldError[] = [];
	const reshaped = reshapeScenario(base.json, link.shape ?? {});
	if (!reshaped.ok) errors.push(...reshaped.errors.map((e) => ({ field: e.field in SHAPE_KEYS ? SHAPE_KEYS[e.field as ActorKind] : e.field, message: e.message })));
	const params = link.params ?? {};
	const resolved = resolveParams(params, 'p', base.params);
	if (!resolved.ok) errors.push(...resolved.errors);
	const shape = { ...base.shape, ...link.shape };
	errors.push(...commandErrors(link.commands ?? [], shape));
	if (errors.length || !reshaped.ok) return { ok: false, errors };
	const recipe: WorldRecipe = { seed: link.seed, scenario: reshaped.scenario, finality: link.finality };
	if (Object.keys(params).length) recipe.params = params;
	if (link.commands?.length) recipe.commands = link.commands;
	return { ok: true, recipe, dropped: reshaped.dropped };
}

/** What is wrong with each of a link's (or file's) commands, for a world of this shape. */
export function commandErrors(commands: readonly unknown[], shape: Required<WorldShape>, prefix = 'cmds'): FieldError[] {
	if (commands.length > MAX_LINK_COMMANDS) return [{ field: prefix, message: m.ui_link_most_commands({ max: MAX_LINK_COMMANDS }) }];
	const errors: FieldError[] = [];
	commands.forEach((raw, i) => {
		const field = `${prefix}[${i}]`;
		const entry = raw as Partial<TimedCommand> | null;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return errors.push({ field, message: m.ui_link_expected_entry({ shape: '{ at, command }' }) });
		const late = timeBoundError(entry.at);
		if (late) errors.push({ field: `${field}.at`, message: late });
		const checked = parseCommand(entry.command);
		if (!checked.ok) return errors.push({ field: `${field}.command`, message: checked.error });
		// A parameter change is applied later, on top of whatever is in force then; its values can be checked now.
		if (checked.command.type === 'params.set') errors.push(...paramValueErrors(checked.command.params, `${field}.command.params`));
		const missing = missingActor(checked.command, shape);
		if (missing) errors.push({ field: `${field}.command`, message: m.ui_link_no_actor({ actor: missing }) });
	});
	return errors;
}

/** A parameter value from link text, typed as the parameter is (unknown names stay text for resolveParams to refuse). */
export function paramFromText(name: string, text: string): { ok: true; value: string | number } | { ok: false; message: string } {
	const kind = typeof (DEFAULT_PARAMS as unknown as Record<string, unknown>)[name];
	if (kind !== 'number') return { ok: true, value: text };
	const value = text.trim() === '' ? NaN : Number(text);
	return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: m.ui_link_not_number({ text: text.length > 20 ? `${text.slice(0, 20)}…` : text }) };
}
