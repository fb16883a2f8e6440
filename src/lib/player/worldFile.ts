/**
 * Reading a world file (`rollup-lab/world-export@2`, or an older `@1`) back into the sandbox:
 * valibot checks its shape, then the recipe that rebuilds it comes from its `replay` section or, for
 * files without one (the command line's), from the preset it names, its seed, finality and
 * parameters. An `@1` file is rebuilt under today's rules and its log is not compared.
 */
import * as v from 'valibot';
import type { SimEvent } from '$lib/sim/events';
import { AMOUNT_PARAMS, FINALITY_MODES, paramsToJson, type FinalityMode, type WorldParams } from '$lib/sim/params';
import { MAX_WORLD_MS, MAX_WORLD_WORDS } from '$lib/sim/paramBounds';
import { paramValueErrors, parseScenario, resolveParams, type FieldError } from '$lib/sim/scenario';
import { commandErrors, linkRecipe, scenarioBase } from './linkRecipe';
import type { RebuildCheck, WorldRecipe } from './protocol';
import { AssertedSections, NOT_COMPARED } from './worldFileSchema';
import { reshapeScenario, shapeOf, type ActorKind, type WorldShape } from './reshape';
import type { WorldLink } from './urlState';
import { fieldProblem } from './problemWords';
import { m } from '$lib/paraglide/messages.js';

/** The world file format this version writes. */
export const WORLD_FORMAT = 'rollup-lab/world-export@2';
/** The format earlier versions wrote: still read, rebuilt from its recipe. */
export const OLDER_FORMAT = 'rollup-lab/world-export@1';

const JsonValues = v.record(v.string(), v.union([v.string(), v.number()], m.ui_file_number_or_text));
const SimTime = v.pipe(v.number(m.ui_file_time), v.minValue(0, m.ui_file_time_positive), v.maxValue(MAX_WORLD_MS, () => m.ui_file_time_most_ms({ span: MAX_WORLD_WORDS, ms: MAX_WORLD_MS.toLocaleString('en') })));

const seedWords = () => m.ui_file_seed({ max: Number.MAX_SAFE_INTEGER, chars: 200 });

/** The parts of a world file the sandbox reads; other fields are allowed, and compared with the rebuilt world. */
const WorldFileSchema = v.looseObject({
	format: v.picklist([WORLD_FORMAT, OLDER_FORMAT], () => m.ui_file_format({ format: WORLD_FORMAT })),
	scenario: v.pipe(v.string(m.ui_file_scenario), v.maxLength(100, () => m.ui_file_scenario_long({ max: 100 }))),
	seed: v.union([v.pipe(v.number(), v.integer(seedWords), v.minValue(0, seedWords), v.maxValue(Number.MAX_SAFE_INTEGER, seedWords)), v.pipe(v.string(), v.maxLength(200, seedWords))], seedWords),
	finality: v.picklist(FINALITY_MODES as FinalityMode[], () => m.ui_file_one_of({ list: FINALITY_MODES.join(', ') })),
	params: JsonValues,
	...AssertedSections,
	events: v.array(v.looseObject({ t: SimTime, type: v.string(m.ui_file_event_type) }), m.ui_file_event_log),
	replay: v.optional(
		v.strictObject({
			scenario: v.unknown(),
			params: JsonValues,
			commands: v.array(v.unknown(), m.ui_file_commands),
			at: v.optional(SimTime)
		})
	)
});

/** A world file read back: how to rebuild it, what to compare, and its share link when a link can hold it. */
export type WorldFileResult =
	| { ok: true; recipe: WorldRecipe; check: RebuildCheck; link: WorldLink | null; fromReplay: boolean }
	| { ok: false; errors: string[] };

/** Largest world file read (bigger ones are refused before parsing). */
export const MAX_WORLD_FILE_BYTES = 256 * 1024 * 1024;

/** Reads a world file's text; every problem is named by its field. */
export function readWorldFile(text: string): WorldFileResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (err) {
		return { ok: false, errors: [m.ui_file_not_json({ error: (err as Error).message })] };
	}
	const parsed = v.safeParse(WorldFileSchema, json);
	if (!parsed.success) return { ok: false, errors: parsed.issues.slice(0, 5).map((i) => fieldProblem({ field: jsonPath(i), message: i.input === undefined ? m.ui_file_missing() : i.message })) };
	const file = parsed.output;
	const events = file.events as SimEvent[];
	const older = file.format === OLDER_FORMAT;
	if (!older) {
		const wrong = inForceErrors(file.params);
		if (wrong.length) return { ok: false, errors: wrong.slice(0, 5).map(fieldProblem) };
	}
	const asserted: Record<string, unknown> = {};
	if (!older) for (const [key, value] of Object.entries(json as Record<string, unknown>)) if (!(NOT_COMPARED as readonly string[]).includes(key)) asserted[key] = value;
	const check: RebuildCheck = { until: events.reduce((latest, e) => Math.max(latest, e.t), file.replay?.at ?? 0), events: older ? [] : events, olderFormat: older, asserted };
	return file.replay ? fromReplay(file, file.replay, check) : fromPreset(file, check);
}

/** What is wrong with the parameters a file says were in force (amounts in wei), each on its own. */
function inForceErrors(inForce: Record<string, string | number>): FieldError[] {
	const errors: FieldError[] = [];
	const values: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(inForce)) {
		if (!(AMOUNT_PARAMS as string[]).includes(name)) values[name] = value;
		else if (typeof value === 'string' && /^\d{1,60}$/.test(value)) values[name] = weiToMetis(value);
		else errors.push({ field: `params.${name}`, message: m.ui_file_wei_text() });
	}
	return [...errors, ...paramValueErrors(values, 'params')];
}

type WorldFile = v.InferOutput<typeof WorldFileSchema>;
type Replay = NonNullable<WorldFile['replay']>;

function fromReplay(file: WorldFile, replay: Replay, check: RebuildCheck): WorldFileResult {
	const scenario = parseScenario(replay.scenario);
	if (!scenario.ok) return { ok: false, errors: scenario.errors.map((e) => fieldProblem({ field: `replay.scenario.${e.field}`, message: e.message })) };
	const params = resolveParams(replay.params, 'replay.params', scenario.params);
	const errors = params.ok ? [] : params.errors;
	errors.push(...commandErrors(replay.commands, shapeOf(scenario.scenario), 'replay.commands'));
	if (errors.length) return { ok: false, errors: errors.map(fieldProblem) };
	const recipe: WorldRecipe = { seed: file.seed, scenario: replay.scenario, finality: file.finality, params: replay.params, commands: replay.commands as WorldRecipe['commands'] };
	return { ok: true, recipe, check, link: linkFor(file, replay), fromReplay: true };
}

function fromPreset(file: WorldFile, check: RebuildCheck): WorldFileResult {
	const base = scenarioBase(file.scenario);
	if (!base) return { ok: false, errors: [fieldProblem({ field: 'scenario', message: m.ui_file_not_preset({ scenario: file.scenario }) })] };
	const overrides = overridesOf(file.params, base.params);
	if (!overrides.ok) return { ok: false, errors: overrides.errors };
	const shape: WorldShape = {};
	const counts: Record<ActorKind, unknown[] | undefined> = { sequencers: file.sequencers, validators: file.validators, users: file.users };
	for (const kind of Object.keys(counts) as ActorKind[]) {
		const n = counts[kind]?.length;
		if (n !== undefined && n !== base.shape[kind]) shape[kind] = n;
	}
	const link: WorldLink = { seed: typeof file.seed === 'number' ? file.seed : 0, scenario: file.scenario, finality: file.finality };
	if (Object.keys(shape).length) link.shape = shape;
	if (Object.keys(overrides.params).length) link.params = overrides.params;
	const built = linkRecipe(link);
	if (!built.ok) return { ok: false, errors: built.errors.map(fieldProblem) };
	const recipe = { ...built.recipe, seed: file.seed };
	return { ok: true, recipe, check, link: typeof file.seed === 'number' && linkable(file.seed) ? link : null, fromReplay: false };
}

/** The file's parameters in force, as overrides of the preset's (only those that differ; amounts back in METIS). */
function overridesOf(inForce: Record<string, string | number>, preset: WorldParams): { ok: true; params: Record<string, string | number> } | { ok: false; errors: string[] } {
	const presetJson = paramsToJson(preset);
	const params: Record<string, string | number> = {};
	const errors: string[] = [];
	for (const [name, value] of Object.entries(inForce)) {
		if (presetJson[name] === value) continue;
		if ((AMOUNT_PARAMS as string[]).includes(name)) {
			if (typeof value === 'string' && /^\d{1,60}$/.test(value)) params[name] = weiToMetis(value);
			else errors.push(fieldProblem({ field: `params.${name}`, message: m.ui_file_wei_text() }));
		} else params[name] = value;
	}
	const resolved = resolveParams(params, 'params', preset);
	if (!resolved.ok) errors.push(...resolved.errors.map(fieldProblem));
	return errors.length ? { ok: false, errors } : { ok: true, params };
}

/** The share link of a replayed file, when its scenario is a preset reshaped (a link cannot hold any other). */
function linkFor(file: WorldFile, replay: Replay): WorldLink | null {
	const base = scenarioBase(file.scenario);
	if (!base || typeof file.seed !== 'number' || !linkable(file.seed)) return null;
	const own = shapeOf(replay.scenario as Parameters<typeof shapeOf>[0]);
	const shape: WorldShape = {};
	for (const kind of Object.keys(own) as ActorKind[]) if (own[kind] !== base.shape[kind]) shape[kind] = own[kind];
	const reshaped = reshapeScenario(base.json, shape);
	if (!reshaped.ok || canonical(reshaped.scenario) !== canonical(replay.scenario)) return null;
	const link: WorldLink = { seed: file.seed, scenario: file.scenario, finality: file.finality };
	if (Object.keys(shape).length) link.shape = shape;
	if (Object.keys(replay.params).length) link.params = replay.params;
	if (replay.commands.length) link.commands = replay.commands as WorldLink['commands'];
	return linkRecipe(link).ok ? link : null;
}

function linkable(seed: number): boolean {
	return Number.isSafeInteger(seed) && String(seed).length <= 15;
}

function weiToMetis(wei: string): string {
	const n = BigInt(wei);
	const unit = 10n ** 18n;
	const frac = (n % unit).toString().padStart(18, '0').replace(/0+$/, '');
	return frac ? `${n / unit}.${frac}` : `${n / unit}`;
}

/** An issue's field as a JSON path, `batches[3].stateRoot`. */
function jsonPath(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key = (item as { key: unknown }).key;
		out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
	}
	return out || m.ui_file_root();
}

/** JSON with object keys sorted, so two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));
}
